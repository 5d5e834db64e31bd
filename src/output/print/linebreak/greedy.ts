/**
 * First fit, the way a browser sets a justified paragraph: each line takes as much as fits at
 * natural spacing, breaking at the last permitted point (a hyphenation point only when the word
 * after it would not fit). The same items, rules and line widths as the total-fit breaker, so the
 * two can be compared (bench/linebreak.bench.ts, tests/linebreak.test.ts).
 */
import { BREAK, FORCED, HYPHEN_BREAK, type Items, PENALTY, paragraphStart } from './items.ts';
import type { BreakRules } from './rules.ts';

const EPSILON = 1e-6;

/** Greedy breaks (item indices), each line as full as it goes without shrinking. */
export function greedyBreaks(items: Items, avail: (line: number) => number, rules: BreakRules, hyphens: boolean): number[] {
  const { n, kind, breaks, flagged, sumWidth, width } = items;
  const maxRun = rules.maxHyphenLines > 0 ? rules.maxHyphenLines : Number.POSITIVE_INFINITY;
  const positions: number[] = [];
  let start = paragraphStart(items);
  let run = 0;
  let lastFit = -1;
  const take = (b: number) => {
    positions.push(b);
    run = flagged[b] ? run + 1 : 0;
    start = items.after[b] as number;
    lastFit = -1;
  };
  for (let b = start; b < n; b++) {
    const how = breaks[b];
    if (how !== BREAK && !(how === HYPHEN_BREAK && hyphens)) continue;
    if (b < start || (flagged[b] && run >= maxRun)) continue;
    const natural = (sumWidth[b] as number) - (sumWidth[start] as number) + (kind[b] === PENALTY ? (width[b] as number) : 0);
    const fits = natural <= avail(positions.length) + EPSILON;
    if (!fits && lastFit >= 0) {
      b = lastFit;
      take(b);
      continue;
    }
    if (kind[b] === FORCED || !fits) take(b);
    else lastFit = b;
  }
  return positions;
}
