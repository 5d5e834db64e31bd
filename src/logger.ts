/**
 * The logger every stage is handed. Nothing in Galley prints on its own: progress, diagnostics
 * and errors all go through one of these, to stderr by default.
 */
import type { Writable } from 'node:stream';

export interface Logger {
  /** Progress: a stage finished, a file was written. */
  info(message: string): void;
  /** Something the author should look at; the build goes on. */
  warn(message: string): void;
  /** Something failed. */
  error(message: string): void;
}

export interface LoggerOptions {
  /** Where lines go (default: `process.stderr`). */
  stream?: Writable & { isTTY?: boolean };
  /** Colour the level words (default: only on a TTY and when `NO_COLOR` is unset). */
  color?: boolean;
  /** Print `info` lines (default: true). */
  verbose?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const color = options.color ?? (Boolean(stream.isTTY) && !process.env.NO_COLOR);
  const verbose = options.verbose ?? true;
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  return {
    info(message) {
      if (verbose) stream.write(`${message}\n`);
    },
    warn(message) {
      stream.write(`${paint(33, 'warning')} ${message}\n`);
    },
    error(message) {
      stream.write(`${paint(31, 'error')} ${message}\n`);
    },
  };
}

/** A logger that drops everything, for library callers and tests that do not care. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
