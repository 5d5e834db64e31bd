/**
 * An error as the author sees it: for each problem it reports, where, what, and what to do —
 * the hint on the line after, as part of the error (so `--quiet` keeps it). Anything that is not
 * a GalleyError is a bug, and says so.
 */
import { GalleyError, locationOf } from '../errors.ts';
import type { Logger } from '../logger.ts';

export function reportError(error: unknown, logger: Logger): void {
  if (error instanceof GalleyError) {
    for (const problem of error.problems) {
      const location = locationOf(problem);
      const line = `${location ? `${location}: ` : ''}${problem.message}`;
      logger.error(problem.hint ? `${line}\n  ${problem.hint}` : line);
    }
    return;
  }
  logger.error(
    `unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
      '  This is a bug in Galley; please report it with the command you ran.',
  );
}
