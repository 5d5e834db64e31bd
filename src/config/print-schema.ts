/**
 * The `print:` part of the book's schema (schema.ts): the page, its margins and type, the line
 * breaking and page makeup rules, each with its default. The margins are checked against the
 * trim, so that a text block is always left.
 */
import { z } from 'zod';
import { findFontPackage } from './font.ts';
import { parseLength, parseTrim } from './trim.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const trim = nonEmpty.refine((value) => parseTrim(value) !== undefined, {
  message: 'must be 5x8, 5.25x8, 5.5x8.5, 6x9, a5, b-format or a size like "140mm x 216mm"',
});

const length = nonEmpty.refine((value) => parseLength(value) !== undefined, {
  message: 'must be a length such as 0.75in, 18mm or 54pt',
});

const lengthOrAuto = nonEmpty.refine((value) => value === 'auto' || parseLength(value) !== undefined, {
  message: 'must be auto or a length such as 0.75in, 18mm or 54pt',
});

const fontPackage = nonEmpty.superRefine((value, ctx) => {
  const found = findFontPackage(value);
  if (typeof found === 'string') ctx.addIssue({ code: 'custom', message: found });
});

/**
 * Smallest text block the margins may leave, in points (the gutter taken at its widest: for
 * `print.inner: auto`, KDP's widest, 0.875in, with the 0.125in for the binding).
 */
const MIN_TEXT = { width: 1.5 * 72, height: 2 * 72, widestGutter: (0.875 + 0.125) * 72 };

const wholeNumber = (min: number, max: number) =>
  z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** Page layout of the print edition. */
export const printSchema = z
  .object({
    /** Trim size (default `5.5x8.5`). */
    trim: trim.default('5.5x8.5'),
    /** Bleed of 0.125 in on the outside, top and bottom edges (default false). */
    bleed: z.boolean({ message: 'must be true or false' }).default(false),
    /** Inside margin, toward the spine; `auto` takes KDP's gutter for the page count (default `auto`). */
    inner: lengthOrAuto.default('auto'),
    /** Outside margin (default `0.625in`). */
    outer: length.default('0.625in'),
    /** Top margin, from the trim to the running head (default `0.625in`). */
    top: length.default('0.625in'),
    /** Bottom margin, from the trim to the folio (default `0.625in`). */
    bottom: length.default('0.625in'),
    /** Text font: an installed fontsource-style package (default: the theme's, EB Garamond). */
    font: fontPackage.optional(),
    /** What the recto running head shows; versos show the author (default `chapter`). */
    'running-heads': z.enum(['chapter', 'book', 'none'], { message: 'must be chapter, book or none' }).default('chapter'),
    /** Where the folios go (default `foot`). */
    folios: z.enum(['foot', 'head'], { message: 'must be foot or head' }).default('foot'),
    /** Where the notes go: at the foot of the page that calls them, or at each chapter's end (default `footnotes`). */
    notes: z.enum(['footnotes', 'endnotes'], { message: 'must be footnotes or endnotes' }).default('footnotes'),
    /** Where a chapter opens (default `recto`). */
    'chapter-start': z.enum(['recto', 'any'], { message: 'must be recto or any' }).default('recto'),
    /** Table of contents: `auto` prints one when the chapters have titles (default `auto`). */
    toc: z.union([z.boolean(), z.literal('auto')], { message: 'must be true, false or auto' }).default('auto'),
    /** How a chapter's first paragraph opens (default: the theme's; the default theme's is `both`). */
    'lead-in': z
      .enum(['drop-cap', 'small-caps', 'both', 'none'], { message: 'must be drop-cap, small-caps, both or none' })
      .optional(),
    /** Hyphenate the text by the book's language (default true). */
    hyphenate: z.boolean({ message: 'must be true or false' }).default(true),
    /** Line breaking (src/output/print/linebreak/rules.ts): hyphenate names and other capitalised words (default false). */
    'hyphenate-capitalised': z.boolean({ message: 'must be true or false' }).optional(),
    /** Letters before and after a hyphenation break (default 3 and 3), and letters a word needs (default 6). */
    'hyphen-min-left': wholeNumber(1, 10).optional(),
    'hyphen-min-right': wholeNumber(1, 10).optional(),
    'hyphen-min-word': wholeNumber(2, 20).optional(),
    /** Lines in a row that may end in a hyphen; 0 for no limit (default 2). */
    'max-hyphen-lines': wholeNumber(0, 10).optional(),
    /** Largest badness of a line, TeX's \tolerance; and of the first pass, without hyphenation (default 200 and 100; -1 skips that pass). */
    tolerance: wholeNumber(0, 10000).optional(),
    pretolerance: wholeNumber(-1, 10000).optional(),
    /** Most letter spacing, in percent of the words' width, for a paragraph word spacing cannot set (default 1). */
    'max-letter-spacing': z.number({ message: 'must be a number' }).min(0).max(5, 'must be at most 5 (percent)').optional(),
    /** Most glyph expansion, in percent of the words' width: a line's words set between 100 − n and 100 + n percent wide, so its spaces stay even (default 3; 0 turns it off). */
    'max-expansion': z.number({ message: 'must be a number' }).min(0).max(5, 'must be at most 5 (percent)').optional(),
    /** Words kept on a line with the word after them, besides the language's titles ("Mr.", "Mme"…). */
    'keep-with-next': z.array(nonEmpty, { message: 'must be a list of words' }).optional(),
    /** Keep the language's titles ("Mr.", "Mrs.", "Dr."…) on a line with the name after them (default true). */
    'keep-titles': z.boolean({ message: 'must be true or false' }).optional(),
  })
  .strict()
  .superRefine((print, ctx) => {
    const size = parseTrim(print.trim);
    const [outer, top, bottom] = [print.outer, print.top, print.bottom].map((v) => parseLength(v) ?? 0) as [
      number,
      number,
      number,
    ];
    const inner = print.inner === 'auto' ? MIN_TEXT.widestGutter : (parseLength(print.inner) ?? 0);
    if (!size) return;
    const width = size.width - inner - outer;
    const height = size.height - top - bottom;
    const inches = (pt: number) => `${(pt / 72).toFixed(2).replace(/\.?0+$/, '')}in`;
    if (width < MIN_TEXT.width) {
      const key = print.inner !== 'auto' && inner > outer ? 'inner' : 'outer';
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `leaves a text block ${inches(Math.max(0, width))} wide on a ${inches(size.width)} page; it needs at least ${inches(MIN_TEXT.width)}`,
      });
    }
    if (height < MIN_TEXT.height) {
      ctx.addIssue({
        code: 'custom',
        path: [top > bottom ? 'top' : 'bottom'],
        message: `leaves a text block ${inches(Math.max(0, height))} tall on a ${inches(size.height)} page; it needs at least ${inches(MIN_TEXT.height)}`,
      });
    }
  });
