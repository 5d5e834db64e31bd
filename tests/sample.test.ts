/**
 * The sample book in manuscript/ — the first thing a newcomer builds — must come out as an EPUB
 * that EPUBCheck passes cleanly and a print PDF at the default trim with every font embedded as
 * TrueType, holding every word of every chapter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { autoInner } from '../src/output/print/geometry.ts';
import { justifiedGaps, pdfLayout } from './helpers/pdf-layout.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { epubcheck, epubText, missingWords, pdfFonts, pdfInfo, pdfText } from './helpers/tools.ts';

const manuscript = path.join(REPO, 'manuscript');
const chapters = readdirSync(manuscript)
  .filter((n) => n.endsWith('.md'))
  .sort();

/** A chapter's words as a reader sees them: Markdown syntax, footnote labels and markers removed. */
function readable(markdown: string): string {
  return markdown
    .replace(/^:{2,}[\w-]*(?:\{[^}\n]*\})?/gm, ' ')
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/^#+ /gm, '')
    .replace(/[*_>\\]/g, ' ');
}

describe('sample book', () => {
  let epub: string;
  let pdf: string;

  beforeAll(async () => {
    const { files } = await build({ input: manuscript, out: tempDir() });
    epub = files.find((f) => f.format === 'epub')?.path as string;
    pdf = files.find((f) => f.format === 'pdf')?.path as string;
  });

  it('has at least three chapters and 3,000 words', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(3);
    const words = chapters.map((c) => readFileSync(path.join(manuscript, c), 'utf8').split(/\s+/).length);
    expect(words.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3000);
  });

  it('builds dist/<slug>.epub and .pdf', () => {
    expect(path.basename(epub)).toBe('a-register-of-weather-and-light.epub');
    expect(path.basename(pdf)).toBe('a-register-of-weather-and-light.pdf');
  });

  it('gives an EPUB that EPUBCheck passes with no errors or warnings', async () => {
    const check = await epubcheck(epub);
    expect(check.clean, check.output).toBe(true);
  });

  it('prints at 5.5 × 8.5 in by default', async () => {
    expect((await pdfInfo(pdf))['Page size']).toMatch(/^396 x 612 pts/);
  });

  it('embeds every font as TrueType, none as Type 3', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).toMatch(/TrueType/);
      expect(font.type).not.toMatch(/Type 3/);
    }
    expect(fonts.map((f) => f.name).join(' ')).toMatch(
      /EBGaramond-Regular.*EBGaramond-Italic|EBGaramond-Italic.*EBGaramond-Regular/,
    );
  });

  it.each(chapters)('keeps every word of %s in both the EPUB and the PDF', async (chapter) => {
    const source = readable(readFileSync(path.join(manuscript, chapter), 'utf8'));
    expect(missingWords(source, await epubText(epub))).toEqual([]);
    expect(missingWords(source, await pdfText(pdf))).toEqual([]);
  });

  it('starts each chapter on a new recto, with its number and title first on the page', async () => {
    const pages = (await pdfText(pdf, { raw: false })).split('\f');
    const titles = ['The Crossing', 'The Weather Book', 'Neap Tide', 'The Last Watch'];
    titles.forEach((title, k) => {
      const index = pages.findIndex((p) => {
        const lines = p
          .trim()
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        return lines[0] === ['one', 'two', 'three', 'four'][k] && lines[1] === title;
      });
      expect(index, title).toBeGreaterThan(0);
      expect(index % 2, `${title} opens on page ${index + 1}`).toBe(0);
    });
  });

  it('spaces words evenly: at most 2% of justified lines have a gap over 1.8 × the median', async () => {
    const pages = await pdfLayout(pdf);
    const first = pages.findIndex((p) => p.lines.some((l) => l.text === 'The Crossing' && l.y > 150));
    const right = (i: number) => (pages[0]?.width ?? 0) - (i % 2 === 0 ? 0.625 * 72 : autoInner(pages.length));
    const body = pages.map((p, i) =>
      i < first ? { ...p, lines: [] } : { ...p, lines: p.lines.filter((l) => l.y > 60 && l.y < p.height - 70) },
    );
    const gaps = justifiedGaps(body, right);
    const all = gaps.flat().sort((a, b) => a - b);
    const median = all[Math.floor(all.length / 2)] as number;
    expect(gaps.length).toBeGreaterThan(150);
    expect(gaps.filter((g) => Math.max(...g) > 1.8 * median).length / gaps.length).toBeLessThanOrEqual(0.02);
  });

  it('curls the quotes and dashes typed the way authors type', async () => {
    const text = await epubText(epub);
    expect(text).not.toMatch(/["]|--/);
    expect(text).toContain('“');
    expect(text).toContain('—');
  });
});
