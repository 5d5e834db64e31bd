/**
 * The one schema for a book's metadata and settings (book.yaml, or the front matter of a single
 * Markdown file). It gives the TypeScript types, the validation and the defaults; the README's
 * table of keys follows it.
 */
import { z } from 'zod';
import { findFontPackage } from './font.ts';
import { pluginsSchema } from './plugins-schema.ts';
import { copyrightSchema, isbnProblem, isbnSchema, isbnText, looksLikeIsbn, rightsProblems } from './rights-schema.ts';
import { checkSchema, sceneBreaksSchema, typographySchema } from './text-schema.ts';
import { parseLength, parseTrim } from './trim.ts';
import { canonicalLanguage, dateProblem, languageProblem } from './values.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const languageTag = nonEmpty
  .superRefine((value, ctx) => {
    const problem = languageProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(canonicalLanguage);

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
    /** Most glyph expansion, in percent of the words' width: a line's words set between 100 − n and 100 + n percent wide, so its spaces stay even (default 2; 0 turns it off). */
    'max-expansion': z.number({ message: 'must be a number' }).min(0).max(5, 'must be at most 5 (percent)').optional(),
    /** Words kept on a line with the word after them, besides the language's titles ("Mr.", "Mme"…). */
    'keep-with-next': z.array(nonEmpty, { message: 'must be a list of words' }).optional(),
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

/** MARC relator codes for the creators of a book, and the words that may stand for them. */
const ROLES: Record<string, string> = {
  aut: 'aut',
  author: 'aut',
  edt: 'edt',
  editor: 'edt',
  trl: 'trl',
  translator: 'trl',
  ill: 'ill',
  illustrator: 'ill',
  aui: 'aui',
  introduction: 'aui',
  aft: 'aft',
  afterword: 'aft',
  nrt: 'nrt',
  narrator: 'nrt',
  pht: 'pht',
  photographer: 'pht',
  ctb: 'ctb',
  contributor: 'ctb',
};

/** An author: a name, or `{name, file-as, role}`. */
const creatorSchema = z.union(
  [
    nonEmpty.transform((name) => ({ name, 'file-as': undefined, role: 'aut' })),
    z
      .object({
        name: nonEmpty,
        /** How the name sorts, e.g. `Tolliver, Maren` (default: the last word first). */
        'file-as': nonEmpty.optional(),
        /** aut (default), edt, trl, ill, aui, aft, nrt, pht or ctb, or the word: author, editor, translator… */
        role: z
          .string()
          .trim()
          .toLowerCase()
          .refine((r) => r in ROLES, {
            message:
              'must be author, editor, translator, illustrator, introduction, afterword, narrator, photographer or contributor (or its MARC code: aut, edt, trl…)',
          })
          .transform((r) => ROLES[r] as string)
          .default('aut'),
      })
      .strict(),
  ],
  { message: 'must be a name, or `name`, `file-as` and `role` indented under it' },
);

/** A creator with every default applied. */
export interface Creator {
  name: string;
  /** How the name sorts: given, or the last word first. */
  fileAs: string;
  /** MARC relator code: aut, edt, trl, ill… */
  role: string;
}

/** Settings of the EPUB edition. */
export const epubSchema = z
  .object({
    /** Embed the theme's fonts (default: only for `--target apple`). */
    'embed-fonts': z.boolean({ message: 'must be true or false' }).optional(),
    /** Heading levels in the table of contents: 1 = parts and chapters; 2 and 3 add `##` and `###` headings (default 1). */
    'toc-depth': z
      .number({ message: 'must be 1, 2 or 3' })
      .int('must be 1, 2 or 3')
      .min(1, 'must be 1, 2 or 3')
      .max(3, 'must be 1, 2 or 3')
      .default(1),
    /** ISBN of the print edition whose page numbers the EPUB carries (default: none; the EPUB names the edition by title). */
    'print-isbn': isbnText.optional(),
  })
  .strict();

export const bookSchema = z
  .object({
    title: nonEmpty,
    subtitle: nonEmpty.optional(),
    /** One author, or a list of them; each a name or `{name, file-as, role}`. */
    author: z
      .union([creatorSchema, z.array(creatorSchema).min(1, 'must name at least one author')], {
        message: 'must be a name, a list of names, or entries with `name`, `file-as` and `role`',
      })
      .transform((a) => (Array.isArray(a) ? a : [a])),
    language: languageTag.default('en'),
    /** An ISBN, or any identifier; when absent a UUID is derived from title and author. */
    identifier: nonEmpty
      .superRefine((value, ctx) => {
        const problem = looksLikeIsbn(value) ? isbnProblem(value) : undefined;
        if (problem) ctx.addIssue({ code: 'custom', message: `is written as an ISBN, and ${problem}` });
      })
      .optional(),
    /** The book's ISBN (the EPUB's identifier, like `identifier`), or `print` and `ebook` ISBNs of each edition. */
    isbn: isbnSchema.optional(),
    publisher: nonEmpty.optional(),
    /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD. */
    date: z
      .union([z.string(), z.date(), z.number()], { message: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' })
      .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)))
      .superRefine((d, ctx) => {
        const problem = dateProblem(d);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    /** The copyright line, the author's own (default: Galley's, from `copyright`, in the book's language). */
    rights: nonEmpty.optional(),
    /** `public-domain`, or the copyright's `holder`, `year` and `license` (src/config/rights-schema.ts). */
    copyright: copyrightSchema.default({ 'public-domain': false }),
    description: nonEmpty.optional(),
    /** Cover image, a path relative to the book's folder. */
    cover: nonEmpty.optional(),
    /** Dedication, Markdown inline text. */
    dedication: nonEmpty.optional(),
    /** Back matter, each Markdown text: acknowledgements, about the author, other books by the author. */
    acknowledgements: nonEmpty.optional(),
    'about-the-author': nonEmpty.optional(),
    /** The author's other books: Markdown text, or a list of titles (each Markdown inline text). */
    'also-by': z
      .union([nonEmpty, z.array(nonEmpty).min(1, 'must list at least one title')], {
        message: 'must be Markdown text or a list of titles',
      })
      .transform((books) => (Array.isArray(books) ? books.map((b) => `- ${b}`).join('\n') : books))
      .optional(),
    /** The series the book belongs to: a name, or `{name, position}`. */
    series: z
      .union(
        [
          nonEmpty.transform((name) => ({ name, position: undefined })),
          z
            .object({
              name: nonEmpty,
              position: z.number({ message: 'must be a number' }).positive('must be a positive number').optional(),
            })
            .strict(),
        ],
        { message: 'must be a name, or `name` and `position` indented under it' },
      )
      .optional(),
    /** Subjects (genres, BISAC headings): one or a list. */
    subjects: z
      .union([nonEmpty, z.array(nonEmpty)], { message: 'must be text or a list of texts' })
      .transform((s) => (Array.isArray(s) ? s : [s]))
      .default([]),
    /** Epigraph: Markdown inline text, or `{ text, attribution }`. */
    epigraph: z
      .union(
        [nonEmpty.transform((text) => ({ text })), z.object({ text: nonEmpty, attribution: nonEmpty.optional() }).strict()],
        { message: 'must be Markdown text, or `text` and `attribution` indented under it' },
      )
      .optional(),
    /** Titles of `#` headings that are part titles rather than chapter titles. */
    parts: z.array(nonEmpty).default([]),
    /** The design: a built-in theme (`galley themes`), a theme folder (`./themes/mine`) or an npm package (default `default`). */
    theme: nonEmpty.optional(),
    /** The book's own CSS, applied after the theme's in print, the preview and the EPUB: a file in the book's folder, or a list. */
    stylesheet: z
      .union([nonEmpty, z.array(nonEmpty).min(1, 'must list at least one file')], {
        message: 'must be a CSS file in the book’s folder, or a list of them',
      })
      .transform((files) => (Array.isArray(files) ? files : [files]))
      .default([]),
    print: printSchema.default(printSchema.parse({})),
    epub: epubSchema.default(epubSchema.parse({})),
    /** The typographic pass: each rule on or off, and its styles. */
    typography: typographySchema.default(typographySchema.parse({})),
    /** What makes a scene break: marker lines, two or more blank lines, or both. */
    'scene-breaks': sceneBreaksSchema.default('both'),
    /** `---` or `===` under a line of text makes a heading (plain Markdown) instead of a scene break. */
    'setext-headings': z.boolean({ message: 'must be true or false' }).default(false),
    /** `galley check`: rules turned off or given another severity. */
    check: checkSchema.default(checkSchema.parse({})),
    /** The author's own remark and rehype plugins (README, *Plugins*). */
    plugins: pluginsSchema.default(pluginsSchema.parse({})),
  })
  .strict()
  .superRefine((config, ctx) => {
    rightsProblems(config, ctx);
    if (config.identifier !== undefined && (config.isbn?.book ?? config.isbn?.ebook) !== undefined) {
      const key = config.isbn?.book ? ['isbn'] : ['isbn', 'ebook'];
      ctx.addIssue({ code: 'custom', path: key, message: 'and `identifier` both name the EPUB; keep one' });
    }
    if (config.epub['print-isbn'] !== undefined && config.isbn?.print !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['isbn', 'print'],
        message: 'and `epub.print-isbn` both name the print edition; keep one',
      });
    }
  })
  .transform(({ author, ...config }) => ({
    ...config,
    /** The EPUB's identifier: `identifier`, else the ISBN of the book or of its ebook. */
    identifier: config.identifier ?? config.isbn?.book ?? config.isbn?.ebook,
    /** Author names, in order (every creator whatever the role). */
    author: author.map((a) => a.name),
    /** Authors with sort names and roles. */
    creators: author.map((a): Creator => ({ name: a.name, fileAs: a['file-as'] ?? fileAs(a.name), role: a.role })),
  }));

/** What the author wrote in book.yaml or front matter, before defaults. */
export type BookInput = z.input<typeof bookSchema>;
/** Metadata with every default applied. */
export type BookConfig = z.output<typeof bookSchema>;
export type PrintConfig = z.output<typeof printSchema>;
export type EpubConfig = z.output<typeof epubSchema>;

/** "Maren Tolliver" → "Tolliver, Maren"; a single name stays as it is. */
function fileAs(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.length < 2 ? name : `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
}
