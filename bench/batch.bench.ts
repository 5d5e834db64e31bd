/**
 * Many books in one run: books per minute for 200 short stories (each the seed manuscript's size
 * in words, or 4,000 without ../shared; made up by bench/stories.ts), EPUB and PDF, built by one
 * `galley build <folder of books>` (one browser, a worker thread per core), against separate
 * `galley build <story>` runs, one process and one browser each. Separate runs are sampled
 * (every tenth story by default) and their rate extrapolated to all 200. Then the library's
 * buildMany() with no worker threads (all in the main thread), one, and one per core, each in a
 * fresh process, to show what the workers give on this machine.
 *
 * Every process is timed whole, from start to exit. Knobs: BATCH_BOOKS (200), BATCH_SEPARATE
 * (how many separate runs; 20), BATCH_VARIANTS=0 to skip the library's variants. The machine's
 * load average is printed beside each figure: other work on it slows every figure alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench } from './run.ts';
import { median, seconds } from './stats.ts';
import { writeStories } from './stories.ts';

const ROOT = path.join(import.meta.dirname, '..');
const GALLEY = path.join(ROOT, 'bin', 'galley.js');
const BUILDER = path.join(ROOT, 'lib', 'core', 'builder.js');

/** Words in the seed manuscript, or 4,000 without it. */
function seedWords(shared: string | undefined): { words: number; from: string } {
  const folder = shared && path.join(shared, 'seed');
  const file = folder && existsSync(folder) ? readdirSync(folder).find((n) => n.endsWith('.txt')) : undefined;
  if (!folder || !file) return { words: 4000, from: 'no ../shared/seed: 4,000 words' };
  const words = readFileSync(path.join(folder, file), 'utf8').split(/\s+/).filter(Boolean).length;
  return { words, from: `the seed's size, ${words.toLocaleString('en')} words` };
}

/** Runs a process to its end; its wall time in ms. Throws when it fails. */
function timed(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-3000)}`);
  return ms;
}

/** A fresh process building every book of `shelf` with the library's buildMany() and `workers` threads. */
function libraryRun(shelf: string, out: string, workers: number): number {
  const script = `
    import { buildMany } from ${JSON.stringify(BUILDER)};
    const result = await buildMany([${JSON.stringify(shelf)}], { out: ${JSON.stringify(out)}, workers: ${workers} });
    if (result.failed.length) { console.error(result.failed.map((b) => b.input + ': ' + b.error?.message).join('\\n')); process.exit(1); }`;
  return timed(['--input-type=module', '-e', script]);
}

const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';
const perMinute = (books: number, ms: number) => books / (ms / 60_000);

const bench: Bench = async ({ shared, log }) => {
  const count = Number(process.env.BATCH_BOOKS ?? 200);
  const separate = Math.min(count, Number(process.env.BATCH_SEPARATE ?? 20));
  const cores = os.availableParallelism();
  // The command and the library are run as users run them: compiled, in lib/.
  spawnSync('npm', ['run', 'compile', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(BUILDER)) throw new Error('npm run compile did not write lib/core/builder.js');
  const { words, from } = seedWords(shared);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-batch-'));
  try {
    const shelf = path.join(folder, 'stories');
    const { books } = writeStories(shelf, count, words);
    log(`${count} short stories (${from}), EPUB and PDF, ${cores} cores`);
    log('run                                              time      books/min   load');
    const line = (name: string, ms: number, books: number, note = '') =>
      log(
        `${name.padEnd(49)}${seconds(ms).padStart(9)}${perMinute(books, ms).toFixed(1).padStart(12)}${load().padStart(7)}${note}`,
      );

    // Separate runs: every (count / separate)-th story, each its own `galley build`.
    const step = count / separate;
    const times: number[] = [];
    for (let i = 0; i < separate; i++) {
      const story = books[Math.floor(i * step)] as string;
      times.push(timed([GALLEY, 'build', story, '--out', path.join(folder, 'separate')]));
    }
    const total = times.reduce((a, b) => a + b, 0);
    const all = (total / separate) * count;
    line(
      `${count} separate \`galley build\` (${separate} run, × ${count / separate})`,
      all,
      count,
      `  (median ${seconds(median(times))} a book)`,
    );

    const out = path.join(folder, 'batch');
    const batch = timed([GALLEY, 'build', shelf, '--out', out]);
    const built = readdirSync(out).length;
    if (built !== count * 2) throw new Error(`the folder build wrote ${built} files, not ${count * 2}`);
    line(`one \`galley build <folder>\` (${cores} workers)`, batch, count, `  ${(all / batch).toFixed(1)}× the separate runs`);

    if (process.env.BATCH_VARIANTS !== '0') {
      for (const workers of [...new Set([0, 1, cores])]) {
        const ms = libraryRun(shelf, path.join(folder, `library-${workers}`), workers);
        line(
          `buildMany(), ${workers === 0 ? 'no worker threads' : `${workers} worker thread${workers > 1 ? 's' : ''}`}`,
          ms,
          count,
        );
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

export default bench;
