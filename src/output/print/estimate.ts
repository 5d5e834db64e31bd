/**
 * How many pages a book will take, before it is printed: from the amount of text (a first guess,
 * good to a few per cent), or from the blocks' heights as laid out on screen. The count picks
 * KDP's gutter, which changes the text width, so it must be known before the one full print.
 */
import { parseLength } from '../../config/trim.ts';
import type { PrintBlock } from './blocks.ts';
import type { PageGeometry } from './geometry.ts';

/** Pages the front matter will take: eight, and the contents. */
function frontEstimate(body: PrintBlock[], toc: boolean, g: PageGeometry): number {
  const lines = body.filter((b) => b.inToc).length + 8;
  return 8 + (toc ? Math.ceil((lines * g.line) / g.recto.height) + 1 : 0);
}

/** Each block's pages, guessed from its text (EB Garamond sets about 0.4 em a character). */
export function blockPagesFromText(body: PrintBlock[], g: PageGeometry, fontSize: string): number[] {
  const size = parseLength(fontSize) ?? 11;
  const perPage = (g.recto.width / (0.4 * size)) * (g.recto.height / g.line);
  return body.map((b) => Math.ceil(b.html.replace(/<[^>]*>/g, '').length / perPage) + 1);
}

/** A first guess at the book's pages from the amount of text, before anything is laid out. */
export function estimateFromText(body: PrintBlock[], g: PageGeometry, fontSize: string): number {
  return withBlanks(blockPagesFromText(body, g, fontSize), body) + frontEstimate(body, true, g);
}

/** The book's pages from the blocks' heights as laid out on screen (in points). */
export function estimateFromHeights(heights: number[], body: PrintBlock[], toc: boolean, g: PageGeometry): number {
  const pages = body.map((_, i) => Math.max(1, Math.ceil((heights[i] ?? 0) / g.recto.height)));
  return withBlanks(pages, body) + frontEstimate(body, toc, g);
}

function withBlanks(pages: number[], body: PrintBlock[]): number {
  let total = 0;
  pages.forEach((n, i) => {
    if (total % 2 === 1 && (i === 0 || body[i]?.start === 'recto')) total++;
    total += n;
  });
  return total;
}

/**
 * The body split into runs of blocks of about `size` pages each, for printing one after another:
 * a browser holds a whole document's pages in memory while it prints, and a 1,500-page book in
 * one document takes well over a gigabyte. Blocks start on new pages, so the runs lay out as the
 * whole would.
 */
export function chunks(pages: number[], size: number): number[][] {
  const total = pages.reduce((a, b) => a + b, 0);
  if (total < size * 1.5) return [pages.map((_, i) => i)];
  const out: number[][] = [[]];
  let count = 0;
  pages.forEach((n, i) => {
    const current = out[out.length - 1] as number[];
    if (current.length && count + n > size) {
      out.push([i]);
      count = n;
    } else {
      current.push(i);
      count += n;
    }
  });
  return out;
}
