/**
 * The logger every stage is handed. Nothing in Galley prints on its own: progress, diagnostics
 * and errors all go through one of these, to stderr by default.
 *
 * Levels: `quiet` prints only warnings and errors; `normal` adds the stages, the browser, the
 * page count and the files written; `verbose` adds the details (`debug`): the PDF's steps with
 * their times, each request the print page was refused. Progress is plain lines in a pipe or CI
 * and a live line with a bar of the PDF's pages on a terminal (terminal/progress.ts); colour
 * follows FORCE_COLOR and NO_COLOR (terminal/color.ts).
 */
import type { Writable } from 'node:stream';
import { painter, useColor, useLiveProgress } from './terminal/color.ts';
import { endLine, liveView, plainView } from './terminal/progress.ts';

/** A stage of a build (`parse`, `typeset`, `pdf`, `epub`, `write`) or a step of the PDF's starting or ending, or the PDF's pages so far. */
export type ProgressEvent =
  | { type: 'start'; stage: string; step?: boolean | undefined }
  | { type: 'end'; stage: string; ms: number; step?: boolean | undefined; failed?: boolean | undefined }
  | { type: 'pages'; stage: string; done: number; total: number };

export interface Logger {
  /** Progress: a stage finished, a file was written. */
  info(message: string): void;
  /** Something the author should look at; the build goes on. */
  warn(message: string): void;
  /** Something failed. */
  error(message: string): void;
  /** Details (`--verbose`): the PDF's steps and times, each blocked request. */
  debug?(message: string): void;
  /**
   * A build's progress as it goes. A logger without it gets a line through `info` when each
   * stage ends (`parse   12 ms`), as before.
   */
  progress?(event: ProgressEvent): void;
}

export type LogLevel = 'quiet' | 'normal' | 'verbose';

export interface LoggerOptions {
  /** Where lines go (default: `process.stderr`). */
  stream?: Writable & { isTTY?: boolean; columns?: number };
  /** Colour the level words (default: from FORCE_COLOR, NO_COLOR and whether the stream is a terminal). */
  color?: boolean;
  /** `quiet`, `normal` (default) or `verbose`. */
  level?: LogLevel;
  /** `live`: a line redrawn in place; `lines`: plain lines (default: live on a terminal outside CI). */
  progress?: 'live' | 'lines';
  /** The environment colour and CI are read from (default: `process.env`). */
  env?: Record<string, string | undefined>;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const paint = painter(options.color ?? useColor(stream, env));
  const level = options.level ?? 'normal';
  const write = (text: string) => stream.write(text);
  const steps = level === 'verbose';
  const live = (options.progress ?? (useLiveProgress(stream, env) ? 'live' : 'lines')) === 'live';
  const view = live ? liveView({ write, steps, columns: () => stream.columns || 80 }) : plainView({ write, steps });
  return {
    info(message) {
      if (level !== 'quiet') view.line(message);
    },
    warn(message) {
      view.line(`${paint(33, 'warning')} ${message}`);
    },
    error(message) {
      view.line(`${paint(31, 'error')} ${message}`);
    },
    debug(message) {
      if (level === 'verbose') view.line(message);
    },
    progress(event) {
      if (level !== 'quiet') view.event(event);
    },
  };
}

/** Tells the logger of a build's progress: through `progress` when it has one, else a line when a stage ends. */
export function reportProgress(logger: Logger, event: ProgressEvent): void {
  if (logger.progress) logger.progress(event);
  else if (event.type === 'end' && !event.step) logger.info(endLine(event));
}

/** A caller's logger at a level: `quiet` keeps only warnings and errors, `normal` drops `debug`. */
export function atLevel(logger: Logger, level: LogLevel): Logger {
  if (level === 'verbose') return logger;
  const quiet = level === 'quiet';
  return {
    info: (message) => !quiet && logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message),
    debug() {},
    ...(logger.progress && !quiet ? { progress: (event: ProgressEvent) => logger.progress?.(event) } : {}),
  };
}

/** A logger that drops everything, for library callers and tests that do not care. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
