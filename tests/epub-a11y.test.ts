/**
 * The books Galley tests with — the three manuscript forms and the seed text in ../shared when
 * it is there — give EPUBs that DAISY Ace passes with no violations. (EPUBCheck runs on the same
 * books in forms.test.ts and seed.test.ts, and on the sample, with its page list, in
 * epub-page-list.test.ts, with Ace too.) Each book is built once, and Ace runs once on it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { FIXTURES, REPO, tempDir } from './helpers/tmp.ts';
import { aceCheck } from './helpers/tools.ts';

const seed = path.join(REPO, '..', 'shared', 'seed', '000_ee611fcb0cfb0b3d.txt');

const books: [string, string, { title?: string; author?: string }][] = [
  ['the folder fixture', path.join(FIXTURES, 'books', 'folder'), {}],
  ['the single-file fixture', path.join(FIXTURES, 'books', 'single-file.md'), {}],
  ['the pasted .txt fixture', path.join(FIXTURES, 'books', 'pasted.txt'), { title: 'Last Train', author: 'Wren Hollis' }],
  ...(existsSync(seed)
    ? [['the seed text (../shared)', seed, { title: 'Seed', author: 'Seed Author' }] as [string, string, object]]
    : []),
];

describe.each(books)('%s', (_name, input, extra) => {
  it('builds an EPUB that DAISY Ace passes with no violations', async () => {
    const { files } = await build({ input, out: tempDir(), formats: ['epub'], ...extra });
    const ace = await aceCheck(files[0]?.path as string);
    expect(ace.violations, ace.violations.join('\n')).toEqual([]);
    expect(ace.outcome).toBe('pass');
  });
});
