/**
 * book.yaml's keys for the copyright page: `copyright` (a book in the public domain, or who
 * holds the copyright, from which year, under which licence) and `isbn` (the book's ISBN, or
 * the print and ebook editions' own), each ISBN checked to its check digit. `rights` (the
 * author's own copyright line) is in schema.ts; `rightsProblems` finds what contradicts it.
 */
import { z } from 'zod';

const text = z.string({ message: 'must be text' }).trim().min(1, 'must not be empty');

/**
 * What is wrong with an ISBN, in words for the author, or undefined when it is one: 13 digits
 * starting 978 or 979, or 10 (the last may be X), with hyphens or spaces anywhere, and a check
 * digit that matches the others. `ISBN` or `urn:isbn:` before it is allowed.
 */
export function isbnProblem(value: string): string | undefined {
  const digits = compactIsbn(value);
  if (!/^(?:\d{13}|\d{9}[\dX])$/.test(digits)) {
    return 'must be an ISBN: 13 digits starting 978 or 979 (or an older ISBN of 10), hyphens allowed';
  }
  if (digits.length === 13 && !/^97[89]/.test(digits)) return 'must start with 978 or 979, as every ISBN-13 does';
  const expected = checkDigit(digits);
  const given = digits.at(-1) as string;
  if (given === expected) return undefined;
  return `has the check digit ${given}, but its other digits give ${expected}: a digit is mistyped, or two are swapped`;
}

/** The ISBN's digits alone, upper case: `ISBN 978-0-306-40615-7` → `9780306406157`. */
export function compactIsbn(value: string): string {
  return value
    .replace(/^\s*(?:urn:)?isbn(?:-1[03])?:?\s*/i, '')
    .replace(/[\s\u00a0-]/g, '')
    .toUpperCase();
}

/** The check digit the first 12 (or 9) digits call for. */
function checkDigit(digits: string): string {
  const body = [...digits.slice(0, -1)].map(Number);
  if (digits.length === 13) {
    const sum = body.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
    return String((10 - (sum % 10)) % 10);
  }
  const sum = body.reduce((acc, d, i) => acc + d * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** True when an identifier is written as an ISBN would be (so a slip in it is an error, not another identifier). */
export function looksLikeIsbn(value: string): boolean {
  if (/^\s*(?:urn:)?isbn/i.test(value)) return true;
  const digits = value.replace(/[\s-]/g, '');
  return /^97[89]\d{10}$/.test(digits) || (/^\d{9}[\dXx]$/.test(digits) && /[\s-]/.test(value.trim()));
}

export const isbnText = text.superRefine((value, ctx) => {
  const problem = isbnProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** `isbn`: the book's ISBN, or each edition's. */
export const isbnSchema = z.union(
  [
    isbnText.transform((book) => ({ book, print: undefined, ebook: undefined })),
    z
      .object({
        /** The print edition's: on the copyright page, and in the EPUB as the source of its page numbers. */
        print: isbnText.optional(),
        /** The ebook's: the EPUB's identifier, and on the copyright page. */
        ebook: isbnText.optional(),
      })
      .strict()
      .transform((isbns) => ({ book: undefined, ...isbns })),
  ],
  { message: 'must be an ISBN, or `print` and `ebook` ISBNs indented under it' },
);

const year = z
  .union([z.number(), z.string()], { message: 'must be a year such as 2026, or years such as 2019–2026' })
  .transform((value) => String(value).trim())
  .refine((value) => /^\d{4}(?:\s*[-–]\s*\d{4})?$/.test(value), {
    message: 'must be a year such as 2026, or years such as 2019–2026',
  })
  .transform((value) => value.replace(/\s*[-–]\s*/, '–'));

/** `copyright`: `public-domain`, or the copyright's holder, year and licence. */
export const copyrightSchema = z.union(
  [
    z
      .literal('public-domain', {
        message:
          'must be public-domain, or `public-domain`, `holder`, `year` and `license` indented under it (your own copyright line goes in `rights`)',
      })
      .transform(() => ({ 'public-domain': true }) as Copyright),
    z
      .object({
        /** The book is in the public domain: no holder, no rights reserved. */
        'public-domain': z.boolean({ message: 'must be true or false' }).default(false),
        /** Who holds the copyright (default: the authors). */
        holder: text.optional(),
        /** The copyright's year (default: the year of `date`, else the year of the build). */
        year: year.optional(),
        /** The licence the book is published under, by its name: `CC BY 4.0`. */
        license: text.optional(),
      })
      .strict()
      .superRefine((copyright, ctx) => {
        if (!copyright['public-domain']) return;
        for (const key of ['holder', 'year', 'license'] as const) {
          if (copyright[key] === undefined) continue;
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `has no place in a book in the public domain, which has no ${key === 'license' ? 'licence' : 'copyright holder or year'}; take out \`${key}\` or \`public-domain\``,
          });
        }
      }),
  ],
  { message: 'must be public-domain, or `public-domain`, `holder`, `year` and `license` indented under it' },
);

export interface Copyright {
  'public-domain': boolean;
  holder?: string | undefined;
  year?: string | undefined;
  license?: string | undefined;
}

/** The book's settings that `rights` (the author's own copyright line) would contradict. */
export function rightsProblems(
  config: { rights?: string | undefined; copyright?: Copyright | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  if (config.rights === undefined || !config.copyright) return;
  if (config.copyright['public-domain']) {
    ctx.addIssue({
      code: 'custom',
      path: ['copyright'],
      message: 'says the book is in the public domain, and `rights` gives a copyright line of its own; keep one of them',
    });
  }
  for (const key of ['holder', 'year'] as const) {
    const value = config.copyright[key];
    if (value === undefined) continue;
    ctx.addIssue({
      code: 'custom',
      path: ['copyright', key],
      message: `and \`rights\` both make the copyright line; keep \`rights\` (your own line) or \`copyright.${key}\` (Galley's, in the book's language)`,
    });
  }
}
