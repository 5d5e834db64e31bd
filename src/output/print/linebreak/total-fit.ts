/**
 * Knuth and Plass's total-fit algorithm (1981), as TeX runs one pass of it: each feasible
 * break is kept as an active node per (line number, fitness class, hyphens in a row), so the
 * least total demerits over the paragraph is exact for TeX's demerits, for lines of different
 * widths, for looseness (every line count reached is kept) and for the hard limit on hyphenated
 * lines in a row. A node is dropped once a line from it would be overfull, so the active list
 * stays short and a pass is about linear in the paragraph.
 *
 * The last resort always succeeds: any looseness is allowed, and from each node the first break
 * it may take is allowed even when the line is overfull (one unbreakable stretch of text wider
 * than the line), so some setting always reaches the paragraph's end.
 */
import { FITS, fitLine, fitnessOf, lineDemerits, newFit, OVERFULL, type PassOptions } from './fit.ts';
import { BREAK, FORCED, HYPHEN_BREAK, type Items, PENALTY, paragraphStart } from './items.ts';
import type { BreakRules } from './rules.ts';

export interface Node {
  /** Item the line ends at (-1 for the paragraph's start). */
  pos: number;
  /** First item of the next line. */
  start: number;
  /** Lines set up to here. */
  line: number;
  fitness: number;
  /** Lines in a row ending in a hyphen, this one included. */
  run: number;
  demerits: number;
  prev: Node | null;
  /** Whether a break this node may take has been seen (the last resort's overfull allowance). */
  passed: boolean;
}

/** A px margin on the skip bound, well over fitLine's own rounding allowance. */
const SLACK = 1e-3;

/** The available width of each line, cached by line number. */
export type Avail = (line: number) => number;

/**
 * Runs one pass; returns the nodes at the paragraph's end, or undefined when the pass fails.
 * Nodes are told apart by line number below `sameFrom`, the first line from which all lines have
 * the same width (TeX's easy_line); the passes that feed looseness pass Infinity, so every line
 * count stays (their tolerance keeps that few), the last resort the real value (any looseness
 * would otherwise keep a node per line count).
 */
export function runPass(
  items: Items,
  avail: Avail,
  rules: BreakRules,
  pass: PassOptions,
  sameFrom = Number.POSITIVE_INFINITY,
): Node[] | undefined {
  const { n, kind, breaks, flagged, sumWidth, sumStretch, sumLetters, width } = items;
  // Most lines looked at are still far too short: this bound skips them before fitLine.
  const most = Math.cbrt(pass.tolerance / 100);
  const maxRun = rules.maxHyphenLines > 0 ? rules.maxHyphenLines : Number.POSITIVE_INFINITY;
  const fit = newFit();
  const active: Node[] = [
    { pos: -1, start: paragraphStart(items), line: 0, fitness: 2, run: 0, demerits: 0, prev: null, passed: false },
  ];
  const found: Node[] = [];
  for (let b = 0; b < n; b++) {
    const how = breaks[b];
    if (how !== BREAK && !(how === HYPHEN_BREAK && pass.hyphens)) continue;
    const forced = kind[b] === FORCED;
    const isFlagged = flagged[b] === 1;
    found.length = 0;
    let kept = 0;
    for (let i = 0; i < active.length; i++) {
      const a = active[i] as Node;
      if (a.start > b) {
        // Still among the discarded items after its own break: no line can end here.
        active[kept++] = a;
        continue;
      }
      const permitted = !isFlagged || a.run < maxRun;
      const line = avail(a.line);
      if (!forced && !pass.last) {
        const start = a.start;
        const natural = (sumWidth[b] as number) - (sumWidth[start] as number) + (kind[b] === PENALTY ? (width[b] as number) : 0);
        const room =
          most * ((sumStretch[b] as number) - (sumStretch[start] as number)) +
          (pass.letters + pass.expansion) * ((sumLetters[b] as number) - (sumLetters[start] as number));
        if (line - natural > room + SLACK) {
          active[kept++] = a;
          continue;
        }
      }
      fitLine(items, a.start, b, line, pass, fit);
      let keep = !forced;
      if (fit.status === OVERFULL) {
        // The last resort keeps a node until it has taken its first break, overfull or not.
        keep = pass.last && !a.passed && !permitted;
        if (pass.last && !a.passed && permitted) offer(found, a, b, items, rules);
      } else if (permitted && fit.status === FITS) {
        offer(found, a, b, items, rules);
      }
      if (permitted) a.passed = true;
      if (keep) active[kept++] = a;
    }
    active.length = kept;
    for (const node of found) active.push(node);
    if (active.length === 0) return undefined;
    if (forced && items.final[b]) return active;
  }
  return undefined;

  function offer(into: Node[], a: Node, b: number, items: Items, rules: BreakRules) {
    const fitness = fitnessOf(fit);
    const demerits = a.demerits + lineDemerits(items, b, fit, fitness, a.fitness, a.run, rules);
    const run = flagged[b] ? a.run + 1 : 0;
    const line = a.line + 1;
    const key = Math.min(line, sameFrom);
    for (const node of into) {
      if (Math.min(node.line, sameFrom) === key && node.fitness === fitness && node.run === run) {
        if (demerits < node.demerits) {
          node.demerits = demerits;
          node.line = line;
          node.prev = a;
        }
        return;
      }
    }
    into.push({ pos: b, start: items.after[b] as number, line, fitness, run, demerits, prev: a, passed: false });
  }
}

/** The node with the least demerits, among those with `lines` lines when given. */
export function bestNode(nodes: Node[], lines?: number): Node | undefined {
  let best: Node | undefined;
  for (const node of nodes) {
    if (lines !== undefined && node.line !== lines) continue;
    if (!best || node.demerits < best.demerits) best = node;
  }
  return best;
}

/** The breaks of a node's chain, first line first (item indices). */
export function chain(node: Node): number[] {
  const positions: number[] = [];
  for (let at: Node | null = node; at && at.pos >= 0; at = at.prev) positions.push(at.pos);
  return positions.reverse();
}
