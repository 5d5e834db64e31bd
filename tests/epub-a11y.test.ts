/**
 * The books Galley tests with — the three manuscript forms and the seed text in ../shared when
 * it is there — give EPUBs that DAISY Ace passes with no violations. (EPUBCheck runs on the same
 * books in forms.test.ts and seed.test.ts, and on the sample, with its page list, in
 * epub-page-list.test.ts, with Ace too.) Each book is built once, and Ace checks them all in one
 * run (aceCheckMany: Ace's own core in one browser), which finds a violation as ace-cli does.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { FIXTURES, REPO, tempDir } from './helpers/tmp.ts';
import { aceCheck, aceCheckMany } from './helpers/tools.ts';

const seed = path.join(REPO, '..', 'shared', 'seed', '000_ee611fcb0cfb0b3d.txt');

const books: [string, string, { title?: string; author?: string }][] = [
  ['the folder fixture', path.join(FIXTURES, 'books', 'folder'), {}],
  ['the single-file fixture', path.join(FIXTURES, 'books', 'single-file.md'), {}],
  ['the pasted .txt fixture', path.join(FIXTURES, 'books', 'pasted.txt'), { title: 'Last Train', author: 'Wren Hollis' }],
  ...(existsSync(seed)
    ? [['the seed text (../shared)', seed, { title: 'Seed', author: 'Seed Author' }] as [string, string, object]]
    : []),
];

/** A copy of `epub` whose first chapter holds an image with no text alternative. */
async function withoutAlt(epub: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(epub));
  const name = Object.keys(zip.files).find((f) => /\.xhtml$/.test(f) && !/nav|cover|title|copyright/.test(f)) as string;
  const html = (await zip.file(name)?.async('string')) ?? '';
  zip.file(
    name,
    html.replace(/<p[ >]/, (p) => `<img src="missing.png"/>${p}`),
  );
  const file = path.join(tempDir(), 'no-alt.epub');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

describe('DAISY Ace on the books Galley tests with', () => {
  it('passes every book’s EPUB with no violations, and finds an image with no alternative as ace-cli does', async () => {
    const epubs = new Map<string, string>();
    for (const [name, input, extra] of books) {
      const { files } = await build({ input, out: tempDir(), formats: ['epub'], ...extra });
      epubs.set(name, files[0]?.path as string);
    }
    const broken = await withoutAlt(epubs.get('the folder fixture') as string);
    const { failed, runs } = await aceCheckMany(new Map([...epubs, ['broken', broken]]));
    expect(runs).toBe(books.length + 1);
    expect(failed.map((f) => f.split(':')[0])).toEqual(['broken']);
    expect(failed[0]).toMatch(/image-alt|alt/i);
    const cli = await aceCheck(broken);
    expect(cli.outcome).toBe('fail');
    expect(cli.violations.some((v) => /image-alt|alt/i.test(v))).toBe(true);
  }, 240_000);
});
