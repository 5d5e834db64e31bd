/**
 * Tokens to Knuth–Plass items (boxes, glue, penalties) in flat typed arrays, with the book's
 * rules applied: a break the rules forbid is no break at all, so no pass, not even the last
 * resort, can take it. Prefix sums let a line's width, stretch and shrink be read in O(1).
 */
import type { BreakRules } from './rules.ts';
import { titleSet } from './rules.ts';
import type { Token } from './tokens.ts';

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

const DASH_START = /^[\p{Pi}\p{Ps}"']?[—―]|^–$/u;
const HARD_HYPHEN_END = /[-‐‑]$/u;
const FIRST_LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** Letters in a string (what hyphen-min-left/right/word count). */
export function letters(text: string): number {
  let count = 0;
  for (const ch of text) if (FIRST_LETTER.test(ch)) count++;
  return count;
}

function isCapitalised(text: string): boolean {
  const first = FIRST_LETTER.exec(text);
  return first !== null && UPPER.test(first[0]);
}

/** The word with leading quotes or brackets taken off, as the titles table writes it. */
const bare = (text: string) => text.replace(/^[^\p{L}]+/u, '');

function startsWithDash(token: Token | undefined): boolean {
  return token?.kind === 'word' && DASH_START.test(token.text);
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

/** Which piece boundaries of a word may take a hyphen (k: after piece k), by the rules. */
function hyphenPoints(token: Extract<Token, { kind: 'word' }>, isLast: boolean, rules: BreakRules): number[] {
  const pieces = token.pieces;
  if (!rules.hyphenate || isLast || pieces.length < 2) return [];
  if (!rules.hyphenateCapitalised && (token.capitalised ?? isCapitalised(token.text))) return [];
  const total = letters(token.text);
  if (total < rules.hyphenMinWord) return [];
  const points: number[] = [];
  let before = 0;
  for (let k = 0; k < pieces.length - 1; k++) {
    before += letters((pieces[k] as { text: string }).text);
    if (before >= rules.hyphenMinLeft && total - before >= rules.hyphenMinRight) points.push(k);
  }
  return points;
}

export function buildItems(tokens: Token[], rules: BreakRules): Items {
  let capacity = 1;
  for (const t of tokens) capacity += t.kind === 'word' ? 2 * Math.max(1, t.pieces.length) : 1;
  const kind = new Uint8Array(capacity);
  const width = new Float64Array(capacity);
  const stretch = new Float64Array(capacity);
  const shrink = new Float64Array(capacity);
  const penalty = new Float64Array(capacity);
  const breaks = new Uint8Array(capacity);
  const flagged = new Uint8Array(capacity);
  const final = new Uint8Array(capacity);
  const token = new Int32Array(capacity);
  const piece = new Int32Array(capacity);
  const letterWidth = new Float64Array(capacity);
  const titles = titleSet(rules);
  const last = lastWord(tokens);
  let n = 0;
  const push = (k: number, i: number, w: number) => {
    kind[n] = k;
    width[n] = w;
    token[n] = i;
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
        if (points.length === 0) {
          letterWidth[push(BOX, i, t.width)] = t.width;
          piece[n - 1] = Math.max(0, t.pieces.length - 1);
          break;
        }
        let used = 0;
        let k = 0;
        for (const point of points) {
          let w = 0;
          for (; k <= point; k++) w += (t.pieces[k] as { width: number }).width;
          used += w;
          const box = push(BOX, i, w);
          letterWidth[box] = w;
          piece[box] = point;
          const p = push(PENALTY, i, t.hyphenWidth);
          penalty[p] = rules.hyphenPenalty;
          breaks[p] = HYPHEN_BREAK;
          flagged[p] = 1;
          piece[p] = point;
        }
        const rest = push(BOX, i, t.width - used);
        letterWidth[rest] = t.width - used;
        piece[rest] = t.pieces.length - 1;
        break;
      }
      case 'space':
      case 'tie': {
        const g = push(GLUE, i, t.width);
        stretch[g] = t.stretch;
        shrink[g] = t.shrink;
        if (t.kind === 'space' && prevKind === BOX) {
          const before = tokens[i - 1];
          const title = before?.kind === 'word' && titles.has(bare(before.text));
          const dash = rules.noDashAtLineStart && startsWithDash(nextSolid(tokens, i + 1));
          if (!title && !dash) breaks[g] = BREAK;
        }
        break;
      }
      case 'break-after': {
        const p = push(PENALTY, i, 0);
        const before = tokens[i - 1];
        penalty[p] = rules.exHyphenPenalty;
        flagged[p] = before?.kind === 'word' && HARD_HYPHEN_END.test(before.text) ? 1 : 0;
        if (!(rules.noDashAtLineStart && startsWithDash(tokens[i + 1]))) breaks[p] = BREAK;
        break;
      }
      case 'newline':
        if (i < end) {
          const f = push(FORCED, i, 0);
          breaks[f] = BREAK;
        }
        break;
      case 'box':
        push(BOX, i, t.width);
        break;
    }
  }
  const f = push(FORCED, Math.max(0, tokens.length - 1), 0);
  breaks[f] = BREAK;
  final[f] = 1;
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
  const sumWidth = new Float64Array(n + 1);
  const sumStretch = new Float64Array(n + 1);
  const sumShrink = new Float64Array(n + 1);
  const sumLetters = new Float64Array(n + 1);
  const sumGlue = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const isGlue = kind[i] === GLUE;
    const counts = kind[i] === BOX || isGlue;
    sumWidth[i + 1] = (sumWidth[i] as number) + (counts ? (width[i] as number) : 0);
    sumStretch[i + 1] = (sumStretch[i] as number) + (stretch[i] as number);
    sumShrink[i + 1] = (sumShrink[i] as number) + (shrink[i] as number);
    sumLetters[i + 1] = (sumLetters[i] as number) + (letterWidth[i] as number);
    sumGlue[i + 1] = (sumGlue[i] as number) + (isGlue ? 1 : 0);
  }
  const after = new Int32Array(n + 1);
  let next = n;
  for (let i = n - 1; i >= -1; i--) {
    after[i + 1] = next;
    if (i >= 0 && (kind[i] === BOX || kind[i] === FORCED)) next = i;
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
    after: after.subarray(1),
  };
}

/** First item of the paragraph's first line (leading spaces are discarded too). */
export function paragraphStart(items: Items): number {
  for (let i = 0; i < items.n; i++) if (items.kind[i] === BOX || items.kind[i] === FORCED) return i;
  return items.n;
}
