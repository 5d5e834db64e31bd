/**
 * `preview`: serves a live view of the book and keeps it current while the author writes. It
 * typesets the manuscript, serves the result (src/preview/server.ts), watches the manuscript,
 * book.yaml and the theme, and after each save sends only what changed. When the manuscript
 * has an error the last good render stays and the error is shown over it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Book } from '../book/model.ts';
import { type Diagnostic, formatDiagnostic } from '../diagnostics.ts';
import { GalleyError } from '../errors.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { type FontSet, fontFile, loadThemeFonts } from '../output/fonts.ts';
import { TEMPLATES_DIR, themeCss } from '../output/theme.ts';
import { type PreviewServer, startPreviewServer } from '../preview/server.ts';
import { watchFiles } from '../preview/watch.ts';
import { typeset } from './typeset.ts';

export interface PreviewOptions {
  /** Manuscript (default `manuscript`). */
  input?: string;
  /** Port to listen on; when it is taken the next free one is used (default 4173). */
  port?: number;
  title?: string | undefined;
  author?: string | undefined;
  cwd?: string;
  logger?: Logger;
}

export interface PreviewSection {
  id: string;
  kind: string;
  title: string;
  html: string;
}

export interface PreviewError {
  location: string | undefined;
  message: string;
  hint: string | undefined;
}

/** Everything the browser shows. */
export interface PreviewState {
  version: number;
  title: string;
  language: string;
  css: { epub: string; print: string; fonts: string };
  sections: PreviewSection[];
  diagnostics: (Diagnostic & { text: string })[];
  error: PreviewError | undefined;
}

export interface PreviewHandle {
  url: string;
  /** Re-typesets now (the watcher calls this after a save). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export async function preview(options: PreviewOptions = {}): Promise<PreviewHandle> {
  const cwd = options.cwd ?? process.cwd();
  const logger = options.logger ?? silentLogger;
  const input = path.resolve(cwd, options.input ?? 'manuscript');
  const fonts = await loadThemeFonts();
  let book: Book | undefined;
  let state = await render(undefined);

  async function render(previous: PreviewState | undefined): Promise<PreviewState> {
    try {
      const result = await typeset({ input, overrides: { title: options.title, author: options.author }, cwd });
      book = result.book;
      return {
        version: (previous?.version ?? 0) + 1,
        title: book.config.title,
        language: book.config.language,
        css: { epub: await themeCss('epub'), print: await themeCss('print'), fonts: fontsCss(fonts) },
        sections: [...book.front, ...book.body].map(({ id, kind, title, html }) => ({ id, kind, title, html: bookUrls(html) })),
        diagnostics: result.diagnostics.map((d) => ({ ...d, text: formatDiagnostic(d) })),
        error: undefined,
      };
    } catch (error) {
      // The first render has nothing to fall back on: its error is the command's error.
      if (!previous || !(error instanceof GalleyError)) throw error;
      return {
        ...previous,
        version: previous.version + 1,
        error: { location: error.location, message: error.message, hint: error.hint },
      };
    }
  }

  const server: PreviewServer = await startPreviewServer(
    {
      state: () => state,
      resource: async (name) => {
        if (name.startsWith('fonts/')) {
          const data = await fontFile(fonts, name.slice('fonts/'.length));
          return data && { body: data, contentType: name.endsWith('.woff') ? 'font/woff' : 'font/woff2' };
        }
        const image = book?.images.get(name) ?? (book?.cover?.target === name ? book.cover : undefined);
        return image && { body: image.data, contentType: image.mediaType };
      },
    },
    options.port,
  );

  async function refresh(): Promise<void> {
    const started = performance.now();
    state = await render(state);
    server.broadcast('state', state);
    if (state.error) logger.error(`${state.error.location ? `${state.error.location}: ` : ''}${state.error.message}`);
    else logger.info(`updated in ${Math.round(performance.now() - started)} ms`);
  }

  const root = (await isFolder(input)) ? input : path.dirname(input);
  const stopWatching = watchFiles({
    folders: [root, TEMPLATES_DIR],
    onChange: () => {
      refresh().catch((error: Error) => logger.error(`preview update failed: ${error.message}`));
    },
  });

  logger.info(`preview on ${server.url}`);
  return {
    url: server.url,
    refresh,
    async close() {
      stopWatching();
      await server.close();
    },
  };
}

/** Points the book's image references at the server's /book/ path. */
function bookUrls(html: string): string {
  return html.replace(/ src="images\//g, ' src="/book/images/');
}

/** The theme's @font-face rules, pointing at the server's /book/fonts/. */
function fontsCss(fonts: FontSet): string {
  return fonts.css.replace(/url\(fonts\//g, 'url(/book/fonts/');
}

async function isFolder(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
