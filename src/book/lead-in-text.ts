/**
 * Which words of a chapter's opening paragraph make its lead-in: a whole phrase of up to four
 * words, ending early at the first word that ends a clause (`,` `;` `:` `.` `!` `?` `—` `)`),
 * never splitting a title from its name (lead-in-phrase.ts), and the opening quote mark before
 * them, if any. Print and the EPUB set the same words.
 */
import { leadInWordCount, MAX_WORDS } from './lead-in-phrase.ts';

export interface LeadInText {
  /** White space before everything (kept as it was). */
  space: string;
  /** An opening quote mark before the first word, or ''. */
  quote: string;
  /** The lead-in's words, as written (inner spaces included). */
  lead: string;
  /** The rest of the text node. */
  rest: string;
}

const QUOTES = '"“‘\'«„‚';

/** Splits the paragraph's first text; undefined when it opens with no word. */
export function splitLeadIn(text: string): LeadInText | undefined {
  // The words looked at, and one more, to see whether a name runs on past them.
  const match = new RegExp(`^(\\s*)([${QUOTES}]?)(\\S+(?:\\s+\\S+){0,${MAX_WORDS}})`).exec(text);
  if (!match) return undefined;
  const [, space = '', quote = '', run = ''] = match;
  const taken = leadInWordCount(run.split(/\s+/));
  const end = indexAfterWords(run, taken);
  return { space, quote, lead: run.slice(0, end), rest: text.slice(space.length + quote.length + end) };
}

/** Length of the text up to the end of its nth word. */
function indexAfterWords(text: string, n: number): number {
  const re = /\S+/g;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const m = re.exec(text);
    if (!m) break;
    end = m.index + m[0].length;
  }
  return end;
}

/**
 * The first letter of the lead (a drop cap's): one grapheme — a letter with its combining marks,
 * or a digit — and what follows it. A lead that opens with no letter or digit has none.
 */
export function firstLetter(lead: string): { letter: string; after: string } | undefined {
  const match = /^[\p{L}\p{N}]\p{M}*/u.exec(lead);
  if (!match) return undefined;
  return { letter: match[0], after: lead.slice(match[0].length) };
}
