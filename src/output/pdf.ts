/**
 * The print PDF: a novel's interior as a designer would set it and print-on-demand services take
 * it. The book is laid out by Chromium (print/layout.ts), then put together by pdf-lib
 * (print/assemble.ts) with the page furniture Chromium cannot make from content — running heads,
 * folios, recto chapter openings, the contents' page numbers — drawn from a page plan.
 *
 * Two editions with the same pages: `print` (for KDP and IngramSpark: no bookmarks, no links, no
 * tags, black text) and `screen` (bookmarks for parts and chapters, a linked contents page,
 * tagged). Only the book's own files (its images and the theme's fonts) can load.
 */
import type { Book } from '../book/model.ts';
import { GalleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import {
  type BookPage,
  type BrowserChoice,
  type BrowserSession,
  findBrowser,
  launchBrowser,
  type Resource,
  type ResourceResolver,
} from './browser.ts';
import { type FontSet, fontFile } from './fonts.ts';
import { assemblePrint, assembleScreen, type Metadata, type OutlineEntry } from './print/assemble.ts';
import { bodyBlocks, type PrintBlock } from './print/blocks.ts';
import { frontBlocks, wantsToc } from './print/front.ts';
import { KDP_MAX_PAGES, pageRules } from './print/geometry.ts';
import { type Layout, layOut } from './print/layout.ts';
import { printSetup } from './print/settings.ts';

export { findBrowser };

export type PdfEdition = 'print' | 'screen';

export interface PdfOptions {
  /** Browser executable, or one already found (else found by output/browser.ts). */
  browser?: string | BrowserChoice | undefined;
  /** `print` (default) or `screen`. */
  edition?: PdfEdition;
  /** Where notes about the print edition go (e.g. a page count beyond KDP's limit). */
  logger?: Logger;
  /**
   * Called as each step ends, with its name and time in ms: `prepare` (blocks, browser),
   * `estimate` (the page count for the gutter), `body`, `front` (with the furniture), `screen`,
   * `assemble`.
   */
  onStage?: (stage: string, ms: number) => void;
  /** Called as each of those steps starts. */
  onStageStart?: ((stage: string) => void) | undefined;
  /**
   * Called with the pages as the layout knows them: `total` is an estimate (from the text, or the
   * blocks' heights on screen) until the book is laid out, then `done` = `total` = the final count.
   * A long book's body reports after each run of pages (see `runPages`).
   */
  onProgress?: ((pages: { done: number; total: number }) => void) | undefined;
  /**
   * A long book's body is printed in runs of about this many pages (default 400), which bounds
   * the browser's memory; the pages come out the same. Lower it on a machine short of memory.
   */
  runPages?: number;
  /**
   * A browser already running, owned by the caller (one browser for many books): the book's
   * pages are opened in it and closed, the browser is left running, and a crash is not retried
   * here (the caller may start another browser and print again). Without it a browser is started
   * for this book and closed after.
   */
  session?: BrowserSession | undefined;
}

export interface PdfResult {
  pdf: Uint8Array;
  /** Requests refused while printing (anything not the book's own). */
  blocked: string[];
  /** The folio of each PDF page: `pageLabels[i]` for page i + 1 (roman, then arabic from 1). */
  pageLabels: string[];
  /** The browser that printed it: its version and where it was found. */
  browser: string;
  /**
   * The first words of each page, as the layout knows them (the body's pages); undefined for a
   * page only its PDF can tell (the front matter), '' for a blank page. The EPUB's page list is
   * placed from these, reading the PDF only for the pages left undefined.
   */
  pageTexts: (string | undefined)[] | undefined;
}

const CONTENT_TYPES: Record<string, string> = {
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  css: 'text/css; charset=utf-8',
};

const SCREEN_OPTIONS = { preferCSSPageSize: true, printBackground: true, outline: false, tagged: true, waitForFonts: true };

/**
 * Prints the book. A browser that dies mid-print (out of memory, killed) is started again and
 * the book printed once more; a second crash is reported as BROWSER_CRASHED with its hint.
 */
export async function renderPdf(book: Book, options: PdfOptions = {}): Promise<PdfResult> {
  const shared = options.session;
  if (shared) return await renderOnce(book, options, async () => bookScope(shared));
  const browser = typeof options.browser === 'object' ? options.browser : await findBrowser(options.browser);
  try {
    return await renderOnce(book, options, () => launchBrowser(browser));
  } catch (error) {
    if (!(error instanceof GalleyError) || error.code !== 'BROWSER_CRASHED') throw error;
    options.logger?.warn(`${error.message}; printing once more with a new browser`);
    return await renderOnce(book, options, () => launchBrowser(browser));
  }
}

/**
 * A caller's session as one book sees it: the requests refused on its own pages, and a close()
 * that closes the pages it opened (on failure too), never the browser.
 */
function bookScope(session: BrowserSession): BrowserSession {
  const blocked: string[] = [];
  const pages = new Set<BookPage>();
  return {
    blocked,
    description: session.description,
    async open(html, resolve) {
      const page = await session.open(html, resolve, blocked);
      pages.add(page);
      const close = () => {
        pages.delete(page);
        return page.close();
      };
      return { ...page, close };
    },
    async close() {
      await Promise.all([...pages].map((page) => page.close()));
    },
  };
}

async function renderOnce(book: Book, options: PdfOptions, start: () => Promise<BrowserSession>): Promise<PdfResult> {
  let started = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    options.onStage?.(stage, now - started);
    started = now;
  };
  const begin = (stage: string) => options.onStageStart?.(stage);
  begin('prepare');
  const setup = await printSetup(book);
  // The browser starts while the blocks are made.
  const launching = start();
  let session: BrowserSession | undefined;
  try {
    const body = bodyBlocks(book, {
      chapterStart: setup.print['chapter-start'],
      leadIn: setup.leadIn,
      design: setup.design,
      hyphenate: setup.hyphenate,
      language: book.config.language,
    });
    session = await launching;
    lap('prepare');
    const resolve = resolver(book, setup.fonts);
    const screen = options.edition === 'screen';
    const layout = await layOut({
      book,
      setup,
      body,
      toc: wantsToc(book),
      session,
      resolve,
      keepBodyPage: screen,
      lap,
      begin,
      progress: options.onProgress,
      runPages: options.runPages,
    });
    const { plan, geometry } = layout;
    if (plan.pages.length > KDP_MAX_PAGES) {
      options.logger?.warn(`the print edition has ${plan.pages.length} pages; KDP prints paperbacks of up to ${KDP_MAX_PAGES}`);
    }
    const meta: Metadata = {
      title: book.config.subtitle ? `${book.config.title}: ${book.config.subtitle}` : book.config.title,
      author: setup.author,
      language: book.config.language,
      date: new Date(book.modified),
    };
    const furniture = { source: layout.frontDoc, ...layout.furniture };
    let pdf: Uint8Array;
    if (screen) {
      begin('screen');
      const printed = await screenEdition(book, layout, body);
      lap('screen');
      begin('assemble');
      pdf = await assembleScreen(printed, furniture, plan, geometry, meta, outline(body, layout));
    } else {
      begin('assemble');
      pdf = await assemblePrint(layout.bodyDoc, layout.frontDoc, furniture, plan, geometry, meta);
    }
    lap('assemble');
    await layout.bodyPage?.close();
    const starts = layout.pageStarts;
    const pageTexts =
      starts && plan.pages.map((p) => (p.source?.doc === 'body' ? starts[p.source.page]?.words : p.source ? undefined : ''));
    return {
      pdf,
      blocked: [...session.blocked],
      pageLabels: plan.pages.map((p) => p.label),
      browser: session.description,
      pageTexts,
    };
  } finally {
    await (session ?? (await launching.catch(() => undefined)))?.close();
  }
}

/** Serves the fonts and the book's images to the print pages; nothing else. */
export function resolver(book: Book, fonts: FontSet): ResourceResolver {
  return async (path: string): Promise<Resource | undefined> => {
    if (path === 'fonts.css') return { body: fonts.css, contentType: CONTENT_TYPES.css as string };
    if (path.startsWith('fonts/')) {
      const data = await fontFile(fonts, path.slice('fonts/'.length));
      const ext = path.split('.').pop() ?? '';
      return data && { body: data, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream' };
    }
    const image = book.images.get(path);
    return image && { body: image.data, contentType: image.mediaType };
  };
}

/**
 * The screen edition, made from the laid-out body page itself (so its lines are the print
 * edition's): the markers go, the front matter goes in front with a linked contents page, the
 * blank pages go in as empty page-sized blocks, the pages are mirrored; printed tagged.
 */
async function screenEdition(book: Book, layout: Layout, body: PrintBlock[]): Promise<Uint8Array> {
  const front = frontBlocks(book, layout.contents, true);
  const ids = { front: front.map((b) => b.id), body: body.map((b) => b.id) };
  const blanksBefore: string[] = [];
  layout.plan.pages.forEach((page, i) => {
    if (page.source) return;
    const next = layout.plan.pages.slice(i + 1).find((p) => p.block?.first);
    if (next?.block) blanksBefore.push(ids[next.block.doc][next.block.index] as string);
  });
  const script = `(() => {
    document.getElementById('galley-page').textContent = ${JSON.stringify(pageRules(layout.geometry, 'mirrored'))};
    document.body.insertAdjacentHTML('afterbegin', ${JSON.stringify(front.map((b) => b.html).join('\n'))});
    for (const mark of document.querySelectorAll('a.galley-mark')) mark.remove();
    for (const id of ${JSON.stringify(blanksBefore)}) {
      const blank = document.createElement('div');
      blank.className = 'blank-page';
      document.getElementById(id).before(blank);
    }
  })()`;
  const page = layout.bodyPage;
  if (!page) throw new GalleyError('PDF_FAILED', 'the body page was closed before the screen edition was made');
  await page.evaluate(script);
  return page.pdf(SCREEN_OPTIONS);
}

/** Bookmarks: parts, with their chapters under them, and chapters and back matter outside parts. */
function outline(body: PrintBlock[], layout: Layout): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  body.forEach((block, i) => {
    if (!block.inToc) return;
    const entry = { title: block.title, page: layout.plan.starts.body[i] ?? 0, children: [] };
    const parent = entries.at(-1);
    if (block.depth > 0 && parent) parent.children.push(entry);
    else entries.push(entry);
  });
  return entries;
}
