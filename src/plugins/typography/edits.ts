/**
 * The changes the typographic pass makes to one block's text, as replacements of character
 * ranges of the original: kept sorted, applied once at the end, and — for `galley check
 * --fixes` — reported one by one with what they replaced. Parallel arrays, reused from block to
 * block, so a block without changes costs no allocation.
 */

/** Why a change was made; shown by `galley check --fixes`. */
export type FixRule =
  | 'quote'
  | 'apostrophe'
  | 'prime'
  | 'dash'
  | 'range'
  | 'ellipsis'
  | 'space'
  | 'title-space'
  | 'hair-space'
  | 'french-space';

export class Edits {
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly text: string[] = [];
  readonly rule: FixRule[] = [];

  get length(): number {
    return this.from.length;
  }

  clear(): void {
    this.from.length = 0;
    this.to.length = 0;
    this.text.length = 0;
    this.rule.length = 0;
  }

  /** Adds a change after every change so far (the scanner's order). */
  push(from: number, to: number, text: string, rule: FixRule): void {
    const last = this.from.length - 1;
    if (last >= 0 && (from < (this.from[last] as number) || (from === this.from[last] && to < (this.to[last] as number)))) {
      this.set(from, to, text, rule);
      return;
    }
    this.from.push(from);
    this.to.push(to);
    this.text.push(text);
    this.rule.push(rule);
  }

  /**
   * Sets the change of the range [from, to): replaces a change of exactly that range if there is
   * one, else inserts it in order. An insertion (from === to) sorts before a replacement at `from`.
   */
  set(from: number, to: number, text: string, rule: FixRule): void {
    let lo = 0;
    let hi = this.from.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const f = this.from[mid] as number;
      if (f < from || (f === from && (this.to[mid] as number) < to)) lo = mid + 1;
      else hi = mid;
    }
    if (lo < this.from.length && this.from[lo] === from && this.to[lo] === to) {
      this.text[lo] = text;
      this.rule[lo] = rule;
      return;
    }
    this.from.splice(lo, 0, from);
    this.to.splice(lo, 0, to);
    this.text.splice(lo, 0, text);
    this.rule.splice(lo, 0, rule);
  }

  /** Removes changes that change nothing (a range replaced by the very text it holds). */
  dropNoOps(src: string): void {
    let kept = 0;
    for (let e = 0; e < this.from.length; e++) {
      const from = this.from[e] as number;
      const to = this.to[e] as number;
      const text = this.text[e] as string;
      if (to - from === text.length && src.startsWith(text, from)) continue;
      this.from[kept] = from;
      this.to[kept] = to;
      this.text[kept] = text;
      this.rule[kept] = this.rule[e] as FixRule;
      kept++;
    }
    this.from.length = kept;
    this.to.length = kept;
    this.text.length = kept;
    this.rule.length = kept;
  }
}
