/**
 * Books and themes for the theme tests, written to temporary folders: a book folder with one
 * chapter, files written with their folders made, a book's EPUB under every theme and store
 * target, and the GalleyError a call throws.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { typeset } from '../../src/core/typeset.ts';
import { GalleyError } from '../../src/errors.ts';
import { EPUB_TARGETS } from '../../src/output/epub/targets.ts';
import { renderEpub } from '../../src/output/epub.ts';
import { tempDir } from './tmp.ts';

/** The GalleyError `run` throws (or rejects with). */
export async function failure(run: () => unknown): Promise<GalleyError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof GalleyError) return error;
    throw error;
  }
  throw new Error('expected a GalleyError');
}

export function write(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A book folder with one chapter; `yaml` is added to book.yaml. */
export function bookFolder(yaml = ''): string {
  const dir = tempDir('galley-themes-');
  write(path.join(dir, 'book.yaml'), `title: The Quay\nauthor: Ada Pellow\n${yaml}`);
  write(
    path.join(dir, '01-the-quay.md'),
    '# The Quay\n\nThe boats came in at dusk, one by one, their lamps swinging.\n\nNell counted them from the wall, as her mother had.\n\n***\n\nBy morning the harbour was still.\n',
  );
  return dir;
}

/**
 * A book's EPUB under each theme and every store target, typeset once per theme, written to
 * `out` as `<theme>-<target>.epub`: the files by `<theme> <target>`.
 */
export async function targetEpubs(
  input: string,
  themes: string[],
  out: string,
  overrides: { title?: string; author?: string } = {},
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const theme of themes) {
    const { book } = await typeset({ input, overrides: { theme, ...overrides } });
    for (const target of EPUB_TARGETS) {
      const file = path.join(out, `${theme}-${target}.epub`);
      writeFileSync(file, await renderEpub(book, { target }));
      files.set(`${theme} ${target}`, file);
    }
  }
  return files;
}

/**
 * Of targetEpubs' EPUBs, one per theme, the store targets taken in turn, so that every theme and
 * every target is among them: what DAISY Ace checks. A target changes the same few things in
 * every theme (targets.ts: the contents' depth, the cover's place, fonts, a few CSS rules), so
 * this meets each theme and each target's changes, at an Ace run (seconds) for each theme
 * rather than for each pair; EPUBCheck still reads every pair.
 */
export function eachThemeAndTarget(files: Map<string, string>, themes: string[]): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const [i, theme] of themes.entries()) {
    const key = `${theme} ${EPUB_TARGETS[i % EPUB_TARGETS.length]}`;
    chosen.set(key, files.get(key) as string);
  }
  return chosen;
}
