/**
 * All-or-nothing writes: whichever step fails — writing a new file, setting a previous output
 * aside, or moving any new file into place — the folder ends as it was before, byte for byte,
 * with no temporary files left. Every failure point of a three-file write is tried.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GalleyError } from '../src/errors.ts';
import { type WriteFs, writeOutputs } from '../src/output/write.ts';
import { tempDir } from './helpers/tmp.ts';

const NAMES = ['book.epub', 'book.pdf', 'book-screen.pdf'];

/** The real file operations, with the n-th call of `op` failing as a full disk would. */
function failingAt(op: keyof WriteFs, n: number): WriteFs {
  let calls = 0;
  const fail = () => {
    calls++;
    return calls === n;
  };
  const error = () => Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  return {
    mkdir: fs.mkdir,
    rm: fs.rm,
    writeFile: (async (...args: Parameters<typeof fs.writeFile>) => {
      if (op === 'writeFile' && fail()) throw error();
      return fs.writeFile(...args);
    }) as typeof fs.writeFile,
    rename: async (from, to) => {
      if (op === 'rename' && fail()) throw error();
      return fs.rename(from, to);
    },
  };
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

describe('writeOutputs', () => {
  it('writes every file when nothing fails, and leaves nothing else', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.epub'), 'old epub');
    await writeOutputs(NAMES.map((n) => ({ path: path.join(dir, n), data: Buffer.from(`new ${n}`) })));
    expect(snapshot(dir)).toEqual(Object.fromEntries(NAMES.map((n) => [n, `new ${n}`])));
  });

  // Three files with two previous outputs: 3 writes; renames are 2 set-asides and 3 moves.
  const points: [keyof WriteFs, number][] = [
    ...[1, 2, 3].map((n): [keyof WriteFs, number] => ['writeFile', n]),
    ...[1, 2, 3, 4, 5].map((n): [keyof WriteFs, number] => ['rename', n]),
  ];
  for (const [op, n] of points) {
    it(`leaves the previous outputs as they were when ${op} call ${n} fails`, async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'book.epub'), 'old epub');
      writeFileSync(path.join(dir, 'book.pdf'), 'old pdf');
      const before = snapshot(dir);
      const files = NAMES.map((name) => ({ path: path.join(dir, name), data: Buffer.from(`new ${name}`) }));
      const error = await writeOutputs(files, failingAt(op, n)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GalleyError);
      expect((error as GalleyError).message).toContain('ENOSPC');
      expect(snapshot(dir)).toEqual(before);
    });
  }
});
