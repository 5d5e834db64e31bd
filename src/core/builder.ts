/**
 * Many books, one browser: `createBuilder()` keeps a pool of worker threads and one browser warm
 * between calls, for a site that converts stories on demand; `buildMany()` builds a list of books
 * (folders of books opened) with one and closes it. Each book is built as `galley build` builds it
 * — its files all or none — and one book failing does not stop the others: each outcome says
 * what was written, or why not. A book whose print was cut short by a browser crash is printed
 * once more in a new browser.
 */
import os from 'node:os';
import type { Diagnostic } from '../diagnostics.ts';
import { GalleyError } from '../errors.ts';
import type { BookJob } from './batch-book.ts';
import { warmBrowser } from './batch-browser.ts';
import { expandInputs, type Skipped } from './batch-inputs.ts';
import { outputNames } from './batch-names.ts';
import { createPool, type PoolJob } from './batch-pool.ts';
import { fromWire } from './batch-rpc.ts';
import type { BuildOptions, BuildResult, BuiltFile } from './build.ts';

export interface BuilderOptions {
  /** Worker threads (default: `os.availableParallelism()`); 0 builds in the calling thread. */
  workers?: number | undefined;
  /** Books each worker has in hand at once, so one is typeset while another prints (default 2). */
  perWorker?: number | undefined;
  /** Chrome or Chromium to print with (default: found as `galley build` finds it). */
  browser?: string | undefined;
}

/** What every book of a run is built with: `build()`'s options, less those that name one book. */
export type ManyOptions = Omit<BuildOptions, 'input' | 'title' | 'author' | 'browser' | 'logger' | 'session' | 'name'> & {
  /** Told as each book is done, in the order they finish. */
  onBook?: ((outcome: BookOutcome) => void) | undefined;
};

export interface BookOutcome {
  /** The book as named (a folder of books' books as `<folder>/<book>`). */
  input: string;
  /** What was written; empty when the book failed (nothing of it was written). */
  files: BuiltFile[];
  diagnostics: Diagnostic[];
  /** Every warning the build gave, one line each, as `galley build` prints them. */
  warnings: string[];
  /** Why the book failed: a GalleyError with its place and hint, or an unexpected Error. */
  error?: Error | undefined;
  ms: number;
}

export interface ManyResult {
  /** Every book, in the order given. */
  books: BookOutcome[];
  failed: BookOutcome[];
  /** Folders and files inside a folder of books that are not books, and books named twice. */
  skipped: Skipped[];
  ms: number;
  /** The browser that printed the books: its version and where it was found (none for EPUB only). */
  browser?: string | undefined;
}

export interface Builder {
  /** One book, as build() builds it (it throws as build() does), printed in the builder's browser. */
  build(options?: Omit<BuildOptions, 'browser' | 'session' | 'name'>): Promise<BuildResult>;
  /** Each book, on the workers; resolves when every one is built or has failed. */
  buildMany(inputs: string[], options?: ManyOptions): Promise<ManyResult>;
  /** Browsers started so far: one, unless one crashed. */
  readonly launches: number;
  /** Stops the workers and closes the browser. */
  close(): Promise<void>;
}

export function createBuilder(options: BuilderOptions = {}): Builder {
  const browser = warmBrowser(options.browser);
  const workers = options.workers ?? os.availableParallelism();
  const pool = createPool({ workers, perWorker: options.perWorker ?? 2, browser: () => browser.session() });
  // sharp's libraries must be loaded by the main thread before a worker loads them (sharp's
  // documentation, worker threads): else they can be unloaded under a worker still using them.
  const ready = workers > 0 ? import('sharp').then(() => undefined) : Promise.resolve();

  /** One book through the pool; a print cut short by a browser crash is tried once more. */
  const run = async (job: PoolJob): Promise<BookOutcome> => {
    if (job.plugins && workers > 0) {
      throw new GalleyError('USAGE', 'plugins given as functions cannot be sent to worker threads', {
        hint: 'Name them in each book.yaml (`plugins:`), or create the builder with `workers: 0`.',
      });
    }
    await ready;
    let report = await pool.run(job);
    if (report.error?.galley && report.error.code === 'BROWSER_CRASHED') report = await pool.run(job);
    const { error, ...rest } = report;
    return { input: job.job.input, ...rest, error: error && fromWire(error) };
  };
  const jobOf = (input: string, o: Omit<BuildOptions, 'input'>): BookJob => ({
    input,
    out: o.out,
    formats: o.formats,
    target: o.target,
    pdf: o.pdf,
    title: o.title,
    author: o.author,
    theme: o.theme,
    cwd: o.cwd ?? process.cwd(),
  });
  const prints = (o: { formats?: BuildOptions['formats'] }) => (o.formats ?? ['epub', 'pdf']).includes('pdf');

  return {
    get launches() {
      return browser.launches;
    },
    async build(o = {}) {
      const outcome = await run({ job: jobOf(o.input ?? 'manuscript', o), print: prints(o), plugins: o.plugins });
      for (const line of outcome.warnings) o.logger?.warn(line);
      if (outcome.error) throw outcome.error;
      return { files: outcome.files, diagnostics: outcome.diagnostics };
    },
    async buildMany(inputs, o = {}) {
      const started = performance.now();
      const cwd = o.cwd ?? process.cwd();
      const { books, skipped } = await expandInputs(inputs, cwd);
      // A browser that cannot start fails the run at once, not each book in turn.
      const printer = prints(o) && books.length > 0 ? (await browser.session()).description : undefined;
      const names = outputNames(books);
      const outcomes = await Promise.all(
        books.map(async (input, index) => {
          const outcome = await run({
            job: jobOf(input, { ...o, cwd }),
            print: prints(o),
            plugins: o.plugins,
            name: (slug) => names.claim(index, slug),
          });
          // A book that failed before its name was settled gives it up, so later books need not wait.
          names.release(index);
          const renamed = names.renamed(index);
          if (renamed && !outcome.error) outcome.warnings.unshift(renamed);
          o.onBook?.(outcome);
          return outcome;
        }),
      );
      const failed = outcomes.filter((b) => b.error);
      return { books: outcomes, failed, skipped, ms: performance.now() - started, browser: printer };
    },
    async close() {
      await pool.close();
      await browser.close();
    },
  };
}

/** Builds every book (folders of books opened) with one browser and a worker per core, then closes them. */
export async function buildMany(inputs: string[], options: ManyOptions & BuilderOptions = {}): Promise<ManyResult> {
  const { workers, perWorker, browser, ...rest } = options;
  const builder = createBuilder({ workers, perWorker, browser });
  try {
    return await builder.buildMany(inputs, rest);
  } finally {
    await builder.close();
  }
}
