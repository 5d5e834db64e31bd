/**
 * The book's rules as they apply to one word: where it may be hyphenated (letters either side,
 * its length, capitals), whether it is a dash no line may start with, or a title kept with the
 * next word. Letters are Unicode letters (\p{L}); quotes and brackets around a word do not count.
 */
import type { BreakRules } from './rules.ts';
import type { Token } from './tokens.ts';

const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const LETTERS = /\p{L}/gu;
const LEADING = /^[^\p{L}]+/u;
const EM_DASH = 0x2014;
const BAR = 0x2015;
const EN_DASH = 0x2013;
export const HARD_HYPHENS = '-\u2010\u2011';

/** Letters in a string (what hyphen-min-left/right/word count). */
export function letters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) count++;
    else if (c >= 128) return count + (text.slice(i).match(LETTERS)?.length ?? 0);
  }
  return count;
}

function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 97 && c <= 122) return false;
  if (c >= 65 && c <= 90) return true;
  const first = LETTER.exec(text);
  return first !== null && UPPER.test(first[0]);
}

/** A word that is a dash a line must not start with: —, ― (after an opening quote too), a lone –. */
export function isDash(token: Token | undefined): boolean {
  if (token?.kind !== 'word') return false;
  const text = token.text;
  const c = text.charCodeAt(0);
  if (c === EM_DASH || c === BAR) return true;
  if (c === EN_DASH) return text.length === 1;
  const d = text.charCodeAt(1);
  return (d === EM_DASH || d === BAR) && !LETTER.test(text.charAt(0));
}

/** Whether a word is a title kept with the next word ("Mr.", or "“Mr." with its quote). */
export function isTitle(text: string, titles: ReadonlySet<string>): boolean {
  if (titles.has(text)) return true;
  const c = text.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
  return titles.has(text.replace(LEADING, ''));
}

/** Which piece boundaries of a word may take a hyphen (k: after piece k), by the rules. */
export function hyphenPoints(token: Extract<Token, { kind: 'word' }>, isLast: boolean, rules: BreakRules): number[] | undefined {
  const pieces = token.pieces;
  if (!rules.hyphenate || isLast || pieces.length < 2) return undefined;
  if (!rules.hyphenateCapitalised && (token.capitalised ?? isCapitalised(token.text))) return undefined;
  const total = letters(token.text);
  if (total < rules.hyphenMinWord) return undefined;
  let points: number[] | undefined;
  let before = 0;
  for (let k = 0; k < pieces.length - 1; k++) {
    before += letters((pieces[k] as { text: string }).text);
    if (before < rules.hyphenMinLeft || total - before < rules.hyphenMinRight) continue;
    points ??= [];
    points.push(k);
  }
  return points;
}
