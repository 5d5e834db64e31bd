/**
 * `galley init [dir]`: starts a book. Writes a commented book.yaml (with the schema line that
 * lets an editor complete and check it, and the schema beside it), two chapter files that show
 * the manuscript conventions, and a .gitignore for dist/. An existing file is never overwritten:
 * it is kept, and listed as kept.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bookJsonSchema } from '../config/json-schema.ts';
import { GalleyError } from '../errors.ts';
import { TEMPLATES_DIR } from '../output/theme.ts';

/** The files a new book starts with: the template's name → the name written. */
const FILES: Readonly<Record<string, string>> = {
  'book.yaml': 'book.yaml',
  '01-the-harbour.md': '01-the-harbour.md',
  '02-the-letter.md': '02-the-letter.md',
  // npm leaves files named .gitignore out of packages, so the template has no dot.
  gitignore: '.gitignore',
};

export interface InitResult {
  /** The folder, as given. */
  dir: string;
  written: string[];
  /** Files that were there already and were left as they were. */
  kept: string[];
}

export async function init(dir = '.', cwd = process.cwd()): Promise<InitResult> {
  const root = path.resolve(cwd, dir);
  await mkdir(root, { recursive: true }).catch((cause: NodeJS.ErrnoException) => {
    throw new GalleyError('OUTPUT_FAILED', `could not make the folder (${cause.code ?? cause.message})`, {
      file: dir,
      hint: 'Check the path, and that you may write there.',
      cause,
    });
  });
  const contents: [string, string][] = [
    ...(await Promise.all(
      Object.entries(FILES).map(
        async ([from, to]): Promise<[string, string]> => [to, await readFile(path.join(TEMPLATES_DIR, 'init', from), 'utf8')],
      ),
    )),
    ['book.schema.json', `${JSON.stringify(bookJsonSchema(), null, 2)}\n`],
  ];
  const result: InitResult = { dir, written: [], kept: [] };
  for (const [name, text] of contents) {
    try {
      // `wx`: fails, rather than overwrites, when the file exists (even one made a moment ago).
      await writeFile(path.join(root, name), text, { flag: 'wx' });
      result.written.push(name);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new GalleyError('OUTPUT_FAILED', `could not write ${name} (${(cause as NodeJS.ErrnoException).code})`, {
          file: path.join(dir, name),
          hint: 'Check that you may write in the folder.',
          cause,
        });
      }
      result.kept.push(name);
    }
  }
  return result;
}
