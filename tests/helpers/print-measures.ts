/**
 * The measures of a print interior that a book designer signs off (issue 11's table and the
 * rules under it), from the PDF alone: the words pdf-read.ts finds on each page, read into lines,
 * paragraphs and page roles by print-pages.ts and print-paragraphs.ts, measured by
 * print-line-measures.ts and print-page-measures.ts. Independent of the engine that made the PDF.
 *
 * `measurePrintPdf(file)` gives a typed report; `formatMeasures(report)` the table with each
 * goal. The goals (`GOALS`) are those of issue 11.
 */
import { type Count, type LineMeasures, lineMeasures } from './print-line-measures.ts';
import { type LeadIn, type PageMeasures, pageMeasures } from './print-page-measures.ts';
import { type BookGeometry, type PageRole, readBook, type SourceBook } from './print-pages.ts';
import { readPrintPdf } from './print-source.ts';

export interface PrintMeasures extends LineMeasures, PageMeasures {
  pages: number;
  bodyStart: number;
  roles: Record<PageRole, number>;
  chapters: number;
  /** Where the chapters' openings came from: read off the pages, or given (bookmarks). */
  openersFrom: 'pages' | 'given';
  geometry: BookGeometry;
}

export interface MeasureOptions {
  /** The chapters' first pages (0-based), e.g. from the screen edition's bookmarks. */
  openers?: number[] | undefined;
  /** The part pages (0-based), when known. */
  parts?: number[] | undefined;
  /** The gutter in points (default KDP's for the page count). */
  gutter?: number | undefined;
  /** How the design opens a chapter (theme.json's `lead-in`); issue 11's drop cap by default. */
  leadIn?: LeadIn | undefined;
  /**
   * The design, read off a longer book set in it (its measures' `geometry` and `medianGap`), for
   * a book too short to show its own text block and word space; else read off these pages.
   */
  design?: Pick<PrintMeasures, 'geometry' | 'medianGap'> | undefined;
}

export function measureBook(source: SourceBook, options: MeasureOptions = {}): PrintMeasures {
  const book = readBook({
    ...source,
    openers: options.openers ?? source.openers,
    parts: options.parts ?? source.parts,
    geometry: options.design?.geometry ?? source.geometry,
  });
  const roles: Record<PageRole, number> = { front: 0, blank: 0, part: 0, opener: 0, body: 0 };
  for (const page of book.pages) roles[page.role]++;
  return {
    pages: book.pages.length,
    bodyStart: book.bodyStart,
    roles,
    chapters: new Set(book.pages.flatMap((p) => (p.chapter === undefined ? [] : [p.chapter]))).size,
    openersFrom: source.openers || options.openers ? 'given' : 'pages',
    geometry: book.geometry,
    ...lineMeasures(book, options.design?.medianGap),
    ...pageMeasures(book, options.gutter, options.leadIn),
  };
}

export async function measurePrintPdf(file: string, options: MeasureOptions = {}): Promise<PrintMeasures> {
  return measureBook(await readPrintPdf(file), options);
}

const percent = (part: number, whole: number) => `${whole ? ((100 * part) / whole).toFixed(1) : '0.0'}%`;

/** The measures that count faults, each with its places. */
export type CountKey = {
  [K in keyof PrintMeasures]: PrintMeasures[K] extends Count ? K : never;
}[keyof PrintMeasures];

export interface Goal {
  /** The measure's count, whose places a message can list. */
  key: CountKey;
  measure: string;
  value: (m: PrintMeasures) => string;
  goal: string;
  met: (m: PrintMeasures) => boolean;
}

/** Issue 11's table, then the rules under it, each with its goal. */
export const GOALS: Goal[] = [
  {
    key: 'over2',
    measure: 'justified lines with a word gap over 2× the median',
    value: (m) => `${m.over2.count}${m.geometry.ragged ? ' (set ragged: no justified lines)' : ''}`,
    goal: '0',
    met: (m) => m.over2.count === 0,
  },
  {
    key: 'over15',
    measure: 'over 1.5× the median',
    value: (m) => percent(m.over15.count, m.justified),
    goal: '≤ 1%',
    met: (m) => m.over15.count <= 0.01 * m.justified,
  },
  {
    key: 'hyphenated',
    measure: 'lines ending in a hyphenation',
    value: (m) => percent(m.hyphenated.count, m.lines),
    goal: '≤ 8%',
    met: (m) => m.hyphenated.count <= 0.08 * m.lines,
  },
  {
    key: 'capitalisedHyphenated',
    measure: 'capitalised words hyphenated',
    value: (m) => `${m.capitalisedHyphenated.count}`,
    goal: '0',
    met: (m) => m.capitalisedHyphenated.count === 0,
  },
  {
    key: 'rectoTurnHyphens',
    measure: 'rectos whose last line ends in a hyphenation',
    value: (m) => `${m.rectoTurnHyphens.count}`,
    goal: '0',
    met: (m) => m.rectoTurnHyphens.count === 0,
  },
  {
    key: 'facingDiffer',
    measure: 'facing body pages whose last lines differ',
    value: (m) => `${m.facingDiffer.count} of ${m.spreads} spreads`,
    goal: '0',
    met: (m) => m.facingDiffer.count === 0,
  },
  {
    key: 'shortLastPages',
    measure: 'chapters whose last page holds 1–2 lines',
    value: (m) => `${m.shortLastPages.count}`,
    goal: '0',
    met: (m) => m.shortLastPages.count === 0,
  },
  {
    key: 'openersWithoutLeadIn',
    measure: "openers without the design's lead-in",
    value: (m) => `${m.openersWithoutLeadIn.count} of ${m.openers} (${m.leadIn})`,
    goal: '0',
    met: (m) => m.openersWithoutLeadIn.count === 0,
  },
  {
    key: 'inGutter',
    measure: "text inside KDP's gutter",
    value: (m) =>
      m.inGutter.count === 0
        ? 'none'
        : `${m.inGutter.count} words, ${m.inGutter.deepest.toFixed(1)} pt deep at most (p. ${m.inGutter.at
            .map((p) => p.page)
            .filter((p, i, a) => a.indexOf(p) === i)
            .slice(0, 6)
            .join(', ')})`,
    goal: 'none',
    met: (m) => m.inGutter.count === 0,
  },
  {
    key: 'outsideSafeArea',
    measure: 'text outside the safe area (0.25 in)',
    value: (m) => `${m.outsideSafeArea.count}`,
    goal: '0',
    met: (m) => m.outsideSafeArea.count === 0,
  },
  {
    key: 'figuresOutsideBlock',
    measure: 'figures outside the text block',
    value: (m) => `${m.figuresOutsideBlock.count}`,
    goal: '0',
    met: (m) => m.figuresOutsideBlock.count === 0,
  },
  {
    key: 'widows',
    measure: 'widows (a last line alone atop a page)',
    value: (m) => `${m.widows.count}`,
    goal: '0',
    met: (m) => m.widows.count === 0,
  },
  {
    key: 'orphans',
    measure: 'orphans (a first line alone at a foot)',
    value: (m) => `${m.orphans.count}`,
    goal: '0',
    met: (m) => m.orphans.count === 0,
  },
  {
    key: 'emDashStarts',
    measure: 'lines starting with an em dash',
    value: (m) => `${m.emDashStarts.count}`,
    goal: '0',
    met: (m) => m.emDashStarts.count === 0,
  },
  {
    key: 'hyphenRuns',
    measure: 'more than 2 hyphenated lines in a row',
    value: (m) => `${m.hyphenRuns.count}`,
    goal: '0',
    met: (m) => m.hyphenRuns.count === 0,
  },
  {
    key: 'shortFragments',
    measure: 'breaks with < 3 letters either side',
    value: (m) => `${m.shortFragments.count}`,
    goal: '0',
    met: (m) => m.shortFragments.count === 0,
  },
  {
    key: 'shortWords',
    measure: 'hyphenated words of < 6 letters',
    value: (m) => `${m.shortWords.count}`,
    goal: '0',
    met: (m) => m.shortWords.count === 0,
  },
  {
    key: 'lastWordHyphenated',
    measure: "a paragraph's last word hyphenated",
    value: (m) => `${m.lastWordHyphenated.count}`,
    goal: '0',
    met: (m) => m.lastWordHyphenated.count === 0,
  },
  {
    key: 'runTogether',
    measure: 'lines whose words run together (no space)',
    value: (m) => `${m.runTogether.count}`,
    goal: '0',
    met: (m) => m.runTogether.count === 0,
  },
  {
    key: 'titleSplits',
    measure: 'a title split from its name (Mr. | Bennet)',
    value: (m) => `${m.titleSplits.count}`,
    goal: '0',
    met: (m) => m.titleSplits.count === 0,
  },
];

/** The report as a Markdown table, headed by what was read. */
export function formatMeasures(m: PrintMeasures, title = 'print PDF'): string {
  const r = m.roles;
  const head =
    `${title}: ${m.pages} pages (${r.front} front, ${r.blank} blank, ${r.part} part, ${r.opener} openers, ${r.body} body; ` +
    `openers read from the ${m.openersFrom === 'pages' ? 'pages' : 'bookmarks'}), ${m.chapters} chapters, ${m.lines} lines, ` +
    `${m.geometry.ragged ? 'set ragged' : `${m.justified} justified`}, median word gap ${m.medianGap.toFixed(2)} pt, body ${m.geometry.bodySize.toFixed(1)} pt on ${m.geometry.pitch.toFixed(2)} pt`;
  const width = Math.max(...GOALS.map((g) => g.measure.length));
  const rows = GOALS.map((g) => `| ${g.measure.padEnd(width)} | ${g.value(m)} | ${g.goal} | ${g.met(m) ? 'met' : 'NOT MET'} |`);
  return [head, '', `| ${'measure'.padEnd(width)} | now | goal | |`, `|${'-'.repeat(width + 2)}|---|---|---|`, ...rows].join(
    '\n',
  );
}
