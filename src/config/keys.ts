/**
 * The names of book.yaml's keys: which keys a place in the metadata takes (read from the schema
 * itself), other tools' names for them, and the known key nearest to a misspelt one.
 */
import { z } from 'zod';
import { bookSchema } from './schema.ts';

/**
 * Other tools' names for book.yaml keys (pandoc's, and plurals), accepted as the key they stand
 * for: the value means the same and takes the same form.
 */
export const KEY_ALIASES: Readonly<Record<string, string>> = {
  lang: 'language',
  'cover-image': 'cover',
  authors: 'author',
  subject: 'subjects',
};

/**
 * Other tools' names for what a key holds in another form or sense, by where they are written
 * (`print.gutter`): an unknown key with one of these names is pointed at the key, not taken as it.
 * A top-level name may point into a group (`trim` → `print.trim`).
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  keywords: 'subjects',
  tags: 'subjects',
  genre: 'subjects',
  genres: 'subjects',
  abstract: 'description',
  blurb: 'description',
  summary: 'description',
  creator: 'author',
  contributor: 'author',
  license: 'copyright.license',
  licence: 'copyright.license',
  'copyright.licence': 'license',
  'public-domain': 'copyright.public-domain',
  'print-isbn': 'isbn.print',
  'ebook-isbn': 'isbn.ebook',
  'isbn.epub': 'ebook',
  'belongs-to-collection': 'series',
  'group-position': 'series',
  'toc-depth': 'epub.toc-depth',
  trim: 'print.trim',
  'trim-size': 'print.trim',
  font: 'print.font',
  gutter: 'print.inner',
  'print.gutter': 'inner',
  'print.margin': 'outer',
  'print.size': 'trim',
  'print.hyphenation': 'hyphenate',
};

/** The keys the metadata (or `root`'s file) takes at `path` (`[]` for the top level, `['print']`, `['author', 0]`…). */
export function knownKeys(path: readonly PropertyKey[], root: z.core.$ZodType = bookSchema): string[] {
  let schemas: z.core.$ZodType[] = [root];
  for (const step of path) schemas = schemas.flatMap((s) => childSchemas(unwrap(s), step));
  return [...new Set(schemas.flatMap((s) => keysOf(unwrap(s))))];
}

/**
 * The known key an unknown one was probably meant to be: another tool's name for it, the same
 * letters in another case, or the nearest by edits (a letter added, dropped, changed, or two
 * swapped) when it is near enough not to be a guess. Top-level lookalikes may name nested keys.
 */
export function suggestKey(
  unknown: string,
  path: readonly PropertyKey[],
  root: z.core.$ZodType = bookSchema,
): string | undefined {
  const known = knownKeys(path, root);
  const lower = unknown.toLowerCase().replace(/_/g, '-');
  const lookalike = root === bookSchema ? LOOKALIKES[[...path.map(String), lower].join('.')] : undefined;
  if (lookalike) return lookalike;
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same) return same;
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(lower, key.toLowerCase());
    if (!best || distance < best.distance) best = { key, distance };
  }
  return best && best.distance <= allowedEdits(unknown) ? best.key : undefined;
}

/** How many edits still read as a typo: one in a short name, two in a longer one, three in a long one. */
function allowedEdits(name: string): number {
  return name.length <= 4 ? 1 : name.length <= 10 ? 2 : 3;
}

/** Edits between two words (optimal string alignment: insert, delete, substitute, swap neighbours). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] as number) + 1);
      row[j] = d;
    }
  }
  return rows[a.length]?.[b.length] as number;
}

/** A schema without the wrappers that do not change its keys (defaults, optionals, transforms). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap();
    } else if (current instanceof z.ZodPipe) {
      current = current.in;
    } else {
      return current;
    }
  }
}

/** The schemas a value at `step` inside `schema` may have (every branch of a union). */
function childSchemas(schema: z.core.$ZodType, step: PropertyKey): z.core.$ZodType[] {
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((o: z.core.$ZodType) => childSchemas(unwrap(o), step));
  if (schema instanceof z.ZodObject && typeof step === 'string') {
    const child = (schema.shape as Record<string, z.core.$ZodType>)[step];
    return child ? [child] : [];
  }
  if (schema instanceof z.ZodArray && typeof step === 'number') return [schema.element];
  if (schema instanceof z.ZodRecord) return [schema.valueType];
  return [];
}

function keysOf(schema: z.core.$ZodType): string[] {
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((o: z.core.$ZodType) => keysOf(unwrap(o)));
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodRecord) {
    const keys = unwrap(schema.keyType);
    if (keys instanceof z.ZodEnum) return keys.options.map(String);
  }
  return [];
}
