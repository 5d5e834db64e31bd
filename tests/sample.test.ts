/**
 * The sample book in manuscript/ — the first thing a newcomer builds — must come out as an EPUB
 * that EPUBCheck passes cleanly and a print PDF at the default trim with every font embedded as
 * TrueType, holding every word of every chapter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { epubcheck, epubText, missingWords, pdfFonts, pdfInfo, pdfText } from './helpers/tools.ts';

const manuscript = path.join(REPO, 'manuscript');
const chapters = readdirSync(manuscript)
  .filter((n) => n.endsWith('.md'))
  .sort();

/** A chapter's words as a reader sees them: Markdown syntax, footnote labels and markers removed. */
function readable(markdown: string): string {
  return markdown
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/^#+ /gm, '')
    .replace(/[*_>\\]/g, ' ');
}

describe('sample book', async () => {
  const out = tempDir();
  const { files } = await build({ input: manuscript, out });
  const epub = files.find((f) => f.format === 'epub')?.path as string;
  const pdf = files.find((f) => f.format === 'pdf')?.path as string;

  it('has at least three chapters and 3,000 words', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(3);
    const words = chapters.map((c) => readFileSync(path.join(manuscript, c), 'utf8').split(/\s+/).length);
    expect(words.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3000);
  });

  it('builds dist/<slug>.epub and .pdf', () => {
    expect(path.basename(epub)).toBe('a-register-of-weather-and-light.epub');
    expect(path.basename(pdf)).toBe('a-register-of-weather-and-light.pdf');
  });

  it('gives an EPUB that EPUBCheck passes with no errors or warnings', () => {
    const check = epubcheck(epub);
    expect(check.clean, check.output).toBe(true);
  });

  it('prints at 5.5 × 8.5 in by default', () => {
    expect(pdfInfo(pdf)['Page size']).toMatch(/^396 x 612 pts/);
  });

  it('embeds every font as TrueType, none as Type 3', () => {
    const fonts = pdfFonts(pdf);
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
    expect(missingWords(source, pdfText(pdf))).toEqual([]);
  });

  it('starts each chapter on a new page, with its title first on the page', () => {
    const pages = pdfText(pdf, { raw: false }).split('\f');
    for (const title of ['The Crossing', 'The Weather Book', 'Neap Tide', 'The Last Watch']) {
      const page = pages.find((p) => p.trim().startsWith(title));
      expect(page, title).toBeDefined();
    }
  });

  it('curls the quotes and dashes typed the way authors type', async () => {
    const text = await epubText(epub);
    expect(text).not.toMatch(/["]|--/);
    expect(text).toContain('“');
    expect(text).toContain('—');
  });
});
