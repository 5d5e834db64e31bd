/**
 * Reproducible EPUBs: the same manuscript gives the same bytes — built twice, in two processes
 * in different time zones — with the modified date from SOURCE_DATE_EPOCH (else the newest
 * manuscript file), zip entries in a fixed order with that date, the mimetype first and stored.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeFeatureBook } from './helpers/epub-book.ts';
import { FIXTURES, REPO, tempDir } from './helpers/tmp.ts';
import { epubEntries } from './helpers/tools.ts';

function galley(input: string, env: Record<string, string>): Buffer {
  const out = tempDir();
  const result = spawnSync(process.execPath, [path.join(REPO, 'bin', 'galley.js'), 'build', input, '-o', out, '-f', 'epub'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  const written = /wrote (\S+\.epub)/.exec(result.stderr)?.[1] as string;
  return readFileSync(path.resolve(written));
}

describe('reproducible EPUB', async () => {
  const folder = path.join(FIXTURES, 'books', 'folder');
  const features = await writeFeatureBook();

  it('gives the same bytes on every build, in any time zone', () => {
    const first = galley(folder, { TZ: 'UTC' });
    const elsewhere = galley(folder, { TZ: 'Asia/Kathmandu' });
    expect(elsewhere.equals(first)).toBe(true);
  });

  describe('a book with converted images and embedded fonts, dated by SOURCE_DATE_EPOCH', () => {
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    let first: Buffer;

    it('gives the same bytes on every build, in any time zone', () => {
      first = galley(features, { ...env, TZ: 'America/St_Johns' });
      const again = galley(features, { ...env, TZ: 'Pacific/Kiritimati' });
      expect(again.equals(first)).toBe(true);
    });

    it('dates the book and every zip entry from SOURCE_DATE_EPOCH, the mimetype first and stored', async () => {
      const file = path.join(tempDir(), 'book.epub');
      writeFileSync(file, first);
      expect((await epubEntries(file)).get('OEBPS/content.opf')).toContain(
        '<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>',
      );
      // The first local header: signature, version, flags, method 0 (stored), then the name.
      expect(first.readUInt16LE(8)).toBe(0);
      expect(first.subarray(30, 38).toString()).toBe('mimetype');
      expect(first.subarray(38, 58).toString()).toBe('application/epub+zip');
      const zip = await JSZip.loadAsync(first);
      const names = Object.keys(zip.files);
      expect(names[0]).toBe('mimetype');
      for (const name of names) {
        // DOS dates have two-second steps; 22:13:20 UTC is exact.
        expect(zip.files[name]?.date.toISOString(), name).toBe('2023-11-14T22:13:20.000Z');
      }
    });
  });
});
