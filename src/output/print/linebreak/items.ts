/**
 * Tokens to Knuth–Plass items (boxes, glue, penalties) in flat typed arrays, with the book's
 * rules applied: a break the rules forbid is no break at all, so no pass, not even the last
 * resort, can take it. Prefix sums let a line's width, stretch and shrink be read in O(1).
 */
import type { BreakRules } from './rules.ts';
import { titleSet } from './rules.ts';
import type { Token } from './tokens.ts';
import { HARD_HYPHENS, hyphenPoints, isDash, isTitle } from './word-rules.ts';

export const BOX = 0;
export const GLUE = 1;
export const PENALTY = 2;
export const FORCED = 3;

/** How an item may break: not at all, always, or only in passes that hyphenate. */
export const NO_BREAK = 0;
export const BREAK = 1;
export const HYPHEN_BREAK = 2;

export interface Items {
  n: number;
  kind: Uint8Array;
  width: Float64Array;
  stretch: Float64Array;
  shrink: Float64Array;
  penalty: Float64Array;
  breaks: Uint8Array;
  /** 1 when breaking here leaves a hyphen at the line's end (soft or hard). */
  flagged: Uint8Array;
  /** 1 for the paragraph's end, 0 for a newline (both are FORCED). */
  final: Uint8Array;
  token: Int32Array;
  /** For a word's box or hyphen penalty: the word's last piece in the box, or before the hyphen. */
  piece: Int32Array;
  /** Prefix sums over items [0, i): widths of boxes and glue, stretch, shrink, letter-spaceable
   *  box width (words), glue count. */
  sumWidth: Float64Array;
  sumStretch: Float64Array;
  sumShrink: Float64Array;
  sumLetters: Float64Array;
  sumGlue: Int32Array;
  /** First item after a break at i that is not discarded (glue and penalties are). */
  after: Int32Array;
}

/** Index of the paragraph's last word token, or -1. */
function lastWord(tokens: Token[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i]?.kind === 'word') return i;
  return -1;
}

/** The next token that is not a space or tie, from i. */
function nextSolid(tokens: Token[], i: number): Token | undefined {
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.kind !== 'space' && t.kind !== 'tie') return t;
  }
  return undefined;
}

/** Typed arrays reused from one paragraph to the next (grown when a paragraph needs more). */
export class ItemBuffers {
  capacity = 0;
  kind = new Uint8Array(0);
  width = new Float64Array(0);
  stretch = new Float64Array(0);
  shrink = new Float64Array(0);
  penalty = new Float64Array(0);
  breaks = new Uint8Array(0);
  flagged = new Uint8Array(0);
  final = new Uint8Array(0);
  token = new Int32Array(0);
  piece = new Int32Array(0);
  letterWidth = new Float64Array(0);
  sumWidth = new Float64Array(0);
  sumStretch = new Float64Array(0);
  sumShrink = new Float64Array(0);
  sumLetters = new Float64Array(0);
  sumGlue = new Int32Array(0);
  after = new Int32Array(0);

  ensure(items: number): this {
    if (items + 1 <= this.capacity) return this;
    const c = Math.max(64, 2 ** Math.ceil(Math.log2(items + 1)));
    this.capacity = c;
    this.kind = new Uint8Array(c);
    this.width = new Float64Array(c);
    this.stretch = new Float64Array(c);
    this.shrink = new Float64Array(c);
    this.penalty = new Float64Array(c);
    this.breaks = new Uint8Array(c);
    this.flagged = new Uint8Array(c);
    this.final = new Uint8Array(c);
    this.token = new Int32Array(c);
    this.piece = new Int32Array(c);
    this.letterWidth = new Float64Array(c);
    this.sumWidth = new Float64Array(c);
    this.sumStretch = new Float64Array(c);
    this.sumShrink = new Float64Array(c);
    this.sumLetters = new Float64Array(c);
    this.sumGlue = new Int32Array(c);
    this.after = new Int32Array(c);
    return this;
  }
}

/**
 * The paragraph's items. `titles` is the set of words kept with the next (rules.ts titleSet);
 * `buffers` are reused when given, so the items are valid until the next call with them.
 */
export function buildItems(
  tokens: Token[],
  rules: BreakRules,
  titles: ReadonlySet<string> = titleSet(rules),
  buffers = new ItemBuffers(),
): Items {
  let capacity = 1;
  for (const t of tokens) capacity += t.kind === 'word' ? 2 * Math.max(1, t.pieces.length) : 1;
  const b = buffers.ensure(capacity);
  const { kind, width, stretch, shrink, penalty, breaks, flagged, final, token, piece, letterWidth } = b;
  const last = lastWord(tokens);
  let n = 0;
  const push = (k: number, i: number, w: number, how: number) => {
    kind[n] = k;
    width[n] = w;
    token[n] = i;
    breaks[n] = how;
    stretch[n] = 0;
    shrink[n] = 0;
    penalty[n] = 0;
    flagged[n] = 0;
    final[n] = 0;
    piece[n] = 0;
    letterWidth[n] = 0;
    return n++;
  };
  // A forced break at a newline that only discardable tokens follow would make an empty line.
  let end = tokens.length;
  while (end > 0 && (tokens[end - 1] as Token).kind !== 'word' && (tokens[end - 1] as Token).kind !== 'box') end--;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prevKind = n > 0 ? kind[n - 1] : -1;
    switch (t.kind) {
      case 'word': {
        const points = hyphenPoints(t, i === last, rules);
        if (!points) {
          const box = push(BOX, i, t.width, NO_BREAK);
          letterWidth[box] = t.width;
          piece[box] = Math.max(0, t.pieces.length - 1);
          break;
        }
        let used = 0;
        let k = 0;
        for (const point of points) {
          let w = 0;
          for (; k <= point; k++) w += (t.pieces[k] as { width: number }).width;
          used += w;
          const box = push(BOX, i, w, NO_BREAK);
          letterWidth[box] = w;
          piece[box] = point;
          const p = push(PENALTY, i, t.hyphenWidth, HYPHEN_BREAK);
          penalty[p] = rules.hyphenPenalty;
          flagged[p] = 1;
          piece[p] = point;
        }
        const rest = push(BOX, i, t.width - used, NO_BREAK);
        letterWidth[rest] = t.width - used;
        piece[rest] = t.pieces.length - 1;
        break;
      }
      case 'space':
      case 'tie': {
        let how = NO_BREAK;
        if (t.kind === 'space' && prevKind === BOX) {
          const before = tokens[i - 1];
          const title = before?.kind === 'word' && isTitle(before.text, titles);
          const dash = rules.noDashAtLineStart && isDash(nextSolid(tokens, i + 1));
          if (!title && !dash) how = BREAK;
        }
        const g = push(GLUE, i, t.width, how);
        stretch[g] = t.stretch;
        shrink[g] = t.shrink;
        break;
      }
      case 'break-after': {
        const dash = rules.noDashAtLineStart && isDash(tokens[i + 1]);
        const p = push(PENALTY, i, 0, dash ? NO_BREAK : BREAK);
        const before = tokens[i - 1];
        penalty[p] = rules.exHyphenPenalty;
        flagged[p] = before?.kind === 'word' && HARD_HYPHENS.includes(before.text.at(-1) ?? ' ') ? 1 : 0;
        break;
      }
      case 'newline':
        if (i < end) push(FORCED, i, 0, BREAK);
        break;
      case 'box':
        push(BOX, i, t.width, NO_BREAK);
        break;
    }
  }
  final[push(FORCED, Math.max(0, tokens.length - 1), 0, BREAK)] = 1;
  // Glue and breaks just before a forced break are dropped (TeX's \unskip): each becomes an inert
  // penalty, which neither breaks nor takes room, nor counts as a space of the line.
  for (let i = 0; i < n; i++) {
    if (kind[i] !== FORCED) continue;
    for (let j = i - 1; j >= 0 && kind[j] !== BOX && kind[j] !== FORCED; j--) {
      kind[j] = PENALTY;
      width[j] = 0;
      stretch[j] = 0;
      shrink[j] = 0;
      penalty[j] = 0;
      flagged[j] = 0;
      breaks[j] = NO_BREAK;
    }
  }
  const { sumWidth, sumStretch, sumShrink, sumLetters, sumGlue, after } = b;
  sumWidth[0] = sumStretch[0] = sumShrink[0] = sumLetters[0] = sumGlue[0] = 0;
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    const isGlue = k === GLUE;
    sumWidth[i + 1] = (sumWidth[i] as number) + (k === BOX || isGlue ? (width[i] as number) : 0);
    sumStretch[i + 1] = (sumStretch[i] as number) + (stretch[i] as number);
    sumShrink[i + 1] = (sumShrink[i] as number) + (shrink[i] as number);
    sumLetters[i + 1] = (sumLetters[i] as number) + (letterWidth[i] as number);
    sumGlue[i + 1] = (sumGlue[i] as number) + (isGlue ? 1 : 0);
  }
  let next = n;
  for (let i = n - 1; i >= 0; i--) {
    after[i] = next;
    if (kind[i] === BOX || kind[i] === FORCED) next = i;
  }
  return {
    n,
    kind,
    width,
    stretch,
    shrink,
    penalty,
    breaks,
    flagged,
    final,
    token,
    piece,
    sumWidth,
    sumStretch,
    sumShrink,
    sumLetters,
    sumGlue,
    after,
  };
}

/** First item of the paragraph's first line (leading spaces are discarded too). */
export function paragraphStart(items: Items): number {
  for (let i = 0; i < items.n; i++) if (items.kind[i] === BOX || items.kind[i] === FORCED) return i;
  return items.n;
}
