/**
 * One book of a many-book build, in whichever thread it runs: `build()` as `galley build` runs it,
 * with the shared browser and the output name the run gave it. What it says (warnings, notes)
 * is kept to be shown with the book, not mixed into other books' lines; the outcome is plain
 * data, so it can cross a thread boundary.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Logger } from '../logger.ts';
import type { BrowserSession } from '../output/browser.ts';
import type { EpubTarget } from '../output/epub/targets.ts';
import type { PdfEdition } from '../output/pdf.ts';
import { toWire, type WireError } from './batch-rpc.ts';
import { type BuildOptions, type BuiltFile, build, type Format } from './build.ts';

/** What a book's build is given: the options of `build()` that are data. */
export interface BookJob {
  input: string;
  out?: string | undefined;
  formats?: Format[] | undefined;
  target?: EpubTarget | undefined;
  pdf?: PdfEdition | undefined;
  title?: string | undefined;
  author?: string | undefined;
  theme?: string | undefined;
  cwd?: string | undefined;
}

export interface BookReport {
  files: BuiltFile[];
  diagnostics: Diagnostic[];
  /** Every warning the build gave, one line each, as `galley build` prints them. */
  warnings: string[];
  error?: WireError | undefined;
  /** How long the book took, from reading to writing. */
  ms: number;
}

export async function runBook(
  job: BookJob,
  session: BrowserSession | undefined,
  name: ((slug: string) => Promise<string>) | undefined,
  /** The caller's own plugins (functions: only in the caller's thread). */
  plugins?: BuildOptions['plugins'],
): Promise<BookReport> {
  const started = performance.now();
  const warnings: string[] = [];
  const logger: Logger = { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
  try {
    // `build()` takes an option left out, not one set to undefined.
    const given = Object.fromEntries(Object.entries(job).filter(([, v]) => v !== undefined)) as BuildOptions;
    const result = await build({ ...given, cwd: job.cwd ?? process.cwd(), session, name, logger, plugins });
    return { files: result.files, diagnostics: result.diagnostics, warnings, ms: performance.now() - started };
  } catch (error) {
    return { files: [], diagnostics: [], warnings, error: toWire(error), ms: performance.now() - started };
  }
}
