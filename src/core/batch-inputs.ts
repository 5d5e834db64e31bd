/**
 * The books a many-book build is asked for: each input is a book (a folder with book.yaml and
 * chapters, a .md file or a .txt file), or a folder of books.
 *
 * A folder of books is a folder that has no `book.yaml` and no `.md` (or `.markdown`) file of its
 * own — so it could not be built as one book — and at least one subfolder that is a book: one
 * with a `book.yaml` or a `.md` file. Its books are those subfolders, in natural name order
 * (`story-2` before `story-10`); it is not searched deeper. Hidden folders (`.git`) are passed
 * over; any other subfolder, and a `.txt` file beside the books, is listed as skipped with why.
 * The same book named twice (by the same real path) is built once.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export interface Skipped {
  /** As the author would type it (relative to the working directory). */
  path: string;
  reason: string;
}

export interface BookInputs {
  /** Each book to build, as given, or as `<folder>/<subfolder>` for a folder of books. */
  books: string[];
  skipped: Skipped[];
}

const MARKDOWN = /\.(md|markdown)$/i;

/** The subfolders of `folder` that are books, or undefined when `folder` is not a folder of books. */
export async function shelfBooks(folder: string, cwd = process.cwd()): Promise<BookInputs | undefined> {
  const absolute = path.resolve(cwd, folder);
  const entries = await readdir(absolute, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return undefined;
  const names = entries.map((e) => e.name);
  if (names.some((n) => n === 'book.yaml' || MARKDOWN.test(n))) return undefined;
  const books: string[] = [];
  const skipped: Skipped[] = [];
  const sorted = [...entries].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  for (const entry of sorted) {
    if (entry.name.startsWith('.')) continue;
    const shown = path.join(folder, entry.name);
    const info = await stat(path.join(absolute, entry.name)).catch(() => undefined);
    if (info?.isDirectory()) {
      if (await isBookFolder(path.join(absolute, entry.name))) books.push(shown);
      else skipped.push({ path: shown, reason: 'has no book.yaml and no .md file' });
    } else if (info?.isFile() && /\.(txt|text)$/i.test(entry.name)) {
      skipped.push({ path: shown, reason: 'a .txt file beside the books is not one of them; name it to build it' });
    }
  }
  return books.length > 0 ? { books, skipped } : undefined;
}

async function isBookFolder(folder: string): Promise<boolean> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.some((n) => n === 'book.yaml' || MARKDOWN.test(n));
}

/** Every book the inputs name, folders of books opened, each book once. */
export async function expandInputs(inputs: string[], cwd = process.cwd()): Promise<BookInputs> {
  const books: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const shelf = await shelfBooks(input, cwd);
    for (const book of shelf?.books ?? [input]) {
      // A path that does not exist stays, to fail with its own message.
      const real = await realpath(path.resolve(cwd, book)).catch(() => path.resolve(cwd, book));
      const first = seen.get(real);
      if (first !== undefined) {
        skipped.push({ path: book, reason: `the same book as ${first}, built once` });
        continue;
      }
      seen.set(real, book);
      books.push(book);
    }
    skipped.push(...(shelf?.skipped ?? []));
  }
  return { books, skipped };
}
