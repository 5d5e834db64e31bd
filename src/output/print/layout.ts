/**
 * Laying the book out in Chromium, with as few full prints as possible:
 *
 * 1. The body is loaded. When the page count is not plain from the amount of text, its blocks are
 *    measured on screen (at the text block's width) to estimate it, and so KDP's gutter (the width
 *    depends on it). Then its lines are set by total fit and its pages made up (set-lines.ts:
 *    the makeup's page map comes back with them).
 * 2. The body is printed once, every page set as a recto (a long book in runs of a few hundred
 *    pages, to bound the browser's memory): the made-up pages, each cut from the flow into a
 *    sheet of the text block's size that lays out alone (page-sheets.js), which Chromium prints in
 *    about the time of a plain document. Markers give each block's first page and each scene
 *    break's place. Chapters start on new pages, so a chapter lays out the same on any page: the
 *    blanks that put chapters on rectos are added afterwards, by pdf-lib, and the folios follow.
 *    For the preview (`pages`) the body is not printed: its pages are cut from the laid-out page
 *    where the makeup starts each (page-cut.js), with its markers' places read there.
 * 3. The front matter (loaded while the body prints), with the contents' page numbers now known,
 *    is printed, its lines marked first so that each page's first words are known; beside it, in a page of its own, the page furniture (running heads, folios,
 *    ornaments), in documents of a few hundred pages (furniture.ts).
 * 4. If the final page count calls for a wider gutter than the one used, the body is laid out
 *    again at the new width (rare: only near KDP's page-count boundaries).
 */
import type { PDFDocument } from 'pdf-lib';
import type { Book } from '../../book/model.ts';
import { parseLength } from '../../config/trim.ts';
import type { BookPage, BrowserSession, ResourceResolver } from '../browser.ts';
import type { PrintBlock } from './blocks.ts';
import { type BodyJob, inPage, printBody, printPage } from './body.ts';
import { printDocument } from './document.ts';
import { blockPagesFromText, chunks, estimateFromHeights, estimateFromText } from './estimate.ts';
import { type ContentsEntry, contentsEntries, frontBlocks } from './front.ts';
import { breakOrnaments, furnitureCss, furniturePages, printFurniture } from './furniture.ts';
import { kdpGutter, type PageGeometry, pageGeometry, pageRules } from './geometry.ts';
import { rulesFromPrint } from './linebreak/index.ts';
import type { PrintBreakKeys } from './linebreak/rules.ts';
import type { Mark } from './markers.ts';
import type { TextBlockBox } from './page-lines.ts';
import { joinPlan, type PagePlan, type PlacedBlock, placed, planBody } from './plan.ts';
import type { PageStart } from './set-lines.ts';
import type { PrintSetup } from './settings.ts';

/**
 * Pages a run of the body may have before the next run starts: runs bound the browser's memory
 * (War and Peace's chapters run to 350 pages). Chosen when the body printed from its flow, whose
 * every line is a layer of its own (positioned, scaled for glyph expansion), so the print time
 * grew faster than a run's length: P&P in runs of up to 400 pages 11.7-12.7 s, of 100-150 pages
 * 7.6-9.7 s. Printed from its sheets (page-cut.js) it no longer grows so: P&P's body in one run
 * printed in 1.3 s and set in 2.6 s, against 1.4 s and 3.5 s in runs of 120 (each run loads the
 * book's CSS and fonts again), so longer runs would now be faster; not yet re-tuned against
 * War and Peace's memory. The layout is the same either way.
 */
export const RUN_PAGES = 120;

export interface Layout {
  geometry: PageGeometry;
  plan: PagePlan;
  /**
   * The printed body, loaded; its marker annotations removed, its black DeviceGray unless the
   * body page was kept (undefined when only cut, for `pages`).
   */
  bodyDoc: PDFDocument | undefined;
  /** The printed front matter. */
  frontDoc: PDFDocument;
  /** The printed furniture pages (in runs, one PDF each), and the final page each goes on. */
  furniture: { docs: PDFDocument[]; pages: number[] };
  /** The body's page, when kept open for the screen edition. */
  bodyPage: BookPage | undefined;
  contents: ContentsEntry[] | undefined;
  /** The body's blocks as printed (pages in the printed body), and its markers. */
  body: { placed: PlacedBlock[]; marks: Mark[] };
  /** The front matter's blocks as printed, and each printed page's first words (not for `pages`: the preview has no page list). */
  frontPlaced: PlacedBlock[];
  frontWords: string[] | undefined;
  /**
   * The body's pages as the makeup made them (set-lines.ts): each page's block and first words,
   * in the printed body's page order; undefined when Chromium's pages came out otherwise.
   */
  pageStarts: PageStart[] | undefined;
  /**
   * Each page as HTML (`pages` asked for): the body's, cut from the laid-out page (not printed),
   * and the front's, cut from the printed page (furniture pages empty); `css`, what the body's
   * line boxes need.
   */
  pages: { body: string[]; front: string[]; css: string } | undefined;
}

export interface LayoutInput {
  book: Book;
  setup: PrintSetup;
  body: PrintBlock[];
  toc: boolean;
  session: BrowserSession;
  resolve: ResourceResolver;
  /** Keep the body's page open after printing (the screen edition is made from it, whole). */
  keepBodyPage: boolean;
  /** Told when a step ends: `estimate` (the gutter), `body` (loaded, settled, printed), `front`. */
  lap?: (step: string) => void;
  /** Told when a step starts (the same names). */
  begin?: ((step: string) => void) | undefined;
  /**
   * Told the pages as they are known: none of about `total` once the count is estimated, the
   * body's pages after each run printed (with the rest estimated), and the book's when it is
   * laid out (`done` = `total`).
   */
  progress?: ((pages: { done: number; total: number }) => void) | undefined;
  /** Pages per print run of a long body (default RUN_PAGES). */
  runPages?: number | undefined;
  /** The pages as HTML (the preview's), the body's not printed at all (`bodyDoc` undefined). */
  pages?: boolean;
  /** Told details (`--verbose`): a run printed from its flow, its sheets not holding its pages. */
  debug?: ((message: string) => void) | undefined;
}

export async function layOut(input: LayoutInput): Promise<Layout> {
  const { book, setup, body, session, resolve } = input;
  const fixed = setup.print.inner === 'auto' ? undefined : parseLength(setup.print.inner);
  const geometryFor = (gutter: number) => pageGeometry(setup.print, gutter, setup.line, setup.furniture);
  const guess = estimateFromText(body, geometryFor(kdpGutter(300)), setup.style.fontSize);
  let gutter = fixed ?? kdpGutter(guess);
  // The guess is good to a few per cent: far from a boundary of KDP's table, it settles the gutter.
  const sure = kdpGutter(guess * 0.9) === kdpGutter(guess * 1.1);
  const guessed = blockPagesFromText(body, geometryFor(gutter), setup.style.fontSize);
  const runs = input.keepBodyPage ? [body.map((_, i) => i)] : chunks(guessed, input.runPages ?? RUN_PAGES);
  let estimate = guess;
  for (let attempt = 0; ; attempt++) {
    input.begin?.('estimate');
    // 1. Load; for `auto` (the first time, when the guess was not sure, a one-run book), the
    // blocks' heights on screen settle the gutter.
    let opened: BookPage | undefined;
    if (fixed === undefined && !sure && attempt === 0 && runs.length === 1) {
      opened = await session.open(documentHtml(input, body, geometryFor(gutter)), resolve);
      for (let k = 0; k < 3; k++) {
        const measured = await inPage(opened, setup);
        estimate = estimateFromHeights(measured.heights, body, input.toc, geometryFor(gutter));
        const wanted = kdpGutter(estimate);
        if (wanted === gutter) break;
        gutter = wanted;
        const rules = JSON.stringify(pageRules(geometryFor(gutter), 'uniform'));
        await opened.evaluate(`document.getElementById('galley-page').textContent = ${rules}`);
      }
    }
    const geometry = geometryFor(gutter);
    input.lap?.('estimate');
    input.begin?.('body');
    input.progress?.({ done: 0, total: estimate });

    // 2. Print the body, and read where each block and break fell. Meanwhile the front matter
    // loads in a page of its own; its contents' numbers come when the body is printed.
    const front = frontBlocks(book, input.toc ? contentsEntries(body) : undefined, false);
    const opening = (blocks: PrintBlock[], css = '') => {
      const page = session.open(documentHtml(input, blocks, geometry, css), resolve);
      page.catch(() => undefined);
      return page;
    };
    let frontOpening: Promise<BookPage> | undefined;
    let furnitureOpening: Promise<BookPage> | undefined;
    const printed = await printBody({
      session,
      resolve,
      setup,
      body,
      runs,
      html: (blocks) => documentHtml(input, blocks, geometry),
      opened,
      keep: input.keepBodyPage,
      pages: input.pages ? textBox(geometry) : undefined,
      sheets: input.keepBodyPage ? undefined : textBox(geometry),
      debug: input.debug,
      lines: linesJob(input, geometry),
      gray: !input.keepBodyPage,
      onRun: input.progress && runProgress(runs, guessed, estimate, input.progress),
      lastPrint: () => {
        frontOpening = opening(front);
        if (!input.pages) furnitureOpening = opening([], furnitureCss(geometry));
      },
    });
    input.lap?.('body');
    input.begin?.('front');
    const bodyPlaced = placed(body, printed.marks, printed.pageCount);
    const bodyPlan = planBody(bodyPlaced, {
      runningHeads: setup.print['running-heads'],
      author: setup.author,
      title: book.config.title,
      language: book.config.language,
    });
    const contents = input.toc ? contentsEntries(body, bodyPlan.starts) : undefined;

    // 3. The front matter with the contents' numbers, and beside it the furniture (for the PDF:
    // the preview's is HTML), each printed in a page of its own.
    const furniture = furniturePages(bodyPlan.pages, breakOrnaments(printed.marks, bodyPlan.pages, geometry), geometry, {
      folios: setup.print.folios,
      ornament: setup.ornament,
    });
    furnitureOpening ??= input.pages ? undefined : opening([], furnitureCss(geometry));
    const furnitureDocs = furnitureOpening ? inPageOf(furnitureOpening, (page) => printFurniture(page, furniture.boxes)) : [];
    Promise.resolve(furnitureDocs).catch(() => undefined);
    frontOpening ??= opening(front);
    const frontPrinted = await inPageOf(frontOpening, async (page) => {
      await page.evaluate(`(() => {
        const numbers = ${JSON.stringify((contents ?? []).map((c) => c.page ?? ''))};
        document.querySelectorAll('.toc-page').forEach((slot, i) => { slot.textContent = numbers[i] ?? ''; });
      })()`);
      return printPage(page, { box: textBox(geometry), slices: input.pages, words: !input.pages });
    });
    const { doc: frontDoc, marks: frontMarks, slices: frontSlices } = frontPrinted;
    const frontPlaced = placed(front, frontMarks, frontDoc.getPageCount());
    const plan = joinPlan(frontPlaced, bodyPlan);
    const overlay = { docs: await furnitureDocs, pages: furniture.pages.map((i) => i + plan.bodyStart) };
    input.lap?.('front');
    input.progress?.({ done: plan.pages.length, total: plan.pages.length });

    // 4. The gutter the final page count calls for (only ever wider, so this ends).
    const needed = kdpGutter(plan.pages.length);
    if (fixed !== undefined || needed <= gutter || attempt >= 3) {
      const pages =
        printed.slices && frontSlices ? { body: printed.slices, front: frontSlices, css: printed.linesCss ?? '' } : undefined;
      return {
        geometry,
        plan,
        bodyDoc: printed.doc,
        frontDoc,
        furniture: overlay,
        bodyPage: printed.page,
        contents,
        body: { placed: bodyPlaced, marks: printed.marks },
        frontPlaced,
        frontWords: frontPrinted.words,
        pages,
        pageStarts: checkedStarts(printed.pageStarts, printed.pageCount),
      };
    }
    gutter = needed;
    await printed.page?.close();
  }
}

/** Runs `task` in a page once it is open, and closes the page. */
async function inPageOf<T>(opening: Promise<BookPage>, task: (page: BookPage) => Promise<T>): Promise<T> {
  const page = await opening;
  try {
    return await task(page);
  } finally {
    await page.close();
  }
}

/**
 * The pages after each run of the body: those printed, and about how many in all — the runs
 * still to print as guessed from their text, and the front matter and blanks as the estimate
 * left them.
 */
function runProgress(
  runs: number[][],
  guessed: number[],
  estimate: number,
  progress: (pages: { done: number; total: number }) => void,
): (pages: number, done: number) => void {
  const perRun = runs.map((run) => run.reduce((sum, i) => sum + (guessed[i] ?? 0), 0));
  const rest = Math.max(0, estimate - perRun.reduce((a, b) => a + b, 0));
  return (pages, done) => {
    const ahead = perRun.slice(done).reduce((a, b) => a + b, 0);
    progress({ done: pages, total: Math.max(pages + 1, pages + ahead + rest) });
  };
}

/**
 * The makeup's pages, when Chromium printed exactly those (it always should: each holds at most
 * the text block); otherwise none, and the EPUB has no page list.
 */
function checkedStarts(starts: PageStart[] | undefined, pages: number): PageStart[] | undefined {
  return starts?.length === pages ? starts : undefined;
}

/** How the body's lines and pages are set (set-lines.ts): the book's break rules, at this geometry. */
export function linesJob(input: LayoutInput, geometry: PageGeometry): BodyJob['lines'] {
  return {
    rules: rulesFromPrint(input.setup.print as PrintBreakKeys, input.book.config.language),
    makeup: { widows: 2, orphans: 2, minLastLines: 3 },
    pageHeight: geometry.recto.height,
    line: geometry.line,
    footnotes: input.setup.print.notes === 'footnotes',
  };
}

/** The text block of a page printed as a recto (as every page is, before assembly). */
export function textBox(geometry: PageGeometry): TextBlockBox {
  return { top: geometry.recto.top, height: geometry.recto.height, line: geometry.line };
}

export function documentHtml(input: LayoutInput, blocks: PrintBlock[], geometry: PageGeometry, css = ''): string {
  return printDocument({
    language: input.book.config.language,
    title: input.book.config.title,
    style: input.setup.style,
    pageRules: `${pageRules(geometry, 'uniform')}\n${css}`,
    body: blocks.map((b) => b.html).join('\n'),
  });
}
