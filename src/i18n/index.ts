/**
 * The words Galley writes into a book, in the book's language: `texts(language)` gives the
 * language's table (src/i18n/lookup.ts), and the helpers here fill its templates, join names and
 * write chapter numbers. Every word Galley puts in a book comes through here.
 */
import { texts } from './lookup.ts';
import type { ChapterHeadStyle, NumberStyle } from './types.ts';

export { LANGUAGES, texts } from './lookup.ts';
export type { ChapterHeadStyle, NumberStyle, Texts } from './types.ts';

/** A template with its `{name}` slots filled. A slot with no value is an error in Galley, not the book. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${slot} in “${template}”`);
    return String(value);
  });
}

/** Names as a list: "Ann", "Ann and Bob", "Ann, Bob and Cy" (in the book's language). */
export function listNames(names: readonly string[], language: string): string {
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${texts(language).and} ${names.at(-1)}`;
}

/** The first letter upper-cased, as a number word starts a heading ("Twenty-one", "Eén"). */
export function capitalise(word: string, language: string): string {
  const table = texts(language);
  return table.capitalise ? table.capitalise(word) : `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

/**
 * A chapter number in words, capitalised to start a heading: `words` the cardinal ("Twenty-one",
 * "Vingt et un", "Einundzwanzig"), `ordinal` the ordinal that agrees with the word for "chapter"
 * ("Twenty-first", "Premier", "Erstes", "Primo"). Figures beyond 999, or for a number below 1.
 */
export function chapterNumberWords(n: number, language: string, style: 'words' | 'ordinal' = 'words'): string {
  const table = texts(language);
  const word = style === 'ordinal' ? table.ordinal(n) : table.cardinal(n);
  return word ? capitalise(word, language) : String(n);
}

/**
 * A chapter's number as its head shows it: in words, as an ordinal, in figures or in roman
 * figures; with `label`, inside the language's phrase for it ("Chapter twelve", "Chapitre
 * premier", "Zwölftes Kapitel", "Capitolo dodicesimo"). With neither given, what a publisher in
 * the language prints (the table's `chapterHead`); a style given without `label` has none.
 */
export function chapterHeading(n: number, language: string, head: Partial<ChapterHeadStyle> = {}): string {
  const table = texts(language);
  const style: NumberStyle = head.style ?? table.chapterHead.style;
  const label = head.label ?? (head.style === undefined ? table.chapterHead.label : false);
  if (!label) return style === 'numerals' ? String(n) : style === 'roman' ? roman(n) : chapterNumberWords(n, language, style);
  const number =
    style === 'numerals'
      ? String(n)
      : style === 'roman'
        ? roman(n)
        : style === 'ordinal'
          ? table.ordinal(n)
          : (table.labelCardinal ?? table.cardinal)(n);
  if (number === undefined) return fill(table.chapterCardinal, { number: String(n) });
  return capitalise(fill(style === 'ordinal' ? table.chapterOrdinal : table.chapterCardinal, { number }), language);
}

/** Roman figures, upper case (1 to 3999; figures beyond). */
export function roman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n);
  const marks: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, mark] of marks) {
    for (; rest >= value; rest -= value) out += mark;
  }
  return out;
}

export { isNumberTitle } from './number-title.ts';
