/**
 * Writes a build's files all or nothing. Each goes to a temporary file beside its target; only
 * when every one is complete are they moved into place, each previous output first set aside
 * under a temporary name. If any move fails, the ones already made are undone and the previous
 * outputs put back, so a failed build leaves the folder as it was.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { GalleyError } from '../errors.ts';

export interface OutputFile {
  path: string;
  data: Uint8Array;
}

/** The file operations used (the real ones by default; a test may make one of them fail). */
export interface WriteFs {
  mkdir: typeof fs.mkdir;
  writeFile: typeof fs.writeFile;
  rename: typeof fs.rename;
  rm: typeof fs.rm;
}

interface Staged {
  temp: string;
  target: string;
  /** Where the previous output was set aside, once it was. */
  previous?: string;
  placed?: boolean;
}

export async function writeOutputs(files: OutputFile[], io: WriteFs = fs): Promise<void> {
  const staged: Staged[] = [];
  try {
    // 1. Every new file written beside its target.
    for (const file of files) {
      await io.mkdir(path.dirname(file.path), { recursive: true });
      const entry: Staged = { temp: sideName(file.path, 'tmp'), target: file.path };
      staged.push(entry);
      await io.writeFile(entry.temp, file.data);
    }
    // 2. Each previous output set aside, then the new one moved into place. Something other
    //    than a file in a target's place (a folder) is never moved: the write fails first.
    for (const entry of staged) {
      const existing = await lstat(entry.target).catch(() => undefined);
      if (existing?.isDirectory()) throw Object.assign(new Error(`${entry.target} is a folder`), { code: 'EISDIR' });
    }
    for (const entry of staged) {
      if (existsSync(entry.target)) {
        const previous = sideName(entry.target, 'old');
        // Gone since (another build of the same book set it aside first): nothing to set aside.
        const gone = (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error));
        if (await io.rename(entry.target, previous).then(() => true, gone)) entry.previous = previous;
      }
      await io.rename(entry.temp, entry.target);
      entry.placed = true;
    }
  } catch (cause) {
    const restored = await rollBack(staged, io);
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new GalleyError('OUTPUT_FAILED', `could not write the output (${code})`, {
      file: path.relative(process.cwd(), path.dirname(files[0]?.path ?? '.')) || '.',
      hint: restored
        ? 'The previous outputs are as they were. Check that the output folder is writable and the disk has room.'
        : 'Some previous outputs could not be put back; look for `.galley-old` files beside them.',
      cause,
    });
  }
  // 3. Only now, with every new file in place, the previous ones go.
  await Promise.all(staged.map((e) => e.previous && io.rm(e.previous, { force: true }).catch(() => undefined)));
}

/** Undoes step 2 in reverse order and removes the temporary files; false if anything stayed undone. */
async function rollBack(staged: Staged[], io: WriteFs): Promise<boolean> {
  let complete = true;
  for (const entry of [...staged].reverse()) {
    try {
      if (entry.placed) await io.rm(entry.target, { force: true });
      if (entry.previous) await io.rename(entry.previous, entry.target);
    } catch {
      complete = false;
    }
    await io.rm(entry.temp, { force: true }).catch(() => undefined);
  }
  return complete;
}

/**
 * A temporary name beside `target`, of this write's own: two builds of the same book at once (the
 * same story asked for twice, in threads of one process) never share one.
 */
function sideName(target: string, kind: 'tmp' | 'old'): string {
  const own = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${own}.galley-${kind}`);
}
