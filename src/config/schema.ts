/**
 * The one schema for a book's metadata and settings (book.yaml, or the front matter of a single
 * Markdown file). It gives the TypeScript types, the validation and the defaults; the README's
 * table of keys follows it.
 */
import { z } from 'zod';
import { parseLength, parseTrim } from './trim.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const languageTag = nonEmpty.refine(isLanguageTag, {
  message: 'must be a BCP 47 language tag such as en, en-GB, fr or pt-BR',
});

const trim = nonEmpty.refine((value) => parseTrim(value) !== undefined, {
  message: 'must be 5x8, 5.25x8, 5.5x8.5, 6x9, a5, b-format or a size like "140mm x 216mm"',
});

const length = nonEmpty.refine((value) => parseLength(value) !== undefined, {
  message: 'must be a length such as 0.75in, 18mm or 54pt',
});

/** Page layout of the print edition. */
export const printSchema = z
  .object({
    /** Trim size (default `5.5x8.5`). */
    trim: trim.default('5.5x8.5'),
    /** Inside margin, toward the spine (default `0.75in`). */
    inner: length.default('0.75in'),
    /** Outside margin (default `0.6in`). */
    outer: length.default('0.6in'),
    /** Top margin (default `0.7in`). */
    top: length.default('0.7in'),
    /** Bottom margin (default `0.75in`). */
    bottom: length.default('0.75in'),
  })
  .strict();

export const bookSchema = z
  .object({
    title: nonEmpty,
    subtitle: nonEmpty.optional(),
    /** One author, or a list of them. */
    author: z.union([nonEmpty, z.array(nonEmpty).min(1)]).transform((a) => (Array.isArray(a) ? a : [a])),
    language: languageTag.default('en'),
    /** An ISBN, or any identifier; when absent a UUID is derived from title and author. */
    identifier: nonEmpty.optional(),
    publisher: nonEmpty.optional(),
    /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD. */
    date: z
      .union([z.string(), z.date(), z.number()])
      .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)))
      .refine((d) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d), { message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' })
      .optional(),
    rights: nonEmpty.optional(),
    description: nonEmpty.optional(),
    /** Cover image, a path relative to the book's folder. */
    cover: nonEmpty.optional(),
    /** Dedication, Markdown inline text. */
    dedication: nonEmpty.optional(),
    /** Titles of `#` headings that are part titles rather than chapter titles. */
    parts: z.array(nonEmpty).default([]),
    print: printSchema.default(printSchema.parse({})),
  })
  .strict();

/** What the author wrote in book.yaml or front matter, before defaults. */
export type BookInput = z.input<typeof bookSchema>;
/** Metadata with every default applied. */
export type BookConfig = z.output<typeof bookSchema>;
export type PrintConfig = z.output<typeof printSchema>;

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    // Intl throws RangeError for a malformed tag: that is the answer, not a failure.
    return false;
  }
}
