/**
 * `preview`: serves a live view of the book and keeps it current while the author writes. It
 * typesets the manuscript once per save, as `galley check` does (so the findings come with the
 * book), serves the result (src/preview/server.ts), watches the manuscript, book.yaml and the
 * theme, and after each save sends the new state; the page patches in only what changed. The
 * EPUB view comes with the typesetting; the print view's pages follow from the browser
 * (src/preview/print-view.ts), then the findings, each linked to its page. When the manuscript
 * has an error, the last good render stays and the error is shown over it. What the browser is
 * sent: src/preview/state.ts.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../book/book-files.ts';
import type { Book } from '../book/model.ts';
import { checkBook } from '../check/check.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { GalleyError } from '../errors.ts';
import { type Logger, silentLogger } from '../logger.ts';
import type { BrowserSession } from '../output/browser.ts';
import { type FontSet, fontFile, loadThemeFonts } from '../output/fonts.ts';
import { TEMPLATES_DIR, themeFolders } from '../output/theme.ts';
import { epubView } from '../preview/epub-view.ts';
import { type PrintView, printPreview } from '../preview/print-view.ts';
import { bookUrls, fontUrls, type PreviewServer, startPreviewServer } from '../preview/server.ts';
import { linkDiagnostics, type PreviewState, previewError } from '../preview/state.ts';
import { watchFiles } from '../preview/watch.ts';
import { typeset } from './typeset.ts';
import { createTypesetMemo } from './typeset-memo.ts';

export type { PreviewDiagnostic, PreviewError, PreviewProblem, PreviewSection, PreviewState } from '../preview/state.ts';

export interface PreviewOptions {
  /** Manuscript (default `manuscript`). */
  input?: string;
  /** Port to listen on; when it is taken the next free one is used (default 4173). */
  port?: number;
  title?: string | undefined;
  author?: string | undefined;
  /** The theme, over book.yaml's `theme:` (`--theme`). */
  theme?: string | undefined;
  cwd?: string;
  logger?: Logger;
  /** Browser for the print view (else found as for the PDF). */
  browser?: string | undefined;
  /**
   * Or a browser already running for the print view (`launchBrowser()`), shared with builds as
   * build's `session` is; the caller closes it after the preview.
   */
  session?: BrowserSession | undefined;
  /**
   * Told as each piece of an update reaches the browser: `typeset` (EPUB view, diagnostics),
   * `pages` (the print view), `check`, `repaginated` (the rest of the book, when there was any).
   */
  onUpdate?: (what: 'typeset' | 'pages' | 'check' | 'repaginated', state: PreviewState) => void;
}

export interface PreviewHandle {
  url: string;
  /** Re-typesets now (the watcher calls this after a save). */
  refresh(): Promise<void>;
  /** Resolves when the print view and the check have caught up. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function preview(options: PreviewOptions = {}): Promise<PreviewHandle> {
  const cwd = options.cwd ?? process.cwd();
  const logger = options.logger ?? silentLogger;
  const input = path.resolve(cwd, options.input ?? 'manuscript');
  const overrides = { title: options.title, author: options.author, theme: options.theme };
  // The EPUB view's fonts: the current book's theme's.
  let fonts: FontSet | undefined;
  const printer = printPreview({ browser: options.browser, session: options.session });
  // The EPUB view's sections as last set (a save sets again only those that changed).
  const epubMemo = new Map<string, string>();
  // The chapters as last typeset (a save reads again only those whose text changed).
  const typesetMemo = createTypesetMemo();
  let book: Book | undefined;
  // `galley check`'s findings for the current book (the typesetter's among them).
  let checked: Diagnostic[] = [];
  const diagnostics = (print: PrintView | undefined) => linkDiagnostics(checked, print);
  let state = await render(undefined);

  /** The state after a typesetting; `typesetDone` is told the book as soon as it is typeset (the pages start while the EPUB view is made). */
  async function render(previous: PreviewState | undefined, typesetDone?: (book: Book) => void): Promise<PreviewState> {
    try {
      // One typesetting per save, galley check's: the book, and the findings. Where it finds an
      // error, the build's typesetting says whether (and with which error) a build would stop.
      const result = await checkBook({ input, overrides, cwd, memo: typesetMemo });
      book = result.errors ? (await typeset({ input, overrides, cwd })).book : result.book;
      checked = result.diagnostics;
      typesetDone?.(book);
      // The pages' work goes first (to the browser's page), then the EPUB view is made meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      fonts = await loadThemeFonts(book.theme);
      const view = await epubView(book, epubMemo);
      return {
        version: (previous?.version ?? 0) + 1,
        title: book.config.title,
        language: book.config.language,
        theme: book.theme.name,
        css: { epub: view.css, fonts: fontUrls(fonts.css, 'fonts') },
        sections: view.sections.map((section) => ({ ...section, html: bookUrls(section.html) })),
        // Linked to pages once this text's pages are laid out (the last layout's may have moved).
        diagnostics: diagnostics(undefined),
        error: undefined,
        print: previous?.print,
        printStatus: previous?.print ? 'updating' : 'layout',
      };
    } catch (error) {
      // The first render has nothing to fall back on: its error is the command's error.
      if (!previous || !(error instanceof GalleyError)) throw error;
      return {
        ...previous,
        version: previous.version + 1,
        error: previewError(error),
      };
    }
  }

  function publish(change: Partial<PreviewState>): void {
    state = { ...state, ...change, version: state.version + 1 };
    state.diagnostics = diagnostics(state.print);
    server.broadcast('state', state);
  }

  // The print view and the check run after the typesetting, one at a time; only the newest
  // book is worked on when saves come faster than the pages.
  let wanted: Book | undefined;
  /** Whether no theme file changed in the saves since the last pages were asked for. */
  let sameTheme = true;
  let running: Promise<void> | undefined;
  function printLater(next: Book, themeKept = false): void {
    wanted = next;
    sameTheme &&= themeKept;
    running ??= (async () => {
      while (wanted) {
        const current = wanted;
        const kept = sameTheme;
        wanted = undefined;
        sameTheme = true;
        await printAndCheck(current, kept).catch((error: Error) => {
          const hint = error instanceof GalleyError && error.hint ? ` ${error.hint}` : '';
          logger.error(`preview: ${error.message}${hint}`);
          publish({ printStatus: `The pages cannot be shown: ${error.message}.${hint}` });
        });
      }
      running = undefined;
    })();
  }

  async function printAndCheck(current: Book, themeKept: boolean): Promise<void> {
    const started = performance.now();
    const first = state.print === undefined;
    const update = first ? { view: await printer.layOut(current), rest: undefined } : await printer.update(current, themeKept);
    publish({ print: update.view, printStatus: update.rest ? 'repaginating' : 'ready' });
    options.onUpdate?.('pages', state);
    logger.info(`${first ? 'pages laid out' : 'pages updated'} in ${Math.round(performance.now() - started)} ms`);
    // The findings came with the typesetting; the pages just published link them.
    options.onUpdate?.('check', state);
    if (update.rest && !wanted) {
      publish({ print: await update.rest(), printStatus: 'ready' });
      options.onUpdate?.('repaginated', state);
      logger.info(`book repaginated in ${Math.round(performance.now() - started)} ms`);
    }
  }

  const server: PreviewServer = await startPreviewServer(
    {
      state: () => state,
      resource: async (name) => {
        const [folder, file = ''] = name.split(/\/(.*)/s);
        const fontSet = folder === 'fonts' ? fonts : folder === 'print-fonts' ? printer.fonts() : undefined;
        if (fontSet) {
          const data = await fontFile(fontSet, file);
          return data && { body: data, contentType: file.endsWith('.woff') ? 'font/woff' : 'font/woff2' };
        }
        const image = book?.images.get(name) ?? (book?.cover?.target === name ? book.cover : undefined);
        return image && { body: image.data, contentType: image.mediaType };
      },
    },
    options.port,
  );
  if (book) printLater(book);

  /** Typesets again; `changed`: the files saved (when none is the theme's, the print setup is kept). */
  async function refresh(changed?: string[]): Promise<void> {
    const started = performance.now();
    const printed = state.print;
    const themeKept = (next: Book) => {
      const folders = [TEMPLATES_DIR, ...themeFolders(next.theme)];
      return changed?.every((file) => !folders.some((folder) => isInside(folder, file))) ?? false;
    };
    const rendered = await render(state, (next) => printLater(next, themeKept(next)));
    // Pages that came while the EPUB view was made stay.
    const came = !rendered.error && state.print !== printed;
    state = {
      ...rendered,
      version: state.version + 1,
      ...(came ? { print: state.print, printStatus: state.printStatus, diagnostics: diagnostics(state.print) } : {}),
    };
    server.broadcast('state', state);
    watchBook();
    options.onUpdate?.('typeset', state);
    if (state.error) {
      for (const problem of state.error.problems)
        logger.error(`${problem.location ? `${problem.location}: ` : ''}${problem.message}`);
    } else {
      logger.info(`typeset in ${Math.round(performance.now() - started)} ms`);
    }
  }

  // The book's folder, the built-in themes, and the folders of the book's theme: watched again
  // when book.yaml names another theme.
  const root = (await isFolder(input)) ? input : path.dirname(input);
  let watched = '';
  let stopWatching = () => {};
  function watchBook(): void {
    const folders = watchedFolders([root, TEMPLATES_DIR, ...(book ? themeFolders(book.theme) : [])]);
    if (folders.join('\n') === watched) return;
    stopWatching();
    watched = folders.join('\n');
    stopWatching = watchFiles({
      folders,
      onChange: (files) => {
        refresh(files).catch((error: Error) => logger.error(`preview update failed: ${error.message}`));
      },
    });
  }
  watchBook();

  logger.info(`preview on ${server.url}`);
  return {
    url: server.url,
    refresh,
    async settled() {
      while (running) await running;
    },
    async close() {
      stopWatching();
      wanted = undefined;
      await running?.catch(() => undefined);
      await server.close();
      await printer.close();
    },
  };
}

/** The folders, less those inside another of them. */
function watchedFolders(folders: string[]): string[] {
  const all = [...new Set(folders.map((f) => path.resolve(f)))];
  return all.filter((f) => !all.some((other) => other !== f && isInside(other, f)));
}

async function isFolder(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
