/**
 * Issue 11's goals as tests, one per goal and theme, over measures read once per PDF: each names
 * the pages where its goal breaks. A goal listed in `notYet` for a theme is expected to fail
 * (`it.fails`), so it reports the day it is met and must then leave the list.
 */
import { describe, expect, it } from 'vitest';
import { type CountKey, GOALS, type PrintMeasures } from './print-measures.ts';

export function goalTests(
  themes: string[],
  measuresOf: (theme: string) => PrintMeasures,
  notYet: Record<string, CountKey[]> = {},
): void {
  describe.each(themes)('%s in print', (theme) => {
    for (const goal of GOALS) {
      const test = notYet[theme]?.includes(goal.key) ? it.fails : it;
      test(`${goal.measure}: ${goal.goal}`, () => {
        const m = measuresOf(theme);
        const places = m[goal.key].at.map((p) => `p. ${p.page}: ${p.text}`).join('\n');
        expect(goal.met(m), `${theme}: ${goal.measure} = ${goal.value(m)} (goal ${goal.goal})\n${places}`).toBe(true);
      });
    }
  });
}
