/**
 * Page numbers from print: when the sample book is built in both formats, the EPUB marks where
 * each printed page begins — the marker for page N stands just before the first words that
 * PDF page N shows (its text in drawing order) — lists the markers in a page-list nav, and names the print
 * edition as the source of its page breaks. EPUBCheck and DAISY Ace pass it cleanly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { aceCheck, decodeEntities, epubcheck, epubEntries, pdfInfo, pdfText } from './helpers/tools.ts';

/** Words as compared: lower case, letters and digits only, hyphenation at line ends undone. */
function words(text: string): string[] {
  return text
    .replace(/(\p{L})[-\u00AD]\s*\n\s*(\p{L})/gu, '$1$2')
    .split(/[\s\u2012-\u2015]+/)
    .map((w) =>
      w
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]/gu, ''),
    )
    .filter(Boolean);
}

describe('page list from the print edition', () => {
  const manuscript = path.join(REPO, 'manuscript');
  let epub: string;
  let pdf: string;
  let entries: Map<string, string>;
  let list: string;
  let pages: { file: string; id: string; label: string }[];
  let pageCount: number;
  /** What print adds around the text, squashed (running heads are letterspaced). */
  let furniture: string[];

  beforeAll(async () => {
    const { files } = await build({ input: manuscript, out: tempDir() });
    epub = files.find((f) => f.format === 'epub')?.path as string;
    pdf = files.find((f) => f.format === 'pdf')?.path as string;
    entries = await epubEntries(epub);
    const nav = entries.get('OEBPS/toc.xhtml') as string;
    list = nav.slice(nav.indexOf('epub:type="page-list"'));
    pages = [...list.matchAll(/<li><a href="([^"#]+)#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => ({
      file: m[1] as string,
      id: m[2] as string,
      label: m[3] as string,
    }));
    pageCount = Number((await pdfInfo(pdf)).Pages);
    // Folios, the author and title in running heads, chapter titles, chapter numbers in words.
    const yaml = readFileSync(path.join(manuscript, 'book.yaml'), 'utf8');
    const heads = [...yaml.matchAll(/^(?:title|author): (.*)$/gm), ...nav.matchAll(/<a href="[^"#]+">([^<]+)<\/a>/g)].map(
      (m) => m[1] as string,
    );
    furniture = [...heads, 'one', 'two', 'three', 'four', 'five']
      .map((t) => words(t).join(''))
      .sort((a, b) => b.length - a.length);
  });
  /** The squashed text with furniture at its start taken off. */
  const withoutFurniture = (squashed: string, label: string) => {
    let text = squashed;
    for (let again = true; again; ) {
      again = false;
      for (const f of [label, ...furniture]) {
        if (f && text.startsWith(f)) {
          text = text.slice(f.length);
          again = true;
        }
      }
    }
    return text;
  };

  it('lists one page for every page of the PDF, with its printed folio', () => {
    expect(pages.length).toBe(pageCount);
    expect(pages.map((p) => p.label).slice(0, 3)).toEqual(['i', 'ii', 'iii']);
    expect(pages.some((p) => p.label === '1')).toBe(true);
    expect(list).toMatch(/^epub:type="page-list" id="page-list" role="doc-pagelist"/);
  });

  it('puts a page-break marker, with its label, where each page of the list points', () => {
    for (const page of pages) {
      const doc = entries.get(`OEBPS/${page.file}`) as string;
      expect(doc, page.label).toContain(
        `<span epub:type="pagebreak" role="doc-pagebreak" id="${page.id}" aria-label="${page.label}"/>`,
      );
    }
  });

  it('names the print edition as the source of the page breaks', () => {
    const opf = entries.get('OEBPS/content.opf') as string;
    expect(opf).toMatch(
      /<meta property="pageBreakSource">A Register of Weather and Light, Galley Press, print edition \(5\.5x8\.5\)</,
    );
    expect(opf).toContain('<meta property="schema:accessibilityFeature">pageBreakMarkers</meta>');
    expect(opf).toContain('<meta property="schema:accessibilityFeature">pageNavigation</meta>');
  });

  it('stands each marker just before the first words the PDF shows on that page', async () => {
    let checked = 0;
    for (const [index, page] of pages.entries()) {
      const printed = withoutFurniture(words(await pdfText(pdf, { first: index + 1 })).join(''), page.label);
      if (printed === '' || printed.startsWith('contents')) continue; // a blank page, or print's table of contents
      const doc = entries.get(`OEBPS/${page.file}`) as string;
      const marker = doc.indexOf(`id="${page.id}"`);
      const following = words(decodeEntities(doc.slice(doc.indexOf('/>', marker) + 2).replace(/<[^>]+>/g, ' ')));
      const after = withoutFurniture(following.join(''), page.label);
      const expected = printed.slice(0, 30);
      // A page that opens inside a word hyphenated across the break: the marker precedes the whole word.
      const at = after.slice(0, 60).indexOf(expected);
      const inFirstWord = at > 0 && at < (following[0] ?? '').length;
      expect(at === 0 || inFirstWord, `page ${page.label}: ${after.slice(0, 40)} / ${expected}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(pageCount / 2);
  });

  it('passes EPUBCheck and DAISY Ace with the page list', async () => {
    const check = epubcheck(epub);
    expect(check.clean, check.output).toBe(true);
    const ace = await aceCheck(epub);
    expect(ace.violations, ace.violations.join('\n')).toEqual([]);
  });
});
