/**
 * The printed pages of a page Chromium broke into pages itself (the front matter's): the lines
 * of the print page are marked before it prints (line-marks.js) and placed on their pages from
 * the markers in the PDF (page-lines.ts). Then, for the preview, the document is cut at each
 * page's first line (page-slices.js): the pages hold the book's own DOM text, so they can be
 * shown, selected and searched, and in Chromium they set line for line as the PDF. For the
 * EPUB's page list, each page's first words are read from there too (page-words.js).
 */
import type { BookPage } from '../browser.ts';
import { MARK_PREFIX, type Mark } from './markers.ts';
import { type ContainerLines, pageStarts, type TextBlockBox } from './page-lines.ts';
import { pageScript, runScript } from './page-script.ts';

const LINE_MARKS = pageScript('line-marks.js');
const PAGE_SLICES = pageScript('page-slices.js');
const PAGE_WORDS = pageScript('page-words.js');

/** Words read from the start of a page (as set-lines.ts reads the body's). */
const WORDS = 40;

/** Marks every line of a settled print page; call before printing it. */
export function markLines(page: BookPage, linePt: number): Promise<ContainerLines[]> {
  return runScript<ContainerLines[]>(page, LINE_MARKS, { linePt, prefix: MARK_PREFIX });
}

/** Each printed page's HTML (empty for a page no line starts on), after the page was printed. */
export function slicePages(page: BookPage, starts: PageLines): Promise<string[]> {
  return runScript<string[]>(page, PAGE_SLICES, { starts });
}

/** Each printed page's first words ('' for a page no line starts on), after the page was printed. */
export function pageWords(page: BookPage, starts: PageLines): Promise<string[]> {
  return runScript<string[]>(page, PAGE_WORDS, { starts, words: WORDS });
}

/** The first line of each printed page (null where none starts), from the printed markers. */
export type PageLines = (number | null)[];

export function pageLines(containers: ContainerLines[], marks: Mark[], box: TextBlockBox, pageCount: number): PageLines {
  return pageStarts(containers, marks, box, pageCount).map((s) => s ?? null);
}
