/**
 * Books and themes for the theme tests, written to temporary folders: a book folder with one
 * chapter, files written with their folders made, and the GalleyError a call throws.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GalleyError } from '../../src/errors.ts';
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
