/**
 * The measures of a print PDF's pages and spreads (see print-measures.ts for the report), over
 * the pages as print-pages.ts reads them:
 *
 * - a recto ending in a hyphenation: its last line of running text ends in a soft-hyphen break
 *   (the word runs on over the page turn);
 * - facing body pages: a verso and the recto after it, both `body` pages (no opener, no
 *   chapter's last page, no blank, part or front matter page), both with lines; they differ when
 *   their last lines' baselines are more than 0.5 pt apart;
 * - a chapter's short last page: the last page of a chapter (not its opener) holding 1 or 2 lines;
 * - an opener without its lead-in: the design's (`leadIn`, issue 11's drop cap by default) not
 *   shown — a drop cap (`drop-cap`, `both`) missing; first words in capitals (`small-caps`: a
 *   line of the opener's running text starting with a word of two capitals or more, or a
 *   one-letter capital and a word of capitals) missing; or a drop cap where the design has
 *   none (`small-caps`, `none`). A chapter that opens in a block set in from the text's left
 *   edge (a letter, a diary entry, verse: no line of the opener starts at that edge) has no
 *   first paragraph of running text for a lead-in, and is not held to one;
 * - a widow: a page's first line is the last line of a paragraph begun on the page before; an
 *   orphan: a page's last line of running text (only notes below it) is the first line of a
 *   paragraph that runs on to the next page;
 * - the gutter: KDP's minimum inside margin for the page count (geometry.ts's kdpGutter), from
 *   the trim's inside edge; a word's box inside it on any page counts. The safe area: the trim
 *   less 0.25 in on the outside, top and bottom (KDP's minimum; with bleed, 0.375 in from the
 *   bleed edge is the same line); a word's box outside it counts;
 * - a figure (an image, a drawing) outside the text block: its box more than 1 pt past the
 *   block's edges (the block's top an em above its first baseline, its bottom a third of an em
 *   below its last).
 */
import { kdpGutter } from '../../src/output/print/geometry.ts';
import { type Count, counter, plain, running } from './print-line-measures.ts';
import type { Book, BookLine, BookPage } from './print-pages.ts';

/** How a chapter's first paragraph opens, as the theme designs it (theme.json's `lead-in`). */
export type LeadIn = 'drop-cap' | 'small-caps' | 'both' | 'none';

export interface PageMeasures {
  rectoTurnHyphens: Count;
  /** Spreads of two body pages compared, and those whose last lines differ. */
  spreads: number;
  facingDiffer: Count;
  shortLastPages: Count;
  openers: number;
  /** The lead-in the openers were measured against. */
  leadIn: LeadIn;
  openersWithoutLeadIn: Count;
  widows: Count;
  orphans: Count;
  /** Points of the KDP gutter (inside margin zone) used. */
  gutter: number;
  inGutter: Count & { deepest: number };
  outsideSafeArea: Count;
  figuresOutsideBlock: Count;
}

function lastRunning(page: BookPage, bodySize: number): BookLine | undefined {
  return page.lines.filter((l) => !l.display && l.size >= 0.95 * bodySize).at(-1);
}

const letters = (word: string | undefined) => (word ?? '').replace(/[^\p{L}]/gu, '');

/** A line starting with capitals: a word of two or more, or a one-letter capital and a word of them. */
function capitalsFirst(line: BookLine): boolean {
  const [a, b] = [letters(line.words[0]?.text), letters(line.words[1]?.text)];
  const caps = (w: string) => w.length > 0 && w === w.toLocaleUpperCase() && /\p{Lu}/u.test(w);
  return caps(a) && (a.length >= 2 || caps(b));
}

/** What an opener lacks of its design's lead-in (or shows that the design has not), if anything. */
function leadInFault(page: BookPage, leadIn: LeadIn, bodySize: number, left: number): string | undefined {
  const text = page.lines.filter((l) => !l.display && l.size >= 0.95 * bodySize);
  const runningText = page.dropCap !== undefined || text.some((l) => Math.abs(l.xMin - left) <= 1);
  if (!runningText) return undefined;
  const wantsCap = leadIn === 'drop-cap' || leadIn === 'both';
  if (wantsCap && !page.dropCap) return 'no drop cap';
  if (!wantsCap && page.dropCap) return 'a drop cap';
  if (leadIn === 'small-caps' && !text.slice(0, 12).some(capitalsFirst)) return 'no first words in capitals';
  return undefined;
}

export function pageMeasures(book: Book, gutter = kdpGutter(book.pages.length), leadIn: LeadIn = 'drop-cap'): PageMeasures {
  const { bodySize } = book.geometry;
  const [turns, facing, short, noDrop, widows, orphans, inGutter, outside, figures] = [
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
  ];
  let spreads = 0;
  let deepest = 0;
  for (const page of book.pages) {
    const next = book.pages[page.index + 1];
    const last = lastRunning(page, bodySize);
    if (running(page) && page.recto && last?.words.at(-1)?.softHyphen) turns.add(page, last.text);
    if (!page.recto && next && [page, next].every((p) => p.role === 'body' && !p.chapterLast && p.lines.length > 0)) {
      spreads++;
      const [a, b] = [page.lines.at(-1) as BookLine, next.lines.at(-1) as BookLine];
      if (Math.abs(a.base - b.base) > 0.5) facing.add(page, `${a.base.toFixed(1)} pt | ${b.base.toFixed(1)} pt`);
    }
    if (page.chapterLast && page.role === 'body' && page.lines.length >= 1 && page.lines.length <= 2) {
      short.add(page, page.lines.map((l) => l.text).join(' / '));
    }
    const textLeft = page.recto ? book.geometry.left.recto : book.geometry.left.verso;
    const fault = page.role === 'opener' ? leadInFault(page, leadIn, bodySize, textLeft) : undefined;
    if (fault) noDrop.add(page, `${fault}: ${page.lines.find((l) => !l.display)?.text ?? ''}`);
    const first = page.lines[0];
    if (page.role === 'body' && first && !first.display && !first.start && first.last) widows.add(page, first.text);
    const below = last ? page.lines.slice(page.lines.indexOf(last) + 1) : [];
    const end = below.every((l) => l.size < 0.95 * bodySize) ? last : undefined;
    if (running(page) && end?.start && !end.last) orphans.add(page, end.text);
    const { trim } = page;
    const safe = 0.25 * 72;
    for (const word of page.words) {
      const depth = page.recto ? trim.left + gutter - word.xMin : word.xMax - (trim.right - gutter);
      if (depth > 0.01) {
        inGutter.add(page, `${word.text} (${depth.toFixed(1)} pt in)`);
        deepest = Math.max(deepest, depth);
      }
      const outer = page.recto ? word.xMax > trim.right - safe : word.xMin < trim.left + safe;
      if (outer || word.yMin < trim.top + safe || word.yMax > trim.bottom - safe) outside.add(page, word.text);
    }
    const g = book.geometry;
    const [left, right] = page.recto ? [g.left.recto, g.right.recto] : [g.left.verso, g.right.verso];
    for (const box of page.figures) {
      const past = Math.max(
        left - box.left,
        box.right - right,
        g.top - bodySize - box.top,
        box.bottom - (g.bottom + bodySize / 3),
      );
      if (past > 1) figures.add(page, `${past.toFixed(1)} pt past the text block`);
    }
  }
  return {
    rectoTurnHyphens: plain(turns),
    spreads,
    facingDiffer: plain(facing),
    shortLastPages: plain(short),
    openers: book.pages.filter((p) => p.role === 'opener').length,
    leadIn,
    openersWithoutLeadIn: plain(noDrop),
    widows: plain(widows),
    orphans: plain(orphans),
    gutter,
    inGutter: { ...plain(inGutter), deepest },
    outsideSafeArea: plain(outside),
    figuresOutsideBlock: plain(figures),
  };
}
