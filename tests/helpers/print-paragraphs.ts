/**
 * Where paragraphs start and end, read from the lines' edges as the eye reads them, on the pages
 * of running text (openers and body pages), across page turns:
 *
 * - a line is `full` when it reaches its block's right edge (within 1 pt): the text block's, or
 *   for an indented block (a block quote, a letter) the edge two or more of its lines share;
 * - a line `start`s a paragraph when the line before it in the flow does not reach the edge (a
 *   last line), or when it is indented (0.4 to 4 ems in from the block's left edge near it, the
 *   lines beside a drop cap counted from the drop cap), or when it follows a vertical gap, a
 *   heading or an ornament, or opens a chapter;
 * - a line is a paragraph's `last` when the next line in the flow starts one, or none follows.
 *
 * Blocks are runs of text lines without a gap of more than 1.4 line pitches; a centred short
 * line (an ornament) and a display line end a block. The flow runs on from a page's last line of
 * body-size text to the next page's first when that page follows directly and its text starts at
 * the block's top. Footnotes (smaller text) are read as blocks of their own.
 */
import type { DrawnWord } from './pdf-read.ts';
import type { BookGeometry, BookLine, BookPage } from './print-pages.ts';

export interface FlowLine {
  words: DrawnWord[];
  xMin: number;
  xMax: number;
  /** Reaches the right edge of its block. */
  full: boolean;
  /** First line of a paragraph. */
  start: boolean;
  /** Last line of a paragraph. */
  last: boolean;
}

/** A centred short line or a display line: not running text. */
function isOther(line: BookLine, left: number, right: number, em: number): boolean {
  return line.display || (line.xMin - left > 4 * em && line.xMax < right - 4 * em);
}

function blocksOf(page: BookPage, g: BookGeometry): BookLine[][] {
  const [left, right] = page.recto ? [g.left.recto, g.right.recto] : [g.left.verso, g.right.verso];
  const blocks: BookLine[][] = [];
  let current: BookLine[] = [];
  let previous: BookLine | undefined;
  for (const line of page.lines) {
    const gap = previous !== undefined && line.base - previous.base > 1.4 * g.pitch;
    const other = isOther(line, left, right, g.bodySize);
    const smaller = previous !== undefined && isNote(line, g) !== isNote(previous, g);
    if (gap || other || smaller || (previous && isOther(previous, left, right, g.bodySize))) {
      if (current.length) blocks.push(current);
      current = [];
    }
    if (!other) current.push(line);
    previous = line;
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** Set smaller than the running text (a footnote). */
function isNote(line: BookLine, g: BookGeometry): boolean {
  return line.size < 0.95 * g.bodySize;
}

/** The lines beside a drop cap start where the drop cap does. */
function leftOf(line: BookLine, drop: DrawnWord | undefined): number {
  return drop && line.base > drop.yMin && line.base < drop.base + 1 ? Math.min(line.xMin, drop.xMin) : line.xMin;
}

export function markParagraphs(pages: BookPage[], g: BookGeometry): void {
  const em = g.bodySize;
  let carry: BookLine | undefined;
  let carryRight = 0;
  for (const page of pages) {
    const running = page.role === 'body' || page.role === 'opener';
    const previousPage = pages[page.index - 1];
    const fromPrevious = running && page.role === 'body' && previousPage && carry !== undefined ? carry : undefined;
    carry = undefined;
    if (!running) continue;
    const right = page.recto ? g.right.recto : g.right.verso;
    const blocks = blocksOf(page, g);
    blocks.forEach((block, b) => {
      const first = block[0] as BookLine;
      const atTop = b === 0 && page.lines[0] === first && first.base < g.top + 0.5 * g.pitch;
      // A block running on from the page before shares its edge with that page's last line
      // (its inset from its own page's right edge: rectos and versos sit apart).
      const ends = block.map((l) => right - l.xMax);
      if (atTop && fromPrevious) ends.push(carryRight - fromPrevious.xMax);
      const blockMax = Math.max(...block.map((l) => l.xMax));
      const shared = ends.filter((inset) => Math.abs(inset - (right - blockMax)) <= 0.5).length >= 2;
      const edge = shared && blockMax < right - 1 ? blockMax : right;
      block.forEach((line, k) => {
        line.full = line.xMax >= edge - 1;
        line.last = true;
        const before = k > 0 ? block[k - 1] : atTop && !isNote(first, g) ? fromPrevious : undefined;
        const near = block.slice(Math.max(0, k - 3), k + 4).map((l) => leftOf(l, page.dropCap));
        const indent = leftOf(line, page.dropCap) - Math.min(...near);
        line.start = !before?.full || (indent >= 0.4 * em && indent <= 4 * em);
        if (before) before.last = line.start;
      });
    });
    const lastText = [...page.lines].reverse().find((l) => !isNote(l, g) && !l.display);
    if (lastText && page.lines.at(-1) === lastText) [carry, carryRight] = [lastText, right];
  }
}
