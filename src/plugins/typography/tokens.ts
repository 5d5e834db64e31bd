/**
 * The quote marks of one block as the scanner found them: where each stands, double or single,
 * what its surroundings say it is, and what the author's own curly mark (if any) suggests. The
 * quote resolver pairs them afterwards. Parallel arrays, reused from block to block.
 */

/** What a mark's surroundings say. */
export const Ctx = {
  /** Opens a quotation (after a space or bracket, before a word). */
  Open: 0,
  /** Closes a quotation, or — for a single mark after a letter — may be a trailing apostrophe. */
  Close: 1,
  /** Could be either; decided by pairing, and reported as undecided. */
  Ambiguous: 2,
  /** Could be either, but pairing decides it safely (`"Hello,"she`). */
  Pairing: 3,
  /** An apostrophe (inside a word, or a known elision such as ’tis). */
  Apostrophe: 4,
  /** An elision that is also a word (’round, ’cause): an apostrophe unless a later mark needs it as an opening quote. */
  SoftElision: 5,
  /** After a digit: a prime, unless a quotation of its kind is open. */
  PrimeOrClose: 6,
  /** Surely a prime (6′2″). */
  Prime: 7,
  /** An opening mark typed as such that is never repaired (« in French). */
  FixedOpen: 8,
  /** A closing mark typed as such that is never repaired (» in French). */
  FixedClose: 9,
} as const;

/** What the author's curly mark suggests. */
export const Hint = {
  None: 0,
  Open: 1,
  Close: 2,
  /** ’ — an apostrophe or a closing single quote. */
  Apostrophe: 3,
} as const;

/** What the resolver decided a mark is. */
export const Role = { Open: 0, Close: 1, Apostrophe: 2, Prime: 3 } as const;

export class QuoteTokens {
  readonly pos: number[] = [];
  readonly kind: number[] = [];
  readonly ctx: number[] = [];
  readonly hint: number[] = [];

  get length(): number {
    return this.pos.length;
  }

  clear(): void {
    this.pos.length = 0;
    this.kind.length = 0;
    this.ctx.length = 0;
    this.hint.length = 0;
  }

  push(pos: number, kind: number, ctx: number, hint: number): void {
    this.pos.push(pos);
    this.kind.push(kind);
    this.ctx.push(ctx);
    this.hint.push(hint);
  }
}
