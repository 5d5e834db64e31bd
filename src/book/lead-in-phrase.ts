/**
 * How many of a paragraph's first words make its lead-in: a whole phrase. Up to four words,
 * ending early at the first word that ends a clause (`,` `;` `:` `.` `!` `?` `—` `)`); but never
 * between a title and the name it belongs to ("Mr. Bennet", "Lady Catherine", "Dr. Morrow"),
 * an initial and its name ("J. Alfred"), or two capitalised words of one name ("Elizabeth
 * Bennet"): such a phrase runs on through the name, to at most MAX_WORDS words, and where even
 * that would split it, it stops before the name instead.
 */

/** Words a lead-in takes when nothing stops it. */
export const LEAD_WORDS = 4;
/** The most words a lead-in may take to keep a name whole (the words to look at). */
export const MAX_WORDS = 6;

const TITLES = new Set(
  (
    'mr mrs ms mx messrs dr drs st ste prof rev revd fr sr capt col gen lt sgt maj adm cmdr gov sen hon ' +
    'mme mlle mmes m herr frau sir dame lady lord miss madam madame monsieur mademoiselle señor señora ' +
    'don doña signor signora uncle aunt saint king queen prince princess duke duchess count countess ' +
    'baron captain colonel general doctor professor inspector sergeant detective mister father mother'
  ).split(' '),
);

/** The clause's end: a word ending in one of these stops the lead-in after it. */
const CLAUSE_END = /[,;:.!?—)]["”’»]*$/;

/** The number of `words` (as split at white space, at most MAX_WORDS) the lead-in takes. */
export function leadInWordCount(words: string[]): number {
  const shown = words.slice(0, MAX_WORDS);
  let count = Math.min(LEAD_WORDS, shown.length);
  const stop = shown.findIndex((w, i) => i < count && CLAUSE_END.test(w) && !bindsToNext(w, shown[i + 1]));
  if (stop >= 0) count = stop + 1;
  // Run on through a name the cut would split, stopping at a clause's end.
  while (count < shown.length && splits(shown[count - 1], shown[count], count - 1)) {
    count++;
    if (CLAUSE_END.test(shown[count - 1] as string) && !bindsToNext(shown[count - 1] as string, shown[count])) break;
  }
  // Still splitting at the last word looked at: stop before the name instead (unless the
  // paragraph opens with it: then the words looked at are all the lead-in can take).
  if (count === shown.length && words.length > shown.length && splits(shown[count - 1], words[count], count - 1)) {
    let start = count - 1;
    while (start > 0 && splits(shown[start - 1], shown[start], start - 1)) start--;
    if (start > 0) count = start;
  }
  return Math.max(1, count);
}

/** A word that belongs with the next: a title or an initial before a capitalised word. */
function bindsToNext(word: string, next: string | undefined): boolean {
  return next !== undefined && capitalised(next) && (isTitle(word) || /^\p{Lu}\.$/u.test(bare(word)));
}

/** A cut between `word` (the `index`th) and `next` would split a title, an initial or a name. */
function splits(word: string | undefined, next: string | undefined, index: number): boolean {
  if (word === undefined || next === undefined || !capitalised(next)) return false;
  if (bindsToNext(word, next)) return true;
  // Two capitalised words of a name; the first word of the paragraph is capitalised anyway.
  return index > 0 && capitalised(word) && !CLAUSE_END.test(word);
}

function isTitle(word: string): boolean {
  return capitalised(word) && TITLES.has(bare(word).replace(/\.$/, '').toLowerCase());
}

function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(bare(word));
}

/** The word without quote marks and brackets around it. */
function bare(word: string): string {
  return word.replace(/^["“‘'«„‚(]+/, '').replace(/["”’'»)]+$/, '');
}
