/**
 * The two PDF editions and the `print:` options. The print edition is what KDP and IngramSpark
 * take (no bookmarks, no links, no tags, TrimBox and BleedBox set); the screen edition has the
 * same pages with bookmarks, a linked contents page and tags. Options change the trim, bleed,
 * gutter, running heads, folios, where chapters open and how they begin; bad ones stop the build
 * before anything is written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.ts';
import type { Logger } from '../src/logger.ts';
import { type BuiltPdf, buildPdf, CHAPTERS, writeNovel } from './helpers/novel.ts';
import { type LaidOutPage, pdfLayout } from './helpers/pdf-layout.ts';
import { tempDir } from './helpers/tmp.ts';
import { pdfFonts, pdfInfo } from './helpers/tools.ts';

async function load(file: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(file), { updateMetadata: false });
}

function annotations(doc: PDFDocument): number {
  return doc.getPages().reduce((n, page) => {
    const annots = page.node.lookup(PDFName.of('Annots'));
    return n + (annots instanceof PDFArray ? annots.size() : 0);
  }, 0);
}

/** The drawing operators of every page and of the forms drawn on them, inflated. */
function drawing(doc: PDFDocument): string {
  const out: string[] = [];
  const read = (object: unknown) => {
    const stream = object instanceof PDFRef ? doc.context.lookup(object) : object;
    if (!(stream instanceof PDFRawStream)) return;
    const flate = String(stream.dict.get(PDFName.of('Filter'))) === '/FlateDecode';
    out.push(Buffer.from(flate ? inflateSync(stream.contents) : stream.contents).toString('latin1'));
    const xobjects = (stream.dict.lookup(PDFName.of('Resources')) as PDFDict | undefined)?.lookup(PDFName.of('XObject'));
    if (xobjects instanceof PDFDict) for (const value of xobjects.values()) read(value);
  };
  for (const page of doc.getPages()) {
    const contents = page.node.lookup(PDFName.of('Contents'));
    for (const item of contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))]) read(item);
    const xobjects = (page.node.lookup(PDFName.of('Resources')) as PDFDict | undefined)?.lookup(PDFName.of('XObject'));
    if (xobjects instanceof PDFDict) for (const value of xobjects.values()) read(value);
  }
  return out.join('\n');
}

/** The outline's titles, nested as [title, children]. */
function outline(doc: PDFDocument): unknown[] {
  const root = doc.catalog.lookup(PDFName.of('Outlines'));
  if (!(root instanceof PDFDict)) return [];
  const walk = (first: unknown): unknown[] => {
    const out: unknown[] = [];
    let item = first instanceof PDFDict ? first : undefined;
    while (item) {
      const title = (item.lookup(PDFName.of('Title')) as unknown as { decodeText(): string }).decodeText();
      const kids = walk(item.lookup(PDFName.of('First')));
      out.push(kids.length ? [title, kids] : title);
      const next = item.lookup(PDFName.of('Next'));
      item = next instanceof PDFDict ? next : undefined;
    }
    return out;
  };
  return walk(root.lookup(PDFName.of('First')));
}

function box(doc: PDFDocument, page: number, name: 'TrimBox' | 'BleedBox' | 'MediaBox' | 'CropBox'): number[] {
  const array = doc.getPage(page).node.lookup(PDFName.of(name)) as PDFArray;
  return array.asArray().map((n) => Number((n as PDFNumber).asNumber().toFixed(2)));
}

/** Two PDFs have the same pages: the same words, each within 1 pt of the same place. */
async function expectSamePages(a: string, b: string): Promise<void> {
  const [x, y] = await Promise.all([pdfLayout(a), pdfLayout(b)]);
  expect(y.length).toBe(x.length);
  x.forEach((page, i) => {
    const other = y[i];
    expect(
      other?.words.map((w) => w.text),
      `page ${i + 1}`,
    ).toEqual(page.words.map((w) => w.text));
    page.words.forEach((w, k) => {
      const o = other?.words[k];
      expect(Math.abs((o?.xMin ?? 0) - w.xMin) + Math.abs((o?.yMin ?? 0) - w.yMin), `page ${i + 1} “${w.text}”`).toBeLessThan(1);
    });
  });
}

describe('print and screen editions', () => {
  let print: BuiltPdf;
  let screen: BuiltPdf;
  let inRuns: BuiltPdf;
  let printDoc: PDFDocument;
  let screenDoc: PDFDocument;

  beforeAll(async () => {
    const input = writeNovel();
    [print, screen, inRuns] = await Promise.all([
      buildPdf(input, 'print'),
      buildPdf(input, 'screen'),
      buildPdf(input, 'print', { runPages: 15 }),
    ]);
    [printDoc, screenDoc] = await Promise.all([load(print.file), load(screen.file)]);
  });

  it('print: no bookmarks, no links, no tags; title, author and language set', async () => {
    expect(annotations(printDoc)).toBe(0);
    expect(printDoc.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
    const info = await pdfInfo(print.file);
    expect(info.Tagged).toBe('no');
    expect(info.Title).toBe('The Lantern Almanac: A Novel in Two Parts');
    expect(info.Author).toBe('Ada Pellow');
    expect(String(printDoc.catalog.lookup(PDFName.of('Lang')))).toMatch(/en-GB/);
  });

  it('print: black text in DeviceGray (one ink), not RGB black', () => {
    const operators = drawing(printDoc);
    expect(operators).toMatch(/(^|\s)0 g\s/);
    expect(operators).not.toMatch(/(^|\s)[\d.]+ [\d.]+ [\d.]+ (rg|RG)\s/);
  });

  it('print: TrimBox and BleedBox on every page (the trim when there is no bleed)', () => {
    for (const i of [0, 1, printDoc.getPageCount() - 1]) {
      expect(box(printDoc, i, 'TrimBox')).toEqual([0, 0, 396, 612]);
      expect(box(printDoc, i, 'BleedBox')).toEqual([0, 0, 396, 612]);
    }
  });

  it('print: labels its pages with the folios (roman, then arabic)', () => {
    const labels = printDoc.catalog.lookup(PDFName.of('PageLabels'));
    expect(labels).toBeInstanceOf(PDFDict);
    expect(String(labels)).toMatch(/\/S \/r/);
    expect(String(labels)).toMatch(new RegExp(`${print.pageLabels.indexOf('1')} <<\\s*/S /D\\s*>>`));
  });

  it('screen: bookmarks for the parts with their chapters, a linked contents page, tags', async () => {
    expect(outline(screenDoc)).toEqual([
      ['Part One', CHAPTERS.slice(0, 3)],
      ['Part Two', CHAPTERS.slice(3)],
    ]);
    expect(annotations(screenDoc)).toBeGreaterThanOrEqual(CHAPTERS.length + 2);
    const info = await pdfInfo(screen.file);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('The Lantern Almanac: A Novel in Two Parts');
  });

  it('screen: the same pages as the print edition, word for word and place for place', async () => {
    expect(screen.pageLabels).toEqual(print.pageLabels);
    await expectSamePages(print.file, screen.file);
  });

  it('print: the same pages when a long body is printed in runs (to bound the browser’s memory)', async () => {
    expect(inRuns.pageLabels).toEqual(print.pageLabels);
    await expectSamePages(print.file, inRuns.file);
    // Each run was a print of its own, with its own subsets of the fonts.
    const regular = async (file: string) => (await pdfFonts(file)).filter((f) => /EBGaramond-Regular/.test(f.name)).length;
    expect(await regular(inRuns.file)).toBeGreaterThan(await regular(print.file));
  });
});

describe('print options', () => {
  let built: BuiltPdf;
  let doc: PDFDocument;
  let pages: LaidOutPage[];
  let bodyStart: number;
  const a5 = { width: (148 / 25.4) * 72, height: (210 / 25.4) * 72 };

  beforeAll(async () => {
    const input = writeNovel(
      'print:\n  trim: a5\n  bleed: true\n  inner: 0.8in\n  running-heads: book\n  folios: head\n  chapter-start: any\n  lead-in: small-caps\n  toc: false\n',
    );
    built = await buildPdf(input);
    doc = await load(built.file);
    pages = await pdfLayout(built.file);
    bodyStart = built.pageLabels.indexOf('1');
  });

  it('sets an A5 page with 0.125 in of bleed on the outside, top and bottom, and the trim marked', async () => {
    expect(box(doc, 0, 'MediaBox')).toEqual([0, 0, Number((a5.width + 9).toFixed(2)), Number((a5.height + 18).toFixed(2))]);
    expect(box(doc, 0, 'BleedBox')).toEqual(box(doc, 0, 'MediaBox'));
    expect((await pdfInfo(built.file))['Page size']).toMatch(/^428.52\d x 613.27\d pts/);
    // A recto's spine edge is on the left (no bleed there); a verso's on the right.
    const [w, h] = [Number(a5.width.toFixed(2)), Number((a5.height + 9).toFixed(2))];
    expect(box(doc, 0, 'TrimBox')).toEqual([0, 9, w, h]);
    expect(box(doc, 1, 'TrimBox')).toEqual([9, 9, Number((a5.width + 9).toFixed(2)), h]);
  });

  it('keeps the inside margin asked for, on the spine side of each page', () => {
    pages.forEach((page, i) => {
      const spine = i % 2 === 0 ? 0.8 * 72 : page.width - 0.8 * 72;
      for (const w of page.words) {
        if (i % 2 === 0) expect(w.xMin, `page ${i + 1}`).toBeGreaterThanOrEqual(spine - 0.5);
        else expect(w.xMax, `page ${i + 1}`).toBeLessThanOrEqual(spine + 1);
      }
    });
  });

  it('puts the book’s title in the recto heads and the folios up with them', () => {
    const heads = pages.slice(bodyStart).flatMap((page, k) => {
      const top = page.lines.filter((l) => l.y < 9 + 0.625 * 72 + 14.5);
      return top.length ? [[(bodyStart + k) % 2 === 0, top.map((l) => l.text).join(' | ')] as const] : [];
    });
    expect(heads.length).toBeGreaterThan(10);
    for (const [recto, text] of heads) {
      const folio = String(Number(/(\d+)/.exec(text)?.[1]));
      expect(text).toMatch(recto ? /^The Lantern Almanac \d+$/ : /^\d+ Ada Pellow$/);
      expect(built.pageLabels).toContain(folio);
    }
  });

  it('lets chapters open on any page: no blank pages in the body', () => {
    // A part still opens on a recto: only a blank before a part page.
    const blanks = pages.slice(bodyStart).flatMap((p, i) => (p.words.length === 0 ? [bodyStart + i] : []));
    for (const i of blanks) expect(pages[i + 1]?.lines.map((l) => l.text).join(' '), `page ${i + 1}`).toMatch(/^Part /);
    expect(pages.some((p, i) => i % 2 === 1 && p.lines.some((l) => CHAPTERS.includes(l.text) && l.y > 150))).toBe(true);
  });

  it('opens chapters with a small-caps lead-in and no drop cap', () => {
    // A drop cap is three lines tall; the tallest type in the body, a part title, is not two.
    const tall = pages.slice(bodyStart).flatMap((p) => p.words.filter((w) => w.yMax - w.yMin > 2 * 14.5));
    expect(tall).toEqual([]);
  });
});

describe('another text font', () => {
  // EB Garamond itself, named in book.yaml: the fontsource package has no `-sc` companion, so the
  // small caps become letterspaced capitals of the text face (never faked small caps).
  it('embeds the font book.yaml names, as TrueType, and no other', async () => {
    const built = await buildPdf(writeNovel('print:\n  font: eb-garamond\n  toc: false\n'));
    const fonts = await pdfFonts(built.file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/Cormorant/);
    for (const font of fonts) {
      expect(font.name).toMatch(/EBGaramond/);
      expect(font.type).toMatch(/TrueType/);
    }
  });
});

describe('the --pdf option and bad print settings', () => {
  const quiet = (): { logger: Logger; lines: string[] } => {
    const lines: string[] = [];
    const add = (m: string) => lines.push(m);
    return { logger: { info: add, warn: add, error: add }, lines };
  };

  it('`--pdf screen` builds the screen edition; `--pdf` takes only print or screen', async () => {
    const input = writeNovel();
    const out = tempDir();
    const { logger } = quiet();
    expect(await main(['node', 'galley', 'build', input, '--out', out, '--format', 'pdf', '--pdf', 'screen'], logger)).toBe(0);
    const [file] = readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect((await pdfInfo(path.join(out, file as string))).Tagged).toBe('yes');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['node', 'galley', 'build', input, '--out', tempDir(), '--pdf', 'glossy'], logger)).toBe(2);
    expect(stderr.mock.calls.join('')).toContain('expected print or screen');
    stderr.mockRestore();
  });

  it.each([
    ['margins that leave no room', 'print:\n  outer: 4in\n', /book\.yaml:\d+:\d+: `print\.outer` leaves a text block/],
    ['a font that cannot be loaded', 'print:\n  font: no-such-typeface\n', /book\.yaml:\d+:\d+: `print\.font` cannot be loaded/],
    ['an unknown trim size', 'print:\n  trim: 7x13\n', /book\.yaml:\d+:\d+: `print\.trim` must be/],
  ])('%s: the error names the key and its line, and no PDF is written', async (_, yaml, message) => {
    const input = writeNovel(yaml);
    const out = tempDir();
    writeFileSync(path.join(out, 'keep.txt'), 'an earlier build');
    const { logger, lines } = quiet();
    expect(await main(['node', 'galley', 'build', input, '--out', out, '--format', 'pdf'], logger)).toBe(1);
    expect(lines.join('\n')).toMatch(message);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });
});
