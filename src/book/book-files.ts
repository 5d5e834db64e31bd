/**
 * Reading a file of the book, and only of the book. Every manuscript file, image, cover, theme
 * sheet and font goes through readBookFile, which follows symbolic links to where they really
 * lead and refuses anything that lands outside the folder it belongs to (the book's folder, or
 * the theme's or font package's own). The check is made on the file actually opened, at the
 * moment of reading: the open handle's inode must be the one at the resolved path, so a link
 * swapped between the check and the read is caught too. Only regular files are read (a FIFO or a
 * device would hang the build or never end).
 */
import { constants } from 'node:fs';
import { type FileHandle, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { type ErrorCode, GalleyError, type Place } from '../errors.ts';

/** A folder whose files may be read: the path as given (for messages) and where it really is. */
export interface FileScope {
  /** Absolute path as given. */
  path: string;
  /** The folder's real path (symbolic links resolved). */
  real: string;
  /** What the folder is, for messages: `the book's folder`, `the theme's folder`. */
  name: string;
}

/** Where a file is referred to, for the error: the referring file and the line of the reference. */
export interface FileReference {
  /** The file that names it (as shown to the author), or the file itself. */
  file: string;
  place?: Place | undefined;
  /** What the file is, in messages: `image \`map.svg\``, `the chapter file`. */
  what: string;
  /** What to call it in a hint (`Put the image at …`); default `file`. */
  noun?: string;
  /** Error codes for a file that is outside, and one that is missing or unreadable. */
  outside?: ErrorCode;
  missing?: ErrorCode;
}

export interface BookFile {
  /** Real path of the file read. */
  real: string;
  data: Buffer;
  /** Last change, in ms since the epoch. */
  modified: number;
}

/** The scope of a folder; `name` says what it is in messages. */
export async function fileScope(folder: string, name: string): Promise<FileScope> {
  const absolute = path.resolve(folder);
  const real = await realpath(absolute).catch(() => absolute);
  return { path: absolute, real, name };
}

/** True when `file` (an absolute, resolved path) is `folder` itself or lies inside it. */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

// Non-blocking open: a FIFO would otherwise wait for a writer forever (ignored for regular files).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads `file` (absolute, or relative to the scope's folder) when it really is a regular file
 * inside `scope`; otherwise a GalleyError at the reference saying what to do.
 */
export async function readBookFile(scope: FileScope, file: string, ref: FileReference): Promise<BookFile> {
  const absolute = path.resolve(scope.path, file);
  const where = { file: ref.file, place: ref.place };
  const shown = (p: string) => path.relative(process.cwd(), p) || '.';
  const outside = (real: string) =>
    new GalleyError(ref.outside ?? 'INPUT_OUTSIDE_BOOK', `${ref.what} leads outside ${scope.name}, to ${real}`, {
      ...where,
      hint: `Galley reads only files inside ${shown(scope.path)}: copy the file there instead of linking to it.`,
    });
  // A path that leaves the folder as written is refused before anything is opened.
  if (!isInside(scope.path, absolute) && !isInside(scope.real, absolute)) throw outside(absolute);
  let handle: FileHandle | undefined;
  try {
    handle = await open(absolute, OPEN_FLAGS).catch((cause: NodeJS.ErrnoException) => {
      throw missing(ref, shown(absolute), cause);
    });
    const real = await realpath(absolute).catch((cause: NodeJS.ErrnoException) => {
      throw missing(ref, shown(absolute), cause);
    });
    if (!isInside(scope.real, real)) throw outside(real);
    const [opened, atPath] = await Promise.all([handle.stat(), stat(real)]);
    if (opened.dev !== atPath.dev || opened.ino !== atPath.ino) throw outside(real);
    if (!opened.isFile()) {
      throw new GalleyError(ref.missing ?? 'INPUT_UNREADABLE', `${ref.what} is not a regular file`, {
        ...where,
        hint: `Put the ${ref.noun ?? 'file'} at ${shown(absolute)} or fix the path.`,
      });
    }
    const data = await handle.readFile().catch((cause: NodeJS.ErrnoException) => {
      throw missing(ref, shown(absolute), cause);
    });
    return { real, data, modified: opened.mtimeMs };
  } finally {
    await handle?.close();
  }
}

function missing(ref: FileReference, shown: string, cause: NodeJS.ErrnoException): GalleyError {
  const found = cause.code === 'ENOENT' || cause.code === 'ENOTDIR' || cause.code === 'ELOOP';
  const code = cause.code ?? cause.message;
  // A reference names a file that may not be there; a listed file is there and cannot be read.
  const message = ref.noun && cause.code === 'ENOENT' ? `${ref.what} not found (${code})` : `cannot read ${ref.what} (${code})`;
  return new GalleyError(ref.missing ?? 'INPUT_UNREADABLE', message, {
    file: ref.file,
    place: ref.place,
    hint:
      ref.noun && found
        ? `Put the ${ref.noun} at ${shown} or fix the path.`
        : 'Check that the file exists and that you may read it.',
    cause,
  });
}
