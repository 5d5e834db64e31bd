/**
 * Memory between the steps of a long layout. Measuring a block of a few hundred pages
 * (lines-measure.js, set-lines.ts) leaves a few hundred megabytes of garbage in the print page and
 * in Node, and neither collector hurries: without this, the print of the block holds both (War
 * and Peace: 1.3 GB summed over Node and the browser; with it, 1.0 GB).
 *
 * 1. In the page: Chromium is started with `--js-flags=--expose-gc` (output/browser.ts) and `gc()`
 *    runs there, through DevTools; a browser started otherwise just goes on.
 * 2. In Node: V8's `gc`, exposed to a context of its own (the process's own globals are left as
 *    they are), run while the page prints.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BookPage } from '../browser.ts';

/** Runs the print page's garbage collector, when the browser exposes it. */
export function collectPageGarbage(page: BookPage): Promise<void> {
  return page.evaluate("typeof gc === 'function' && gc()").then(
    () => undefined,
    () => undefined,
  );
}

let nodeGc: (() => void) | null | undefined;

/**
 * Waits for `task` (the page's print), running Node's garbage collector meanwhile, once the
 * task is under way (it takes a tenth of a second or two after a long block).
 */
export async function collectNodeGarbageDuring<T>(task: Promise<T>): Promise<T> {
  task.catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 20));
  collectNodeGarbage();
  return task;
}

/** Runs Node's garbage collector; nothing if V8 will not expose it. */
function collectNodeGarbage(): void {
  if (nodeGc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      nodeGc = runInNewContext('gc') as () => void;
    } catch {
      nodeGc = null;
    }
  }
  nodeGc?.();
}
