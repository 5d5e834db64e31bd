/**
 * The PDF readers the other tests measure with (tests/helpers: pdfText, pdfLayout, pdfInfo,
 * pdfFonts), checked against what is known of a PDF: one drawn with pdf-lib at given places,
 * and one Galley prints, whose lines end in typed hyphens and in hyphens of soft hyphens.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { endsHyphenated, pdfLayout } from './helpers/pdf-layout.ts';
import { random } from './helpers/prose.ts';
import { tempDir } from './helpers/tmp.ts';
import { missingWords, pdfFonts, pdfInfo, pdfText } from './helpers/tools.ts';

describe('on a PDF drawn with pdf-lib', () => {
  let file: string;
  let width: (text: string, size: number) => number;

  beforeAll(async () => {
    const doc = await PDFDocument.create();
    doc.setTitle('Drawn to Measure');
    doc.setAuthor('A. Tester');
    const font = await doc.embedFont(StandardFonts.Helvetica);
    width = (text, size) => font.widthOfTextAtSize(text, size);
    const first = doc.addPage([300, 400]);
    first.drawText('Hello world', { x: 50, y: 300, size: 12, font });
    first.drawText('second line', { x: 50, y: 280, size: 12, font });
    const second = doc.addPage([300, 400]);
    second.setCropBox(10, 20, 280, 360);
    second.drawText('Cropped', { x: 50, y: 300, size: 20, font });
    // A Type 3 font in the resources, drawn with or not: the font list holds what the page's resources hold.
    const type3 = doc.context.obj({
      Type: 'Font',
      Subtype: 'Type3',
      FontBBox: [0, 0, 1000, 1000],
      FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
      CharProcs: {},
      Encoding: { Type: 'Encoding', Differences: [] },
      FirstChar: 0,
      LastChar: 0,
      Widths: [0],
    });
    second.node.setFontDictionary(PDFName.of('T3'), doc.context.register(type3));
    file = path.join(tempDir(), 'drawn.pdf');
    writeFileSync(file, await doc.save());
  });

  it('reads the information dictionary, the page count and the first page’s size', async () => {
    const info = await pdfInfo(file);
    expect(info).toMatchObject({ Title: 'Drawn to Measure', Author: 'A. Tester', Pages: '2', Tagged: 'no' });
    expect(info['Page size']).toBe('300 x 400 pts');
  });

  it('lists each font with its type and whether it is embedded', async () => {
    expect(await pdfFonts(file)).toEqual([
      { name: 'Helvetica', type: 'Type 1', embedded: false },
      { name: '[none]', type: 'Type 3', embedded: true },
    ]);
  });

  it('gives each word its box in points from the top left of the page (of its crop box)', async () => {
    const [first, second] = await pdfLayout(file);
    expect(first?.lines.map((l) => l.text)).toEqual(['Hello world', 'second line']);
    const [hello, world] = first?.words ?? [];
    expect(hello?.xMin).toBeCloseTo(50, 2);
    expect(hello?.xMax).toBeCloseTo(50 + width('Hello', 12), 2);
    expect(world?.xMin).toBeCloseTo(50 + width('Hello ', 12), 2);
    // The baseline is 100 pt from the top; the box spans the font's ascent and descent.
    expect(hello?.yMin).toBeGreaterThan(100 - 12);
    expect(hello?.yMin).toBeLessThan(100 - 6);
    expect(hello?.yMax).toBeGreaterThan(100);
    expect(hello?.yMax).toBeLessThan(100 + 5);
    expect(second).toMatchObject({ width: 280, height: 360 });
    expect(second?.words[0]?.text).toBe('Cropped');
    expect(second?.words[0]?.xMin).toBeCloseTo(40, 2);
    expect(second?.words[0]?.yMax).toBeGreaterThan(380 - 300);
  });

  it('writes the text line by line, each page ending in a form feed, one page or all', async () => {
    expect(await pdfText(file)).toBe('Hello world\nsecond line\n\fCropped\n\f');
    expect(await pdfText(file, { first: 2 })).toBe('Cropped\n\f');
  });
});

describe('on a PDF Galley prints', () => {
  // Compounds typed with a hyphen, among plain words: justified and hyphenated, some lines end
  // in a compound's hyphen, others in a soft hyphen's. The chapter opens on a lower-case word,
  // so its drop cap is a lower-case letter.
  const compounds = ['grey-green', 'well-known', 'sixty-four', 'self-taught', 'long-legged', 'half-past'];
  const plain = 'the harbour was quiet under a low sky while gulls wheeled over extraordinary unexpected walls'.split(' ');
  const rand = random(64);
  const paragraphs = Array.from({ length: 10 }, () =>
    Array.from({ length: 110 }, () => (rand() < 0.3 ? compounds : plain)[Math.floor(rand() * 6)]).join(' '),
  );
  const source = `sixty-four ${paragraphs.join('.\n\n')}.`;
  let file: string;

  beforeAll(async () => {
    const input = path.join(tempDir(), 'book.md');
    // Without glyph expansion, whose extra give would take most breaks away from the hyphens.
    writeFileSync(input, `---\ntitle: Hyphens\nauthor: A. Tester\nprint:\n  max-expansion: 0\n---\n\n# One\n\n${source}\n`);
    const { files } = await build({ input, out: tempDir(), formats: ['pdf'] });
    file = files[0]?.path as string;
  });

  it('has lines ending in typed hyphens and lines ending in soft hyphens', async () => {
    const ends = (await pdfLayout(file)).flatMap((p) => p.lines.filter(endsHyphenated).map((l) => l.words.at(-1)?.text ?? ''));
    const typed = ends.filter((w) => compounds.some((c) => c.startsWith(w)));
    expect(typed.length).toBeGreaterThan(3);
    expect(ends.length - typed.length).toBeGreaterThan(3);
  });

  it('joins words broken at a soft hyphen, keeps typed hyphens, and joins the drop cap to its word', async () => {
    const text = await pdfText(file);
    expect(missingWords(source, text)).toEqual([]);
    const count = (t: string, word: string) => t.split(word).length - 1;
    for (const compound of compounds) {
      const [a, b] = compound.split('-');
      expect(count(text.replace(/-\n/g, '-'), compound), compound).toBe(count(source, compound));
      expect(text, compound).not.toContain(`${a}${b}`);
    }
  });
});
