/**
 * The lines the makeup chose, cut into line boxes in the page as they come (lines-cut.js), while
 * the next section's lines are broken: one cut at a time, each taking every line chosen since the
 * last was sent (so the page, and its layout between cuts, keeps up in a few large cuts rather
 * than many small ones). The first cut adds the line boxes' style sheet; `done()` sends what is
 * left (an empty cut when there were no lines at all, for the style sheet) and waits for it.
 */
import type { BookPage } from '../browser.ts';
import { pageScript, runScript } from './page-script.ts';

const CUT = pageScript('lines-cut.js');

/** A text unit's cuts: `[unit id, cuts ([token, piece], piece −1: no hyphen), lines ([wordSpacing, letterSpacing, hyphenated, justified])]`. */
export type CutUnit = [number, number[][], Array<[number, number, boolean, boolean]>];

export interface LineCutter {
  add(units: CutUnit[]): void;
  done(): Promise<void>;
}

export function lineCutter(page: BookPage, noteGap: number): LineCutter {
  let pending: CutUnit[] = [];
  let cutting: Promise<void> | undefined;
  let sent = false;
  let failed: { error: unknown } | undefined;
  const send = () => {
    if (cutting || failed || !pending.length) return;
    const units = pending;
    pending = [];
    sent = true;
    cutting = runScript<number>(page, CUT, { units, noteGap }).then(
      () => {
        cutting = undefined;
        send();
      },
      (error: unknown) => {
        failed = { error };
        cutting = undefined;
      },
    );
  };
  return {
    add(units) {
      pending.push(...units);
      send();
    },
    async done() {
      while (cutting) await cutting;
      if (failed) throw failed.error;
      if (pending.length || !sent) await runScript<number>(page, CUT, { units: pending, noteGap });
      pending = [];
    },
  };
}
