/**
 * The book's line-breaking rules, with TeX's plain values where TeX has one and a book
 * designer's where it is stricter (3 letters either side of a hyphen, no hyphenated names). All
 * are hard rules except the penalties and demerits, which weigh choices (TeX's meaning).
 * `print:` in book.yaml sets the main ones (see `rulesFromPrint`).
 */

export interface BreakRules {
  /** Use the hyphenator's break points at all (default true). */
  hyphenate: boolean;
  /** Hyphenate words whose first letter is upper case (default false: no "Eliza-beth"). */
  hyphenateCapitalised: boolean;
  /** Letters before and after a hyphenation break (default 3 and 3). */
  hyphenMinLeft: number;
  hyphenMinRight: number;
  /** Letters a word needs to be hyphenated (default 6). */
  hyphenMinWord: number;
  /** Lines in a row that may end in a hyphen, soft or hard (default 2; a hard rule). */
  maxHyphenLines: number;
  /** Largest badness (100·ratio³) a line may have: TeX's \tolerance (default 200). */
  tolerance: number;
  /** Badness for the first pass, without hyphenation; below 0 skips that pass (default 100). */
  pretolerance: number;
  /**
   * TeX's \linepenalty, \hyphenpenalty, \exhyphenpenalty (after a hard hyphen or a dash). The
   * hyphen penalty is 150, not plain TeX's 50: on Pride and Prejudice it takes hyphenated lines
   * from 9.2% to 7.6% (a book designer's 8% at most) and loose lines from 5.0% to 5.1%.
   */
  linePenalty: number;
  hyphenPenalty: number;
  exHyphenPenalty: number;
  /** Demerits for two hyphenated lines in a row, for a hyphen on the second-last line, and for
   *  adjacent lines of very different tightness (TeX's defaults 10000, 5000, 10000). */
  doubleHyphenDemerits: number;
  finalHyphenDemerits: number;
  adjDemerits: number;
  /** Most letter spacing, as a fraction of the words' width, for the emergency pass (0.01 = ±1%). */
  maxLetterSpacing: number;
  /**
   * Most glyph expansion, as a fraction of the words' width, in every pass (0.03 = the words set
   * between 97% and 103% of their width, the range book designers commonly give InDesign's glyph
   * scaling; 0 turns it off). It gives a line room that word spacing alone would take, so gaps
   * stay even.
   */
  maxExpansion: number;
  /** Demerits for a line that needs letter spacing (per line). */
  letterSpacingDemerits: number;
  /** Never start a line with a dash (—, ―, or a spaced –): no break before one (default true). */
  noDashAtLineStart: boolean;
  /** Book language (BCP 47): picks the titles kept with the next word ("Mr. Bennet"). */
  language: string;
  /** Keep the language's titles with the next word (default true); `titles` are kept in any case. */
  keepTitles: boolean;
  /** More words to keep with the word after them, on top of the language's titles. */
  titles: string[];
}

export const DEFAULT_RULES: BreakRules = {
  hyphenate: true,
  hyphenateCapitalised: false,
  hyphenMinLeft: 3,
  hyphenMinRight: 3,
  hyphenMinWord: 6,
  maxHyphenLines: 2,
  tolerance: 200,
  pretolerance: 100,
  linePenalty: 10,
  hyphenPenalty: 150,
  exHyphenPenalty: 50,
  doubleHyphenDemerits: 10000,
  finalHyphenDemerits: 5000,
  adjDemerits: 10000,
  maxLetterSpacing: 0.01,
  maxExpansion: 0.03,
  letterSpacingDemerits: 10000,
  noDashAtLineStart: true,
  language: 'en',
  keepTitles: true,
  titles: [],
};

/**
 * Titles and abbreviations that stay on a line with the word after them, by primary language.
 * Written as the book writes them; English lists both "Mr." and the British "Mr".
 */
export const TITLES: Record<string, string[]> = {
  en: [
    'Mr.',
    'Mrs.',
    'Ms.',
    'Messrs.',
    'Dr.',
    'St.',
    'Capt.',
    'Col.',
    'Gen.',
    'Lt.',
    'Sgt.',
    'Rev.',
    'Prof.',
    'Hon.',
    'Mr',
    'Mrs',
    'Ms',
    'Dr',
    'St',
    'Miss',
    'Misses',
    'Master',
    'Sir',
    'Lady',
    'Lord',
    'Dame',
    'Colonel',
    'Captain',
    'General',
    'Major',
    'Admiral',
    'Lieutenant',
    'Sergeant',
    'Professor',
    'Doctor',
  ],
  fr: ['M.', 'MM.', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Mgr', 'Me', 'Dr', 'Pr', 'St', 'Ste', 'S.'],
  de: ['Hr.', 'Hrn.', 'Fr.', 'Frl.', 'Dr.', 'Prof.', 'St.'],
  es: ['Sr.', 'Sra.', 'Srta.', 'Sres.', 'D.', 'Dña.', 'Dr.', 'Dra.', 'Sto.', 'Sta.'],
  pt: ['Sr.', 'Sra.', 'Srta.', 'D.', 'Dr.', 'Dra.'],
  it: ['Sig.', 'Sig.ra', 'Sigg.', 'Dott.', 'Dott.ssa', 'Prof.', 'S.'],
  nl: ['Dhr.', 'Mevr.', 'Mw.', 'Dr.', 'St.'],
};

/** The rules with defaults for what is not given. */
export function resolveRules(rules: Partial<BreakRules> = {}): BreakRules {
  const resolved: Record<string, unknown> = { ...DEFAULT_RULES };
  for (const [key, value] of Object.entries(rules)) if (value !== undefined) resolved[key] = value;
  return resolved as unknown as BreakRules;
}

/** The set of words kept with the next one, for the rules' language. */
export function titleSet(rules: BreakRules): Set<string> {
  const primary = rules.language.toLowerCase().split('-')[0] ?? '';
  return new Set([...(rules.keepTitles ? (TITLES[primary] ?? []) : []), ...rules.titles]);
}

/** The `print:` keys of book.yaml that set break rules (src/config/schema.ts). */
export interface PrintBreakKeys {
  hyphenate?: boolean | undefined;
  'hyphenate-capitalised'?: boolean | undefined;
  'hyphen-min-left'?: number | undefined;
  'hyphen-min-right'?: number | undefined;
  'hyphen-min-word'?: number | undefined;
  'max-hyphen-lines'?: number | undefined;
  tolerance?: number | undefined;
  pretolerance?: number | undefined;
  'max-letter-spacing'?: number | undefined;
  'max-expansion'?: number | undefined;
  'keep-with-next'?: string[] | undefined;
  'keep-titles'?: boolean | undefined;
}

/** Break rules from book.yaml's `print:` section and the book's language. */
export function rulesFromPrint(print: PrintBreakKeys, language: string): BreakRules {
  return resolveRules({
    language,
    hyphenate: print.hyphenate,
    hyphenateCapitalised: print['hyphenate-capitalised'],
    hyphenMinLeft: print['hyphen-min-left'],
    hyphenMinRight: print['hyphen-min-right'],
    hyphenMinWord: print['hyphen-min-word'],
    maxHyphenLines: print['max-hyphen-lines'],
    tolerance: print.tolerance,
    pretolerance: print.pretolerance,
    maxLetterSpacing: print['max-letter-spacing'] === undefined ? undefined : print['max-letter-spacing'] / 100,
    maxExpansion: print['max-expansion'] === undefined ? undefined : print['max-expansion'] / 100,
    titles: print['keep-with-next'],
    keepTitles: print['keep-titles'],
  } as Partial<BreakRules>);
}
