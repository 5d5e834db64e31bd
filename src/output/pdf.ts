/**
 * The print PDF: a novel's interior as a designer would set it and print-on-demand services take
 * it. The print session (print/session.ts) lays the book out in Chromium and puts it together
 * with pdf-lib, with the page furniture Chromium cannot make from content — running heads,
 * folios, recto chapter openings, the contents' page numbers — drawn from a page plan. This
 * module owns what is around it: the browser (one of the caller's, or started here and started
 * again once after a crash).
 *
 * Two editions with the same pages: `print` (for KDP and IngramSpark: no bookmarks, no links, no
 * tags, black text) and `screen` (bookmarks for parts and chapters, a linked contents page,
 * tagged). Only the book's own files (its images and the theme's fonts) can load.
 */
import type { Book } from '../book/model.ts';
import { GalleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { type BookPage, type BrowserChoice, type BrowserSession, findBrowser, launchBrowser } from './browser.ts';
import { openPrint, type PdfEdition, resolver } from './print/session.ts';

export type { PdfEdition };
export { findBrowser, resolver };

export interface PdfOptions {
  /** Browser executable, or one already found (else found by output/browser.ts). */
  browser?: string | BrowserChoice | undefined;
  /**
   * A browser already starting (`startBrowser`), which renderPdf takes over as its own: it prints
   * in it and closes it. A build starts it before it reads the manuscript, so the launch is not
   * waited for after.
   */
  starting?: Promise<BrowserSession> | undefined;
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
   * The first words of each page, as the layout knows them (its page map: print/page-map.ts);
   * '' for a page with no text the EPUB has there (a blank, the half title, the contents).
   * The EPUB's page list is placed from these; undefined when the layout could not tell (the
   * EPUB then has no page list).
   */
  pageTexts: string[] | undefined;
}

/**
 * Starts the browser for a renderPdf to come (its `starting`); until it is handed over, the
 * caller closes it (`closeStarted`) if it is not.
 */
export function startBrowser(browser?: string | BrowserChoice): Promise<BrowserSession> {
  const starting = launchBrowser(browser);
  starting.catch(() => undefined);
  return starting;
}

/** Closes a browser startBrowser started, if it started. */
export async function closeStarted(starting: Promise<BrowserSession>): Promise<void> {
  await (await starting.catch(() => undefined))?.close();
}

/**
 * Prints the book. A browser that dies mid-print (out of memory, killed) is started again and
 * the book printed once more; a second crash is reported as BROWSER_CRASHED with its hint.
 */
export async function renderPdf(book: Book, options: PdfOptions = {}): Promise<PdfResult> {
  const shared = options.session;
  if (shared) return await renderOnce(book, options, async () => bookScope(shared));
  const browser = typeof options.browser === 'object' ? options.browser : await findBrowser(options.browser);
  try {
    return await renderOnce(book, options, () => options.starting ?? launchBrowser(browser));
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
  // The browser starts while the print setup and the blocks are made.
  const launching = start();
  launching.catch(() => undefined);
  const print = openPrint(book, {
    browser: launching,
    edition: options.edition,
    logger: options.logger,
    onStage: options.onStage,
    onStageStart: options.onStageStart,
    onProgress: options.onProgress,
    runPages: options.runPages,
  });
  try {
    await print.layOut();
    const pdf = await print.pdf(options.edition ?? 'print');
    const session = await launching;
    return {
      pdf,
      blocked: [...session.blocked],
      pageLabels: print.pageLabels(),
      browser: session.description,
      pageTexts: print.pageMap(),
    };
  } finally {
    await print.close();
    await closeStarted(launching);
  }
}
