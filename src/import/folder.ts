/**
 * Writes an imported book as a Galley book folder: book.yaml, the chapter files and images/. A
 * folder that already holds files is never written into unless `force` is given; then its book
 * (every top-level .md file and book.yaml) is replaced and pictures of the same name overwritten,
 * and nothing else in it is touched. A new folder is written whole beside its place and renamed
 * into it, so a failed import leaves no half-written book.
 */
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GalleyError } from '../errors.ts';
import type { ImportedImage } from './imported.ts';

export interface BookFiles {
  yaml: string;
  chapters: Array<{ name: string; markdown: string }>;
  images: ImportedImage[];
}

export async function writeBookFolder(out: string, files: BookFiles, force: boolean, display: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new GalleyError('OUTPUT_FAILED', 'this is a file, not a folder', {
      file: display,
      hint: 'Choose a folder for the book with --out.',
    });
  }
  const entries = info ? await readdir(out) : [];
  if (entries.length > 0 && !force) {
    throw new GalleyError('OUTPUT_NOT_EMPTY', 'the folder already has files in it; nothing was written', {
      file: display,
      hint: 'Choose a new folder with --out, or add --force to replace the book in it (its .md files and book.yaml; pictures of the same name are overwritten).',
    });
  }
  try {
    if (entries.length > 0) {
      for (const name of entries)
        if (/\.(md|markdown)$/i.test(name) || name === 'book.yaml') await rm(path.join(out, name), { force: true });
      await writeAll(out, files);
      return;
    }
    const staging = path.join(path.dirname(out), `.${path.basename(out)}.import-${process.pid}-${Date.now()}`);
    try {
      await writeAll(staging, files);
      if (info) await rmdir(out);
      await rename(staging, out);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } catch (cause) {
    if (cause instanceof GalleyError) throw cause;
    throw new GalleyError(
      'OUTPUT_FAILED',
      `cannot write the book folder (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`,
      {
        file: display,
        cause,
        hint: 'Check that the folder (and the one it is in) can be written to, and that the disk has room.',
      },
    );
  }
}

async function writeAll(folder: string, files: BookFiles): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'book.yaml'), files.yaml);
  for (const chapter of files.chapters) await writeFile(path.join(folder, chapter.name), chapter.markdown);
  if (files.images.length > 0) {
    await mkdir(path.join(folder, 'images'), { recursive: true });
    for (const image of files.images) await writeFile(path.join(folder, 'images', image.name), image.data);
  }
}
