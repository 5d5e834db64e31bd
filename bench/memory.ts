/**
 * Peak memory of this process and everything it started (the browser's processes), sampled from
 * /proc on Linux. Reports the peak of the summed RSS (an upper bound: shared pages count once per
 * process) and of the summed PSS (shared pages divided among their sharers: the honest total).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

export interface MemoryPeak {
  rss: number;
  pss: number;
  /** This Node process's own peak RSS (VmHWM), which sampling can miss in synchronous work. */
  node: number;
}

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(entry));
      map.set(ppid, list);
    } catch {
      // The process ended while we looked: it no longer counts.
    }
  }
  return map;
}

function field(pid: number, name: 'Rss' | 'Pss'): number {
  try {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    // The process ended while we looked.
    return 0;
  }
}

/** Memory of this process and its descendants now. */
export function treeMemory(root = process.pid): Omit<MemoryPeak, 'node'> {
  const kids = children();
  let rss = 0;
  let pss = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    rss += field(pid, 'Rss');
    pss += field(pid, 'Pss');
    stack.push(...(kids.get(pid) ?? []));
  }
  return { rss, pss };
}

/**
 * Samples the process tree every `ms` while `task` runs; the peaks. Reading smaps is not free
 * (the kernel walks each process's page tables), so time a task in runs without this.
 */
export async function peakMemory<T>(task: () => Promise<T>, ms = 250): Promise<{ result: T; peak: MemoryPeak }> {
  if (process.platform !== 'linux') return { result: await task(), peak: { rss: 0, pss: 0, node: 0 } };
  // Writing 5 to clear_refs resets VmHWM, the process's peak RSS.
  writeFileSync('/proc/self/clear_refs', '5');
  const peak: MemoryPeak = { rss: 0, pss: 0, node: 0 };
  const sample = () => {
    const now = treeMemory();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
  };
  const timer = setInterval(sample, ms);
  try {
    const result = await task();
    sample();
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    peak.node = Number(hwm?.[1] ?? 0) * 1024;
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/**
 * Runs a command and samples the memory of its process tree (it and the browser it starts; not
 * this process) every `ms` until it ends: the peaks, and its wall time.
 */
export async function commandMemory(
  command: string,
  args: string[],
  ms = 250,
): Promise<Omit<MemoryPeak, 'node'> & { ms: number }> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const peak = { rss: 0, pss: 0 };
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    const now = treeMemory(child.pid);
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
  }, ms);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
    return { ...peak, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}
