/**
 * `galley preview` on Pride and Prejudice: how long after a save the edited chapter's pages are
 * in the print view (goal: under 0.5 s), against laying the whole book out again in the same
 * process (the peer). Each edit changes a word in a paragraph of a chapter in the middle of the
 * book and writes the file; the time runs from the write (so it includes the watcher's pause for
 * more saves, the typesetting and the chapter laid out again) to the new pages being sent to the
 * browser. The print part is the time from the typesetting's end to the pages.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type PreviewState, preview } from '../src/core/preview.ts';
import { typeset } from '../src/core/typeset.ts';
import { printPreview } from '../src/preview/print-view.ts';
import type { Bench } from './run.ts';
import { median, seconds } from './stats.ts';

const EDITS = 7;

const bench: Bench = async ({ shared, log }) => {
  if (!shared) return log('preview: skipped (needs the corpus)');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-preview-'));
  const file = path.join(folder, 'manuscript.md');
  cpSync(path.join(shared, 'corpus', 'pride-and-prejudice', 'manuscript.md'), file);
  const original = readFileSync(file, 'utf8');
  // A paragraph in the middle of the book, and the chapter it is in.
  const at = original.indexOf('\n\n', Math.floor(original.length / 2)) + 2;

  const waiting = new Set<(what: string, state: PreviewState) => void>();
  const handle = await preview({
    input: file,
    port: 4790,
    onUpdate: (what, state) => {
      for (const listener of waiting) listener(what, state);
    },
  });
  const next = (want: string) =>
    new Promise<PreviewState>((resolve) => {
      const listener = (what: string, state: PreviewState) => {
        if (what !== want) return;
        waiting.delete(listener);
        resolve(state);
      };
      waiting.add(listener);
    });
  await handle.settled();
  const times: number[] = [];
  const typesetTimes: number[] = [];
  const printTimes: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const word = `Edit${i}`;
    const typesetDone = next('typeset');
    const pagesDone = next('pages');
    const started = performance.now();
    writeFileSync(file, `${original.slice(0, at)}${word} ${original.slice(at)}`);
    await typesetDone.then(() => typesetTimes.push(performance.now() - started));
    const state = await pagesDone;
    times.push(performance.now() - started);
    printTimes.push((times.at(-1) as number) - (typesetTimes.at(-1) as number));
    if (!state.print?.pages.some((p) => p.html.includes(word))) throw new Error(`edit ${i} is not on the pages`);
    await handle.settled();
  }
  await handle.close();

  // The peer: the whole book laid out again, in the same process.
  const { book } = await typeset({ input: file });
  const printer = printPreview();
  const full: number[] = [];
  let pages = 0;
  try {
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      pages = (await printer.layOut(book)).pages.length;
      full.push(performance.now() - started);
    }
  } finally {
    await printer.close();
  }
  const edit = median(times.slice(1));
  const whole = median(full);
  log(
    `Pride and Prejudice, ${pages} pages: save → edited chapter's pages in the view, median of ${EDITS - 1} edits: ${seconds(edit)} (typeset part ${seconds(median(typesetTimes.slice(1)))}, print part ${seconds(median(printTimes.slice(1)))}; goal < 0.5 s)`,
  );
  log(`whole book laid out again (median of 3): ${seconds(whole)}; an edit takes ${((edit / whole) * 100).toFixed(0)}% of that`);
};

export default bench;
