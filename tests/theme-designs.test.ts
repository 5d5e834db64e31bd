/**
 * The built-in themes as designs: each theme.json passes the schema and names font packages that
 * are installed with the files it lists; a short book of every element fiction needs builds with
 * every theme, to EPUB and print PDF, in one browser, its EPUB passing EPUBCheck with no message
 * under every store target and DAISY Ace; each PDF embeds only the theme's own faces,
 * as TrueType or OpenType (no Type 3, no fallback font), and its lines of letters, verse, chat and
 * epigraphs stand on the theme's baseline grid; the chapter opener's computed styles (read in
 * Chromium from each theme's print page) differ between every two themes. The elements book's
 * print pages keep issue 11's measures in every theme (helpers/print-measures.ts): it is too
 * short (15 pages, most of them a chapter's opener or last page) to show its own text block and
 * word space, so they are read off the sample's PDF in the same theme, and its part page (a title
 * and an epigraph, which would read as an opener) is named by book.yaml's `parts:`. The sample
 * book in every theme, and its print measures: theme-measures.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { themeSchema } from '../src/config/theme-schema.ts';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { EPUB_TARGETS } from '../src/output/epub/targets.ts';
import { goalTests } from './helpers/goal-tests.ts';
import { drawnPages } from './helpers/pdf-read.ts';
import { type CountKey, formatMeasures, measureBook, measurePrintPdf, type PrintMeasures } from './helpers/print-measures.ts';
import { readBook } from './helpers/print-pages.ts';
import { readPrintPdf } from './helpers/print-source.ts';
import { targetEpubs } from './helpers/theme-books.ts';
import { declaredLeadIn, families, inherited, manifest, ownFonts, THEMES } from './helpers/theme-manifests.ts';
import { chapterTitles, expectOnGrid, expectOwnFaces, fullPages } from './helpers/theme-pages.ts';
import { openThemePrintPage } from './helpers/theme-print-page.ts';
import { tempDir } from './helpers/tmp.ts';
import { aceCheckMany, type EpubcheckResult, epubcheckMany, pdfFonts } from './helpers/tools.ts';

const ROOT = path.join(import.meta.dirname, '..');
const SAMPLE = path.join(ROOT, 'manuscript');
/** A short book with every element fiction needs (verse, letters, chat, epigraphs, parts…). */
const ELEMENTS = path.join(ROOT, 'tests', 'fixtures', 'books', 'elements');
const require = createRequire(path.join(ROOT, 'package.json'));

const points = (length: string | undefined) => Number.parseFloat(length ?? 'NaN');

/** The elements book's parts, as its book.yaml names them, and its chapters: its other headings of level 1. */
const PARTS = (parse(readFileSync(path.join(ELEMENTS, 'book.yaml'), 'utf8')) as { parts: string[] }).parts;
const CHAPTERS = readdirSync(ELEMENTS)
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => [...readFileSync(path.join(ELEMENTS, f), 'utf8').matchAll(/^# (.+?)(?:\s*\{.*\})?$/gm)].map((m) => m[1]))
  .filter((title) => !PARTS.includes(title as string));

/**
 * Issue 11's goals the elements book does not meet yet, per theme (each an `it.fails`). Its 8 to
 * 10 justified lines are mostly the lines beside its three drop caps and a letter's, at the
 * letter's inset measure. In thriller two of the letter's lines are set over 1.5× the design's
 * median gap (1.63×, 1.66×; none is over 2×): 20% of the book's justified lines, where the goal
 * is 1%. The sample, in the same theme, meets it (theme-measures.test.ts).
 */
const NOT_YET: Record<string, CountKey[]> = { thriller: ['over15'] };

/** The elements book's print measures, read with the design of the sample's PDF in the same theme. */
async function elementsMeasures(pdf: string, sample: PrintMeasures, theme: string): Promise<PrintMeasures> {
  const source = await readPrintPdf(pdf);
  const displayed = (lines: { display: boolean; text: string }[]) =>
    lines
      .filter((l) => l.display)
      .map((l) => l.text)
      .join(' ')
      .toLowerCase();
  const parts = readBook({ ...source, geometry: sample.geometry })
    .pages.filter((page) => PARTS.some((part) => displayed(page.lines) === part.toLowerCase()))
    .map((page) => page.index);
  expect(parts, `${theme}: the part pages`).toHaveLength(PARTS.length);
  return measureBook(source, { leadIn: declaredLeadIn(theme), design: sample, parts });
}

interface Built {
  epub: string;
  pdf: string;
  ms: number;
}

interface OpenerStyle {
  titleFamily: string;
  textFamily: string;
  textSize: string;
  leading: string;
}

describe('the built-in theme designs', () => {
  const elements = new Map<string, Built>();
  const measures = new Map<string, PrintMeasures>();
  const checks = new Map<string, EpubcheckResult>();
  /** The elements book's EPUB for each theme and target, by `theme target`. */
  let epubs = new Map<string, string>();
  const styles = new Map<string, OpenerStyle>();
  let session: BrowserSession;

  beforeAll(async () => {
    const out = tempDir('galley-theme-designs-');
    session = await launchBrowser();
    for (const theme of THEMES) {
      const from = performance.now();
      const result = await build({ input: ELEMENTS, out: path.join(out, `elements-${theme}`), theme, session });
      const file = (format: string) => result.files.find((f) => f.format === format)?.path ?? '';
      elements.set(theme, { epub: file('epub'), pdf: file('pdf'), ms: performance.now() - from });
      const sample = await build({ input: SAMPLE, out: path.join(out, `sample-${theme}`), theme, session, formats: ['pdf'] });
      const design = await measurePrintPdf(sample.files[0]?.path ?? '', { leadIn: declaredLeadIn(theme) });
      measures.set(theme, await elementsMeasures(file('pdf'), design, theme));
    }
    for (const theme of THEMES) styles.set(theme, await openerStyle(session, theme));
    // The elements book's EPUB for every store target too, checked in one EPUBCheck run.
    epubs = await targetEpubs(ELEMENTS, THEMES, out);
    const results = epubcheckMany([...epubs.values()]);
    for (const [i, key] of [...epubs.keys()].entries()) checks.set(key, results[i] as EpubcheckResult);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('gives the elements book’s EPUB in every theme and store target EPUBCheck with no message', () => {
    expect(checks.size).toBe(THEMES.length * EPUB_TARGETS.length);
    const failed = [...checks]
      .filter(([, check]) => !check.clean)
      .map(([key, check]) => `${key}: ${check.summary}\n${check.output}`);
    expect(failed).toEqual([]);
  });

  it('gives the elements book’s EPUB in every theme and store target DAISY Ace’s pass', async () => {
    expect(epubs.size).toBe(THEMES.length * EPUB_TARGETS.length);
    expect((await aceCheckMany(epubs)).failed).toEqual([]);
  }, 300_000);

  it('has at least eight themes, default first among them, each of the others extending it', () => {
    expect(THEMES.length).toBeGreaterThanOrEqual(8);
    expect(THEMES).toContain('default');
    for (const theme of THEMES.filter((t) => t !== 'default')) expect(manifest(theme).extends, theme).toBe('default');
  });

  it.each(THEMES)('%s: theme.json passes the schema, with a one-line description and a grid', (theme) => {
    const parsed = themeSchema.safeParse(manifest(theme));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(manifest(theme).description).toMatch(/^[^\n]{20,200}$/);
    const size = points(inherited(theme, (m) => m.print?.['font-size']));
    const line = points(inherited(theme, (m) => m.print?.['line-height']));
    expect(line / size, 'leading').toBeGreaterThan(1.15);
    expect(line / size, 'leading').toBeLessThan(1.6);
  });

  it.each(THEMES)('%s: every font it names is installed, with each stylesheet and face file it lists', (theme) => {
    for (const font of ownFonts(theme)) {
      expect(font.package, `${theme}: a font without a package`).toBeDefined();
      expect(font.family, `${theme}: a font without a family`).toMatch(/\S/);
      expect(font.stylesheets?.length, `${theme}: ${font.family}'s stylesheets`).toBeGreaterThan(0);
      const dir = path.dirname(require.resolve(`${font.package}/package.json`));
      for (const sheet of font.stylesheets ?? []) {
        const css = readFileSync(path.join(dir, sheet), 'utf8');
        expect(css, `${font.package}/${sheet} declares ${font.family}`).toContain(`font-family: '${font.family}'`);
        const files = [...css.matchAll(/url\(\.\/files\/([^)]+)\)/g)].map((m) => m[1] as string);
        expect(files.length, `${font.package}/${sheet}`).toBeGreaterThan(0);
        for (const file of files) expect(existsSync(path.join(dir, 'files', file)), `${font.package} ${file}`).toBe(true);
      }
    }
  });

  it('builds the book of elements with every theme to EPUB and print PDF, in one browser', () => {
    for (const theme of THEMES) {
      const files = elements.get(theme);
      expect(files && existsSync(files.epub) && existsSync(files.pdf), theme).toBe(true);
    }
    console.log(`theme builds (elements): ${THEMES.map((t) => `${t} ${Math.round(elements.get(t)?.ms ?? 0)}`).join(', ')} ms`);
  });

  it.each(THEMES)('%s: the PDF embeds only the faces its own theme.json lists, as TrueType or OpenType', async (theme) => {
    expectOwnFaces(await pdfFonts(elements.get(theme)?.pdf ?? ''), families(theme));
  });

  it('sets each theme’s opener apart: title face, text face, and size with leading all differ pairwise', () => {
    for (const [i, a] of THEMES.entries()) {
      for (const b of THEMES.slice(i + 1)) {
        const sa = styles.get(a) as OpenerStyle;
        const sb = styles.get(b) as OpenerStyle;
        expect(sa.titleFamily, `${a} and ${b}: the chapter title's face`).not.toBe(sb.titleFamily);
        expect(sa.textFamily, `${a} and ${b}: the text face`).not.toBe(sb.textFamily);
        expect(`${sa.textSize}/${sa.leading}`, `${a} and ${b}: size and leading`).not.toBe(`${sb.textSize}/${sb.leading}`);
      }
    }
  });

  it.each(THEMES)('%s: the elements book is read as designed: its chapters and its part', (theme) => {
    const m = measures.get(theme) as PrintMeasures;
    const report = formatMeasures(m, `the elements book, ${theme}`);
    expect([m.roles.part, m.openers, m.chapters], report).toEqual([PARTS.length, CHAPTERS.length, CHAPTERS.length]);
    expect(m.justified > 0, report).toBe(!m.geometry.ragged);
  });

  describe.each(THEMES)('%s in print', (theme) => goalTests(theme, () => measures.get(theme) as PrintMeasures, NOT_YET[theme]));

  it.each(THEMES)('%s: the text of every page stands on the baseline grid', async (theme) => {
    const line = points(inherited(theme, (m) => m.print?.['line-height']));
    // Its chapters' openers too: the lines of letters, verse, chat messages and epigraphs of four
    // words or more.
    const every = fullPages(await drawnPages(elements.get(theme)?.pdf ?? ''), {
      least: 1,
      words: 4,
      openers: chapterTitles(ELEMENTS),
    });
    expect(every.flat().length, 'the elements book’s lines').toBeGreaterThan(15);
    expectOnGrid(every, line, 'the elements book');
  });
});

/** The chapter opener on the theme's print page: the faces of the title and the text, size, leading. */
async function openerStyle(session: BrowserSession, theme: string): Promise<OpenerStyle> {
  const { book } = await typeset({ input: SAMPLE, overrides: { theme } });
  const { page } = await openThemePrintPage(session, book);
  try {
    return await page.evaluate<OpenerStyle>(`(() => {
      const title = getComputedStyle(document.querySelector('.chapter-title'));
      const text = getComputedStyle(document.querySelector('header.opener ~ p:not(.opening)'));
      return { titleFamily: title.fontFamily, textFamily: text.fontFamily, textSize: text.fontSize, leading: text.lineHeight };
    })()`);
  } finally {
    await page.close();
  }
}
