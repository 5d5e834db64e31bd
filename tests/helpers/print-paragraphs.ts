/**
 * Where paragraphs start and end, read from the lines' edges as the eye reads them, on the pages
 * of running text (openers and body pages), across page turns:
 *
 * - a line is `full` when it is filled: in a justified design when it reaches its block's right
 *   edge (within 1 pt): the text block's, or for an indented block (a block quote, a letter) the
 *   edge two or more of its lines share; in a design set ragged right (print-geometry.ts) when
 *   the next line's first word would not have fitted after it (at the design's word space, the
 *   median gap between words, within 0.5 pt of the text block's edge): a line set ragged ends
 *   short only where its paragraph ends;
 * - a line `start`s a paragraph when the line before it in the flow is not filled (a last line),
 *   or when it is indented (0.4 to 4 ems in from the block's left edge near it, the lines beside
 *   a drop cap counted from the drop cap), or set further in than that (a line of its own set to
 *   the right: a message, a dateline), or when it follows a vertical gap, a heading or an
 *   ornament, or opens a chapter; a centred short line (a signature, an ornament) is a
 *   paragraph of its own;
 * - a line is a paragraph's `last` when the next line in the flow starts one, or none follows.
 *
 * Blocks are runs of text lines without a gap of more than 1.4 line pitches; a centred short
 * line (an ornament) and a display line end a block. The flow runs on from a page's last line of
 * body-size text (with nothing but notes below it) to the next page's first when that page
 * follows directly, its text starts at the block's top, and its first block keeps the line's left
 * edge (starts where that line does, or a paragraph indent left of it: a paragraph's lines share
 * their left edge; a block set elsewhere, verse or a message set to one side, begins anew).
 * Footnotes (smaller text) are read as blocks of their own.
 */
import type { DrawnWord } from './pdf-read.ts';
import { median } from './print-geometry.ts';
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
  /** Set ragged right (not justified: its word spaces are the font's). */
  ragged: boolean;
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

/** The median gap between words on the running text's lines: a ragged design's word space. */
function wordSpace(pages: BookPage[], g: BookGeometry): number {
  const gaps = pages
    .filter((p) => p.role === 'body')
    .flatMap((p) => p.lines.filter((l) => !l.display && !isNote(l, g)))
    .flatMap((l) => l.words.slice(1).map((w, k) => w.xMin - (l.words[k] as DrawnWord).xMax));
  return median(gaps.filter((gap) => gap > 0));
}

/** Where a line runs on from: the line before it in the flow, with its page's text block edges. */
interface Before {
  line: BookLine;
  left: number;
  right: number;
}

export function markParagraphs(pages: BookPage[], g: BookGeometry): void {
  const em = g.bodySize;
  const space = g.ragged ? wordSpace(pages, g) : 0;
  /**
   * Whether `before` is filled, so `line` may run on from it: in a justified design it reaches
   * its block's edge; set ragged, the first word of `line` would not have fitted after it.
   */
  const filled = (before: Before, line: BookLine, edge: number) => {
    if (!g.ragged) return before.line.full;
    const next = line.words[0];
    const width = next ? next.xMax - next.xMin : 0;
    before.line.full = before.line.xMax + space + width > edge + 0.5;
    return before.line.full;
  };
  let carry: Before | undefined;
  for (const page of pages) {
    const running = page.role === 'body' || page.role === 'opener';
    const previousPage = pages[page.index - 1];
    const fromPrevious = running && page.role === 'body' && previousPage && carry !== undefined ? carry : undefined;
    carry = undefined;
    if (!running) continue;
    const [left, right] = page.recto ? [g.left.recto, g.right.recto] : [g.left.verso, g.right.verso];
    for (const line of page.lines) {
      if (!line.display && isOther(line, left, right, em)) [line.start, line.last] = [true, true];
    }
    const blocks = blocksOf(page, g);
    blocks.forEach((block, b) => {
      const first = block[0] as BookLine;
      const atTop = b === 0 && page.lines[0] === first && first.base < g.top + 0.5 * g.pitch;
      // A block running on from the page before shares its edge with that page's last line
      // (its inset from its own page's right edge: rectos and versos sit apart). Set ragged,
      // a block's edge is the text block's.
      const ends = block.map((l) => right - l.xMax);
      if (atTop && fromPrevious) ends.push(fromPrevious.right - fromPrevious.line.xMax);
      const blockMax = Math.max(...block.map((l) => l.xMax));
      const shared = ends.filter((inset) => Math.abs(inset - (right - blockMax)) <= 0.5).length >= 2;
      const edge = shared && blockMax < right - 1 && !g.ragged ? blockMax : right;
      // Over a page turn a paragraph keeps its left edge: the line before stands where this
      // block's lines do, or a paragraph indent in from them (a first line). A block that stands
      // elsewhere (verse, a message set to one side) begins anew.
      const topInset = Math.min(...block.slice(0, 4).map((l) => l.xMin)) - left;
      const from = fromPrevious && fromPrevious.line.xMin - fromPrevious.left - topInset;
      const runsOn = from !== undefined && (Math.abs(from) <= 1 || (from >= 0.4 * em && from <= 4 * em));
      block.forEach((line, k) => {
        line.full = line.xMax >= edge - 1;
        line.ragged = g.ragged;
        line.last = true;
        const within = k > 0 ? { line: block[k - 1] as BookLine, left, right: edge } : undefined;
        const before = within ?? (atTop && !isNote(first, g) && runsOn ? fromPrevious : undefined);
        const near = block.slice(Math.max(0, k - 3), k + 4).map((l) => leftOf(l, page.dropCap));
        const indent = leftOf(line, page.dropCap) - Math.min(...near);
        line.start = !before || !filled(before, line, before.right) || indent >= 0.4 * em;
        if (before) before.line.last = line.start;
      });
    });
    // The flow runs on from the page's last line of running text, below which only notes stand.
    const lastText = page.lines.findLastIndex((l) => !isNote(l, g) && !l.display);
    if (lastText >= 0 && page.lines.slice(lastText + 1).every((l) => isNote(l, g))) {
      carry = { line: page.lines[lastText] as BookLine, left, right };
    }
  }
}
