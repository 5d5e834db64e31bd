/**
 * Finds and reads a manuscript in one of its three forms — a folder of chapter files with
 * book.yaml, one Markdown file with front matter, or a plain .txt file — and checks that every
 * file is readable UTF-8. Reading only: nothing here parses Markdown. Every file is read through
 * readBookFile, so a chapter or book.yaml that links outside the book's folder is refused.
 */
import { isUtf8 } from 'node:buffer';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { type FileScope, fileScope, readBookFile } from '../book/book-files.ts';
import { type ParsedYaml, parseYaml } from '../config/load.ts';
import { GalleyError, placeAt } from '../errors.ts';

export type ManuscriptForm = 'folder' | 'markdown' | 'text';

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path as shown to the author (relative to the working directory). */
  display: string;
  text: string;
  /** Last change, in ms since the epoch (for a reproducible "modified" date). */
  modified: number;
}

export interface Manuscript {
  form: ManuscriptForm;
  /** The book's folder: images and the cover are resolved inside it, and only inside it. */
  root: string;
  /** Chapter sources in reading order. */
  files: SourceFile[];
  /** book.yaml or front matter, when there is one. */
  metadata: ParsedYaml | undefined;
  /** What to blame for missing metadata when there is no YAML. */
  metadataFile: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export async function readManuscript(input: string, cwd = process.cwd()): Promise<Manuscript> {
  const absolute = path.resolve(cwd, input);
  const display = (p: string) => path.relative(cwd, p) || '.';
  const info = await stat(absolute).catch(() => undefined);
  if (!info) {
    throw new GalleyError('INPUT_NOT_FOUND', 'no such file or folder', {
      file: display(absolute),
      hint: 'Pass a folder with book.yaml and chapter .md files, a .md file, or a .txt file.',
    });
  }
  if (info.isDirectory()) return readFolder(await fileScope(absolute, "the book's folder"), display);
  const ext = path.extname(absolute).toLowerCase();
  // The file named on the command line is the book; its folder is the one it really lives in.
  const real = await realpath(absolute);
  const root = path.dirname(real);
  const scope = await fileScope(root, "the book's folder");
  if (ext === '.md' || ext === '.markdown') {
    const file = await readSource(scope, absolute, display, real);
    const match = FRONT_MATTER.exec(file.text);
    const metadata = match?.[1] !== undefined ? parseYaml({ file: file.display, text: match[1], lineOffset: 1 }) : undefined;
    return { form: 'markdown', root, files: [file], metadata, metadataFile: file.display };
  }
  if (ext === '.txt' || ext === '.text') {
    const file = await readSource(scope, absolute, display, real);
    const metadata = await readBookYaml(scope, display);
    return { form: 'text', root, files: [file], metadata, metadataFile: file.display };
  }
  throw new GalleyError('INPUT_UNSUPPORTED', `cannot read a \`${ext || 'extensionless'}\` file as a manuscript`, {
    file: display(absolute),
    hint: 'Pass a folder of .md chapters, a .md file, or a .txt file.',
  });
}

async function readFolder(scope: FileScope, display: (p: string) => string): Promise<Manuscript> {
  const root = scope.path;
  const entries = await readdir(root, { withFileTypes: true });
  // A symlink's Dirent is not `isFile()`: without the second test a linked chapter would be left
  // out of the book without a word, and a broken link would never be reported.
  const names = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.(md|markdown)$/i.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (names.length === 0) {
    throw new GalleyError('MANUSCRIPT_EMPTY', 'the folder has no chapter files (*.md)', {
      file: display(root),
      hint: 'Add chapters as 01-first.md, 02-second.md, … beside book.yaml.',
    });
  }
  const files = await Promise.all(names.map((n) => readSource(scope, path.join(root, n), display)));
  const metadata = await readBookYaml(scope, display);
  return { form: 'folder', root, files, metadata, metadataFile: display(path.join(root, 'book.yaml')) };
}

async function readBookYaml(scope: FileScope, display: (p: string) => string): Promise<ParsedYaml | undefined> {
  const file = path.join(scope.path, 'book.yaml');
  // A book.yaml that is a link is read (refused when it leads outside or nowhere), never ignored.
  const exists = await lstat(file).then(
    () => true,
    () => false,
  );
  if (!exists) return undefined;
  const source = await readSource(scope, file, display);
  return parseYaml({ file: source.display, text: source.text });
}

/**
 * Reads a file of the book (inside `scope`) as UTF-8 text, without a byte-order mark; refuses
 * anything that is not UTF-8. `real` is where to read it when that is known to differ from the
 * path shown (a book file named through a link).
 */
export async function readSource(
  scope: FileScope,
  file: string,
  display: (p: string) => string,
  real = file,
): Promise<SourceFile> {
  const { data: bytes, modified } = await readBookFile(scope, real, { file: display(file), what: 'the file' });
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, bad).toString('utf8').replace(/\r\n?/g, '\n');
    throw new GalleyError('INPUT_NOT_UTF8', 'the file is not UTF-8 text', {
      file: display(file),
      place: placeAt(before, before.length),
      hint: 'Save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8).',
    });
  }
  // Line endings become \n (CRLF from Windows, a lone CR from classic Mac OS and some exports):
  // one line ending for one, so every line keeps its number.
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  return { path: file, display: display(file), text, modified };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}
