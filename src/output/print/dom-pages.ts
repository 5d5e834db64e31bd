/**
 * The printed pages as HTML, for the preview: the lines of the print page are marked before it
 * prints (line-marks.js), placed on their pages from the markers in the PDF (page-lines.ts), and
 * the document is cut at each page's first line (page-slices.js). The pages hold the book's own
 * DOM text, so they can be shown, selected and searched; in Chromium they set line for line as
 * the PDF.
 */
import type { BookPage } from '../browser.ts';
import { MARK_PREFIX, type Mark } from './markers.ts';
import { type ContainerLines, pageStarts, type TextBlockBox } from './page-lines.ts';
import { pageScript, runScript } from './page-script.ts';

const LINE_MARKS = pageScript('line-marks.js');
const PAGE_SLICES = pageScript('page-slices.js');

/** Marks every line of a settled print page; call before printing it. */
export function markLines(page: BookPage, linePt: number): Promise<ContainerLines[]> {
  return runScript<ContainerLines[]>(page, LINE_MARKS, { linePt, prefix: MARK_PREFIX });
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
  return runScript<string[]>(page, PAGE_SLICES, { starts });
}
