/**
 * The print session: the only way into the print edition, for the PDF (output/pdf.ts), the
 * preview's pages (preview/print-view.ts) and the EPUB's page list (through the PDF's page map).
 * It knows the order of the print steps:
 *
 * 1. Setup (settings.ts): the theme's print CSS and fonts, the book's `print:` settings, the
 *    hyphenator; the browser session (owned by the caller, output/browser.ts) starts meanwhile.
 * 2. Blocks (blocks.ts): the body's chapters, parts and back matter as print HTML, each starting
 *    a page (the preview's memoised between edits, with their manuscript lines).
 * 3. Layout (layout.ts): the gutter from the page count, the body's lines and pages set by the
 *    makeup (set-lines.ts), the front matter with the contents' page numbers, the furniture.
 *    For `pdf` the body is printed; for `preview` nothing of it is: its pages are cut from the
 *    laid-out page (page-cut.js), which the makeup marked where each page starts.
 * 4. Outputs: `pdf(edition)` (editions.ts), `pageMap()` (each page's first words: the EPUB's page
 *    list, page-map.ts), `view()` (the pages as HTML with their furniture: page-view.ts).
 * 5. After an edit (`preview`), `relayOut(book)` lays out again only the blocks whose print HTML
 *    changed, each alone (blocks start pages, so a block lays out as in the whole book) from the
 *    parity of its first page in the book, and the plan is made again around them; a later block
 *    whose first page changed parity (chapters that may open on a verso) is laid out again too.
 *    What may wait (the contents' numbers, a wider gutter) is left to `rest`.
 */
import type { Book } from '../../book/model.ts';
import type { Logger } from '../../logger.ts';
import type { BrowserSession } from '../browser.ts';
import { bodyBlocks, type PrintBlock } from './blocks.ts';
import { printBody, printPage } from './body.ts';
import { editionPdf, type PdfEdition, resolver } from './editions.ts';
import { frontBlocks, wantsToc } from './front.ts';
import { autoInner, KDP_MAX_PAGES } from './geometry.ts';
import { documentHtml, type Layout, type LayoutInput, layOut, linesJob, textBox } from './layout.ts';
import { pageMap } from './page-map.ts';
import { type Laid, ownPages, type PrintPages, planOf, viewOf } from './page-view.ts';
import { blankBefore, placed } from './plan.ts';
import { type PrintSetup, printSetup } from './settings.ts';
import { WarmPage } from './warm-page.ts';

export type { ViewPage } from './page-view.ts';
export { SLICE_CSS } from './slice-css.ts';
export type { PdfEdition, PrintPages };
export { resolver };

export interface PrintOptions {
  /** The browser the pages open in, or its start (owned and closed by the caller). */
  browser: BrowserSession | Promise<BrowserSession>;
  /** `pdf` (default): the body is printed, for pdf(). `preview`: only cut into pages, for view() and relayOut(). */
  purpose?: 'pdf' | 'preview';
  /** The edition pdf() will be asked for (`screen` keeps the body page open, printed in one run). */
  edition?: PdfEdition | undefined;
  logger?: Logger | undefined;
  /** Told as each step ends and starts: `prepare`, `estimate`, `body`, `front`, `screen`, `assemble`. */
  onStage?: ((stage: string, ms: number) => void) | undefined;
  onStageStart?: ((stage: string) => void) | undefined;
  /** Told the pages as they are known (see PdfOptions.onProgress). */
  onProgress?: ((pages: { done: number; total: number }) => void) | undefined;
  /** Pages per print run of a long body. */
  runPages?: number | undefined;
}

export interface Relaid {
  /** Whether the whole book was laid out again (its print settings or its blocks changed). */
  whole: boolean;
  /** The ids of the blocks laid out again. */
  sections: string[];
  /** What is left to do (the contents' numbers, a wider gutter); undefined when nothing is. */
  rest: (() => Promise<void>) | undefined;
}

export interface PrintSession {
  /** Steps 1–3: the whole book. */
  layOut(): Promise<void>;
  /**
   * Step 5 (`preview`): the edited book, laid out again where it changed (or in `sections`, by
   * id); `themeKept`: no theme file changed since the last layout (its setup is kept when the
   * book's settings are the same).
   */
  relayOut(book: Book, sections?: string[], themeKept?: boolean): Promise<Relaid>;
  /** The PDF of the layout (`pdf`). */
  pdf(edition?: PdfEdition): Promise<Uint8Array>;
  /** Each page's first words ('' for a page with no text the EPUB has there: page-map.ts); undefined when unknown (`preview`). */
  pageMap(): string[] | undefined;
  /** Each page's folio (roman, then arabic from 1). */
  pageLabels(): string[];
  /** The pages as HTML (`preview`). */
  view(): PrintPages;
  /** Closes the pages the session opened (never the browser). */
  close(): Promise<void>;
}

export function openPrint(first: Book, options: PrintOptions): PrintSession {
  const preview = options.purpose === 'preview';
  const memo = new Map<string, PrintBlock>();
  let book = first;
  let layout: Layout | undefined;
  /** What the layout was made from. */
  let made: { setup: PrintSetup; body: PrintBlock[] } | undefined;
  let laid: (Laid & { key: string; input: LayoutInput }) | undefined;
  /** A print page kept loaded for relayOut, opened after a whole layout (so the first edit finds it loaded). */
  const warm = new WarmPage();
  let started = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    options.onStage?.(stage, now - started);
    started = now;
  };
  const begin = (stage: string) => options.onStageStart?.(stage);

  function blocksOf(setup: PrintSetup): PrintBlock[] {
    if (memo.size > 4 * (book.body.length + book.back.length) + 16) memo.clear();
    return bodyBlocks(book, {
      chapterStart: setup.print['chapter-start'],
      leadIn: setup.leadIn,
      design: setup.design,
      hyphenate: setup.hyphenate,
      language: book.config.language,
      ...(preview ? { memo, sourceLines: true } : {}),
    });
  }

  async function whole(): Promise<void> {
    await warm.close();
    begin('prepare');
    const setup = await printSetup(book);
    const body = blocksOf(setup);
    const session = await options.browser;
    lap('prepare');
    const input: LayoutInput = {
      book,
      setup,
      body,
      toc: wantsToc(book),
      session,
      // The current book's images (pages kept loaded serve those of the book since edited).
      resolve: (path) => resolver(book, setup.fonts)(path),
      keepBodyPage: options.edition === 'screen',
      lap,
      begin,
      progress: options.onProgress,
      runPages: options.runPages,
      pages: preview,
      debug: options.logger?.debug?.bind(options.logger),
    };
    layout = await layOut(input);
    made = { setup, body };
    const pages = layout.plan.pages.length;
    if (pages > KDP_MAX_PAGES)
      options.logger?.warn(`the print edition has ${pages} pages; KDP prints paperbacks of up to ${KDP_MAX_PAGES}`);
    if (!preview || !layout.pages) return;
    const cut = layout.pages;
    const { placed: blocks, marks } = layout.body;
    const starts = layout.pageStarts;
    laid = {
      key: setupKey(book, setup),
      input,
      book,
      setup,
      geometry: layout.geometry,
      body,
      blocks: blocks.map((p, i) => ownPages(cut.body, marks, starts, p, i)),
      front: frontBlocks(book, layout.contents, false),
      frontPlaced: layout.frontPlaced,
      frontPages: cut.front,
      linesCss: cut.css,
    };
    await warm.open(session, documentHtml(input, [], layout.geometry), input.resolve);
  }

  /** Lays block `i` of `next` out alone, its first page at body position `start`. */
  async function relayBlock(next: NonNullable<typeof laid>, i: number, start: number): Promise<void> {
    const block = next.body[i] as PrintBlock;
    const input = { ...next.input, book: next.book, setup: next.setup, body: next.body };
    const opened = await warm.take(block.html);
    const printed = await printBody({
      session: input.session,
      resolve: input.resolve,
      setup: input.setup,
      body: [block],
      runs: [[0]],
      html: (run) => documentHtml(input, run, next.geometry),
      opened,
      keep: true,
      pages: textBox(next.geometry),
      lines: linesJob(input, next.geometry),
      start,
    });
    warm.keep(printed.page);
    const [own] = placed([block], printed.marks, printed.pageCount, [i]);
    if (own) next.blocks[i] = ownPages(printed.slices ?? [], printed.marks, printed.pageStarts, own, i);
  }

  async function relayOut(edited: Book, sections: string[] = [], themeKept = false): Promise<Relaid> {
    const before = laid;
    book = edited;
    const kept = before && themeKept && settingsKey(before.book) === settingsKey(edited);
    const setup = before && (kept ? before.setup : await printSetup(edited));
    const body = setup && blocksOf(setup);
    const sameShape =
      before &&
      body &&
      setupKey(edited, setup) === before.key &&
      body.length === before.body.length &&
      body.every((b, i) => b.kind === before.body[i]?.kind && b.id === before.body[i]?.id);
    if (!before || !setup || !body || !sameShape) {
      await whole();
      return { whole: true, sections: (laid?.body ?? []).map((b) => b.id), rest: undefined };
    }
    const next = { ...before, book: edited, setup, body, blocks: [...before.blocks] };
    const wanted = new Set(sections);
    const oldStarts = planOf(before).bodyPlan.starts;
    const relaid: string[] = [];
    // Each block's first page in the body (pages and blanks before it), as the plan places it.
    let position = 0;
    for (const [i, block] of body.entries()) {
      const start = i === 0 ? 'recto' : block.start;
      if (blankBefore(start, position)) position++;
      const changed = block.html !== before.body[i]?.html || wanted.has(block.id);
      if (changed || (relaid.length && position % 2 !== (oldStarts[i] ?? 0) % 2)) {
        await relayBlock(next, i, position);
        relaid.push(block.id);
      }
      position += Math.max(1, next.blocks[i]?.pages.length ?? 1);
    }
    laid = next;
    const planned = planOf(next);
    if (setup.print.inner === 'auto' && autoInner(planned.plan.pages.length) !== before.geometry.inner) {
      return { whole: false, sections: relaid, rest: whole };
    }
    // The front matter as it should now be (the contents' numbers may have moved).
    const front = frontBlocks(edited, planned.contents, false);
    if (front.length === next.front.length && front.every((b, i) => b.html === next.front[i]?.html))
      return { whole: false, sections: relaid, rest: undefined };
    const rest = async () => {
      const page = await next.input.session.open(documentHtml(next.input, front, next.geometry), next.input.resolve);
      try {
        const printed = await printPage(page, { box: textBox(next.geometry), slices: true });
        if (laid !== next) return;
        laid = { ...next, front, frontPlaced: placed(front, printed.marks, printed.pageCount), frontPages: printed.slices ?? [] };
      } finally {
        await page.close();
      }
    };
    return { whole: false, sections: relaid, rest };
  }

  function current(): Laid {
    if (!laid) throw new Error('the print session has no preview layout');
    return laid;
  }

  return {
    layOut: whole,
    relayOut,
    async pdf(edition = options.edition ?? 'print') {
      if (!layout || !made) await whole();
      const from = made as NonNullable<typeof made>;
      const pdf = await editionPdf(edition, book, from.setup, layout as Layout, from.body, begin, lap);
      lap('assemble');
      return pdf;
    },
    pageMap() {
      // The preview's layout keeps no page map (it has no page list to place).
      const body = layout?.pageStarts;
      const frontWords = layout?.frontWords;
      if (preview || !layout || !body || !frontWords) return undefined;
      return pageMap({ plan: layout.plan, front: layout.frontPlaced, frontWords, body });
    },
    pageLabels: () => (laid ? planOf(laid).plan.pages : (layout?.plan.pages ?? [])).map((p) => p.label),
    view: () => viewOf(current()),
    async close() {
      await warm.close();
      await layout?.bodyPage?.close().catch(() => undefined);
    },
  };
}

/** What the print setup is made from (settings.ts), besides the files in the theme's folders. */
function settingsKey(book: Book): string {
  const { print, language, creators, theme } = book.config;
  return JSON.stringify([print, language, creators, theme, book.theme]);
}

/** What a change of needs the whole book laid out again: the print settings, theme, fonts. */
function setupKey(book: Book, setup: PrintSetup): string {
  return JSON.stringify([
    book.config.print,
    book.config.language,
    setup.style.css,
    setup.fonts.css,
    setup.line,
    setup.leadIn,
    setup.author,
    book.config.title,
  ]);
}
