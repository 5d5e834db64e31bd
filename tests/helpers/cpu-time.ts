/**
 * CPU time, for the guards that a hostile input is refused or built in time linear in its size.
 * The process's CPU time (user and system), not the clock: on a shared machine under load, a
 * wall-clock limit fails while the work is the same. Speed goals live in the benchmarks; these
 * only tell linear work from the seconds-to-minutes of the quadratic or worse that they guard.
 */

/** The CPU time `work` takes, in ms, and its result. */
export function cpuTimed<T>(work: () => T): { ms: number; result: T } {
  const start = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

/** The CPU time the process spends while `work` runs (the test's own work: one test runs at a time), in ms. */
export async function cpuTimedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}
