/**
 * Property: whatever a manuscript mixes — Markdown, raw HTML with known, unknown and left-open
 * tags, elements a book cannot hold with words inside, scene markers, notes, tables, definitions,
 * LF, CRLF or CR line endings, in its chapters and in its metadata's Markdown — either every word
 * the author wrote is in the book, in order, or the build stops with a GalleyError at the
 * file:line:col where the construct that would swallow text opens (tests/helpers/manuscripts.ts
 * knows which, and where). Most runs build only the EPUB; a few build the PDF too and check its
 * text the same way. A few of the EPUBs go through EPUBCheck.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { GalleyError } from '../src/errors.ts';
import { firstOutOfOrder, type Manuscript, manuscripts, words } from './helpers/manuscripts.ts';
import { tempDir } from './helpers/tmp.ts';
import { epubcheck, epubText, pdfText } from './helpers/tools.ts';

interface Outcome {
  file?: string | undefined;
  pdf?: string | undefined;
  error?: unknown;
}

async function buildBook(m: Manuscript, formats: ('epub' | 'pdf')[]): Promise<Outcome> {
  const dir = tempDir('galley-property-');
  writeFileSync(path.join(dir, 'book.md'), m.text);
  try {
    const { files } = await build({ input: path.join(dir, 'book.md'), out: path.join(dir, 'out'), formats, cwd: dir });
    return { file: files.find((f) => f.format === 'epub')?.path, pdf: files.find((f) => f.format === 'pdf')?.path };
  } catch (error) {
    return { error };
  }
}

/** Checks one manuscript's outcome; returns the EPUB when one was built. */
async function holds(m: Manuscript, outcome: Outcome): Promise<string | undefined> {
  const shown = `manuscript (${m.eol}):\n${m.text.replace(/\r\n?/g, '\n')}`;
  if (m.failsAt) {
    expect(outcome.error, shown).toBeInstanceOf(GalleyError);
    expect((outcome.error as GalleyError).location, shown).toBe(`book.md:${m.failsAt}`);
    expect((outcome.error as GalleyError).hint, shown).toBeTruthy();
    return undefined;
  }
  expect(outcome.error, shown).toBeUndefined();
  const epub = outcome.file as string;
  expect(firstOutOfOrder(m.words, words(await epubText(epub))), `EPUB: ${shown}`).toBeUndefined();
  if (outcome.pdf) expect(firstOutOfOrder(m.words, words(await pdfText(outcome.pdf))), `PDF: ${shown}`).toBeUndefined();
  return epub;
}

describe('no text lost, on generated manuscripts', () => {
  it('the order check fails when a word is missing or out of order', () => {
    expect(firstOutOfOrder(['a', 'b', 'c'], ['x', 'a', 'y', 'b', 'c'])).toBeUndefined();
    expect(firstOutOfOrder(['a', 'b', 'c'], ['a', 'c', 'b'])).toBe('c (word 3 of 3)');
    expect(firstOutOfOrder(['a', 'b'], ['a'])).toBe('b (word 2 of 2)');
  });

  it('EPUB: every word in order, or a located error (80 manuscripts); samples pass EPUBCheck', async () => {
    const built: Manuscript[] = [];
    let failed = 0;
    let failedInMetadata = 0;
    await fc.assert(
      fc.asyncProperty(manuscripts, async (m) => {
        if (await holds(m, await buildBook(m, ['epub']))) built.push(m);
        else failed++;
        if (m.failsAt && Number(m.failsAt.split(':')[0]) <= m.metadata.yaml.length + 3) failedInMetadata++;
      }),
      { seed: 20260510, numRuns: 80, endOnFailure: true },
    );
    // Both outcomes were tried often enough to mean something, in the chapters and the metadata.
    expect(built.length).toBeGreaterThan(20);
    expect(failed).toBeGreaterThan(5);
    expect(built.filter((m) => m.metadata.yaml.length > 0).length).toBeGreaterThan(5);
    expect(failedInMetadata).toBeGreaterThan(1);
    // Six of the books that built, as the chapter files of one book, with the metadata of one of
    // them: one EPUBCheck run (the JVM takes seconds to start) for all six.
    const dir = tempDir('galley-property-');
    const samples = built.filter((_, i) => i % Math.ceil(built.length / 6) === 0);
    const withMetadata = built.find((m) => m.metadata.yaml.length > 0);
    const metadata = withMetadata?.metadata ?? { yaml: [], front: [], back: [] };
    writeFileSync(path.join(dir, 'book.yaml'), ['title: Generated', 'author: Galley Tests', ...metadata.yaml, ''].join('\n'));
    for (const [i, m] of samples.entries()) writeFileSync(path.join(dir, `${String(i + 1).padStart(2, '0')}.md`), m.body);
    const { files } = await build({ input: dir, out: path.join(dir, 'out'), formats: ['epub'], cwd: dir });
    const epub = files[0]?.path as string;
    const bodyWords = (m: Manuscript) => m.words.slice(m.metadata.front.length, m.words.length - m.metadata.back.length);
    expect(
      firstOutOfOrder([...metadata.front, ...samples.flatMap(bodyWords), ...metadata.back], words(await epubText(epub))),
    ).toBeUndefined();
    const result = await epubcheck(epub);
    expect(result.clean, result.output).toBe(true);
  });

  it('PDF: every word in order in the printed text too (4 manuscripts that build, with <details>)', async () => {
    const samples = fc.sample(
      manuscripts.filter((m) => !m.failsAt && m.text.includes('<details>')),
      { seed: 7, numRuns: 4 },
    );
    for (const m of samples) await holds(m, await buildBook(m, ['epub', 'pdf']));
  });
});
