/**
 * The three manuscript forms — a folder with book.yaml, one Markdown file with front matter, a
 * pasted .txt — each build to an EPUB that EPUBCheck 5.3 passes with no errors and no warnings,
 * holding every word the author wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { FIXTURES, tempDir } from './helpers/tmp.ts';
import { decodeEntities, epubcheck, epubEntries, epubText, missingWords } from './helpers/tools.ts';

const books = path.join(FIXTURES, 'books');

async function buildEpub(input: string, extra: { title?: string; author?: string } = {}) {
  const out = tempDir();
  const result = await build({ input, out, formats: ['epub'], ...extra });
  const file = result.files[0]?.path as string;
  return { file, out, result };
}

describe('folder form', async () => {
  const { file } = await buildEpub(path.join(books, 'folder'));
  const entries = await epubEntries(file);
  const opf = entries.get('OEBPS/content.opf') as string;
  const nav = entries.get('OEBPS/toc.xhtml') as string;

  it('passes EPUBCheck with no errors or warnings', async () => {
    const check = await epubcheck(file);
    expect(check.clean, check.output).toBe(true);
  });

  it('is named after the title and takes chapters in file-name order', () => {
    expect(path.basename(file)).toBe('salt-roads.epub');
    expect(nav.indexOf('The Quay')).toBeGreaterThan(0);
    expect(nav.indexOf('The Beacon')).toBeGreaterThan(nav.indexOf('The Quay'));
  });

  it('carries the metadata from book.yaml', () => {
    expect(opf).toContain('<dc:identifier id="pub-id">urn:isbn:9780306406157</dc:identifier>');
    expect(opf).toContain('xml:lang="en-GB"');
    expect(opf).toContain('<dc:language>en-GB</dc:language>');
    expect(opf).toContain('>Ines Marlow</dc:creator>');
    expect(opf).toContain('>Teodor Quill</dc:creator>');
    expect(opf).toContain('<meta refines="#creator-2" property="file-as">Quill, Teodor</meta>');
    expect(opf).toContain('<dc:publisher>Galley Test Press</dc:publisher>');
    expect(opf).toContain('<dc:date>2025-03-01</dc:date>');
    expect(opf).toMatch(/<dc:title id="subtitle">Two Short Chapters<\/dc:title>/);
  });

  it('embeds the image and the cover from the book folder', () => {
    expect(opf).toMatch(/href="images\/cover\.jpg" media-type="image\/jpeg" properties="cover-image"/);
    const image = [...entries.keys()].find((k) => /^OEBPS\/images\/harbour-[0-9a-f]{8}\.png$/.test(k));
    expect(image).toBeDefined();
    const chapter = entries.get('OEBPS/the-quay.xhtml') as string;
    expect(chapter).toContain(`src="${image?.replace('OEBPS/', '')}"`);
    expect(chapter).toContain('alt="The harbour at dusk, with the beacon lit"');
    expect(entries.get('OEBPS/cover.xhtml')).toContain('src="images/cover.jpg"');
  });

  it('typesets the dedication from metadata', () => {
    expect(decodeEntities(entries.get('OEBPS/dedication.xhtml') ?? '')).toMatch(/For “everyone” who <em>reads<\/em> tests\./);
  });

  it('keeps every word of every chapter', async () => {
    const text = await epubText(file);
    for (const name of readdirSync(path.join(books, 'folder')).filter((n) => n.endsWith('.md'))) {
      const source = readFileSync(path.join(books, 'folder', name), 'utf8').replace(/!\[[^\]]*\]\([^)]*\)/g, '');
      expect(missingWords(source, text), name).toEqual([]);
    }
  });
});

describe('single Markdown file with front matter', async () => {
  const input = path.join(books, 'single-file.md');
  const { file } = await buildEpub(input);
  const entries = await epubEntries(file);

  it('passes EPUBCheck with no errors or warnings', async () => {
    const check = await epubcheck(file);
    expect(check.clean, check.output).toBe(true);
  });

  it('splits chapters at # headings and keeps ## inside them', () => {
    const nav = entries.get('OEBPS/toc.xhtml') as string;
    expect(nav).toContain('The Workshop');
    expect(nav).toContain('The Commission');
    expect(nav).not.toContain('Inventory');
    expect(entries.get('OEBPS/the-workshop.xhtml')).toContain('<h2>Inventory</h2>');
  });

  it('takes title and author from the front matter and shows no front matter as text', async () => {
    const opf = entries.get('OEBPS/content.opf') as string;
    expect(opf).toContain('<dc:title id="title">The Clockmaker&#39;s Apprentice</dc:title>');
    expect(opf).toContain('>Rosalind Vey</dc:creator>');
    const text = await epubText(file);
    expect(text).not.toContain('publisher: Galley');
    const body = readFileSync(input, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    expect(missingWords(body, text)).toEqual([]);
  });
});

describe('pasted .txt file', async () => {
  const input = path.join(books, 'pasted.txt');
  const { file } = await buildEpub(input, { title: 'Last Train', author: 'Wren Hollis' });

  it('passes EPUBCheck with no errors or warnings', async () => {
    const check = await epubcheck(file);
    expect(check.clean, check.output).toBe(true);
  });

  it('takes title and author from the command line', async () => {
    const opf = (await epubEntries(file)).get('OEBPS/content.opf') as string;
    expect(opf).toContain('<dc:title id="title">Last Train</dc:title>');
    expect(opf).toContain('>Wren Hollis</dc:creator>');
  });

  it('keeps every word, curls the quotes and turns extra blank lines into a scene break', async () => {
    const chapter = (await epubEntries(file)).get('OEBPS/chapter-1.xhtml') as string;
    expect(chapter).toContain(
      '<div class="scene-break" role="separator"><span class="ornament" aria-hidden="true">* * *</span></div>',
    );
    expect(chapter).toContain('one bag, one coat');
    expect(decodeEntities(chapter)).toContain('hurry—one bag');
    expect(missingWords(readFileSync(input, 'utf8'), await epubText(file))).toEqual([]);
  });
});
