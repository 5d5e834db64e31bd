/**
 * The preview's print view: the book's pages as the PDF will have them, as HTML. The book is laid
 * out by the print edition's own code (output/print/layout.ts) in a browser kept open for the
 * session, and each printed page is cut out of the laid-out document as the book's own DOM text
 * (output/print/dom-pages.ts); running heads, folios and ornaments come from the same page plan
 * and furniture code as the PDF's.
 *
 * After an edit only the blocks (chapters, parts) whose print HTML changed are printed again —
 * each starts on a new page, so it lays out as in the whole book — and the page plan is made
 * again around them: folios, blanks and recto openers follow at once. What is left — the
 * contents' page numbers in the front matter, or a wider gutter when the page count crosses one
 * of KDP's steps — is done by `rest`, after the new pages are shown.
 */
import type { Book } from '../book/model.ts';
import { type BookPage, type BrowserSession, launchBrowser } from '../output/browser.ts';
import type { FontSet } from '../output/fonts.ts';
import { resolver } from '../output/pdf.ts';
import { bodyBlocks, type PrintBlock } from '../output/print/blocks.ts';
import { fontVariables } from '../output/print/document.ts';
import { frontBlocks, wantsToc } from '../output/print/front.ts';
import { breakOrnaments, furnitureBoxes, furnitureCss, ornamentsByPage } from '../output/print/furniture.ts';
import { autoInner, type Box, type PageGeometry, pageVariables } from '../output/print/geometry.ts';
import { contentsEntries, type LayoutInput, layOut, layOutBlocks } from '../output/print/layout.ts';
import type { Mark } from '../output/print/markers.ts';
import { joinPlan, type PlacedBlock, planBody } from '../output/print/plan.ts';
import { type PrintSetup, printSetup } from '../output/print/settings.ts';
import { SLICE_CSS, scopeCss } from './print-css.ts';
import { bookUrls, fontUrls } from './server.ts';

export interface PreviewPage {
  index: number;
  /** The page's number (roman in the front matter), as the PDF's page labels have it. */
  label: string;
  recto: boolean;
  /** The section (chapter, part, front-matter page) the page belongs to. */
  section: string | undefined;
  /** The manuscript file and the first line that starts on the page, when known. */
  source: string | undefined;
  line: number | undefined;
  /** The page's text block, and its running head, folio and ornaments. */
  html: string;
  furniture: string;
}

export interface PrintView {
  /** The page (MediaBox) size and the text block of a recto and a verso, in points. */
  page: { width: number; height: number; recto: Box; verso: Box };
  /** The print CSS, scoped for the preview's page boxes, and the print fonts' @font-face rules. */
  css: string;
  fonts: string;
  smallCaps: boolean;
  pages: PreviewPage[];
}

export interface PrintUpdate {
  view: PrintView;
  /** What is left to do after the view is shown (undefined when nothing is). */
  rest: (() => Promise<PrintView>) | undefined;
}

export interface PrintPreview {
  /** Lays the whole book out. */
  layOut(book: Book): Promise<PrintView>;
  /** Lays out again only what changed since the last layout. */
  update(book: Book): Promise<PrintUpdate>;
  /** The print fonts of the last layout (served under /book/print-fonts/). */
  fonts(): FontSet | undefined;
  close(): Promise<void>;
}

/** One layout of the book, kept between edits. */
interface Laid {
  key: string;
  book: Book;
  setup: PrintSetup;
  geometry: PageGeometry;
  body: PrintBlock[];
  /** Each body block's pages as HTML, and its markers (pages counted from its first). */
  bodyPages: string[][];
  bodyMarks: Mark[][];
  front: PrintBlock[];
  frontPlaced: PlacedBlock[];
  frontPages: string[];
}

export function printPreview(options: { browser?: string | undefined } = {}): PrintPreview {
  let session: Promise<BrowserSession> | undefined;
  let laid: Laid | undefined;
  /** A print page kept loaded for quick updates (of the current layout's setup and geometry). */
  let warm: BookPage | undefined;
  const memo = new Map<string, PrintBlock>();
  const browser = () => {
    session ??= launchBrowser(options.browser, true);
    return session;
  };

  async function input(book: Book, setup: PrintSetup): Promise<LayoutInput> {
    return {
      book,
      setup,
      body: [],
      toc: wantsToc(book),
      session: await browser(),
      resolve: resolver(book, setup.fonts),
      keepBodyPage: false,
      pages: true,
    };
  }

  function blocksOf(book: Book, setup: PrintSetup): PrintBlock[] {
    if (memo.size > 4 * (book.body.length + book.back.length) + 16) memo.clear();
    return bodyBlocks(book, {
      chapterStart: setup.print['chapter-start'],
      leadIn: setup.leadIn,
      hyphenate: setup.hyphenate,
      language: book.config.language,
      memo,
      sourceLines: true,
    });
  }

  async function full(book: Book): Promise<PrintView> {
    await warm?.close();
    warm = undefined;
    const setup = await printSetup(book);
    const body = blocksOf(book, setup);
    const layout = await layOut({ ...(await input(book, setup)), body });
    const pages = layout.pages ?? { body: [], front: [] };
    const { placed, marks } = layout.body;
    laid = {
      key: setupKey(book, setup),
      book,
      setup,
      geometry: layout.geometry,
      body,
      bodyPages: placed.map((p) => ownPages(pages.body, p)),
      bodyMarks: placed.map((p) => ownMarks(marks, p)),
      front: frontBlocks(book, layout.contents, false),
      frontPlaced: layout.frontPlaced,
      frontPages: pages.front,
    };
    return compose(laid);
  }

  async function update(book: Book): Promise<PrintUpdate> {
    const before = laid;
    const setup = before && (await printSetup(book));
    if (!before || !setup || setupKey(book, setup) !== before.key) return { view: await full(book), rest: undefined };
    const body = blocksOf(book, setup);
    const sameShape =
      body.length === before.body.length && body.every((b, i) => b.kind === before.body[i]?.kind && b.id === before.body[i]?.id);
    if (!sameShape) return { view: await full(book), rest: undefined };
    const changed = body.flatMap((b, i) => (b.html === before.body[i]?.html ? [] : [i]));
    const next: Laid = { ...before, book, setup, body, bodyPages: [...before.bodyPages], bodyMarks: [...before.bodyMarks] };
    if (changed.length) {
      const blocks = changed.map((i) => body[i] as PrintBlock);
      const printed = await layOutBlocks({ ...(await input(book, setup)), body }, blocks, before.geometry, changed, warm);
      warm = printed.page;
      changed.forEach((blockIndex, k) => {
        const p = printed.placed[k] as PlacedBlock;
        next.bodyPages[blockIndex] = ownPages(printed.pages, p);
        next.bodyMarks[blockIndex] = ownMarks(printed.marks, p);
      });
    }
    laid = next;
    const planned = plan(next);
    const view = compose(next, planned);
    if (setup.print.inner === 'auto' && autoInner(view.pages.length) !== before.geometry.inner) {
      return { view, rest: () => full(book) };
    }
    // The front matter as it should now be (the contents' numbers may have moved).
    const front = frontBlocks(book, planned.contents, false);
    if (front.length === next.front.length && front.every((b, i) => b.html === next.front[i]?.html))
      return { view, rest: undefined };
    return {
      view,
      rest: async () => {
        const printed = await layOutBlocks({ ...(await input(book, setup)), body }, front, next.geometry, undefined, warm);
        warm = printed.page;
        if (laid !== next) return compose(laid ?? next);
        laid = { ...next, front, frontPlaced: printed.placed, frontPages: printed.pages };
        return compose(laid);
      },
    };
  }

  return {
    layOut: full,
    update,
    fonts: () => laid?.setup.fonts,
    async close() {
      const open = session;
      session = undefined;
      await warm?.close().catch(() => undefined);
      warm = undefined;
      await (await open?.catch(() => undefined))?.close();
    },
  };
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

/** A block's own pages out of its printed document's. */
function ownPages(pages: string[], block: PlacedBlock): string[] {
  return pages.slice(block.firstPage, block.firstPage + block.pages);
}

/** A block's own markers, their pages counted from its first. */
function ownMarks(marks: Mark[], block: PlacedBlock): Mark[] {
  return marks
    .filter((m) => m.page >= block.firstPage && m.page < block.firstPage + block.pages)
    .map((m) => ({ ...m, page: m.page - block.firstPage }));
}

/** The manuscript line of the first element that starts on a page (not one continued from before). */
function firstLine(html: string): number | undefined {
  for (const tag of html.matchAll(/<[a-z][^>]*\bdata-line="(\d+)"[^>]*>/g)) {
    if (!/class="[^"]*galley-cont/.test(tag[0])) return Number(tag[1]);
  }
  return undefined;
}

/** The page plan of a layout, as the PDF's would be. */
function plan(laid: Laid) {
  let first = 0;
  const placed: PlacedBlock[] = laid.body.map((block, i) => {
    const pages = laid.bodyPages[i]?.length ?? 1;
    const p = { kind: block.kind, start: block.start, pages: Math.max(1, pages), firstPage: first, title: block.title };
    first += p.pages;
    return p;
  });
  const marks = laid.body.flatMap((_, i) =>
    (laid.bodyMarks[i] ?? []).map((m) => ({ ...m, page: m.page + (placed[i]?.firstPage ?? 0) })),
  );
  const bodyPlan = planBody(placed, {
    runningHeads: laid.setup.print['running-heads'],
    author: laid.setup.author,
    title: laid.book.config.title,
    language: laid.book.config.language,
  });
  const whole = joinPlan(laid.frontPlaced, bodyPlan);
  const contents = wantsToc(laid.book) ? contentsEntries(laid.body, bodyPlan.starts) : undefined;
  return { plan: whole, bodyPlan, marks, contents };
}

function compose(laid: Laid, planned = plan(laid)): PrintView {
  const { plan: whole, bodyPlan, marks } = planned;
  const sources = new Map(laid.book.body.map((s) => [s.id, s.source]));
  const { geometry, setup } = laid;
  const bodyFlat = laid.bodyPages.flat();
  const ornaments = ornamentsByPage(breakOrnaments(marks, bodyPlan.pages, geometry));
  const furniture = { folios: setup.print.folios, ornament: setup.ornament };
  const pages = whole.pages.map((page, index): PreviewPage => {
    const html = page.source ? ((page.source.doc === 'body' ? bodyFlat : laid.frontPages)[page.source.page] ?? '') : '';
    const block = page.block && (page.block.doc === 'body' ? laid.body : laid.front)[page.block.index];
    return {
      index,
      label: page.label,
      recto: page.recto,
      section: block?.id,
      source: block ? sources.get(block.id) : undefined,
      line: firstLine(html),
      html: bookUrls(html),
      furniture: furnitureBoxes(page, ornaments.get(index - whole.bodyStart) ?? [], geometry, furniture),
    };
  });
  const css = [setup.style.css, fontVariables(setup.style), pageVariables(geometry), furnitureCss(geometry)].join('\n');
  return {
    page: { width: geometry.width, height: geometry.height, recto: geometry.recto, verso: geometry.verso },
    css: `${scopeCss(css)}\n${SLICE_CSS}`,
    fonts: fontUrls(setup.fonts.css, 'print-fonts'),
    smallCaps: setup.fonts.smallCaps !== undefined,
    pages,
  };
}
