/**
 * Printing the body: each run of blocks (the whole body, or for a long book runs of a few
 * hundred pages) is loaded, its lines and pages set (set-lines.ts; without line rules, settled
 * by in-page.js instead: hyphenated line ends, unused soft hyphens, three-line paragraphs),
 * printed, and read back: the PDFs joined into one, the markers' pages counted from the first.
 * A run prints while the next one is laid out in a page of its own, so the browser's print and
 * the next run's measuring and setting take the machine's cores together (on two cores, War and
 * Peace's PDF 33.5 s → 29.8 s; Pride and Prejudice's, whose runs print in half a second each,
 * 6.2 s → 6.7 s: medians of alternating runs in one process).
 * For the preview (`pages`) nothing is printed: the pages are cut from the laid-out page itself
 * (page-cut.js), where the makeup marked where each starts.
 */
import { PDFDocument } from 'pdf-lib';
import { GalleyError } from '../../errors.ts';
import type { BookPage, BrowserSession, ResourceResolver } from '../browser.ts';
import { LOAD_OPTIONS } from './assemble.ts';
import type { PrintBlock } from './blocks.ts';
import { markLines, pageLines, pageWords, slicePages } from './dom-pages.ts';
import { grayBlackAsync } from './gray.ts';
import { type Mark, readMarks } from './markers.ts';
import { collectNodeGarbageDuring, collectPageGarbage } from './memory.ts';
import type { TextBlockBox } from './page-lines.ts';
import { pageScript, runScript } from './page-script.ts';
import { type PageStart, type SetLinesJob, setLines } from './set-lines.ts';
import type { PrintSetup } from './settings.ts';
import { SLICE_CSS } from './slice-css.ts';

const IN_PAGE = pageScript('in-page.js');
const PAGE_CUT = pageScript('page-cut.js');
const PAGE_SHEETS = pageScript('page-sheets.js');
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

/** Runs in-page.js: measures the blocks' heights; fails on a font that did not load. */
export async function inPage(page: BookPage, setup: PrintSetup): Promise<Measured> {
  const result = await runScript<Measured>(page, IN_PAGE, {});
  if (result.failed.length) {
    const fromBook = setup.fonts.source === 'print.font';
    throw new GalleyError('PDF_FAILED', `a font could not be loaded: ${result.failed.join(', ')}`, {
      file: fromBook ? undefined : setup.fonts.themeFile,
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
  /**
   * The pages as HTML (for the preview), given the text block: with `lines`, cut from the laid-out
   * page and not printed at all (`doc` is then undefined); without, cut from the printed page.
   */
  pages?: TextBlockBox | undefined;
  /**
   * With `lines`, print the made-up pages each in a sheet of this text block (page-cut.js, page-sheets.js), not
   * the flow they were set in: much faster to print. Not for a page kept open (the screen edition
   * is made from the flow).
   */
  sheets?: TextBlockBox | undefined;
  /** Told when a run is printed from its flow, its sheets not holding its pages as laid out. */
  debug?: ((message: string) => void) | undefined;
  /** Told after each run is printed: the pages printed so far, and the runs done. */
  onRun?: ((pages: number, runs: number) => void) | undefined;
  /**
   * Set the lines and make up the pages (set-lines.ts) with these rules; without, Chromium
   * breaks the lines and pages (and in-page.js settles them).
   */
  lines?: Omit<SetLinesJob, 'blocks' | 'start'> | undefined;
  /** The body position (pages and blanks before it) of the first block's first page (default 0): its parity sets the makeup's facing pages. */
  start?: number | undefined;
  /** Make the printed PDF's black DeviceGray (the print edition's: gray.ts), each run's while the next one loads. */
  gray?: boolean | undefined;
}

export interface PrintedBody {
  /** The printed body; undefined when its pages were only cut from the page (`pages` with `lines`). */
  doc: PDFDocument | undefined;
  pageCount: number;
  marks: Mark[];
  /** The page, when kept. */
  page: BookPage | undefined;
  /** Each printed page's HTML, when `pages` was asked for. */
  slices: string[] | undefined;
  /** The CSS the line boxes of those pages need (from lines-cut.js). */
  linesCss: string | undefined;
  /** The made-up pages (with `lines`): each page's block (its index in the body) and first words. */
  pageStarts: PageStart[] | undefined;
}

export interface PrintedPage {
  doc: PDFDocument;
  pageCount: number;
  /** Its markers (removed from the PDF). */
  marks: Mark[];
  /** Each printed page's HTML, when asked for. */
  slices: string[] | undefined;
  /** Each printed page's first words ('' for a page no line starts on), when asked for. */
  words: string[] | undefined;
}

/** What printPage reads of the printed pages besides their markers, given the text block. */
export interface PageReading {
  box: TextBlockBox;
  /** Each page as HTML (the preview's). */
  slices?: boolean | undefined;
  /** Each page's first words (the EPUB's page list). */
  words?: boolean | undefined;
}

/**
 * Prints a loaded (and settled) print page and reads its markers back; given the text block,
 * marks its lines first, and cuts the printed pages out of it as HTML and reads their first
 * words, as asked (dom-pages.ts).
 */
export async function printPage(page: BookPage, reading?: PageReading): Promise<PrintedPage> {
  const lines = reading && (await markLines(page, reading.box.line));
  const doc = await PDFDocument.load(await page.pdf(PRINT_OPTIONS), LOAD_OPTIONS);
  const marks = readMarks(doc);
  const starts = lines && reading && pageLines(lines, marks, reading.box, doc.getPageCount());
  const slices = starts && reading?.slices ? await slicePages(page, starts) : undefined;
  const words = starts && reading?.words ? await pageWords(page, starts) : undefined;
  return { doc, pageCount: doc.getPageCount(), marks, slices, words };
}

/** A laid-out page's pages, cut from its DOM at the makeup's page starts (page-cut.js); nothing printed. */
export function cutPages(page: BookPage, box: TextBlockBox): Promise<{ pages: string[]; marks: Mark[]; css: string }> {
  return runScript(page, PAGE_CUT, { top: box.top });
}

export async function printBody(job: BodyJob): Promise<PrintedBody> {
  const joined: { doc: PDFDocument | undefined; pageCount: number; marks: Mark[] } = { doc: undefined, pageCount: 0, marks: [] };
  let kept: BookPage | undefined;
  const slices: string[] | undefined = job.pages ? [] : undefined;
  const pageStarts: PageStart[] | undefined = job.lines ? [] : undefined;
  let linesCss: string | undefined;
  let position = job.start ?? 0;
  const open = (run: number[]) => {
    const opening = job.session.open(job.html(run.map((i) => job.body[i] as PrintBlock)), job.resolve);
    opening.catch(() => undefined);
    return opening;
  };
  /** A run's pages joined to those before (its PDF's, read while the next run is laid out). */
  const join = async (result: RunResult) => {
    slices?.push(...(result.slices ?? []));
    for (const mark of result.marks) joined.marks.push({ ...mark, page: mark.page + joined.pageCount });
    joined.pageCount += result.pageCount;
    const printed = result.doc;
    if (printed && !joined.doc) joined.doc = printed;
    else if (printed && joined.doc) {
      const base = joined.doc;
      for (const copied of await base.copyPages(printed, printed.getPageIndices())) base.addPage(copied);
    }
  };
  let next: Promise<BookPage> | undefined = job.opened ? Promise.resolve(job.opened) : open(job.runs[0] ?? []);
  let joining: Promise<void> = Promise.resolve();
  /** The pages of runs printing (each closes once printed; a failed print is told by `joining`). */
  const closing: Promise<void>[] = [];
  try {
    for (const [k, run] of job.runs.entries()) {
      const page = await (next as Promise<BookPage>);
      next = undefined;
      const following = job.runs[k + 1];
      let result: RunResult | undefined;
      /** The run's print, which goes on while the next run is laid out in its own page. */
      let printing: Promise<Uint8Array> | undefined;
      let sheetMarks: Mark[] | undefined;
      try {
        await inPage(page, job.setup);
        if (job.lines) {
          const blocks = run.map((i) => job.body[i] as PrintBlock);
          const made = await setLines(page, { ...job.lines, blocks, start: position, collect: !job.pages });
          position = made.end;
          pageStarts?.push(...made.pages.map((p) => ({ ...p, section: run[p.section] as number })));
        }
        if (k === job.runs.length - 1) job.lastPrint?.();
        if (job.lines && job.pages) {
          const cut = await cutPages(page, job.pages);
          linesCss = cut.css;
          result = { doc: undefined, pageCount: cut.pages.length, marks: cut.marks, slices: cut.pages, words: undefined };
        } else if (job.pages) {
          result = await printPage(page, { box: job.pages, slices: true });
        } else {
          // The made-up pages go into sheets of their own, which Chromium prints fast (page-sheets.js);
          // their markers are read there. What the layout left behind goes before the print, in
          // the page, and in Node while it prints; meanwhile the next run loads, and is laid out
          // in its own page while this one prints (its PDF is awaited in `joining`).
          if (job.lines && job.sheets) {
            sheetMarks = await setSheets(page, job.sheets);
            if (!sheetMarks)
              job.debug?.(`print: run ${k + 1} printed from its flow (its pages did not fit their sheets as laid out)`);
          }
          await collectPageGarbage(page);
          if (following) next = open(following);
          printing = collectNodeGarbageDuring(page.pdf(PRINT_OPTIONS));
          printing.catch(() => undefined);
        }
      } finally {
        if (job.keep && job.runs.length === 1) kept = page;
        else if (printing) closing.push(closeWhenPrinted(page, printing));
        else await page.close();
      }
      if (following && !next) next = open(following);
      const printed = printing;
      const done = result;
      const marks = sheetMarks;
      joining = joining.then(async () => {
        const read = printed ? await readPrinted(await printed, job.gray ?? false, marks) : done;
        if (!read) throw new GalleyError('PDF_FAILED', 'a run of the body was neither printed nor cut');
        await join(read);
        job.onRun?.(joined.pageCount, k + 1);
      });
      joining.catch(() => undefined);
    }
    await joining;
  } finally {
    // A run failed: the next one's page, if it was being opened, is closed once open, unwaited for
    // (its renderer may have died with the run's, and the page never open).
    next?.then((page) => page.close()).catch(() => undefined);
    await Promise.all(closing);
  }
  if (!joined.pageCount) throw new GalleyError('PDF_FAILED', 'the book has no pages to print');
  return { doc: joined.doc, pageCount: joined.pageCount, marks: joined.marks, page: kept, slices, linesCss, pageStarts };
}

/** Closes a run's page once its print is done or failed (a failure is told where its PDF is read). */
function closeWhenPrinted(page: BookPage, printing: Promise<unknown>): Promise<void> {
  return printing.catch(() => undefined).then(() => page.close());
}

type RunResult = Omit<PrintedPage, 'doc'> & { doc: PDFDocument | undefined };

/**
 * A laid-out page's made-up pages set in sheets for the print (page-cut.js, page-sheets.js), with their markers;
 * undefined when a page's content did not fit its sheet, and the flow prints as it is.
 */
export async function setSheets(page: BookPage, box: TextBlockBox): Promise<Mark[] | undefined> {
  const cut = await runScript<{ marks: Mark[]; overflow: number[] }>(
    page,
    PAGE_CUT,
    { top: box.top, sheets: { height: box.height, css: SLICE_CSS } },
    PAGE_SHEETS,
  );
  return cut.overflow.length ? undefined : cut.marks;
}

/**
 * A run's PDF, loaded, its markers read (and removed) unless the sheets' are given, its black
 * made DeviceGray when asked.
 */
async function readPrinted(bytes: Uint8Array, gray: boolean, sheetMarks?: Mark[]): Promise<RunResult> {
  const doc = await PDFDocument.load(bytes, LOAD_OPTIONS);
  // Read in any case: reading removes every annotation, which no PDF of Galley's keeps.
  const printedMarks = readMarks(doc);
  const marks = sheetMarks ?? printedMarks;
  if (gray) await grayBlackAsync(doc);
  return { doc, pageCount: doc.getPageCount(), marks, slices: undefined, words: undefined };
}
