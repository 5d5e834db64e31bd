/**
 * How a build's progress is shown. In a pipe or CI, plain lines, one when each stage starts and
 * one when it ends, and no carriage returns or escape codes. On a terminal, one live line for
 * the stage running — for the PDF a bar of its pages — redrawn in place, and a line of its own
 * when the stage ends; any other line (a warning) is printed above the live line. With `steps`
 * (`--verbose`), the PDF's steps get lines of their own too.
 */
import type { ProgressEvent } from '../logger.ts';
import { formatMs, pagesSoFar, statusLine } from './format.ts';

export interface ProgressView {
  /** A line kept in the scroll-back: a note, a warning, an error. */
  line(text: string): void;
  event(event: ProgressEvent): void;
}

export interface ViewOptions {
  write: (text: string) => void;
  /** Show the PDF's steps (`prepare`, `estimate`, `body` …) as lines of their own. */
  steps: boolean;
}

/** The line that ends a stage or step: `parse   12 ms`, `  body      2.10 s`, `pdf     failed after 1.20 s`. */
export function endLine(event: Extract<ProgressEvent, { type: 'end' }>): string {
  return `${label(event)}${event.failed ? `failed after ${formatMs(event.ms)}` : formatMs(event.ms)}`;
}

function label(event: { stage: string; step?: boolean | undefined }): string {
  return event.step ? `  ${event.stage.padEnd(10)}` : event.stage.padEnd(8);
}

export function plainView(options: ViewOptions): ProgressView {
  const { write } = options;
  let shownPages = -1;
  return {
    line: (text) => write(`${text}\n`),
    event(event) {
      if (event.type === 'pages') {
        // The count so far, each time a run of pages is printed; the final count has its own line.
        if (event.done > 0 && event.done < event.total && event.done !== shownPages) {
          shownPages = event.done;
          write(`${event.stage.padEnd(8)}${pagesSoFar(event.done, event.total)}\n`);
        }
        return;
      }
      if (event.step && !options.steps) return;
      write(event.type === 'start' ? `${label(event)}started\n` : `${endLine(event)}\n`);
    },
  };
}

export interface LiveOptions extends ViewOptions {
  /** The terminal's width now. */
  columns: () => number;
  /** Redraw interval in ms (default 200); 0 redraws only on events (tests). */
  interval?: number | undefined;
  now?: () => number;
}

const CLEAR = '\r\u001b[2K';

export function liveView(options: LiveOptions): ProgressView {
  const { write } = options;
  const now = options.now ?? (() => performance.now());
  const interval = options.interval ?? 200;
  const stages: { name: string; started: number }[] = [];
  let step: string | undefined;
  let pages: { done: number; total: number } | undefined;
  let shown = false;
  let timer: NodeJS.Timeout | undefined;

  const render = () => {
    const outer = stages.at(-1);
    if (!outer) return;
    const status = statusLine({ stage: outer.name, step, elapsed: now() - outer.started, pages, columns: options.columns() });
    write(`${CLEAR}${status}`);
    shown = true;
  };
  const clear = () => {
    if (shown) write(CLEAR);
    shown = false;
  };
  const line = (text: string) => {
    clear();
    write(`${text}\n`);
    render();
  };
  const tick = () => {
    if (timer || !interval) return;
    timer = setInterval(render, interval);
    timer.unref();
  };
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };

  return {
    line,
    event(event) {
      if (event.type === 'pages') {
        pages = { done: event.done, total: event.total };
      } else if (event.step) {
        step = event.type === 'start' ? event.stage : undefined;
        if (event.type === 'end' && options.steps) return line(endLine(event));
      } else if (event.type === 'start') {
        stages.push({ name: event.stage, started: now() });
        step = undefined;
        pages = undefined;
        tick();
      } else {
        const at = stages.map((s) => s.name).lastIndexOf(event.stage);
        if (at >= 0) stages.splice(at, 1);
        step = undefined;
        pages = undefined;
        if (stages.length === 0) stop();
        return line(endLine(event));
      }
      render();
    },
  };
}
