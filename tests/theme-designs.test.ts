/**
 * The built-in themes as designs: each theme.json passes the schema and names font packages that
 * are installed with the files it lists; the sample book (manuscript/) builds with every theme,
 * to EPUB and print PDF, in one browser; each PDF embeds only the theme's own faces, as TrueType
 * or OpenType (no Type 3, no fallback font); the chapter opener's computed styles (read in
 * Chromium from each theme's print page) differ between every two themes; and the body text of
 * every full page stands on the theme's baseline grid.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { themeSchema } from '../src/config/theme-schema.ts';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { TEMPLATES_DIR } from '../src/output/theme.ts';
import { linesOf } from './helpers/pdf-layout.ts';
import { type DrawnPage, drawnPages } from './helpers/pdf-read.ts';
import { openThemePrintPage } from './helpers/theme-print-page.ts';
import { tempDir } from './helpers/tmp.ts';
import { type PdfFont, pdfFonts } from './helpers/tools.ts';

const ROOT = path.join(import.meta.dirname, '..');
const SAMPLE = path.join(ROOT, 'manuscript');
/** A short book with every element fiction needs (verse, letters, chat, epigraphs, parts…). */
const ELEMENTS = path.join(ROOT, 'tests', 'fixtures', 'books', 'elements');
const require = createRequire(path.join(ROOT, 'package.json'));

/** The built-in themes: the folders under templates/ with a theme.json. */
const THEMES = readdirSync(TEMPLATES_DIR).filter((name) => existsSync(path.join(TEMPLATES_DIR, name, 'theme.json')));

interface Manifest {
  description?: string;
  extends?: string;
  fonts?: { package?: string; family?: string; role?: string; stylesheets?: string[]; none?: true }[];
  print?: { 'font-size'?: string; 'line-height'?: string };
}

const manifest = (theme: string): Manifest =>
  JSON.parse(readFileSync(path.join(TEMPLATES_DIR, theme, 'theme.json'), 'utf8')) as Manifest;

/** A theme's setting, its own or its parent's. */
function inherited<T>(theme: string, get: (m: Manifest) => T | undefined): T | undefined {
  const own = manifest(theme);
  return get(own) ?? (own.extends ? inherited(own.extends, get) : undefined);
}

/** The fonts a theme's own theme.json lists, less the roles it turns off (`none`). */
const ownFonts = (theme: string) => (manifest(theme).fonts ?? []).filter((f) => !f.none);

/** The families a theme's own theme.json lists (a built-in design uses no face of its parent's). */
const families = (theme: string): string[] => ownFonts(theme).map((f) => f.family ?? '');

const points = (length: string | undefined) => Number.parseFloat(length ?? 'NaN');

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
  const built = new Map<string, Built>();
  const elements = new Map<string, Built>();
  const styles = new Map<string, OpenerStyle>();
  let session: BrowserSession;
  let total = 0;

  beforeAll(async () => {
    const out = tempDir('galley-theme-designs-');
    session = await launchBrowser();
    const started = performance.now();
    for (const theme of THEMES) {
      const from = performance.now();
      const result = await build({ input: SAMPLE, out: path.join(out, theme), theme, session });
      const file = (format: string) => result.files.find((f) => f.format === format)?.path ?? '';
      built.set(theme, { epub: file('epub'), pdf: file('pdf'), ms: performance.now() - from });
    }
    total = performance.now() - started;
    for (const theme of THEMES) {
      const from = performance.now();
      const result = await build({ input: ELEMENTS, out: path.join(out, `elements-${theme}`), theme, session });
      const file = (format: string) => result.files.find((f) => f.format === format)?.path ?? '';
      elements.set(theme, { epub: file('epub'), pdf: file('pdf'), ms: performance.now() - from });
    }
    for (const theme of THEMES) styles.set(theme, await openerStyle(session, theme));
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

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

  it('builds the sample with every theme to EPUB and print PDF, in one browser', () => {
    for (const theme of THEMES) {
      for (const files of [built.get(theme), elements.get(theme)]) {
        expect(files && existsSync(files.epub) && existsSync(files.pdf), theme).toBe(true);
      }
    }
    console.log(
      `theme builds: ${Math.round(total)} ms for ${THEMES.length} (${THEMES.map((t) => `${t} ${Math.round(built.get(t)?.ms ?? 0)}`).join(', ')})`,
    );
  });

  it.each(THEMES)('%s: the PDFs embed only the faces its own theme.json lists, as TrueType or OpenType', async (theme) => {
    const fonts: PdfFont[] = [
      ...(await pdfFonts(built.get(theme)?.pdf ?? '')),
      ...(await pdfFonts(elements.get(theme)?.pdf ?? '')),
    ];
    expect(fonts.length).toBeGreaterThan(0);
    const own = families(theme).map(squash);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).toMatch(/TrueType|OpenType|Type 1C/);
      expect(font.type, font.name).not.toMatch(/Type 3/);
      const name = squash(font.name.replace(/^[A-Z]{6}\+/, ''));
      expect(
        own.some((family) => name.startsWith(family)),
        `${font.name} is not one of ${own.join(', ')}`,
      ).toBe(true);
    }
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

  it.each(THEMES)('%s: the text of every full page stands on the baseline grid', async (theme) => {
    const line = points(inherited(theme, (m) => m.print?.['line-height']));
    // Lines of two words or more: a one-word label on a line of its own in another face (a chat
    // sender's name in small caps) stands where that face's metrics put it, up to a pixel off.
    const sample = fullPages(await drawnPages(built.get(theme)?.pdf ?? ''), { least: 14, words: 2 });
    expect(sample.length, 'full pages').toBeGreaterThan(6);
    expectOnGrid(sample, line, 'the sample');
    // No line set tighter than its words: a space squeezed to under a twentieth of an em (as in a
    // line set beside a drop cap it was not measured beside, at a leading of 14 pt).
    const squeezed = (await drawnPages(built.get(theme)?.pdf ?? '')).flatMap((page) =>
      linesOf(page.words).flatMap((l) =>
        l.words.slice(1).flatMap((w, i) => {
          const before = l.words[i] as (typeof l.words)[number];
          const gap = w.xMin - before.xMax;
          const text = Math.abs(w.size - before.size) < 0.05 && w.size > 6;
          return text && gap < 0.05 * w.size ? [`${before.text} ${w.text} (${gap.toFixed(2)} pt)`] : [];
        }),
      ),
    );
    expect(squeezed).toEqual([]);
    // In the book of elements, its chapters' openers too: the lines of letters, verse, chat
    // messages and epigraphs of four words or more.
    const every = fullPages(await drawnPages(elements.get(theme)?.pdf ?? ''), {
      least: 1,
      words: 4,
      openers: chapterTitles(ELEMENTS),
    });
    expect(every.flat().length, 'the elements book’s lines').toBeGreaterThan(15);
    expectOnGrid(every, line, 'the elements book');
  });
});

/** The family names as PDFs write them: no spaces, no punctuation, lower case. */
function squash(name: string): string {
  return name.replace(/[^a-z0-9]/gi, '').toLowerCase();
}

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

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The chapters' titles of a manuscript folder: each file's first `# ` heading, but its parts' (book.yaml `parts:`). */
function chapterTitles(folder: string): string[] {
  const parts = /^parts:\s*\[(.*)\]/m.exec(readFileSync(path.join(folder, 'book.yaml'), 'utf8'))?.[1]?.split(',') ?? [];
  const partTitles = new Set(parts.map((p) => p.trim()));
  return readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .map((f) => /^# (.+)$/m.exec(readFileSync(path.join(folder, f), 'utf8'))?.[1]?.replace(/\s*\{.*\}$/, '') ?? '')
    .filter((title) => !partTitles.has(title));
}

/** Every baseline within half a point of one grid of `line` (its phase: the baselines' circular mean). */
function expectOnGrid(pages: number[][], line: number, book: string): void {
  const all = pages.flat();
  const angle = (base: number) => (2 * Math.PI * base) / line;
  const phase = Math.atan2(sum(all.map((b) => Math.sin(angle(b)))), sum(all.map((b) => Math.cos(angle(b)))));
  for (const [n, baselines] of pages.entries()) {
    for (const base of baselines) {
      const off = (((base - (phase * line) / (2 * Math.PI)) % line) + line) % line;
      // Chromium places text on whole CSS pixels (0.75 pt): a baseline may stand 0.375 pt off.
      const miss = Math.min(off, line - off);
      expect(miss, `${book}, page ${n + 1}: a baseline at ${base.toFixed(2)} pt is off the ${line} pt grid`).toBeLessThan(0.5);
    }
  }
}

/**
 * The body text's baselines on each full page: pages of the body (after the contents, with an
 * arabic folio) that are not openers (no type larger than a heading's) unless their chapter is
 * among `openers`, with at least `least` lines; of their lines, those of at least `words` words
 * (default 1). The running head (the page's first line) and the folio are left out, and so is
 * every line not set in the body size: a smaller face on a line of its own (a note, a heading)
 * stands where its own metrics put it.
 */
function fullPages(pages: DrawnPage[], options: { least: number; words?: number; openers?: string[] }): number[][] {
  const { least, words = 1, openers = [] } = options;
  const titles = new Set(openers.map(squash));
  const counts = new Map<number, number>();
  for (const word of pages.flatMap((p) => p.words)) {
    const size = Math.round(word.size * 100) / 100;
    counts.set(size, (counts.get(size) ?? 0) + 1);
  }
  const body = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const result: number[][] = [];
  // The body: the pages after the contents.
  const contents = pages.findLastIndex((p) => linesOf(p.words).some((l) => squash(l.text) === 'contents'));
  for (const page of pages.slice(contents + 1)) {
    const lines = linesOf(page.words);
    const opener = lines.some((l) => titles.has(squash(l.text)));
    if (!opener && page.words.some((w) => w.size > body * 1.6)) continue;
    const folio = lines.findIndex((l) => /^\d+$/.test(l.text));
    if ((folio === -1 && !opener) || lines.length < least) continue;
    const text = lines.filter(
      (l, i) => i !== folio && i !== 0 && l.words.length >= words && l.words.every((w) => Math.abs(w.size - body) < 0.05),
    );
    result.push(text.map((l) => Math.max(...l.words.map((w) => w.base))));
  }
  return result;
}
