/**
 * Writes a build's files all or nothing: each goes to a temporary file beside its target, and
 * only when every one is complete are they renamed into place. A failed build leaves the
 * previous outputs as they were.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GalleyError } from '../errors.ts';

export interface OutputFile {
  path: string;
  data: Uint8Array;
}

export async function writeOutputs(files: OutputFile[]): Promise<void> {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(path.dirname(file.path), { recursive: true });
      const temp = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${process.pid}.tmp`);
      staged.push({ temp, target: file.path });
      await writeFile(temp, file.data);
    }
    for (const { temp, target } of staged) await rename(temp, target);
  } catch (cause) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new GalleyError('OUTPUT_FAILED', `could not write the output (${code})`, {
      file: path.relative(process.cwd(), path.dirname(files[0]?.path ?? '.')) || '.',
      hint: 'Check that the output folder is writable and the disk has room.',
      cause,
    });
  }
}
