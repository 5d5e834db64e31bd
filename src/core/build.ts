/**
 * `build`: manuscript in, EPUB and PDF out. Orchestration only: typeset the book once, render
 * each requested format, then write them all at once (or nothing, if any step failed).
 * Progress goes to the logger given, one line per stage with its time.
 */
import path from 'node:path';
import { type Diagnostic, formatDiagnostic } from '../diagnostics.ts';
import { type Logger, silentLogger } from '../logger.ts';
import type { BrowserSession } from '../output/browser.ts';
import type { EpubTarget } from '../output/epub.ts';
import type { PdfEdition } from '../output/pdf.ts';
import { type OutputFile, writeOutputs } from '../output/write.ts';
import { renderFormats } from './render-formats.ts';
import { stageClock } from './stages.ts';
import type { TypesetOptions } from './typeset.ts';

export type Format = 'epub' | 'pdf';

export interface BuildOptions {
  /** Manuscript folder, .md or .txt file (default `manuscript`). */
  input?: string;
  /** Output folder (default `dist`). */
  out?: string;
  /** Formats to build (default both). */
  formats?: Format[];
  /** Override the manuscript's title. */
  title?: string | undefined;
  /** Override the manuscript's author. */
  author?: string | undefined;
  /** The theme, over book.yaml's `theme:`: a built-in theme's name, a folder (`./themes/mine`) or a package. */
  theme?: string | undefined;
  /** Browser executable for the PDF (default: found automatically). */
  browser?: string | undefined;
  /** PDF edition: `print` (default; for KDP and IngramSpark) or `screen` (bookmarks, links, tagged). */
  pdf?: PdfEdition | undefined;
  /** Store the EPUB is made for: generic (default), kindle, apple or kobo. */
  target?: EpubTarget | undefined;
  /** Working directory paths are relative to (default `process.cwd()`). */
  cwd?: string;
  logger?: Logger;
  /** remark and rehype plugins of your own, run after those book.yaml names (README, *Plugins*). */
  plugins?: TypesetOptions['plugins'];
  /** A browser already running, shared with other builds (core/builder.ts): the PDF is printed in it. */
  session?: BrowserSession | undefined;
  /** The output files' base name, given the book's slug (default: the slug). */
  name?: ((slug: string) => string | Promise<string>) | undefined;
}

export interface BuiltFile {
  format: Format;
  path: string;
  bytes: number;
}

export interface BuildResult {
  files: BuiltFile[];
  diagnostics: Diagnostic[];
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const logger = options.logger ?? silentLogger;
  const formats = options.formats ?? ['epub', 'pdf'];
  const clock = stageClock(logger);

  // Find the browser first: a PDF that cannot be printed should fail before any other work.
  // The print code (and Puppeteer) is loaded only when a PDF is asked for.
  const print = formats.includes('pdf') ? await import('../output/pdf.ts') : undefined;
  const browser = print && !options.session ? await print.findBrowser(options.browser) : undefined;
  // The browser starts while the manuscript is read: renderPdf takes it over and closes it, and
  // if the build stops before then (bad input), it is closed here.
  let starting = print && browser ? print.startBrowser(browser) : undefined;
  const handOver = () => {
    const taken = starting;
    starting = undefined;
    return taken;
  };
  try {
    clock.start('parse');
    // The pipeline and the EPUB writer are loaded inside their stages, so their loading is timed there.
    const { book, diagnostics } = await clock.guard(async () =>
      (await import('./typeset.ts')).typeset({
        input: options.input ?? 'manuscript',
        overrides: { title: options.title, author: options.author, theme: options.theme },
        plugins: options.plugins,
        cwd,
        // typeset's two stages follow one another: parse ends as typeset starts.
        onStage: (name) => (name === 'parse' ? clock.start('typeset') : clock.end()),
      }),
    );
    for (const d of diagnostics) logger.warn(formatDiagnostic(d));

    const outDir = path.resolve(cwd, options.out ?? 'dist');
    const name = options.name ? await options.name(book.slug) : book.slug;
    const { epub, printed } = await renderFormats({
      book,
      logger,
      clock,
      epub: formats.includes('epub'),
      print: print && { module: print, browser, edition: options.pdf ?? 'print' },
      takeStarting: handOver,
      session: options.session,
      target: options.target,
    });
    const outputs: (OutputFile & { format: Format })[] = [];
    if (epub) outputs.push({ format: 'epub', path: path.join(outDir, `${name}.epub`), data: epub });
    if (printed) outputs.push({ format: 'pdf', path: path.join(outDir, `${name}.pdf`), data: printed.pdf });
    await clock.run('write', () => writeOutputs(outputs));
    const files = outputs.map((o) => ({ format: o.format, path: o.path, bytes: o.data.byteLength }));
    for (const f of files) logger.info(`wrote ${path.relative(cwd, f.path)} (${formatBytes(f.bytes)})`);
    return { files, diagnostics };
  } finally {
    if (starting) await print?.closeStarted(starting);
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
