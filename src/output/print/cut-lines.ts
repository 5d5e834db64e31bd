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

/**
 * A line as lines-cut.js sets it: `[wordSpacing, letterSpacing, hyphenated, justified]`, and for a
 * line with expanded glyphs `[…, scale, box width, origin, first-line indent]`: the line box is
 * laid out `box width` wide and scaled by `scale` from `origin` (a drop cap's edge, or the line's
 * start), so it comes out at the measure; its spacing is given before the scaling.
 */
export type SetLine = [number, number, boolean, boolean] | [number, number, boolean, boolean, number, number, number, number];

/** A text unit's cuts: `[unit id, cuts ([token, piece], piece −1: no hyphen), lines]`. */
export type CutUnit = [number, number[][], SetLine[]];

export interface LineCutter {
  add(units: CutUnit[]): void;
  done(): Promise<void>;
}

export function lineCutter(page: BookPage): LineCutter {
  let pending: CutUnit[] = [];
  let cutting: Promise<void> | undefined;
  let sent = false;
  let failed: { error: unknown } | undefined;
  const send = () => {
    if (cutting || failed || !pending.length) return;
    const units = pending;
    pending = [];
    sent = true;
    cutting = runScript<number>(page, CUT, { units }).then(
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
      if (pending.length || !sent) await runScript<number>(page, CUT, { units: pending });
      pending = [];
    },
  };
}
