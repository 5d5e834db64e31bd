/**
 * The one schema for a book's metadata and settings (book.yaml, or the front matter of a single
 * Markdown file). It gives the TypeScript types, the validation and the defaults; the README's
 * table of keys follows it. The print edition's part: print-schema.ts.
 */
import { z } from 'zod';
import { pluginsSchema } from './plugins-schema.ts';
import { printSchema } from './print-schema.ts';
import { copyrightSchema, isbnProblem, isbnSchema, isbnText, looksLikeIsbn, rightsProblems } from './rights-schema.ts';
import { checkSchema, sceneBreaksSchema, typographySchema } from './text-schema.ts';
import { canonicalLanguage, dateProblem, languageProblem } from './values.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const languageTag = nonEmpty
  .superRefine((value, ctx) => {
    const problem = languageProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(canonicalLanguage);

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
