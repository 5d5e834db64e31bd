/**
 * The preview's print view: the book's pages as the PDF will have them, as HTML. The book is laid
 * out by the print session (output/print/session.ts) in a browser kept open for the preview, and
 * each page is cut out of the laid-out document as the book's own DOM text, where the page makeup
 * marked it; nothing of the body is printed. Running heads, folios and ornaments come from the
 * same page plan and furniture code as the PDF's.
 *
 * After an edit only the blocks (chapters, parts) whose print HTML changed are laid out again —
 * each starts on a new page, so it lays out as in the whole book — and the page plan is made
 * again around them: folios, blanks and recto openers follow at once. What is left — the
 * contents' page numbers in the front matter, or a wider gutter when the page count crosses one
 * of KDP's steps — is done by `rest`, after the new pages are shown.
 */
import type { Book } from '../book/model.ts';
import { type BrowserSession, launchBrowser } from '../output/browser.ts';
import type { FontSet } from '../output/fonts.ts';
import { openPrint, type PrintPages, type PrintSession, SLICE_CSS } from '../output/print/session.ts';
import { scopeCss } from './print-css.ts';
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
  page: PrintPages['page'];
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
  /**
   * Lays out again only what changed since the last layout; `themeKept`: no theme file changed
   * since (the print setup is kept, when the book's settings are the same too).
   */
  update(book: Book, themeKept?: boolean): Promise<PrintUpdate>;
  /** The print fonts of the last layout (served under /book/print-fonts/). */
  fonts(): FontSet | undefined;
  close(): Promise<void>;
}

export interface PrintPreviewOptions {
  /** The browser to launch (else found as for the PDF). */
  browser?: string | undefined;
  /** Or one already running, shared with the caller (who closes it; close() leaves it open). */
  session?: BrowserSession | undefined;
}

export function printPreview(options: PrintPreviewOptions = {}): PrintPreview {
  const shared = options.session;
  let browser: Promise<BrowserSession> | undefined;
  let print: PrintSession | undefined;
  let shown: { book: Book; pages: PrintPages } | undefined;

  const view = (book: Book): PrintView => {
    const pages = (print as PrintSession).view();
    shown = { book, pages };
    return compose(book, pages);
  };

  async function full(book: Book): Promise<PrintView> {
    await print?.close();
    browser ??= shared ? Promise.resolve(shared) : launchBrowser(options.browser, true);
    print = openPrint(book, { browser, purpose: 'preview' });
    await print.layOut();
    return view(book);
  }

  async function update(book: Book, themeKept = false): Promise<PrintUpdate> {
    if (!print || !shown) return { view: await full(book), rest: undefined };
    const relaid = await print.relayOut(book, [], themeKept);
    const rest = relaid.rest;
    return {
      view: view(book),
      rest:
        rest &&
        (async () => {
          await rest();
          return view(book);
        }),
    };
  }

  return {
    layOut: full,
    update,
    fonts: () => shown?.pages.fonts,
    async close() {
      const open = browser;
      browser = undefined;
      await print?.close().catch(() => undefined);
      print = undefined;
      if (!shared) await (await open?.catch(() => undefined))?.close();
    },
  };
}

function compose(book: Book, print: PrintPages): PrintView {
  const sources = new Map(book.body.map((s) => [s.id, s.source]));
  return {
    page: print.page,
    css: `${scopeCss(print.css)}\n${SLICE_CSS}`,
    fonts: fontUrls(print.fonts.css, 'print-fonts'),
    smallCaps: print.fonts.smallCaps !== undefined,
    pages: print.pages.map((page, index) => ({
      index,
      label: page.label,
      recto: page.recto,
      section: page.section,
      source: page.section ? sources.get(page.section) : undefined,
      line: page.line,
      html: bookUrls(page.html),
      furniture: page.furniture,
    })),
  };
}
