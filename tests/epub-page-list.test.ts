/**
 * Page numbers from print: when a book is built in both formats, the EPUB marks where each
 * printed page begins — the marker for page N stands just before the first words that PDF page
 * N shows (its text in drawing order, read back from the PDF here: Galley itself never reads
 * it) — lists the markers in a page-list nav, and names the print edition as the source of its
 * page breaks. A page with no text the EPUB has there (a blank, the half title, print's contents,
 * the "Also by" page the EPUB has at the back) stands beside the next page. Two books: the sample,
 * and one with all the front matter (an epigraph of two pages, contents of two) and page notes
 * run on past a chapter's text. EPUBCheck and DAISY Ace pass both cleanly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import {
  type ListedPage,
  numberWords,
  type PageList,
  readPageList,
  standsBeforeItsWords,
  standsBesideTheNext,
} from './helpers/page-list.ts';
import { writePageListBook } from './helpers/page-list-book.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { aceCheck, epubcheck } from './helpers/tools.ts';

describe('page list from the print edition', () => {
  const manuscript = path.join(REPO, 'manuscript');
  let epub: string;
  let read: PageList;

  beforeAll(async () => {
    const { files } = await build({ input: manuscript, out: tempDir() });
    epub = files.find((f) => f.format === 'epub')?.path as string;
    const pdf = files.find((f) => f.format === 'pdf')?.path as string;
    // Folios, the author and title in running heads, chapter titles (read from the nav), chapter numbers in words.
    const yaml = readFileSync(path.join(manuscript, 'book.yaml'), 'utf8');
    const heads = [...yaml.matchAll(/^(?:title|author): (.*)$/gm)].map((m) => m[1] as string);
    read = await readPageList(epub, pdf, [...heads, ...numberWords()]);
  });

  it('lists one page for every page of the PDF, with its printed folio', () => {
    const { pages } = read;
    expect(pages.length).toBe(read.pageCount);
    expect(pages.map((p) => p.label).slice(0, 3)).toEqual(['i', 'ii', 'iii']);
    expect(pages.some((p) => p.label === '1')).toBe(true);
    expect(read.list).toMatch(/^epub:type="page-list" id="page-list" role="doc-pagelist"/);
  });

  it('puts a page-break marker, with its label, where each page of the list points', () => {
    for (const page of read.pages) {
      const doc = read.entries.get(`OEBPS/${page.file}`) as string;
      expect(doc, page.label).toContain(
        `<span epub:type="pagebreak" role="doc-pagebreak" id="${page.id}" aria-label="${page.label}"/>`,
      );
    }
  });

  it('names the print edition as the source of the page breaks', () => {
    const opf = read.entries.get('OEBPS/content.opf') as string;
    expect(opf).toMatch(
      /<meta property="pageBreakSource">A Register of Weather and Light, Galley Press, print edition \(5\.5x8\.5\)</,
    );
    expect(opf).toContain('<meta property="schema:accessibilityFeature">pageBreakMarkers</meta>');
    expect(opf).toContain('<meta property="schema:accessibilityFeature">pageNavigation</meta>');
  });

  it('stands each marker just before the first words the PDF shows on that page', () => {
    const front = read.pages.filter((p) => /^[ivx]+$/.test(p.label));
    for (const page of read.pages) {
      // A blank page and print's own (the half title, the contents) stand beside the next page.
      const own = page.printed === '' || page.printed.startsWith('contents');
      if (own) expect(standsBesideTheNext(page), `page ${page.label}`).toBe(true);
      else
        expect(standsBeforeItsWords(page), `page ${page.label}: ${page.after.slice(0, 40)} / ${page.printed.slice(0, 30)}`).toBe(
          true,
        );
    }
    // The title page, the copyright page and the dedication, by their own words.
    expect(front.filter((p) => p.printed !== '' && !p.printed.startsWith('contents')).map((p) => p.label)).toEqual([
      'iii',
      'iv',
      'v',
    ]);
    expect(read.pages.filter((p) => p.printed !== '').length).toBeGreaterThanOrEqual(read.pageCount / 2);
  });

  it('passes EPUBCheck and DAISY Ace with the page list', async () => {
    const check = await epubcheck(epub);
    expect(check.clean, check.output).toBe(true);
    const ace = await aceCheck(epub);
    expect(ace.violations, ace.violations.join('\n')).toEqual([]);
  });
});

describe('page list of a book with all its front matter and page notes', () => {
  let epub: string;
  let read: PageList;
  let texts: ListedPage[];

  beforeAll(async () => {
    const input = writePageListBook();
    const { files } = await build({ input, out: tempDir() });
    epub = files.find((f) => f.format === 'epub')?.path as string;
    const pdf = files.find((f) => f.format === 'pdf')?.path as string;
    read = await readPageList(epub, pdf, ['The Harbourmaster’s Ledger', 'Tamsin Quiller', ...numberWords()]);
    texts = read.pages.filter((p) => p.printed !== '');
  }, 300_000);

  /** Pages the EPUB has no text of at that place: print's own (the half title, the contents), and "Also by" (at the back). */
  const printOwn = (page: ListedPage, i: number, pages: ListedPage[]) =>
    page.printed === '' ||
    page.shown.startsWith('alsoby') ||
    (pages.slice(0, i + 1).some((p) => /^[ivx]+$/.test(p.label) && p.printed.startsWith('contents')) &&
      /^[ivx]+$/.test(page.label));

  it('lists one page for every page of the PDF', () => {
    expect(read.pages.length).toBe(read.pageCount);
  });

  it('stands each marker just before the first words of its PDF page, or beside the next page for print’s own', () => {
    read.pages.forEach((page, i) => {
      if (printOwn(page, i, read.pages)) expect(standsBesideTheNext(page), `page ${page.label}`).toBe(true);
      else
        expect(standsBeforeItsWords(page), `page ${page.label}: ${page.after.slice(0, 40)} / ${page.printed.slice(0, 30)}`).toBe(
          true,
        );
    });
  });

  it('marks the title page, the copyright page, the dedication and both pages of the epigraph at their words', () => {
    const front = read.pages.filter((p, i) => /^[ivx]+$/.test(p.label) && !printOwn(p, i, read.pages));
    expect(front.map((p) => p.label)).toEqual(['iii', 'iv', 'v', 'vii', 'viii']);
    expect(front.every(standsBeforeItsWords)).toBe(true);
    // The epigraph's second page opens inside it: its marker stands between its words.
    const second = read.pages.find((p) => p.label === 'viii');
    expect(second?.after.startsWith(second.printed.slice(0, 30))).toBe(true);
    expect(read.entries.get(`OEBPS/${second?.file}`)).toMatch(/id="epigraph"/);
  });

  it('puts the markers of the contents’ two pages, and the half title’s, beside the next page’s', () => {
    const contents = read.pages.filter(
      (p, i) => /^[ivx]+$/.test(p.label) && printOwn(p, i, read.pages) && p.printed !== '' && !p.shown.startsWith('alsoby'),
    );
    expect(contents.length).toBeGreaterThanOrEqual(2);
    expect(contents.every(standsBesideTheNext)).toBe(true);
    expect(standsBesideTheNext(read.pages[0] as ListedPage)).toBe(true);
  });

  it('marks a page of notes run on past its chapter’s text in the note, before its words', () => {
    // "Low Tide" (a page of text) calls a note longer than a page: it runs on to the pages after.
    const file = [...read.entries].find(([name, text]) => name.endsWith('.xhtml') && text.includes('>Low Tide</h1>'))?.[0];
    const notes = read.pages.filter((p) => `OEBPS/${p.file}` === file && p.printed !== '').slice(1);
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (const page of notes) {
      expect(standsBeforeItsWords(page), `page ${page.label}`).toBe(true);
      const doc = read.entries.get(`OEBPS/${page.file}`) as string;
      const marker = doc.indexOf(`id="${page.id}"`);
      expect(doc.lastIndexOf('role="doc-footnote"', marker), `page ${page.label}`).toBeGreaterThan(
        doc.lastIndexOf('</aside>', marker),
      );
    }
    expect(texts.length).toBeGreaterThan(read.pageCount / 2);
  });

  it('passes EPUBCheck and DAISY Ace with the page list', async () => {
    const check = await epubcheck(epub);
    expect(check.clean, check.output).toBe(true);
    const ace = await aceCheck(epub);
    expect(ace.violations, ace.violations.join('\n')).toEqual([]);
  });
});
