/**
 * A print PDF's pages as a book designer reads them, from the words drawn on them alone (see
 * pdf-read.ts): each page's text lines (words sharing a baseline; a footnote call joined to its
 * word; a drop cap kept apart), its running head and folio set aside, and its role in the book.
 * Nothing here asks the engine that made the PDF; everything is inferred from the pages, so the
 * same reading serves any layout engine:
 *
 * - the body size is the size most of the book's words are set in; a word twice that size or more
 *   is a drop cap when a text line starts beside it (its baseline within the word's height, its
 *   first word within two body sizes of the word's right edge), else a display line of its own (a
 *   chapter's big numeral); a line 1.25 times that size or more is a display line (a heading, a
 *   part title);
 * - the text block (print-geometry.ts): its top and bottom the baselines most pages' running text
 *   starts and ends on, its edges, whether it is set ragged (or, for a book too short to show
 *   them, as the caller read them off a longer book in the same design); a line more than 0.6 pitches above
 *   the top or below the bottom is page furniture (running head, folio);
 * - roles: `front` before the body's first page (the PDF's page labels, where roman numbering
 *   turns arabic; without labels, the first page with an arabic folio less its number); `blank`
 *   with no words and no figure; `part` in the body with lines, all of them display lines, or
 *   the pages given (a part page may hold an epigraph, which reads as an opener's text);
 *   `opener` where a chapter starts: the page's first line sunk more than three pitches below
 *   the top, with a display line among its first three lines or a drop cap (a large word, or a
 *   drawing beside the first lines), or, when the caller knows them (e.g. from the screen
 *   edition's bookmarks), the pages given; `body` the rest. A chapter runs from its opener to the page before the next opener or part page; its last
 *   page is the last of those that is not blank.
 */
import type { DrawnWord } from './pdf-read.ts';
import { type BookGeometry, blockOf, edges, median, mode } from './print-geometry.ts';
import { type FlowLine, markParagraphs } from './print-paragraphs.ts';

export { type BookGeometry, median, mode };

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One page as read from the PDF: its words, and where known its trim and its figures' boxes (images, drawings). */
export interface SourcePage {
  width: number;
  height: number;
  words: DrawnWord[];
  /** The trim box from the page's top left (the whole page when absent). */
  trim?: Box;
  figures?: Box[];
}

export interface SourceBook {
  pages: SourcePage[];
  /** Index of the body's first page (from the page labels), when known. */
  bodyStart?: number | undefined;
  /** Indexes of the chapters' first pages, when known (else inferred). */
  openers?: number[] | undefined;
  /** Indexes of the part pages, when known (else inferred: see the header). */
  parts?: number[] | undefined;
  /**
   * The text block, when known (else inferred): read from a longer book in the same design, for
   * a book too short to show its own (a few pages, each a chapter's opener or last page).
   */
  geometry?: BookGeometry | undefined;
}

export type PageRole = 'front' | 'blank' | 'part' | 'opener' | 'body';

export interface BookLine extends FlowLine {
  base: number;
  size: number;
  text: string;
  /** Set at 1.25 times the body size or more (a heading, a part or chapter title). */
  display: boolean;
}

export interface BookPage {
  index: number;
  /** Right-hand page (odd page number). */
  recto: boolean;
  width: number;
  height: number;
  trim: Box;
  role: PageRole;
  /** The last page of a chapter that holds text (an opener too, for a one-page chapter). */
  chapterLast: boolean;
  /** The chapter the page belongs to (0-based), if any. */
  chapter: number | undefined;
  dropCap: DrawnWord | undefined;
  /** The text lines top to bottom, furniture left out. */
  lines: BookLine[];
  furniture: BookLine[];
  /** Every word drawn on the page (furniture and drop caps included). */
  words: DrawnWord[];
  figures: Box[];
}

export interface Book {
  pages: BookPage[];
  geometry: BookGeometry;
  bodyStart: number;
}

function bodySizeOf(pages: SourcePage[]): number {
  const sizes = pages.flatMap((p) => p.words.flatMap((w) => Array.from({ length: w.text.length }, () => w.size)));
  return mode(sizes, 0.1) ?? 10;
}

/** A box beside which a text line starts: its baseline within the box's height, its first word within two body sizes right of it. */
function besideLines(box: { yMin: number; yMax: number; xMax: number }, lines: BookLine[], bodySize: number): boolean {
  return lines.some(
    (l) =>
      !l.display && l.base > box.yMin && l.base < box.yMax + 1 && Math.abs((l.words[0]?.xMin ?? 0) - box.xMax) < 2 * bodySize,
  );
}

/**
 * A drop cap drawn as a vector (Galley's, src/output/print/drop-cap.ts): a drawing two body sizes
 * tall or more, narrower than a fifth of the page, beside which a text line starts (its baseline
 * within the drawing's height, its first word within two body sizes of its right edge). Given as
 * a word with no text, the drawing's box.
 */
function drawnDropCap(figures: Box[], lines: BookLine[], bodySize: number): DrawnWord | undefined {
  const cap = figures.find(
    (f) =>
      f.bottom - f.top >= 2 * bodySize &&
      f.right - f.left < 8 * bodySize &&
      besideLines({ yMin: f.top, yMax: f.bottom, xMax: f.right }, lines, bodySize),
  );
  if (!cap) return undefined;
  const size = cap.bottom - cap.top;
  return {
    text: '',
    xMin: cap.left,
    xMax: cap.right,
    yMin: cap.top,
    yMax: cap.bottom,
    base: cap.bottom,
    size,
    softHyphen: false,
  };
}

/**
 * Words into lines by baseline (within 1 pt), top to bottom, left to right. A word much smaller
 * than the body size drawn a little above a line's baseline (a footnote call) joins the word it
 * touches; drop caps are left out.
 */
function linesOf(words: DrawnWord[], bodySize: number): { base: number; words: DrawnWord[] }[] {
  const small = (w: DrawnWord) => w.size < 0.8 * bodySize;
  const lines: { base: number; words: DrawnWord[] }[] = [];
  for (const word of [...words].filter((w) => !small(w)).sort((a, b) => a.base - b.base || a.xMin - b.xMin)) {
    const line = lines.find((l) => Math.abs(l.base - word.base) <= 1);
    if (line) line.words.push(word);
    else lines.push({ base: word.base, words: [word] });
  }
  for (const call of words.filter(small)) {
    const line = lines.find((l) => l.base - call.base > -0.5 && l.base - call.base < 0.7 * bodySize);
    const index = line?.words.findIndex((w) => Math.abs(call.xMin - w.xMax) < 0.15 * bodySize) ?? -1;
    const host = line?.words[index];
    if (line && host) line.words[index] = { ...host, xMax: Math.max(host.xMax, call.xMax), text: host.text + call.text };
    else if (line) line.words.push(call);
    else lines.push({ base: call.base, words: [call] });
  }
  for (const line of lines) line.words.sort((a, b) => a.xMin - b.xMin);
  return lines.sort((a, b) => a.base - b.base);
}

function bookLine(line: { base: number; words: DrawnWord[] }, bodySize: number): BookLine {
  const size =
    mode(
      line.words.flatMap((w) => Array.from({ length: w.text.length }, () => w.size)),
      0.1,
    ) ?? bodySize;
  return {
    base: line.base,
    size,
    words: line.words,
    text: line.words.map((w) => w.text).join(' '),
    xMin: line.words[0]?.xMin ?? 0,
    xMax: Math.max(...line.words.map((w) => w.xMax)),
    display: size >= 1.25 * bodySize,
    full: false,
    start: false,
    last: false,
    ragged: false,
  };
}

/** Reads the book's pages: lines, furniture, geometry, roles and chapters. */
export function readBook(source: SourceBook): Book {
  const inBody = (i: number) => i >= (source.bodyStart ?? 0);
  const given = source.geometry;
  const bodySize = given?.bodySize ?? bodySizeOf(source.pages.filter((_, i) => inBody(i)));
  const all = source.pages.map((page) => {
    const large = page.words.filter((w) => w.size >= 2 * bodySize);
    const text = linesOf(
      page.words.filter((w) => w.size < 2 * bodySize),
      bodySize,
    ).map((l) => bookLine(l, bodySize));
    const dropCap = large.find((w) => besideLines(w, text, bodySize));
    // A large word that is no drop cap reads as a display line of its own.
    const display = large.filter((w) => w !== dropCap);
    const lines = display.length
      ? linesOf(
          page.words.filter((w) => w !== dropCap),
          bodySize,
        ).map((l) => bookLine(l, bodySize))
      : text;
    return { dropCap: dropCap ?? drawnDropCap(page.figures ?? [], lines, bodySize), lines };
  });
  const block =
    given ??
    blockOf(
      all.filter((_, i) => inBody(i)).map((p) => p.lines),
      bodySize,
    );
  const furnitureOf = (l: BookLine) => l.base < block.top - 0.6 * block.pitch || l.base > block.bottom + 0.6 * block.pitch;
  const pages = source.pages.map((page, index): BookPage => {
    const read = all[index] as (typeof all)[number];
    return {
      index,
      recto: index % 2 === 0,
      width: page.width,
      height: page.height,
      trim: page.trim ?? { left: 0, top: 0, right: page.width, bottom: page.height },
      role: 'body',
      chapterLast: false,
      chapter: undefined,
      dropCap: read.dropCap,
      lines: read.lines.filter((l) => !furnitureOf(l)),
      furniture: read.lines.filter(furnitureOf),
      words: page.words,
      figures: page.figures ?? [],
    };
  });
  const geometry =
    given ??
    edges(
      pages.filter((p) => inBody(p.index)),
      bodySize,
      block,
    );
  const bodyStart = source.bodyStart ?? folioStart(pages);
  assignRoles(pages, geometry, bodyStart, source);
  markParagraphs(pages, geometry);
  return { pages, geometry, bodyStart };
}

/** Without page labels: the first page with a folio in arabic numerals, less that number. */
function folioStart(pages: BookPage[]): number {
  for (const page of pages) {
    const folio = page.furniture.find((l) => /^\d+$/.test(l.text));
    if (folio) return Math.max(0, page.index - Number(folio.text) + 1);
  }
  return 0;
}

function assignRoles(pages: BookPage[], g: BookGeometry, bodyStart: number, given: SourceBook): void {
  const known = given.openers && new Set(given.openers);
  const parts = new Set(given.parts);
  for (const page of pages) {
    const text = page.lines.filter((l) => !l.display);
    if (page.index < bodyStart) page.role = 'front';
    else if (page.words.length === 0 && page.figures.length === 0) page.role = 'blank';
    else if (parts.has(page.index)) page.role = 'part';
    else if (known ? known.has(page.index) : sunk(page, g)) page.role = 'opener';
    else if (page.lines.length > 0 && text.length === 0 && !page.dropCap) page.role = 'part';
  }
  let chapter = -1;
  let last: BookPage | undefined;
  const close = () => {
    if (last) last.chapterLast = true;
    last = undefined;
  };
  for (const page of pages) {
    if (page.role === 'opener') {
      close();
      chapter++;
    } else if (page.role === 'part' || page.role === 'front') {
      close();
      continue;
    }
    if (chapter < 0 || page.role === 'blank') continue;
    page.chapter = chapter;
    last = page;
  }
  close();
}

/**
 * A chapter's first page: its text sunk below the block's top, with a display line among its
 * first three, a drop cap, or nothing drawn above it (a chapter with no title, in a design with
 * no drop cap: only its sink tells it; a figure above the text, taller than a line, is a page
 * that opens with one; a rule is a chapter head's). Such a page holds a line at the body's size:
 * one holding only a note's lines, which stand at the page's foot, runs a note on.
 */
function sunk(page: BookPage, g: BookGeometry): boolean {
  const first = page.lines[0];
  if (!first || !page.lines.some((l) => !l.display) || first.base < g.top + 3 * g.pitch) return false;
  if (page.dropCap !== undefined || page.lines.slice(0, 3).some((l) => l.display)) return true;
  const body = page.lines.some((l) => Math.abs(l.size - g.bodySize) <= 0.05 * g.bodySize);
  return body && !page.figures.some((f) => f.bottom <= first.base && f.bottom - f.top > g.bodySize);
}
