/**
 * Slugs for names Galley makes from the author's titles: the output files (`<slug>.epub`) and the
 * chapters' ids and file names inside the EPUB. ASCII only, accents folded (é → e), and never
 * longer than a file system takes: a long title is cut at a word boundary.
 */
import { slug } from 'github-slugger';

/** Longest slug, in characters: far below the 255 bytes a file name may have, with room for `.epub`. */
export const MAX_SLUG_LENGTH = 80;

/** github-slugger's slug in ASCII (`Café Noir` → `cafe-noir`), cut to at most `max` characters. */
export function asciiSlug(text: string, max = MAX_SLUG_LENGTH): string {
  const ascii = slug(text)
    .normalize('NFKD')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/^-+|-+$/g, '');
  return cut(ascii, max);
}

/** The file name of the book's outputs, without the extension. */
export function bookSlug(title: string): string {
  return asciiSlug(title) || 'book';
}

/** At most `max` characters, at the last hyphen when there is one in the second half, else hard. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const hyphen = head.lastIndexOf('-');
  return (hyphen >= max / 2 ? head.slice(0, hyphen) : text.slice(0, max)).replace(/-+$/, '');
}
