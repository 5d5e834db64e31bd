/**
 * Issue 12: in every built-in theme the print pages keep the print engine's measures. The sample
 * book (manuscript/), and the real web-pasted seed where ../shared is present (one untitled
 * chapter, a .txt), are each built once per theme, to EPUB and print PDF, in one browser for the
 * whole file; the seed's EPUB passes EPUBCheck and DAISY Ace in every theme and store target (the
 * sample's: epub-theme.test.ts);
 * each PDF embeds only the theme's own faces, as TrueType or OpenType; the body text of every
 * full page stands on the baseline grid, no space squeezed; and issue 11's measures
 * (helpers/print-measures.ts), read once per PDF and held to the design the theme declares —
 * its lead-in (theme.json) and, read off the pages, justified or ragged as its book.css says —
 * are each a test naming the pages where they break.
 * The elements book (helpers/elements-book.ts) is printed in every theme too, its lines of
 * letters, verse, chat and epigraphs on the grid, and held to the same measures with the sample's
 * PDF in the same theme as its design: each theme's sample is built once for both.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { EPUB_TARGETS } from '../src/output/epub/targets.ts';
import { CHAPTERS, ELEMENTS, elementsMeasures, PARTS } from './helpers/elements-book.ts';
import { goalTests } from './helpers/goal-tests.ts';
import { drawnPages } from './helpers/pdf-read.ts';
import { type CountKey, formatMeasures, measurePrintPdf, type PrintMeasures } from './helpers/print-measures.ts';
import { targetEpubs } from './helpers/theme-books.ts';
import { declaredLeadIn, declaredProperty, families, inherited, THEMES } from './helpers/theme-manifests.ts';
import { chapterTitles, expectOnGrid, expectOwnFaces, fullPages, squeezedSpaces } from './helpers/theme-pages.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { aceCheckMany, epubcheckMany, pdfFonts } from './helpers/tools.ts';

const SAMPLE = path.join(REPO, 'manuscript');
const SEED = path.join(REPO, '..', 'shared', 'seed', '000_ee611fcb0cfb0b3d.txt');

/**
 * Goals not met yet, per theme: each is a test expected to fail (`it.fails`), so it reports the
 * day it is met and must then leave the list. None: with glyph expansion up to 3% and a lead-in's
 * gaps judged as its own (print-line-measures.ts), every theme meets every row on both books.
 */
const NOT_YET: Record<string, CountKey[]> = {};

/**
 * The elements book's goals not met yet. Its 8 to 10 justified lines are mostly the lines beside
 * its three drop caps and a letter's, at the letter's inset measure. In thriller two of the
 * letter's lines are set over 1.5× the design's median gap (1.63×, 1.66×; none is over 2×): 20%
 * of the book's justified lines, where the goal is 1%. The sample, in the same theme, meets it.
 */
const ELEMENTS_NOT_YET: Record<string, CountKey[]> = { thriller: ['over15'] };

interface Built {
  epub: string;
  pdf: string;
  ms: number;
  measures: PrintMeasures;
  /** What the build told as details (`--verbose`). */
  details: string[];
}

interface ThemeBook {
  name: string;
  input: string;
  /** Its chapters (each opens a page the measures find), and the fewest lines it prints in any theme. */
  chapters: number;
  lines: number;
  /** What book.yaml would give a manuscript without one. */
  metadata?: { title: string; author: string };
}

/** One browser for the whole file, started when a book is first built. */
let browser: Promise<BrowserSession> | undefined;
const session = () => {
  browser ??= launchBrowser();
  return browser;
};
afterAll(async () => {
  await (await browser)?.close();
});

/** Each book's build in each theme, made once for the file: the sample's is the elements book's design too. */
const builds = new Map<string, Promise<Built>>();
function builtIn(book: ThemeBook, theme: string): Promise<Built> {
  const key = `${book.input} ${theme}`;
  const known = builds.get(key);
  if (known) return known;
  const building = buildIn(book, theme);
  builds.set(key, building);
  return building;
}

async function buildIn(book: ThemeBook, theme: string): Promise<Built> {
  const from = performance.now();
  const details: string[] = [];
  const logger = { info() {}, warn() {}, error() {}, debug: (message: string) => details.push(message) };
  const out = tempDir('galley-theme-measures-');
  const result = await build({ input: book.input, out, theme, session: await session(), logger, ...book.metadata });
  const ms = performance.now() - from;
  const file = (format: string) => result.files.find((f) => f.format === format)?.path ?? '';
  const measures = await measurePrintPdf(file('pdf'), { leadIn: declaredLeadIn(theme) });
  return { epub: file('epub'), pdf: file('pdf'), ms, measures, details };
}

function themeMeasures(book: ThemeBook, run: typeof describe | ReturnType<typeof describe.runIf> = describe) {
  run(`${book.name} printed in every built-in theme`, () => {
    const built = new Map<string, Built>();
    /** Its EPUB under every theme and store target, by `theme target` (not the sample's: see below). */
    let epubs = new Map<string, string>();
    const of = (theme: string) => built.get(theme) as Built;

    beforeAll(async () => {
      for (const theme of THEMES) built.set(theme, await builtIn(book, theme));
      if (book.input !== SAMPLE) epubs = await targetEpubs(book.input, THEMES, tempDir('galley-theme-epubs-'), book.metadata);
    }, 300_000);

    it(`builds ${book.name} with every theme to EPUB and print PDF, in one browser`, () => {
      for (const theme of THEMES) expect(existsSync(of(theme).epub) && existsSync(of(theme).pdf), theme).toBe(true);
      console.log(`theme builds (${book.name}): ${THEMES.map((t) => `${t} ${Math.round(of(t).ms)}`).join(', ')} ms`);
    });

    // The sample's EPUBs are checked under every store target in epub-theme.test.ts.
    it.runIf(book.input !== SAMPLE)('gives its EPUB in every theme and store target EPUBCheck with no message', async () => {
      const keys = [...THEMES.map((theme) => `${theme} (built)`), ...epubs.keys()];
      const results = await epubcheckMany([...THEMES.map((theme) => of(theme).epub), ...epubs.values()]);
      const failed = results.flatMap((check, i) => (check.clean ? [] : [`${keys[i]}: ${check.summary}\n${check.output}`]));
      expect(epubs.size).toBe(THEMES.length * EPUB_TARGETS.length);
      expect(failed).toEqual([]);
    });

    it.runIf(book.input !== SAMPLE)(
      'gives its EPUB in every theme and store target DAISY Ace’s pass',
      async () => {
        expect((await aceCheckMany(epubs)).failed).toEqual([]);
      },
      300_000,
    );

    it.each(THEMES)(
      '%s: the body prints from its sheets, each page as laid out (page-cut.js), never from the slower flow',
      (theme) => {
        expect(of(theme).details.filter((d) => d.includes('from its flow'))).toEqual([]);
      },
    );

    it.each(THEMES)('%s: the PDF embeds only the faces its own theme.json lists, as TrueType or OpenType', async (theme) => {
      expectOwnFaces(await pdfFonts(of(theme).pdf), families(theme));
    });

    it.each(THEMES)('%s: the text of every full page stands on the baseline grid, no space squeezed', async (theme) => {
      const line = Number.parseFloat(inherited(theme, (m) => m.print?.['line-height']) ?? 'NaN');
      const pages = await drawnPages(of(theme).pdf);
      // Lines of two words or more: a one-word label on a line of its own in another face (a chat
      // sender's name in small caps) stands where that face's metrics put it, up to a pixel off.
      const sample = fullPages(pages, { least: 14, words: 2 });
      expect(sample.length, 'full pages').toBeGreaterThan(6);
      expectOnGrid(sample, line, book.name);
      // No space squeezed to under a twentieth of an em (a line set beside a drop cap it was not
      // measured beside, at a leading of 14 pt).
      expect(squeezedSpaces(pages)).toEqual([]);
    });

    it.each(THEMES)('%s: is read as designed: its openers, justified or ragged as its book.css declares', (theme) => {
      const m = of(theme).measures;
      const report = formatMeasures(m, theme);
      expect(m.openers, report).toBe(book.chapters);
      expect(m.chapters, report).toBe(book.chapters);
      const align = declaredProperty(theme, '--galley-text-align');
      expect(align, theme).toMatch(/^(justify|left)$/);
      expect(m.geometry.ragged, report).toBe(align === 'left');
      if (align === 'justify') expect(m.justified, report).toBeGreaterThan(100);
      expect(m.lines, report).toBeGreaterThan(book.lines);
    });

    describe.each(THEMES)('%s in print', (theme) => goalTests(theme, () => of(theme).measures, NOT_YET[theme]));
  });
}

const SAMPLE_BOOK: ThemeBook = { name: 'the sample', input: SAMPLE, chapters: chapterTitles(SAMPLE).length, lines: 300 };
themeMeasures(SAMPLE_BOOK);
themeMeasures(
  { name: 'the seed (../shared)', input: SEED, chapters: 1, lines: 200, metadata: { title: 'Seed', author: 'Seed Author' } },
  describe.runIf(existsSync(SEED)),
);

describe('the elements book printed in every built-in theme', () => {
  const elements = new Map<string, Omit<Built, 'details'>>();
  const of = (theme: string) => elements.get(theme) as Omit<Built, 'details'>;

  beforeAll(async () => {
    for (const theme of THEMES) {
      const design = (await builtIn(SAMPLE_BOOK, theme)).measures;
      const from = performance.now();
      const result = await build({ input: ELEMENTS, out: tempDir('galley-theme-elements-'), theme, session: await session() });
      const ms = performance.now() - from;
      const file = (format: string) => result.files.find((f) => f.format === format)?.path ?? '';
      elements.set(theme, {
        epub: file('epub'),
        pdf: file('pdf'),
        ms,
        measures: await elementsMeasures(file('pdf'), design, theme),
      });
    }
  }, 300_000);

  it('builds the book of elements with every theme to EPUB and print PDF, in one browser', () => {
    for (const theme of THEMES) expect(existsSync(of(theme).epub) && existsSync(of(theme).pdf), theme).toBe(true);
    console.log(`theme builds (elements): ${THEMES.map((t) => `${t} ${Math.round(of(t).ms)}`).join(', ')} ms`);
  });

  it.each(THEMES)('%s: the PDF embeds only the faces its own theme.json lists, as TrueType or OpenType', async (theme) => {
    expectOwnFaces(await pdfFonts(of(theme).pdf), families(theme));
  });

  it.each(THEMES)('%s: the elements book is read as designed: its chapters and its part', (theme) => {
    const m = of(theme).measures;
    const report = formatMeasures(m, `the elements book, ${theme}`);
    expect([m.roles.part, m.openers, m.chapters], report).toEqual([PARTS.length, CHAPTERS.length, CHAPTERS.length]);
    expect(m.justified > 0, report).toBe(!m.geometry.ragged);
  });

  describe.each(THEMES)('%s in print', (theme) => goalTests(theme, () => of(theme).measures, ELEMENTS_NOT_YET[theme]));

  it.each(THEMES)('%s: the text of every page stands on the baseline grid', async (theme) => {
    const line = Number.parseFloat(inherited(theme, (m) => m.print?.['line-height']) ?? 'NaN');
    // Its chapters' openers too: the lines of letters, verse, chat messages and epigraphs of four
    // words or more.
    const every = fullPages(await drawnPages(of(theme).pdf), { least: 1, words: 4, openers: chapterTitles(ELEMENTS) });
    expect(every.flat().length, 'the elements book’s lines').toBeGreaterThan(15);
    expectOnGrid(every, line, 'the elements book');
  });
});
