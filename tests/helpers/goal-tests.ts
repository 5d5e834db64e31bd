/**
 * Issue 11's goals as tests, one per goal, over a book's measures read once (in a beforeAll):
 * each names the pages where its goal breaks. A goal in `notYet` is expected to fail
 * (`it.fails`), so it reports the day it is met and must then leave the list.
 */
import { expect, it } from 'vitest';
import { type CountKey, GOALS, type PrintMeasures } from './print-measures.ts';

export function goalTests(name: string, measures: () => PrintMeasures, notYet: CountKey[] = []): void {
  for (const goal of GOALS) {
    const test = notYet.includes(goal.key) ? it.fails : it;
    test(`${goal.measure}: ${goal.goal}`, () => {
      const m = measures();
      const places = m[goal.key].at.map((p) => `p. ${p.page}: ${p.text}`).join('\n');
      expect(goal.met(m), `${name}: ${goal.measure} = ${goal.value(m)} (goal ${goal.goal})\n${places}`).toBe(true);
    });
  }
}
