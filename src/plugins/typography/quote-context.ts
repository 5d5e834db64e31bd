/**
 * What the surroundings of one quote mark say it is, before any pairing: after a space or a
 * bracket and before a word it opens; after a word or punctuation it closes; between two letters
 * a single mark is an apostrophe; after a digit it may be a prime; before a known elision (’tis,
 * ’90s) it is an apostrophe. Marks next to other marks look past them (`"'Tis`, `,'"`).
 */
import {
  DOUBLE,
  isClosingPunctuation,
  isDash,
  isDigit,
  isLetter,
  isOpeningPunctuation,
  isSpace,
  isWord,
  quoteKind,
  SINGLE,
} from './chars.ts';
import { Ctx, Hint, type QuoteTokens } from './tokens.ts';
import { ELISIONS, SOFT_ELISIONS } from './words.ts';

/** Where the previous character stands. */
const P = { Space: 0, Open: 1, Dash: 2, Word: 3, Digit: 4, Close: 5 } as const;
/** Where the next character stands. */
const N = { End: 0, Space: 1, Word: 2, Open: 3, Lead: 4, Punct: 5 } as const;

/** What the author's own curly mark suggests (in German “ and ‘ close). */
export function quoteHint(c: number, german: boolean): number {
  switch (c) {
    case 0x201c:
    case 0x2018:
      return german ? Hint.Close : Hint.Open;
    case 0x201d:
      return Hint.Close;
    case 0x2019:
      return Hint.Apostrophe;
    case 0x201e:
    case 0x201a:
    case 0x201f:
    case 0x201b:
      return Hint.Open;
    default:
      return Hint.None;
  }
}

/** The context (a `Ctx`) of the mark of `kind` at i; `tokens` holds the marks before it. */
export function quoteContext(src: string, i: number, kind: number, tokens: QuoteTokens, primes: boolean): number {
  const n = src.length;
  const at = (k: number) => (k >= 0 && k < n ? src.charCodeAt(k) : -1);
  const p = previousClass(src, i, tokens, primes);
  let q = i + 1;
  while (q < n && quoteKind(src.charCodeAt(q)) >= 0) q++;
  const nx = nextClass(at(q));
  const opens = p === P.Space || p === P.Open;

  if (p === P.Digit) {
    if (kind === SINGLE && isDigit(at(i + 1))) return Ctx.Prime;
    if (kind === DOUBLE && feetBefore(src, i)) return Ctx.Prime;
    if (nx !== N.Word) return Ctx.PrimeOrClose;
    return kind === SINGLE ? Ctx.Apostrophe : Ctx.Ambiguous; // the 1920's
  }
  if (kind === SINGLE && p === P.Word && nx === N.Word && q === i + 1) return Ctx.Apostrophe;
  // The close of a one-letter elision an apostrophe opened: rock ’n’ roll, I’d ’a’ thought.
  if (kind === SINGLE && p === P.Word && isLetter(at(i - 1)) && apostropheAt(tokens, i - 2) && !isWord(at(i - 3))) {
    return Ctx.Apostrophe;
  }
  if (opens || p === P.Dash) {
    if (nx === N.Word) return kind === SINGLE && q === i + 1 ? elision(src, i + 1) : Ctx.Open;
    if (nx === N.Open || (nx === N.Lead && p !== P.Dash)) return Ctx.Open;
    if (p === P.Dash) return Ctx.Close;
    if (nx === N.Space || nx === N.End) {
      if (i === 0) return Ctx.Open;
      let k = q;
      while (k < n && isSpace(src.charCodeAt(k))) k++;
      return k >= n ? Ctx.Close : Ctx.Ambiguous;
    }
    return Ctx.Ambiguous;
  }
  // After a word or closing punctuation.
  if (nx === N.Word) return p === P.Close ? Ctx.Pairing : Ctx.Ambiguous;
  if (nx === N.Open) return Ctx.Ambiguous;
  return Ctx.Close;
}

function previousClass(src: string, i: number, tokens: QuoteTokens, primes: boolean): number {
  const pc = i > 0 ? src.charCodeAt(i - 1) : -1;
  if (pc === -1 || isSpace(pc)) return P.Space;
  if (quoteKind(pc) >= 0) {
    // The mark just before is the last token (this one is not pushed yet): inherit its side.
    const t = tokens.length - 1;
    if (t >= 0 && tokens.pos[t] === i - 1) {
      const ctx = tokens.ctx[t];
      if (ctx === Ctx.Open || ctx === Ctx.FixedOpen || ctx === Ctx.SoftElision) return P.Open;
      if (ctx === Ctx.Apostrophe) return P.Word;
    }
    return P.Close;
  }
  if (isDash(pc)) return P.Dash;
  if (isDigit(pc)) return primes ? P.Digit : P.Word;
  if (isWord(pc)) return P.Word;
  if (isOpeningPunctuation(pc)) return P.Open;
  if (isClosingPunctuation(pc)) return P.Close;
  return P.Word;
}

function nextClass(nc: number): number {
  if (nc === -1) return N.End;
  if (isSpace(nc)) return N.Space;
  if (isWord(nc)) return N.Word;
  if (isDash(nc) || nc === 46 || nc === 0x2026) return N.Lead;
  if (isOpeningPunctuation(nc)) return N.Open;
  return N.Punct;
}

/** After an opening single mark, at q: ’tis, ’90s, ’s after a dash, or a word that may be either. */
function elision(src: string, q: number): number {
  const midClause = isSpace(src.charCodeAt(q - 2)) && isLetter(src.charCodeAt(q - 3));
  const c1 = src.charCodeAt(q);
  if (isDigit(c1)) {
    return isDigit(src.charCodeAt(q + 1)) && !isDigit(src.charCodeAt(q + 2)) ? Ctx.Apostrophe : Ctx.Open;
  }
  let e = q;
  while (e < src.length && e - q <= 10 && isLetter(src.charCodeAt(e))) e++;
  if (e - q > 10) return Ctx.Open;
  const word = src.slice(q, e).toLowerCase();
  if (word === 's' || ELISIONS.has(word)) return Ctx.Apostrophe;
  if (word === 'a' && src.charCodeAt(e) === 39 && haveBefore(src, q - 2)) return Ctx.Apostrophe;
  // Mid-clause (`he 'uz`, `on 't`) a mark before a lowercase fragment is taken for an elision
  // unless a closing mark in the same clause needs it (see the resolver's soft elisions).
  if (midClause && e > q && src.slice(q, e) === word) return Ctx.SoftElision;
  return SOFT_ELISIONS.has(word) ? Ctx.SoftElision : Ctx.Open;
}

/** The token at pos is an apostrophe. */
function apostropheAt(tokens: QuoteTokens, pos: number): boolean {
  const t = tokens.length - 1;
  return t >= 0 && tokens.pos[t] === pos && tokens.ctx[t] === Ctx.Apostrophe;
}

/**
 * The word ending at the space at k calls for "have": a modal (would, could, might …) or a
 * contraction of one (I'd, wouldn't), as in `I'd 'a' thought` — 'a' for "have". The modals are
 * the one small list English grammar gives.
 */
function haveBefore(src: string, k: number): boolean {
  let b = k;
  while (b > 0 && (isLetter(src.charCodeAt(b - 1)) || quoteKind(src.charCodeAt(b - 1)) === SINGLE)) b--;
  const word = src.slice(b, k).toLowerCase().replace(/[’']/g, "'");
  return MODALS.has(word) || word.endsWith("'d") || word.endsWith("n't");
}

const MODALS = new Set(['would', 'could', 'should', 'might', 'must', 'may', 'will', 'shall', 'ought', 'to']);

/** `6'2"`: digits, a foot mark, digits, before the double mark at i. */
function feetBefore(src: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (isDigit(src.charCodeAt(k)) || src.charCodeAt(k) === 46)) k--;
  if (k === i - 1 || k < 1) return false;
  const mark = src.charCodeAt(k);
  return (mark === 39 || mark === 0x2032 || mark === 0x2019) && isDigit(src.charCodeAt(k - 1));
}
