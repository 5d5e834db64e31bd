/**
 * Start-up, on the compiled package (`npm run compile` first: bin/galley.js runs lib/cli.js):
 * - `galley --version` against bare `node -e 0`, runs interleaved so machine noise hits both
 *   alike. Target (issue 13): under 0.2 s.
 * - an EPUB-only build of the sample (manuscript/) into a temporary folder: its wall time against
 *   the sum of the stage times it prints. What is left over is start-up, module loading outside
 *   the stages, and exit.
 * Medians of wall time, and of CPU time (user + system, read from /proc on Linux: steadier than
 * wall time when the machine is busy).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench } from './run.ts';
import { median, seconds } from './stats.ts';

const ROOT = path.join(import.meta.dirname, '..');
const GALLEY = path.join(ROOT, 'bin', 'galley.js');
const SAMPLE = path.join(ROOT, 'manuscript');
const VERSION_RUNS = 15;
const BUILD_RUNS = 5;

interface Run {
  ms: number;
  /** Undefined where /proc is not there to read. */
  cpuMs: number | undefined;
  stderr: string;
}

/** CPU time of this process's finished children, in ms (fields cutime and cstime of /proc/self/stat). */
function childCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Clock ticks of 10 ms (USER_HZ is 100 on Linux everywhere).
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function run(args: string[]): Run {
  const cpuBefore = childCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  const cpuAfter = childCpuMs();
  return {
    ms,
    cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    stderr: result.stderr,
  };
}

/** The stage times a build prints (`parse   700 ms`, `typeset 1.06 s`), summed, in ms. */
function stageSum(stderr: string): number {
  let total = 0;
  for (const match of stderr.matchAll(/^(\w+)\s+(\d+(?:\.\d+)?) (ms|s)$/gm)) {
    total += Number(match[2]) * (match[3] === 's' ? 1000 : 1);
  }
  return total;
}

function summary(runs: Run[]): string {
  const cpu = runs.map((r) => r.cpuMs).filter((c): c is number => c !== undefined);
  const cpuText = cpu.length === runs.length ? ` (CPU ${seconds(median(cpu))})` : '';
  return `${seconds(median(runs.map((r) => r.ms)))}${cpuText}`;
}

/** Some source file is newer than its compiled JavaScript (or has none): lib/ is stale. */
function libIsStale(): boolean {
  const src = path.join(ROOT, 'src');
  return readdirSync(src, { recursive: true, withFileTypes: true }).some((entry) => {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) return false;
    const source = path.join(entry.parentPath, entry.name);
    const compiled = path.join(ROOT, 'lib', path.relative(src, source)).replace(/\.ts$/, '.js');
    return !existsSync(compiled) || statSync(source).mtimeMs > statSync(compiled).mtimeMs;
  });
}

const bench: Bench = async ({ log }) => {
  if (!existsSync(path.join(ROOT, 'lib', 'cli.js'))) {
    log('skipped: the package is not compiled (run `npm run compile`)');
    return;
  }
  if (libIsStale()) log('(lib/ is older than src/: run `npm run compile` to time the current code)');

  const bare: Run[] = [];
  const version: Run[] = [];
  for (let i = 0; i < VERSION_RUNS; i++) {
    bare.push(run(['-e', '0']));
    version.push(run([GALLEY, '--version']));
  }
  const added = median(version.map((r) => r.ms)) - median(bare.map((r) => r.ms));
  log(`${VERSION_RUNS} runs each, interleaved, medians`);
  log(`node -e 0                    ${summary(bare)}`);
  log(`galley --version             ${summary(version)}   (+${seconds(added)} over bare node; target < 0.20 s)`);

  const out = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-startup-'));
  try {
    const builds: Run[] = [];
    for (let i = 0; i < BUILD_RUNS; i++) builds.push(run([GALLEY, 'build', SAMPLE, '--format', 'epub', '--out', out]));
    const wall = median(builds.map((r) => r.ms));
    const stages = median(builds.map((r) => stageSum(r.stderr)));
    log(`galley build (epub), sample  ${summary(builds)}   ${BUILD_RUNS} runs`);
    log(`  stages it prints, summed   ${seconds(stages)}`);
    log(`  wall − stages              ${seconds(wall - stages)}   (bare node alone: ${seconds(median(bare.map((r) => r.ms)))})`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};

export default bench;
