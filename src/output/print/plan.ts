/**
 * The page plan: from how many pages each block took when printed, the book's final sequence of
 * pages — front matter, then the body from folio 1 on a recto — with a blank page wherever a
 * block must open on a recto (or a verso) and would not; each page's logical number (roman in
 * the front matter, arabic in the body), and what page furniture it carries: none on blank
 * pages, chapter openers, part pages and the front matter (whose pages are numbered but carry no
 * folio).
 */
import { GalleyError } from '../../errors.ts';
import { type BlockKind, isNumberTitle, type PrintBlock } from './blocks.ts';
import { type Mark, markIndex } from './markers.ts';

export type DocName = 'front' | 'body';

export interface PlacedBlock {
  kind: BlockKind;
  start: PrintBlock['start'];
  /** Pages it took in its printed document, and its first page there (0-based). */
  pages: number;
  firstPage: number;
  /** Recto running head in `chapter` mode. */
  title: string;
}

export interface PlannedPage {
  /** The printed page this is, or undefined for a blank page Galley adds. */
  source: { doc: DocName; page: number } | undefined;
  recto: boolean;
  /** The logical page number (what a page-list or PDF page label shows). */
  label: string;
  /** The folio printed on the page, if any. */
  folio: string | undefined;
  /** The running head printed on the page, if any. */
  head: string | undefined;
  /** The block the page belongs to (index in its document's blocks) and whether it is its first page. */
  block: { doc: DocName; index: number; first: boolean } | undefined;
}

export interface PagePlan {
  pages: PlannedPage[];
  /** Index of the first body page (folio 1). */
  bodyStart: number;
  /** Final page index of each block's first page. */
  starts: Record<DocName, number[]>;
}

export interface FurnitureText {
  runningHeads: 'chapter' | 'book' | 'none';
  author: string;
  title: string;
  /** The book's language: a title that is only a number in its words gets the book's title (default `en`). */
  language?: string | undefined;
}

interface Slot {
  source: PlannedPage['source'];
  block: PlannedPage['block'];
}

/**
 * Whether a block that must open on `start` needs a blank page before it, at `position` (the
 * pages so far, from a recto): the one rule the plan, the page makeup and the preview's
 * re-layout share.
 */
export function blankBefore(start: PrintBlock['start'], position: number): boolean {
  const recto = position % 2 === 0;
  return (start === 'recto' && !recto) || (start === 'verso' && recto);
}

/** Lays blocks out from a recto, with blanks so each opens where it must. */
function place(doc: DocName, blocks: PlacedBlock[], forceFirstRecto: boolean): { slots: Slot[]; starts: number[] } {
  const slots: Slot[] = [];
  const starts: number[] = [];
  blocks.forEach((block, index) => {
    const start = index === 0 && forceFirstRecto ? 'recto' : block.start;
    if (blankBefore(start, slots.length)) slots.push({ source: undefined, block: undefined });
    starts.push(slots.length);
    for (let p = 0; p < block.pages; p++) {
      slots.push({ source: { doc, page: block.firstPage + p }, block: { doc, index, first: p === 0 } });
    }
  });
  return { slots, starts };
}

/** The folio of each body block's first page, as the table of contents prints it. */
export function bodyFolios(body: PlacedBlock[]): string[] {
  return place('body', body, true).starts.map((s) => String(s + 1));
}

export interface BodyPlan {
  /** Body pages from folio 1, with their furniture. */
  pages: PlannedPage[];
  /** Body page index of each block's first page. */
  starts: number[];
}

/** The body from folio 1 on a recto: blanks before blocks that must open on a recto, furniture. */
export function planBody(body: PlacedBlock[], text: FurnitureText): BodyPlan {
  const { slots, starts } = place('body', body, true);
  const pages = slots.map((slot, i): PlannedPage => {
    const recto = i % 2 === 0;
    const label = String(i + 1);
    const block = slot.block ? body[slot.block.index] : undefined;
    let folio: string | undefined;
    let head: string | undefined;
    if (slot.block && block && !slot.block.first && block.kind !== 'part') {
      folio = label;
      if (text.runningHeads !== 'none') {
        // A chapter called just "IV" would read as a page number up there: the book's title goes instead.
        const chapterHead = text.runningHeads === 'chapter' && !isNumberTitle(block.title, text.language);
        head = recto ? (chapterHead ? block.title : text.title) : text.author;
      }
    }
    return { source: slot.source, recto, label, folio, head, block: slot.block };
  });
  return { pages, starts };
}

/** The whole book: the front matter (no furniture, roman numbers, made even), then the body. */
export function joinPlan(front: PlacedBlock[], body: BodyPlan): PagePlan {
  const f = place('front', front, true);
  if (f.slots.length % 2 === 1) f.slots.push({ source: undefined, block: undefined });
  const bodyStart = f.slots.length;
  const frontPages = f.slots.map(
    (slot, i): PlannedPage => ({ ...slot, recto: i % 2 === 0, label: roman(i + 1), folio: undefined, head: undefined }),
  );
  return {
    pages: [...frontPages, ...body.pages],
    bodyStart,
    starts: { front: f.starts, body: body.starts.map((s) => s + bodyStart) },
  };
}

/** Lower-case roman numerals, as front matter is numbered. */
export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Each block's pages in a printed document, from its markers (`numbers`: what they say, default from 0). */
export function placed(blocks: PrintBlock[], marks: Mark[], pageCount: number, numbers = blocks.map((_, i) => i)): PlacedBlock[] {
  const starts = markIndex(marks, 'block');
  return blocks.map((block, i) => {
    const first = starts.get(numbers[i] as number)?.page;
    if (first === undefined) throw new GalleyError('PDF_FAILED', `lost track of “${block.title}” while laying out the pages`);
    const following = numbers[i + 1];
    const next = following !== undefined ? (starts.get(following)?.page ?? pageCount) : pageCount;
    return { kind: block.kind, start: block.start, pages: Math.max(1, next - first), firstPage: first, title: block.title };
  });
}
