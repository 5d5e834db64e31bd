/**
 * Whether a chapter's title is only a number ("IV", "12", "Chapter 3", "Book One", "Chapitre
 * premier", "Erstes Kapitel", "Capítulo veintiuno"): such a chapter gets no number above its
 * title, and its running head shows the book's title.
 */
import { ALL_TABLES, texts } from './lookup.ts';
import type { Texts } from './types.ts';

const HIGHEST = 999;

/** Lower case, no accents, hyphens and runs of spaces as one space. */
function normal(text: string): string {
  const plain = /[^ -~]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return plain
    .toLowerCase()
    .replace(/[-\s\u00a0]+/g, ' ')
    .trim();
}

/** Other forms of an ordinal that headings use: German "erste", "erster"; feminine "première", "primera", "prima". */
function variants(word: string): string[] {
  return [word, word.replace(/s$/, ''), word.replace(/s$/, 'r'), word.replace(/o\b/g, 'a'), word.replace(/ier$/, 'iere')];
}

/** Every table's words that stand beside a number ("Chapter", "Livre", "Teil", "kapitlet"). */
const LABEL_WORDS: ReadonlySet<string> = new Set(
  ['kapitlet', ...ALL_TABLES.flatMap((table) => [table.chapter, ...table.numberedWords])].map(normal),
);

/**
 * A table's number words, 1 to 999 (some 7,000), made the first time a title of a book in its
 * language is tested: a cache of what the table gives, the same on every call.
 */
const numberWords = new Map<Texts, ReadonlySet<string>>();
function numberWordsOf(table: Texts): ReadonlySet<string> {
  let words = numberWords.get(table);
  if (!words) {
    const made = new Set<string>();
    for (let n = 1; n <= HIGHEST; n++) {
      for (const word of [table.cardinal(n), table.labelCardinal?.(n), ...variants(table.ordinal(n) ?? '')]) {
        if (word) made.add(normal(word));
      }
    }
    words = made;
    numberWords.set(table, words);
  }
  return words;
}

const ROMAN = /^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

/**
 * True when the title is only a number: figures, roman figures, or the number in words of the
 * book's language (its table's, as `texts` finds it), with or without a word such as "Chapter"
 * or "Teil" before or after it. Only the book's own language's words count: "Elf" is a title in
 * an English book, a number in a German one.
 */
export function isNumberTitle(title: string, language = 'en'): boolean {
  let words = normal(title.replace(/[.:]$/, '')).split(' ');
  // "Chapter the First", as older English books have it.
  if (words.length > 1 && LABEL_WORDS.has(words[0] as string))
    words = words.slice(words[1] === 'the' && words.length > 2 ? 2 : 1);
  else if (words.length > 1 && LABEL_WORDS.has(words.at(-1) as string)) words = words.slice(0, -1);
  const number = words.join(' ');
  if (!number) return false;
  if (/^\d+$/.test(number) || ROMAN.test(number)) return true;
  return numberWordsOf(texts(language)).has(number);
}
