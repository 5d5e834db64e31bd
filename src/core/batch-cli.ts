/**
 * `galley build <book> <book> …` and `galley build <folder of books>`: every book built by
 * buildMany(), a line for each as it is done (with its warnings after it), and a summary at the
 * end naming each book that failed, where and why. Exit code 1 when any failed.
 */
import path from 'node:path';
import { GalleyError, locationOf } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { expandInputs, shelfBooks } from './batch-inputs.ts';
import type { BuildOptions } from './build.ts';
import { type BookOutcome, buildMany } from './builder.ts';

export interface ManyCommand extends Omit<BuildOptions, 'input' | 'session' | 'name'> {
  inputs: string[];
  logger: Logger;
  /** Worker threads (default: one per core), and books each has in hand (default 2). */
  workers?: number | undefined;
  perWorker?: number | undefined;
}

/** Whether the inputs are several books (or a folder of books) rather than one. */
export async function namesMany(inputs: string[], cwd = process.cwd()): Promise<boolean> {
  if (inputs.length !== 1) return inputs.length > 1;
  return (await shelfBooks(inputs[0] as string, cwd)) !== undefined;
}

export async function runMany(command: ManyCommand): Promise<number> {
  const { inputs, logger, workers, perWorker, title, author, browser, ...options } = command;
  if (title !== undefined || author !== undefined) {
    throw new GalleyError('USAGE', '--title and --author name one book, and several were given', {
      hint: 'Give each book its title and author in its book.yaml (or front matter), or build it on its own.',
    });
  }
  const cwd = options.cwd ?? process.cwd();
  const shown = (file: string) => path.relative(cwd, file) || '.';
  // What is not built is said first, before the books' lines.
  const { books, skipped } = await expandInputs(inputs, cwd);
  for (const s of skipped) logger.warn(`skipped ${s.path}: ${s.reason}`);
  const result = await buildMany(books, {
    ...options,
    workers,
    perWorker,
    browser,
    onBook(book) {
      if (book.error) logger.info(`failed  ${book.input} (${seconds(book.ms)})`);
      else logger.info(`built   ${book.input} → ${book.files.map((f) => shown(f.path)).join(', ')} (${seconds(book.ms)})`);
      for (const line of book.warnings) logger.warn(line);
    },
  });
  if (result.browser) logger.info(`browser ${result.browser}`);
  const total = result.books.length;
  const perMinute = total / (result.ms / 60_000);
  const built = `built ${total - result.failed.length} of ${total} book${total === 1 ? '' : 's'} in ${seconds(result.ms)}`;
  logger.info(`${built} (${perMinute.toFixed(1)} a minute)${result.failed.length ? `; ${result.failed.length} failed:` : ''}`);
  for (const book of result.failed) report(book, logger);
  return result.failed.length > 0 ? 1 : 0;
}

/** Why a book failed: each problem with its place and what to do, as `galley build` says it. */
function report(book: BookOutcome, logger: Logger): void {
  const error = book.error;
  if (error instanceof GalleyError) {
    for (const problem of error.problems) {
      const location = locationOf(problem);
      logger.error(`${book.input}: ${location ? `${location}: ` : ''}${problem.message}`);
      if (problem.hint) logger.info(`  ${problem.hint}`);
    }
    return;
  }
  logger.error(`${book.input}: unexpected failure: ${error?.stack ?? error?.message ?? String(error)}`);
  logger.info('  This is a bug in Galley; please report it with the command you ran.');
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
