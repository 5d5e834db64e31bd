/**
 * Errors that reach the author. Each has a stable code, the place it is about (file and, where
 * known, line and column) and a hint that says what to do. Only the CLI maps codes to exit codes.
 */

export type ErrorCode =
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_NOT_UTF8'
  | 'INPUT_UNSUPPORTED'
  | 'MANUSCRIPT_EMPTY'
  | 'MANUSCRIPT_TOO_DEEP'
  | 'MANUSCRIPT_TOO_MANY_MARKS'
  | 'TEXT_WOULD_BE_LOST'
  | 'CONFIG_YAML'
  | 'CONFIG_INVALID'
  | 'THEME_NOT_FOUND'
  | 'THEME_INVALID'
  | 'IMAGE_MISSING'
  | 'IMAGE_OUTSIDE_BOOK'
  | 'IMAGE_REMOTE'
  | 'IMAGE_UNSUPPORTED'
  | 'IMAGE_INVALID'
  | 'INPUT_OUTSIDE_BOOK'
  | 'BROWSER_NOT_FOUND'
  | 'PDF_FAILED'
  | 'BROWSER_CRASHED'
  | 'PLUGIN_NOT_FOUND'
  | 'PLUGIN_FAILED'
  | 'EPUB_FAILED'
  | 'OUTPUT_FAILED'
  | 'OUTPUT_NOT_EMPTY'
  | 'IMPORT_TRACKED_CHANGES'
  | 'IMPORT_COMMENTS'
  | 'WORKER_FAILED';

export interface Place {
  line: number;
  column: number;
}

export interface GalleyErrorOptions {
  file?: string | undefined;
  place?: Place | undefined;
  hint?: string | undefined;
  cause?: unknown;
  /** Further problems found in the same pass, reported after this one (every mistake in book.yaml at once). */
  more?: readonly Problem[] | undefined;
}

/** One problem: what is wrong, where, and what to do. */
export interface Problem {
  message: string;
  file?: string | undefined;
  place?: Place | undefined;
  hint?: string | undefined;
}

export class GalleyError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly place: Place | undefined;
  readonly hint: string | undefined;
  /** Every problem the error reports, this one first; one line each. */
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, message: string, options: GalleyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GalleyError';
    this.code = code;
    this.file = options.file;
    this.place = options.place;
    this.hint = options.hint;
    this.problems = [{ message, file: options.file, place: options.place, hint: options.hint }, ...(options.more ?? [])];
  }

  /** `file:line:col` (or just `file`) for the start of a one-line report. */
  get location(): string | undefined {
    return locationOf(this);
  }
}

/** `file:line:col` (or just `file`) of a problem, for the start of its one-line report. */
export function locationOf(problem: Problem): string | undefined {
  if (!problem.file) return undefined;
  return problem.place ? `${problem.file}:${problem.place.line}:${problem.place.column}` : problem.file;
}

/** Exit code for an error: 2 for a usage mistake, 1 for everything else. */
export function exitCodeFor(error: unknown): number {
  return error instanceof GalleyError && error.code === 'USAGE' ? 2 : 1;
}

/** 1-based line and column of a character offset in `text`. */
export function placeAt(text: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
