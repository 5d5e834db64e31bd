/**
 * Questions the scanner asks about what stands around a character of a block's text: is this a
 * title before a name, a number range, a closing place, a place for a French narrow space?
 * Pure functions of the text and a position.
 */
import { isClosingPunctuation, isDash, isDigit, isLetter, isSpace, isUpper, quoteKind } from './chars.ts';
import { TITLES_WITH_STOP, TITLES_WITHOUT_STOP } from './words.ts';

const at = (src: string, i: number) => (i >= 0 && i < src.length ? src.charCodeAt(i) : -1);

export const isFrenchPunctuation = (c: number) => c === 59 || c === 58 || c === 33 || c === 63;

/** Mr., Mrs., Dr., St. … (or Mr, Dr in British style, before a capital) right before the space at i. */
export function titleBefore(src: string, i: number, next: number): boolean {
  const stop = src.charCodeAt(i - 1) === 46;
  const last = src.charCodeAt(stop ? i - 2 : i - 1);
  // Every title ends in one of these letters: Mr Mrs Ms Mx Messrs Mme Mlle Dr St Prof Rev.
  if (last !== 114 && last !== 115 && last !== 116 && last !== 120 && last !== 101 && last !== 102 && last !== 118) return false;
  if (!stop && !isUpper(next)) return false;
  const end = stop ? i - 1 : i;
  let k = end;
  while (k > 0 && end - k < 7 && isLetter(src.charCodeAt(k - 1))) k--;
  if (k === end || end - k > 6 || !isUpper(src.charCodeAt(k))) return false;
  if (k > 0 && isLetter(src.charCodeAt(k - 1))) return false;
  const word = src.slice(k, end);
  return stop ? TITLES_WITH_STOP.has(word) : TITLES_WITHOUT_STOP.has(word);
}

/** True when what stands at k closes: punctuation, or quote marks followed by a space, punctuation or the end. */
export function closingAt(src: string, k: number): boolean {
  const c = at(src, k);
  if (quoteKind(c) >= 0) return closesAfterQuotes(src, k);
  return isClosingPunctuation(c);
}

/** The quote marks from k are followed by a space, punctuation, a dash or the end. */
export function closesAfterQuotes(src: string, k: number): boolean {
  let q = k;
  while (q < src.length && quoteKind(src.charCodeAt(q)) >= 0) q++;
  const after = at(src, q);
  return after === -1 || isSpace(after) || isClosingPunctuation(after) || isDash(after);
}

/** The hyphen at i joins a number range: `1914-1918`, `pages 10-20`, `1805-6`; not `B-52`, `2024-01-05`, `555-1234`. */
export function isRange(src: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && isDigit(src.charCodeAt(k))) k--;
  const before = at(src, k);
  if (isLetter(before) || before === 45 || before === 0x2013 || before === 46 || before === 47) return false;
  let m = i + 1;
  while (m < src.length && isDigit(src.charCodeAt(m))) m++;
  const after = at(src, m);
  if ((after === 45 || after === 47 || after === 46) && isDigit(at(src, m + 1))) return false;
  if (i - 1 - k === 3 && m - i - 1 === 4) return false; // a telephone number
  return true;
}

/** French: ; : ! ? at `at` (the character before it at `before`) takes a narrow no-break space. */
export function frenchSpaceWanted(src: string, before: number, at_: number, c: number): boolean {
  const prev = at(src, before);
  if (prev === -1 || isFrenchPunctuation(prev)) return false;
  if (c === 58 && isDigit(prev) && isDigit(at(src, at_ + 1))) return false; // 10:30
  if (c === 58 && at(src, at_ + 1) === 47) return false; // a URL scheme
  return true;
}
