/**
 * Character classes for the typographic pass, by UTF-16 code unit, so the scanner never needs a
 * regular expression per character. A block's text carries two stand-ins: OBJECT for anything
 * that reads as a word but must not change (inline code, an image, a URL, a footnote call), and
 * BREAK for a hard line break.
 */

export const OBJECT = 0xe000;
export const BREAK = 0xe001;
export const OBJECT_CHAR = String.fromCharCode(OBJECT);
export const BREAK_CHAR = String.fromCharCode(BREAK);

export const NBSP = '\u00a0';
export const NARROW_NBSP = '\u202f';
export const HAIR_SPACE = '\u200a';

/** Spaces of every kind (what an author may paste), line feeds, and the hard-break stand-in. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || c === 10 || c === 9 || c === 13 || c === 11 || c === 12;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === BREAK ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029
  );
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LETTER = /\p{L}|\p{M}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{M}\p{N}]/u;

/** A letter (any script). */
export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c === OBJECT || c === BREAK) return false;
  return LETTER.test(String.fromCharCode(c));
}

/** What counts as part of a word next to a quote: letters, digits and inline objects. */
export function isWord(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c === OBJECT) return true;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba || c === 0xb2 || c === 0xb3 || c === 0xb9;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c === BREAK) return false;
  return LETTER_OR_NUMBER.test(String.fromCharCode(c));
}

export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase();
}

export const DOUBLE = 0;
export const SINGLE = 1;

/** Kind of a quote character: DOUBLE, SINGLE, or -1 for anything else. */
export function quoteKind(c: number): number {
  switch (c) {
    case 34: // "
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0xab: // «
    case 0xbb: // »
      return DOUBLE;
    case 39: // '
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
      return SINGLE;
    default:
      return -1;
  }
}

/** Brackets, dashes and opening marks: a quote after one of these opens. */
export function isOpeningPunctuation(c: number): boolean {
  switch (c) {
    case 40: // (
    case 91: // [
    case 123: // {
    case 60: // <
    case 47: // /
    case 0x2014: // —
    case 0x2013: // –
    case 0x2e3a: // ⸺
    case 0xbf: // ¿
    case 0xa1: // ¡
    case 0x201c:
    case 0x2018:
    case 0x201e:
    case 0x201a:
    case 0xab:
      return true;
    default:
      return false;
  }
}

/** Sentence and closing punctuation: a quote after one of these closes. */
export function isClosingPunctuation(c: number): boolean {
  switch (c) {
    case 46: // .
    case 44: // ,
    case 59: // ;
    case 58: // :
    case 33: // !
    case 63: // ?
    case 41: // )
    case 93: // ]
    case 125: // }
    case 62: // >
    case 0x2026: // …
    case 0x201d:
    case 0x2019:
    case 0xbb:
    case 42: // *
    case 37: // %
    case 0x2032: // ′
    case 0x2033: // ″
      return true;
    default:
      return false;
  }
}

export function isDash(c: number): boolean {
  return c === 45 || c === 0x2014 || c === 0x2013 || c === 0x2e3a;
}
