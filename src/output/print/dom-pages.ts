/**
 * The printed pages as HTML, for the preview: the lines of the print page are marked before it
 * prints (line-marks.js), placed on their pages from the markers in the PDF (page-lines.ts), and
 * the document is cut at each page's first line (page-slices.js). The pages hold the book's own
 * DOM text, so they can be shown, selected and searched; in Chromium they set line for line as
 * the PDF.
 */
import { readFile } from 'node:fs/promises';
import type { BookPage } from '../browser.ts';
import type { Mark } from './markers.ts';
import { type ContainerLines, pageStarts, type TextBlockBox } from './page-lines.ts';

const LINE_MARKS = readFile(new URL('./line-marks.js', import.meta.url), 'utf8');
const PAGE_SLICES = readFile(new URL('./page-slices.js', import.meta.url), 'utf8');
const PREFIX = 'https://galley.invalid/mark/';

async function run<T>(page: BookPage, script: Promise<string>, options: unknown): Promise<T> {
  return page.evaluate<T>(`(${(await script).trim().replace(/;$/, '')})(${JSON.stringify(options)})`);
}

/** Marks every line of a settled print page; call before printing it. */
export function markLines(page: BookPage, linePt: number): Promise<ContainerLines[]> {
  return run<ContainerLines[]>(page, LINE_MARKS, { linePt, prefix: PREFIX });
}

/** Each printed page's HTML (empty for a page no line starts on), after the page was printed. */
export async function slicePages(
  page: BookPage,
  containers: ContainerLines[],
  marks: Mark[],
  box: TextBlockBox,
  pageCount: number,
): Promise<string[]> {
  const starts = pageStarts(containers, marks, box, pageCount).map((s) => s ?? null);
  return run<string[]>(page, PAGE_SLICES, { starts });
}
