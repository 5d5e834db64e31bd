/**
 * The shape of one language's table: every word Galley itself writes into a book (headings of
 * the pages it makes, the EPUB's navigation and labels, the copyright page's lines, the chapter
 * numbers). Templates hold `{name}` slots, filled by `fill` (src/i18n/index.ts); nothing else in
 * Galley writes prose of its own into a book.
 */

/** How a chapter number is written: in words, as an ordinal word, in figures, or in roman figures. */
export type NumberStyle = 'words' | 'ordinal' | 'numerals' | 'roman';

/** A chapter head's number: its style, and whether the word for "chapter" goes with it. */
export interface ChapterHeadStyle {
  style: NumberStyle;
  label: boolean;
}

export interface NumberWords {
  /**
   * The cardinal, lower case, in the form that goes with the language's word for "chapter"
   * (its gender), 1 to 999; undefined beyond.
   */
  cardinal(n: number): string | undefined;
  /** The ordinal, lower case, agreeing with the word for "chapter" as it stands alone, 1 to 999. */
  ordinal(n: number): string | undefined;
}

export interface Texts extends NumberWords {
  /** The BCP 47 tag of the table (`en`, `pt-PT`). */
  language: string;
  /** Joins the last two names of a list: "Ann and Bob". */
  and: string;

  // Pages and navigation.
  /** The table of contents' heading, in the EPUB's nav and on the printed contents page. */
  contents: string;
  /** The landmarks nav's label (read by screen readers). */
  landmarks: string;
  /** The landmark of the start of the text. */
  startOfText: string;
  /** The page list nav's label. */
  pageList: string;
  cover: string;
  /** The cover image's description: `{title}`, `{authors}`. */
  coverAlt: string;
  /** The same without authors: `{title}`. */
  coverAltNoAuthor: string;
  titlePage: string;
  /** The copyright page's title (the EPUB document's title; no heading is printed). */
  copyrightPage: string;
  dedication: string;
  epigraph: string;
  acknowledgements: string;
  aboutTheAuthor: string;
  aboutTheAuthors: string;
  /** `{authors}`. */
  alsoBy: string;
  /** The same for several authors, where the language words it otherwise (default: `alsoBy`). */
  alsoByMany?: string;

  // Notes.
  /** The heading over a chapter's notes. */
  notes: string;
  /** A note's link back to its call (its label): `{n}`. */
  backToNote: string;

  // The title page's credits of creators who are not authors: `{names}`.
  credits: Record<'edt' | 'trl' | 'ill' | 'aui' | 'aft' | 'nrt' | 'pht' | 'ctb' | 'other', string>;

  // The copyright page.
  /** `{year}`, `{holder}`. */
  copyright: string;
  allRightsReserved: string;
  /** The line of a book in the public domain (no holder, no reservation). */
  publicDomain: string;
  /** `{licence}`: the licence's name, kept on one line. */
  licence: string;
  /** `{publisher}`. */
  publishedBy: string;
  /** `{date}`: the date as the language writes it (`November 2026`). */
  firstPublished: string;
  /** An ISBN line: `{isbn}`, `{edition}`. */
  isbnLine: string;
  /** The editions an ISBN line names. */
  printEdition: string;
  ebookEdition: string;

  // The EPUB's package metadata.
  /** The accessibility summary's sentences, joined with spaces. */
  accessibility: {
    reflowable: string;
    navigation: string;
    notes: string;
    images: string;
    pageList: string;
    noPageList: string;
  };
  /** Names the print edition the page list comes from, when it has no ISBN: `{title}` (with the publisher after a comma, when there is one), `{trim}`. */
  printEditionSource: string;

  // Chapter numbers.
  /** The word for "chapter", capitalised as it starts a heading. */
  chapter: string;
  /** Other words that may stand before a number in a heading that is only a number ("Book Two", "Part III"). */
  numberedWords: string[];
  /** A labelled chapter number, `{number}` the cardinal: "Chapter {number}". */
  chapterCardinal: string;
  /** A labelled ordinal: "{number} Kapitel" (Erstes Kapitel), "Capitolo {number}" (Capitolo primo). */
  chapterOrdinal: string;
  /**
   * The labelled cardinal's number, where the language treats some numbers apart (French writes
   * "Chapitre premier", then "Chapitre deux"). Default: the cardinal.
   */
  labelCardinal?: (n: number) => string | undefined;
  /** What a publisher in the language prints above a chapter's title by default. */
  chapterHead: ChapterHeadStyle;
  /** Upper-cases the first letter of a number word as it starts a heading (Dutch "één" → "Eén"). */
  capitalise?: (word: string) => string;
}
