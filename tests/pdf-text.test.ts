/**
 * The PDF's text reads back with the characters the book was written with. Fonts such as Source
 * Serif 4 (the modern theme's) draw ’ and ʼ, ‘ and ʻ with one glyph, and Chromium's ToUnicode
 * map names one character per glyph, the modifier letter: the book's apostrophes came out of a
 * copy, a search or a screen reader as ʼ. Here books in two themes with different faces are
 * printed and read with pdf.js (both through its text content and through the glyphs the page
 * draws), and a book that writes the ʻokina keeps it. The CMap reader and writer and the choice
 * of character are checked on their own too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { readToUnicode, writeToUnicode } from '../src/output/print/cmap-text.ts';
import { characterFor, characterUse } from '../src/output/print/to-unicode.ts';
import { write } from './helpers/theme-books.ts';
import { tempDir } from './helpers/tmp.ts';
import { pdfText } from './helpers/tools.ts';

/** Short lines (one a paragraph, none broken or hyphenated), after a plain first paragraph (its lead-in). */
const QUOTES = ['“Don’t,” she said.', '‘Never.’ It’s ‘late’.', 'Pages 10–12—or so…'];
const OKINA = ['Hawaiʻi and Oʻahu.', 'The island of Kauaʻi.'];

/** The characters a reader must get back exactly, with the letters they were read as before. */
const MARKS = [...'’‘“”—–…'];
const MODIFIERS = /[\u02bb\u02bc]/u;

async function printed(theme: string, lines: string[], edition: 'print' | 'screen' = 'print'): Promise<string> {
  const dir = tempDir('galley-pdf-text-');
  write(path.join(dir, 'book.yaml'), `title: Tide Tables\nauthor: Ada Pellow\ntheme: ${theme}\n`);
  write(path.join(dir, '01-one.md'), `# One\n\nThe tide came in at dusk.\n\n${lines.join('\n\n')}\n`);
  const logger = { info() {}, warn() {}, error() {} };
  const { files } = await build({ input: dir, out: path.join(dir, 'out'), formats: ['pdf'], pdf: edition, logger });
  return files[0]?.path as string;
}

/** pdf.js's text content of every page (what a viewer copies and searches), spaces collapsed. */
async function textContent(file: string): Promise<string> {
  const { getDocumentProxy, extractText } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const collapsed = (text: string) => text.replace(/\s+/g, ' ');

describe.each([
  ['default', 'EB Garamond'],
  ['modern', 'Source Serif 4'],
])('the %s theme (%s)', (theme) => {
  let quotes: string;
  let okina: string;

  beforeAll(async () => {
    [quotes, okina] = await Promise.all([printed(theme, QUOTES), printed(theme, OKINA)]);
  }, 120_000);

  it('reads the quotes, dashes and ellipsis back as written', async () => {
    for (const text of [await textContent(quotes), collapsed(await pdfText(quotes))]) {
      for (const line of QUOTES) expect(text).toContain(line);
      for (const mark of MARKS) expect(text).toContain(mark);
      expect(text).not.toMatch(MODIFIERS);
    }
  });

  it('keeps the ʻokina of a book that writes it (and no turned comma)', async () => {
    for (const text of [await textContent(okina), collapsed(await pdfText(okina))]) {
      for (const line of OKINA) expect(text).toContain(line);
      expect(text).not.toContain('‘');
    }
  });

  it('still opens in pdf-lib', async () => {
    const doc = await PDFDocument.load(readFileSync(quotes), { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThan(0);
  });
});

describe('the screen edition', () => {
  it('reads the quotes back as written too', async () => {
    const pdf = await printed('modern', QUOTES, 'screen');
    const text = await textContent(pdf);
    for (const line of QUOTES) expect(text).toContain(line);
    expect(text).not.toMatch(MODIFIERS);
  }, 120_000);
});

const CHROMIUM_CMAP = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<<  /Registry (Adobe)
/Ordering (UCS)
/Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0001> <0020>
<009F> <2026>
<0120> <00660069>
endbfchar
3 beginbfrange
<001F> <0021> <0064>
<00A8> <00A9> <02BB>
<00B3> <00B4> [<2013> <2014>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`;

describe('ToUnicode CMaps', () => {
  it('reads bfchar and both forms of bfrange', () => {
    const cmap = readToUnicode(CHROMIUM_CMAP);
    expect(cmap?.digits).toBe(4);
    expect(Object.fromEntries(cmap?.map ?? [])).toEqual({
      1: ' ',
      159: '…',
      288: 'fi',
      31: 'd',
      32: 'e',
      33: 'f',
      168: 'ʻ',
      169: 'ʼ',
      179: '–',
      180: '—',
    });
  });

  it('writes what it read, as compact ranges, and reads it back the same', () => {
    const cmap = readToUnicode(CHROMIUM_CMAP);
    if (!cmap) throw new Error('not read');
    cmap.map.set(0xa8, '‘');
    cmap.map.set(0xa9, '’');
    const written = writeToUnicode(cmap);
    expect(written).toContain('<00A8> <00A9> <2018>');
    expect(written).toContain('<00B3> <00B4> <2013>');
    expect(written).toContain('<0120> <00660069>');
    expect(written.startsWith(CHROMIUM_CMAP.slice(0, CHROMIUM_CMAP.indexOf('endcodespacerange')))).toBe(true);
    expect(written).toMatch(/endcmap\nCMapName currentdict \/CMap defineresource pop\nend\nend\n$/);
    expect(readToUnicode(written)?.map).toEqual(cmap.map);
  });

  it('keeps ranges inside one last byte, and blocks to 100 entries', () => {
    const map = new Map<number, string>();
    for (let c = 0xf0; c < 0x110; c++) map.set(c, String.fromCharCode(0x40 + c));
    for (let c = 0x200; c < 0x3a0; c += 2) map.set(c, 'x');
    const written = writeToUnicode({ head: 'endcodespacerange', tail: 'endcmap', digits: 4, map });
    expect(written).toContain('<00F0> <00FF> <0130>');
    expect(written).toContain('<0100> <010F> <0140>');
    for (const [, n] of written.matchAll(/(\d+) begin/g)) expect(Number(n)).toBeLessThanOrEqual(100);
    expect(readToUnicode(written)?.map).toEqual(map);
  });

  it('leaves alone a CMap it would not write back', () => {
    expect(readToUnicode(CHROMIUM_CMAP.replace('3 beginbfchar', '/Other usecmap\n3 beginbfchar'))).toBeUndefined();
    expect(readToUnicode(CHROMIUM_CMAP.replace('<0001> <0020>', '<01> <0020>'))).toBeUndefined();
  });
});

describe('the character a shared glyph is read as', () => {
  const QUOTE = 0x2019;
  const MODIFIER = 0x2bc;

  it('is the one the text uses, when the text never uses the one Chromium picked', () => {
    expect(characterFor(MODIFIER, [MODIFIER, QUOTE], characterUse('it’s'))).toBe(QUOTE);
    expect(characterFor(0x2bb, [0x2bb, 0x2018], characterUse('‘late’'))).toBe(0x2018);
  });

  it('stays what Chromium picked when the text uses it, or uses neither', () => {
    expect(characterFor(0x2bb, [0x2bb, 0x2018], characterUse('Hawaiʻi'))).toBe(0x2bb);
    expect(characterFor(0x2bb, [0x2bb, 0x2018], characterUse('Hawaiʻi, ‘late’'))).toBe(0x2bb);
    expect(characterFor(0x2bb, [0x2bb, 0x2018], characterUse('plain'))).toBe(0x2bb);
  });

  it('is the most used when the text uses several', () => {
    expect(characterFor(0x2d, [0x2d, 0x2010, 0x2011], characterUse('a‐b c‑d e‑f'))).toBe(0x2011);
  });

  it('counts character references, and capitals as CSS may set them', () => {
    const use = characterUse('<p>a&#x2019;b &amp; &nbsp;x</p>');
    expect(use.has(0x2019)).toBe(true);
    expect(use.has(0xa0)).toBe(true);
    expect(use.has('X'.codePointAt(0) as number)).toBe(true);
  });
});
