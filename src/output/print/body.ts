/**
 * Printing the body: each run of blocks (the whole body, or for a long book runs of a few
 * hundred pages) is loaded, settled in the page (in-page.js: hyphenated line ends, unused soft
 * hyphens, three-line paragraphs, fonts), printed, and read back: the PDFs joined into one, the
 * markers' pages counted from the first.
 */
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { GalleyError } from '../../errors.ts';
import type { BookPage, BrowserSession, ResourceResolver } from '../browser.ts';
import { LOAD_OPTIONS } from './assemble.ts';
import type { PrintBlock } from './blocks.ts';
import { markLines, slicePages } from './dom-pages.ts';
import { type Mark, readMarks } from './markers.ts';
import type { TextBlockBox } from './page-lines.ts';
import type { PrintSetup } from './settings.ts';

const IN_PAGE = readFile(new URL('./in-page.js', import.meta.url), 'utf8');
/** Block elements whose lines are checked for runs of hyphens. */
const HYPHENATED_BLOCKS = 'p, li, td, th, dd, figcaption';
export const PRINT_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  outline: false,
  tagged: false,
  waitForFonts: true,
};

export interface Measured {
  failed: string[];
  /** Each block's height on screen, in points. */
  heights: number[];
}

/** Runs in-page.js: measures (and with `settle`, settles) the page; fails on a font that did not load. */
export async function inPage(page: BookPage, setup: PrintSetup, settle: boolean): Promise<Measured> {
  const script = await IN_PAGE;
  const options = { settle, blocks: HYPHENATED_BLOCKS, maxRun: 2, linePt: setup.line };
  const result = await page.evaluate<Measured>(`(${script.trim().replace(/;$/, '')})(${JSON.stringify(options)})`);
  if (result.failed.length) {
    const fromBook = setup.fonts.source === 'print.font';
    throw new GalleyError('PDF_FAILED', `a font could not be loaded: ${result.failed.join(', ')}`, {
      file: fromBook ? undefined : 'templates/default/theme.json',
      hint: fromBook
        ? 'Check the package named by `print.font` in book.yaml (reinstall it), or remove `print.font`.'
        : 'Reinstall the theme’s font packages (npm ci).',
    });
  }
  return result;
}

export interface BodyJob {
  session: BrowserSession;
  resolve: ResourceResolver;
  setup: PrintSetup;
  body: PrintBlock[];
  /** Runs of block indices, printed one after another. */
  runs: number[][];
  /** The print document of some blocks. */
  html: (blocks: PrintBlock[]) => string;
  /** The first run's page, already loaded (and measured), if any. */
  opened?: BookPage | undefined;
  /** Keep the (only) run's page open after printing. */
  keep: boolean;
  /** Called just before the last run prints (to start other work beside it). */
  lastPrint?: () => void;
  /** Also cut the printed pages out of the page as HTML (for the preview), given the text block. */
  pages?: TextBlockBox | undefined;
}

export interface PrintedBody {
  doc: PDFDocument;
  marks: Mark[];
  /** The page, when kept. */
  page: BookPage | undefined;
  /** Each printed page's HTML, when `pages` was asked for. */
  slices: string[] | undefined;
}

export async function printBody(job: BodyJob): Promise<PrintedBody> {
  let doc: PDFDocument | undefined;
  const marks: Mark[] = [];
  let kept: BookPage | undefined;
  const slices: string[] | undefined = job.pages ? [] : undefined;
  for (const [k, run] of job.runs.entries()) {
    const page =
      (k === 0 ? job.opened : undefined) ??
      (await job.session.open(job.html(run.map((i) => job.body[i] as PrintBlock)), job.resolve));
    let printed: PDFDocument;
    let runMarks: Mark[];
    try {
      await inPage(page, job.setup, true);
      const lines = job.pages && (await markLines(page, job.setup.line));
      if (k === job.runs.length - 1) job.lastPrint?.();
      printed = await PDFDocument.load(await page.pdf(PRINT_OPTIONS), LOAD_OPTIONS);
      runMarks = readMarks(printed);
      if (lines && job.pages) slices?.push(...(await slicePages(page, lines, runMarks, job.pages, printed.getPageCount())));
    } finally {
      if (job.keep && job.runs.length === 1) kept = page;
      else await page.close();
    }
    const offset = doc?.getPageCount() ?? 0;
    for (const mark of runMarks) marks.push({ ...mark, page: mark.page + offset });
    if (!doc) {
      doc = printed;
    } else {
      const base = doc;
      for (const copied of await base.copyPages(printed, printed.getPageIndices())) base.addPage(copied);
    }
  }
  if (!doc) throw new GalleyError('PDF_FAILED', 'the book has no pages to print');
  return { doc, marks, page: kept, slices };
}
