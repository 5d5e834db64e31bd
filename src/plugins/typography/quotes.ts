/**
 * Decides every straight quote in one block of text: opening or closing, double or single, or an
 * apostrophe. The block's text arrives whole, across inline nodes, so a quote before emphasis or
 * a link is judged by what really stands next to it. Replacement is one character for one, so
 * callers can map the result back onto their nodes.
 */

export interface QuoteMarks {
  openDouble: string;
  closeDouble: string;
  openSingle: string;
  closeSingle: string;
  apostrophe: string;
}

/** Quote marks by language (primary subtag); English marks for anything not listed. */
export const QUOTE_MARKS: Record<string, QuoteMarks> = {
  en: { openDouble: '“', closeDouble: '”', openSingle: '‘', closeSingle: '’', apostrophe: '’' },
  de: { openDouble: '„', closeDouble: '“', openSingle: '‚', closeSingle: '‘', apostrophe: '’' },
};

export function quoteMarksFor(language: string): QuoteMarks {
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  return QUOTE_MARKS[primary] ?? (QUOTE_MARKS.en as QuoteMarks);
}

/** Words that begin with an apostrophe standing for dropped letters (’tis, ’em, ’cause). */
const ELISIONS = /^(?:tis|twas|twere|twill|twould|em|cause|cos|n|til|round|bout|cept|neath|nother|fraid|gainst|spose)\b/i;

/** An object stand-in: inline code, an image or a footnote call counts as a word. */
export const WORD_STAND_IN = '\uE000';

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && (/[\p{L}\p{N}]/u.test(c) || c === WORD_STAND_IN);
/** Characters after which a quote opens. */
const isOpener = (c: string | undefined) => isSpace(c) || (c !== undefined && '([{<—–-/“‘„‚«'.includes(c));
/** Characters before which a quote closes. */
const isCloser = (c: string | undefined) => isSpace(c) || (c !== undefined && /[\p{P}]/u.test(c) && !'"\''.includes(c));

export function educateQuotes(text: string, marks: QuoteMarks): string {
  let out = '';
  let doubleOpen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const prev = out[i - 1];
    const next = text[i + 1];
    if (c === '"') {
      const open = opensDouble(prev, next, doubleOpen);
      doubleOpen = Math.max(0, doubleOpen + (open ? 1 : -1));
      out += open ? marks.openDouble : marks.closeDouble;
    } else if (c === "'") {
      out += single(text, i, prev, next, marks);
    } else {
      out += c;
    }
  }
  return out;
}

/** A double quote opens after a space or bracket, closes before one, and otherwise alternates. */
function opensDouble(prev: string | undefined, next: string | undefined, alreadyOpen: number): boolean {
  if (isOpener(prev)) return !isSpace(next) || alreadyOpen === 0;
  if (isCloser(next) || !isWordChar(prev)) return false;
  return alreadyOpen === 0;
}

function single(text: string, i: number, prev: string | undefined, next: string | undefined, marks: QuoteMarks): string {
  if (isWordChar(prev) && isWordChar(next)) return marks.apostrophe;
  if (isOpener(prev) && !isSpace(next)) {
    const rest = text.slice(i + 1);
    if (/^\d{2}(?:s\b|\b)/.test(rest) || ELISIONS.test(rest)) return marks.apostrophe;
    return marks.openSingle;
  }
  return isWordChar(prev) && next !== undefined && !isCloser(next) ? marks.apostrophe : marks.closeSingle;
}
