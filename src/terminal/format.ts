/**
 * How times, page counts and progress bars read on the command line: pure functions, so the
 * plain lines and the live line say the same things the same way.
 */

/** `812 ms`, `2.31 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** `1,620` (grouped by thousands, whatever the locale). */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A PDF's pages from their labels: `312 pages (i–xii, 1–300)`, each run of roman and of arabic
 * folios given by its first and last.
 */
export function pageSummary(labels: string[]): string {
  const runs: string[][] = [];
  for (const label of labels) {
    const last = runs.at(-1);
    if (last && isRoman(last[0] as string) === isRoman(label)) last.push(label);
    else runs.push([label]);
  }
  const spans = runs.map((run) => (run.length === 1 ? run[0] : `${run[0]}–${run.at(-1)}`));
  const count = `${formatCount(labels.length)} page${labels.length === 1 ? '' : 's'}`;
  return spans.length ? `${count} (${spans.join(', ')})` : count;
}

function isRoman(label: string): boolean {
  return /^[ivxlcdm]+$/i.test(label);
}

/** A bar `width` characters wide, filled in proportion to done/total (empty when total is 0). */
export function bar(done: number, total: number, width: number): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(share * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** `120 of about 312 pages`; `312 pages` once the count is known. */
export function pagesSoFar(done: number, total: number): string {
  return done >= total ? `${formatCount(done)} pages` : `${formatCount(done)} of about ${formatCount(total)} pages`;
}

export interface Status {
  /** The stage running, e.g. `pdf`. */
  stage: string;
  /** Its step running, e.g. `body`. */
  step?: string | undefined;
  /** Time since the stage started, in ms. */
  elapsed: number;
  /** The PDF's pages so far, once known. */
  pages?: { done: number; total: number } | undefined;
  /** The terminal's width: the line is cut to fit, so it never wraps. */
  columns: number;
}

/** The live line on a terminal: `pdf     ████░░░░  120 of about 312 pages  body  3.4 s`. */
export function statusLine(status: Status): string {
  const parts: string[] = [];
  if (status.pages) parts.push(bar(status.pages.done, status.pages.total, 20), pagesSoFar(status.pages.done, status.pages.total));
  if (status.step) parts.push(status.step);
  parts.push(formatSeconds(status.elapsed));
  const line = `${status.stage.padEnd(8)}${parts.join('  ')}`;
  return [...line].slice(0, Math.max(10, status.columns - 1)).join('');
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
