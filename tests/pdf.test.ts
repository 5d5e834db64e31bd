/**
 * The print PDF of a fixture book: trim size from book.yaml, mirrored margins (the gutter on the
 * inside of each page), folios, fonts embedded, every word present, nothing fetched from outside.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { pdfLayout } from './helpers/pdf-layout.ts';
import { chapterText, random } from './helpers/prose.ts';
import { FIXTURES, tempDir } from './helpers/tmp.ts';
import { missingWords, pdfFonts, pdfInfo, pdfText } from './helpers/tools.ts';

/**
 * A copy of the folder fixture with `extra` added to its book.yaml, and its first chapter made
 * long enough to run over several pages (so it has pages with folios, not only an opener).
 */
function fixtureWith(extra: string): string {
  const dir = path.join(tempDir(), 'book');
  cpSync(path.join(FIXTURES, 'books', 'folder'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'book.yaml'), `${readFileSync(path.join(dir, 'book.yaml'), 'utf8')}\n${extra}\n`);
  const chapter = path.join(dir, '01-the-quay.md');
  writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\n\n${chapterText(random(7), 40)}\n`);
  return dir;
}

/** The x coordinate where the text block starts on each page (Infinity on a blank page). */
async function leftEdges(pdf: string): Promise<number[]> {
  return (await pdfLayout(pdf)).map((page) => Math.min(...page.words.map((w) => w.xMin)));
}

describe('print PDF', () => {
  const input = fixtureWith('print:\n  trim: 6x9\n  inner: 1in\n  outer: 0.5in');
  const warnings: string[] = [];
  let pdf: string;

  beforeAll(async () => {
    const logger = { info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const { files } = await build({ input, out: tempDir(), formats: ['pdf'], logger });
    pdf = files[0]?.path as string;
  });

  it('uses the trim size from book.yaml', async () => {
    expect((await pdfInfo(pdf))['Page size']).toMatch(/^432 x 648 pts/);
  });

  it('mirrors the margins: the wider gutter is on the inside of rectos and versos', async () => {
    const edges = await leftEdges(pdf);
    const body = edges.map((x, i) => ({ x, page: i + 1 })).filter((e) => Number.isFinite(e.x));
    const rectos = body.filter((e) => e.page % 2 === 1).map((e) => e.x);
    const versos = body.filter((e) => e.page % 2 === 0).map((e) => e.x);
    expect(rectos.length).toBeGreaterThan(0);
    expect(versos.length).toBeGreaterThan(0);
    // Recto text starts after the 1 in gutter (72 pt); verso text after the 0.5 in outer margin (36 pt).
    expect(Math.min(...rectos)).toBeGreaterThanOrEqual(71);
    expect(Math.min(...versos)).toBeGreaterThanOrEqual(35);
    expect(Math.min(...versos)).toBeLessThan(60);
  });

  it('embeds every font as TrueType', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).toMatch(/TrueType/);
    }
  });

  it('holds every word of a chapter', async () => {
    const chapter = readFileSync(path.join(input, '01-the-quay.md'), 'utf8').replace(/!\[[^\]]*\]\([^)]*\)|^# /gm, '');
    expect(missingWords(chapter, await pdfText(pdf))).toEqual([]);
  });

  it('puts the folio at the foot of body pages, counting from 1 on a recto, and none on the front matter', async () => {
    const pages = (await pdfText(pdf, { raw: false })).split('\f').slice(0, -1);
    const count = Number((await pdfInfo(pdf)).Pages);
    expect(pages.length).toBe(count);
    const foot = (page: string) => page.trim().split('\n').at(-1)?.trim() ?? '';
    const contents = pages.findIndex((page) => page.includes('Contents'));
    expect(contents).toBeGreaterThan(0);
    const folios = pages.flatMap((page, i) =>
      i > contents && /^\d+$/.test(foot(page)) ? [{ page: i + 1, folio: Number(foot(page)) }] : [],
    );
    expect(folios.length).toBeGreaterThan(2);
    // Every printed folio is the page's place in the body: folio 1 is an odd (recto) page.
    const offset = (folios[0]?.page ?? 0) - (folios[0]?.folio ?? 0);
    for (const f of folios) expect(f.page - f.folio, `page ${f.page}`).toBe(offset);
    expect(offset % 2).toBe(0);
    expect(folios.every((f) => f.page > offset)).toBe(true);
    expect(foot(pages[0] as string)).not.toMatch(/^\d+$/);
  });

  it('loads only the book’s own files', () => {
    expect(warnings.filter((w) => w.includes('blocked'))).toEqual([]);
  });
});
