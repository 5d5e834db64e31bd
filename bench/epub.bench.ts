/**
 * The EPUB against pandoc's, on the corpus: `galley build <book> --format epub` and
 * `pandoc <book> -o book.epub`, each a whole process from reading the Markdown to writing the
 * EPUB, timed and measured by /usr/bin/time -v (wall time, peak RSS). Runs alternate (galley,
 * pandoc, galley…) so machine noise hits both alike; medians, and Galley's time as a share of
 * pandoc's. Targets (issue 4), War and Peace: at most half pandoc's time, under 600 MB.
 * Needs pandoc (`apt-get install pandoc`) and GNU time; without pandoc, Galley alone is shown.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench } from './run.ts';
import { median, seconds } from './stats.ts';

const BOOKS: [string, number][] = [
  ['gatsby', 3],
  ['pride-and-prejudice', 3],
  ['war-and-peace', 5],
];
const TIME = '/usr/bin/time';
const GALLEY = path.join(import.meta.dirname, '..', 'bin', 'galley.js');

interface Run {
  ms: number;
  /** User plus system CPU time: less swayed than wall time by other work on the machine. */
  cpuMs: number;
  rssMb: number;
}

/** Runs a command under GNU time; its wall time, CPU time and peak resident memory. */
function measure(command: string, args: string[]): Run {
  const result = spawnSync(TIME, ['-v', command, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`${command} failed:\n${result.stderr.slice(-2000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(result.stderr)?.[1];
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1];
  if (!wall || !rss || !user || !system) throw new Error(`no timing from ${TIME}:\n${result.stderr.slice(-2000)}`);
  // h:mm:ss or m:ss.ss
  const ms = wall.split(':').reduce((total, part) => total * 60 + Number(part), 0) * 1000;
  return { ms, cpuMs: (Number(user) + Number(system)) * 1000, rssMb: Number(rss) / 1024 };
}

function hasCommand(command: string): boolean {
  return spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;
}

const bench: Bench = async ({ shared, log }) => {
  if (!shared) {
    log('skipped: needs the corpus');
    return;
  }
  if (!existsSync(TIME)) {
    log(`skipped: needs GNU time at ${TIME} (apt-get install time)`);
    return;
  }
  const pandoc = hasCommand('pandoc');
  if (!pandoc) log('(pandoc not found: `apt-get install -y pandoc` to compare; Galley alone below)');
  else log(`peer: ${spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]}`);
  log('Markdown to EPUB, whole process, medians: wall time (CPU time) and peak RSS; ratio of wall (CPU) times');
  log('book                   galley                    pandoc                    galley/pandoc');
  const out = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-epub-'));
  try {
    for (const [book, runs] of BOOKS) {
      const input = path.join(shared, 'corpus', book, 'manuscript.md');
      const ours: Run[] = [];
      const theirs: Run[] = [];
      for (let run = 0; run < runs; run++) {
        ours.push(measure(process.execPath, [GALLEY, 'build', input, '--out', out, '--format', 'epub']));
        if (pandoc) theirs.push(measure('pandoc', [input, '-o', path.join(out, `${book}-pandoc.epub`)]));
      }
      const summary = (list: Run[]) => ({
        ms: median(list.map((r) => r.ms)),
        cpu: median(list.map((r) => r.cpuMs)),
        mb: Math.max(...list.map((r) => r.rssMb)),
      });
      const g = summary(ours);
      const p = pandoc ? summary(theirs) : undefined;
      const cell = (r: { ms: number; cpu: number; mb: number }) =>
        `${seconds(r.ms)} (${seconds(r.cpu)}) ${Math.round(r.mb)} MB`.padEnd(26);
      const ratio = p ? `${((g.ms / p.ms) * 100).toFixed(0)}% (${((g.cpu / p.cpu) * 100).toFixed(0)}%)` : '';
      log(`${book.padEnd(23)}${cell(g)}${p ? cell(p) : '-'.padEnd(26)}${ratio}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  log('targets (issue 4): war-and-peace at most 50% of pandoc’s time, under 600 MB peak');
};

export default bench;
