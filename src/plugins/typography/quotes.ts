/**
 * Pairs the quote marks of one block and gives each its glyph. Marks the scanner found sure
 * (after a space, before a word…) open or close; the rest are decided by what is open: a closing
 * double mark closes the nearest open double quotation (a single quotation left open inside it
 * was an apostrophe: “’pon my word”), a single mark after a letter is a plural possessive when a
 * later mark closes the quotation (‘the Joneses’ house,’), and an elision that is also a word
 * (’round) becomes an opening quote when a later closing mark needs one. A paragraph may end
 * with a quotation open when the next one opens again (speech over several paragraphs).
 * Then the spaces next to the marks (see quote-spacing.ts).
 */
import { DOUBLE, isLetter, isSpace, isUpper, isWord, SINGLE } from './chars.ts';

const isLower = (c: number) => isLetter(c) && !isUpper(c);

import type { Edits } from './edits.ts';
import { spaceQuotes } from './quote-spacing.ts';
import type { Settings } from './settings.ts';
import { Ctx, Hint, type QuoteTokens, Role } from './tokens.ts';
import { SOFT_ELISIONS } from './words.ts';

export interface QuoteProblem {
  /** Offset in the block's text. */
  pos: number;
  rule: 'typo/unmatched-quote' | 'typo/undecided-mark';
  message: string;
}

/** What the resolver needs to know about the blocks around this one. */
export interface Neighbours {
  /**
   * The kinds of the marks the next block opens with (`"'` → DOUBLE, SINGLE): quotations left
   * open here run on when the next block opens them again, outermost first.
   */
  nextOpening: readonly number[];
  /** A double quotation is open from an earlier block (a letter whose last paragraph closes it). */
  previousLeftOpen: boolean;
}

/** What a block leaves for the blocks after it. */
export interface Outcome {
  /** A double quotation is still open after this block. */
  leftOpen: boolean;
  /** This block closed a quotation opened in an earlier one. */
  closedEarlier: boolean;
  /** This block holds a double mark of its own. */
  hasDouble: boolean;
  /** The outermost double quotation this block leaves open without the next block reopening it (-1: none). */
  unclosedAt: number;
}

export class QuoteResolver {
  private readonly role: number[] = [];
  private readonly rank: number[] = [];
  private readonly stack: number[] = [];
  private readonly softs: number[] = [];
  private src = '';
  private tokens!: QuoteTokens;
  private problems: QuoteProblem[] | undefined;
  private neighbours!: Neighbours;
  private readonly outcome: Outcome = { leftOpen: false, closedEarlier: false, hasDouble: false, unclosedAt: -1 };

  constructor(private readonly settings: Settings) {}

  /**
   * Decides every token and adds the glyph and spacing edits. The outcome (reused from call to
   * call) says what the block leaves open; an opening quote never closed is not reported here but
   * returned as `unclosedAt`, since a later paragraph of a letter may still close it.
   */
  resolve(src: string, tokens: QuoteTokens, edits: Edits, neighbours: Neighbours, problems?: QuoteProblem[]): Outcome {
    this.src = src;
    this.tokens = tokens;
    this.neighbours = neighbours;
    this.problems = this.settings.quotes ? problems : undefined;
    const count = tokens.length;
    this.role.length = count;
    this.rank.length = count;
    this.stack.length = 0;
    this.softs.length = 0;
    const outcome = this.outcome;
    outcome.closedEarlier = false;
    outcome.hasDouble = false;
    outcome.unclosedAt = -1;
    for (let t = 0; t < count; t++) this.decide(t);
    this.finish();
    this.emit(edits);
    return outcome;
  }

  private decide(t: number): void {
    const { tokens, role } = this;
    const kind = tokens.kind[t] as number;
    const hint = tokens.hint[t] as number;
    switch (tokens.ctx[t]) {
      case Ctx.Apostrophe:
        role[t] = Role.Apostrophe;
        return;
      case Ctx.Prime:
        role[t] = Role.Prime;
        return;
      case Ctx.SoftElision:
        role[t] = Role.Apostrophe;
        this.softs.push(t);
        return;
      case Ctx.Open:
      case Ctx.FixedOpen:
        this.open(t);
        return;
      case Ctx.Close:
      case Ctx.FixedClose:
        this.close(t);
        return;
      case Ctx.PrimeOrClose:
        if (this.openIndex(kind) >= 0 && !this.closedAfterPrime(t)) this.close(t);
        else role[t] = Role.Prime;
        return;
      case Ctx.Pairing:
        if (this.openIndex(kind) >= 0) this.close(t);
        else this.open(t);
        return;
      default: // Ambiguous
        if (hint === Hint.Open) this.open(t);
        else if (hint === Hint.Close) this.close(t);
        else if (hint === Hint.Apostrophe && this.openIndex(kind) < 0) role[t] = Role.Apostrophe;
        else {
          const closes = this.openIndex(kind) >= 0;
          if (closes) this.close(t);
          else this.open(t);
          if (hint === Hint.None) {
            const glyph = this.glyph(t);
            this.report(t, 'typo/undecided-mark', `Cannot tell whether this quote mark opens or closes; took it as ${glyph}`);
          }
        }
    }
  }

  /** Index in the stack of the quotation a mark of this kind would close; a single mark never closes across an open double. */
  private openIndex(kind: number): number {
    const { stack, tokens } = this;
    for (let k = stack.length - 1; k >= 0; k--) {
      const open = tokens.kind[stack[k] as number];
      if (open === kind) return k;
      if (open === DOUBLE) return -1;
    }
    return -1;
  }

  private open(t: number): void {
    const { stack, rank, tokens } = this;
    let r = tokens.kind[t] === DOUBLE ? 0 : 1;
    if (tokens.ctx[t] === Ctx.FixedOpen) r = 0;
    else if (this.settings.style.nestByDepth && stack.length > 0) {
      const top = rank[stack[stack.length - 1] as number] as number;
      if (r <= top) r = top + 1;
    }
    this.role[t] = Role.Open;
    rank[t] = r;
    stack.push(t);
  }

  private close(t: number): void {
    const { stack, tokens, role, rank } = this;
    const kind = tokens.kind[t] as number;
    const pos = tokens.pos[t] as number;
    const o = this.openIndex(kind);
    // A word-final mark closes a mid-clause soft elision before the quotation around it (`'Say 'cheese' now'`).
    const inner = o >= 0 && kind === SINGLE && isLetter(this.at(pos - 1)) ? this.softInLevel(t, true) : -1;
    if (inner >= 0) {
      this.pairSoft(inner, t);
      return;
    }
    if (o < 0) {
      if (kind === SINGLE) {
        const soft = this.softInLevel(t, false);
        if (soft >= 0) {
          this.pairSoft(soft, t);
          return;
        }
        if (isLetter(this.at(pos - 1))) {
          role[t] = Role.Apostrophe; // goin’, the Joneses’
          return;
        }
      }
      role[t] = Role.Close;
      rank[t] = kind === DOUBLE ? 0 : 1;
      if (kind === DOUBLE && this.neighbours.previousLeftOpen && !this.hasEarlierDouble(t)) {
        this.outcome.closedEarlier = true;
      } else {
        this.report(t, 'typo/unmatched-quote', 'Closing quote without an opening quote before it in this paragraph');
      }
      return;
    }
    // A single quotation nested in another single one wants its close first (`'foo 'bar' baz'`).
    const nested = o > 0 && tokens.kind[stack[o - 1] as number] === SINGLE;
    if (kind === SINGLE && !nested && isLetter(this.at(pos - 1)) && this.closedLater(t)) {
      role[t] = Role.Apostrophe; // ‘the Joneses’ house,’
      return;
    }
    while (stack.length - 1 > o) this.unclosed(stack.pop() as number, true);
    const opener = stack.pop() as number;
    role[t] = Role.Close;
    rank[t] = rank[opener] as number;
  }

  private hasEarlierDouble(t: number): boolean {
    for (let u = 0; u < t; u++) if (this.tokens.kind[u] === DOUBLE && this.role[u] !== Role.Prime) return true;
    return false;
  }

  /** The earliest unused soft elision inside the innermost open double quotation (or anywhere, if none is open). */
  private softInLevel(t: number, midClauseOnly: boolean): number {
    const { softs, stack, tokens } = this;
    const top = stack.length > 0 ? (tokens.pos[stack[stack.length - 1] as number] as number) : -1;
    for (let k = 0; k < softs.length; k++) {
      const s = softs[k] as number;
      if ((tokens.pos[s] as number) > top && (!midClauseOnly || this.midClause(s)) && this.softPairs(s, t)) {
        softs.splice(k, 1);
        return s;
      }
    }
    return -1;
  }

  /**
   * May the soft elision s open the quotation the mark t closes? At the start of a clause, yes
   * (`'Round and round,' she sang`). In mid-clause (`he 'uz hoverin' roun' de place`) only with
   * no word-final mark between, and not when t ends a dropped g before a lowercase word
   * (`hoverin' roun'`): dialect drops letters at both ends of words, and such a pair is two
   * apostrophes, not a quotation.
   */
  private softPairs(s: number, t: number): boolean {
    const from = this.tokens.pos[s] as number;
    const to = this.tokens.pos[t] as number;
    if (!this.midClause(s)) return true;
    for (let k = from + 1; k < to - 1; k++) {
      const c = this.src.charCodeAt(k);
      // A word-final apostrophe between them (`hoverin' roun'`): the stretch is dialect, not a quotation.
      if (c === 39 && isLetter(this.at(k - 1)) && isSpace(this.at(k + 1))) return false;
    }
    const a = this.at(to + 1);
    const english = this.settings.style.name === 'en' || this.settings.style.name === 'en-single';
    const droppedG = english && this.at(to - 1) === 110 && this.at(to - 2) === 105 && isSpace(a) && isLower(this.at(to + 2));
    return !droppedG;
  }

  /** The lowercase word right after the mark at t. */
  private wordAfter(t: number): string {
    const from = (this.tokens.pos[t] as number) + 1;
    let e = from;
    while (e < this.src.length && isLetter(this.src.charCodeAt(e))) e++;
    return this.src.slice(from, e).toLowerCase();
  }

  /** The mark at t stands after a word and a space: in mid-clause. */
  private midClause(t: number): boolean {
    const from = this.tokens.pos[t] as number;
    return isSpace(this.at(from - 1)) && isLetter(this.at(from - 2));
  }

  /** The soft elision s opens the quotation t closes, at the level an opening mark there would take. */
  private pairSoft(s: number, t: number): void {
    this.open(s);
    this.stack.pop();
    this.role[t] = Role.Close;
    this.rank[t] = this.rank[s] as number;
  }

  /** A later single mark closes the quotation this one would close: this one is an apostrophe. */
  private closedLater(t: number): boolean {
    const { tokens } = this;
    for (let u = t + 1; u < tokens.length; u++) {
      const ctx = tokens.ctx[u];
      if (tokens.kind[u] === DOUBLE) {
        if (ctx === Ctx.Close || ctx === Ctx.FixedClose) return false;
        continue;
      }
      // An opening, or a soft elision closed right after its word (`and 'bee'`): the later close is theirs.
      if (ctx === Ctx.Open || (ctx === Ctx.SoftElision && this.closedAfterItsWord(u))) return false;
      if (ctx === Ctx.Close || ctx === Ctx.PrimeOrClose || ctx === Ctx.Pairing || ctx === Ctx.Ambiguous) return true;
    }
    return false;
  }

  /** The single mark at u is closed by the next mark, right after the word it stands before. */
  private closedAfterItsWord(u: number): boolean {
    const { tokens } = this;
    const next = u + 1;
    if (next >= tokens.length || tokens.kind[next] !== SINGLE || tokens.ctx[next] !== Ctx.Close) return false;
    for (let k = (tokens.pos[u] as number) + 1; k < (tokens.pos[next] as number); k++) if (!isLetter(this.at(k))) return false;
    return true;
  }

  /**
   * The mark at t, after a digit, could close the open quotation, but a later mark of its kind
   * surely closes it, with no mark opening a quotation between: t is a prime (`"a 120' 4" whale."`,
   * `"62° 17' 20", 19° 2' 40"."`). A later single mark after a letter may be a dropped letter
   * (`goin'`), so it does not count.
   */
  private closedAfterPrime(t: number): boolean {
    const { tokens } = this;
    const kind = tokens.kind[t] as number;
    for (let u = t + 1; u < tokens.length; u++) {
      if (tokens.kind[u] !== kind) continue;
      const ctx = tokens.ctx[u];
      if (ctx === Ctx.PrimeOrClose || ctx === Ctx.Prime || ctx === Ctx.Apostrophe || ctx === Ctx.SoftElision) continue;
      if (ctx !== Ctx.Close && ctx !== Ctx.FixedClose) return false;
      return kind === DOUBLE || !isLetter(this.at((tokens.pos[u] as number) - 1));
    }
    return false;
  }

  /** A single quotation left open inside a closing one, or at the end of the paragraph. */
  private unclosed(u: number, insideClosing: boolean): void {
    const pos = this.tokens.pos[u] as number;
    if (isLetter(this.at(pos + 1)) || (insideClosing && isWord(this.at(pos + 1)))) {
      this.role[u] = Role.Apostrophe;
      if (this.tokens.hint[u] !== Hint.Apostrophe) {
        this.report(u, 'typo/undecided-mark', 'No closing quote follows this mark; took it as an apostrophe (’)');
      }
      return;
    }
    this.report(u, 'typo/unmatched-quote', 'Opening quote is never closed in this paragraph');
  }

  /** The end of the block: what is still open. */
  private finish(): void {
    const { stack, tokens, neighbours, outcome } = this;
    let open = false;
    let runsOn = true;
    for (let t = 0; t < tokens.length; t++) {
      if (tokens.kind[t] === DOUBLE && this.role[t] !== Role.Prime) outcome.hasDouble = true;
    }
    for (let k = 0; k < stack.length; k++) {
      const u = stack[k] as number;
      const kind = tokens.kind[u] as number;
      runsOn &&= neighbours.nextOpening[k] === kind && (kind === DOUBLE || this.opensSpeech(u));
      if (kind === DOUBLE) {
        if (!open && !runsOn) outcome.unclosedAt = tokens.pos[u] as number;
        open = true;
      } else if (!runsOn) {
        this.unclosed(u, false);
      }
    }
    outcome.leftOpen = open || (neighbours.previousLeftOpen && !outcome.hasDouble);
    // A mid-clause mark before a fragment no list knows, left unpaired: taken as an elision, flagged.
    for (const u of this.softs) {
      if (this.midClause(u) && this.tokens.hint[u] === Hint.None && !SOFT_ELISIONS.has(this.wordAfter(u))) {
        this.report(u, 'typo/undecided-mark', 'No closing quote pairs with this mark; took it as an apostrophe (’)');
      }
    }
  }

  /**
   * The single mark u stands where speech may open: at the start of the block, after another
   * mark, or after punctuation (`he said, '`). After a bare word (`I saw 'Arry`) it is a name, a
   * title or an elision, none of which runs on into the next paragraph.
   */
  private opensSpeech(u: number): boolean {
    let k = (this.tokens.pos[u] as number) - 1;
    while (k >= 0 && isSpace(this.src.charCodeAt(k))) k--;
    const c = this.at(k);
    return c === -1 || !isWord(c);
  }

  private at(i: number): number {
    return i >= 0 && i < this.src.length ? this.src.charCodeAt(i) : -1;
  }

  private report(t: number, rule: QuoteProblem['rule'], message: string): void {
    this.problems?.push({ pos: this.tokens.pos[t] as number, rule, message });
  }

  private glyph(t: number): string {
    const role = this.role[t];
    const style = this.settings.style;
    if (role === Role.Apostrophe) return style.apostrophe;
    if (role === Role.Prime) return this.tokens.kind[t] === DOUBLE ? '″' : '′';
    const levels = style.levels;
    const r = this.rank[t] as number;
    const level = r < levels.length ? r : style.nestByDepth ? 1 + ((r - 1) % (levels.length - 1)) : r % levels.length;
    return (levels[level] as readonly [string, string])[role === Role.Open ? 0 : 1];
  }

  private isGuillemet(t: number): boolean {
    return (
      this.settings.style.guillemets && this.role[t] !== Role.Apostrophe && this.role[t] !== Role.Prime && this.rank[t] === 0
    );
  }

  /** Glyph edits, then the spaces next to the marks. */
  private emit(edits: Edits): void {
    const { tokens, role, src, settings } = this;
    const count = tokens.length;
    for (let t = 0; t < count; t++) {
      if (!settings.quotes && role[t] !== Role.Prime) continue;
      const pos = tokens.pos[t] as number;
      const glyph = this.glyph(t);
      if (src.charCodeAt(pos) !== glyph.charCodeAt(0)) {
        const r = role[t] === Role.Apostrophe ? 'apostrophe' : role[t] === Role.Prime ? 'prime' : 'quote';
        edits.set(pos, pos + 1, glyph, r);
      }
    }
    if (settings.quotes) spaceQuotes(src, tokens, role, (t) => this.isGuillemet(t), settings, edits);
  }
}
