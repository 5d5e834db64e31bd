/**
 * Pages of word boxes made up here, as pdf-read.ts would give them for a print PDF of 5.5 × 8.5 in
 * (text 11.2 pt on a 14.25 pt grid, 32 lines, running head and folio), for testing the print
 * measures on cases whose answers are known. Words of six letters are 29.7 pt wide: ten of
 * them with 3 pt gaps fill the 324 pt measure exactly.
 */
import type { DrawnWord } from './pdf-read.ts';
import type { SourceBook, SourcePage } from './print-pages.ts';

export const BODY = 11.2;
export const PITCH = 14.25;
export const TOP = 85.5;
export const ROWS = 32;
export const WIDTH = 396;
export const HEIGHT = 612;
const CHAR = 4.95;
const INDENT = 16.9;
/** The text block's left edge on rectos and versos (a 0.375 in gutter, 0.625 in outside). */
export const LEFT = { recto: 27, verso: 45 };
const MEASURE = 324;

export interface LineSpec {
  words: string[];
  /** Reaches the right edge (the last word's box is stretched to it). */
  full?: boolean;
  /** Paragraph indent (1.5 em) or another offset, in points. */
  indent?: number;
  /** The word gap, in points (3 by default). */
  gap?: number;
  /** The last word ends in a soft hyphen's hyphen. */
  soft?: boolean;
  size?: number;
  /** Moves the whole line sideways (into the gutter, say). */
  shift?: number;
  /** How far a full line stops short of the right edge (a block quote's right indent). */
  inset?: number;
  /** Empty lines before this one. */
  space?: number;
  /** The line's first words set apart (a lead-in's tracked small caps): how many, their size, the gaps after them, and their face (the body's: none named). */
  lead?: { words: number; size: number; gap: number; font?: string };
}

export function word(text: string, xMin: number, base: number, size = BODY, softHyphen = false): DrawnWord {
  return {
    text,
    xMin,
    xMax: xMin + text.length * CHAR * (size / BODY),
    yMin: base - 0.95 * size,
    yMax: base + 0.35 * size,
    base,
    size,
    softHyphen,
  };
}

export function lineWords(spec: LineSpec, base: number, recto: boolean): DrawnWord[] {
  const left = (recto ? LEFT.recto : LEFT.verso) + (spec.indent ?? 0) + (spec.shift ?? 0);
  const out: DrawnWord[] = [];
  let x = left;
  spec.words.forEach((text, k) => {
    const last = k === spec.words.length - 1;
    const lead = spec.lead && k < spec.lead.words ? spec.lead : undefined;
    const w = word(text, x, base, lead?.size ?? spec.size ?? BODY, last && spec.soft === true);
    if (lead?.font) w.font = lead.font;
    if (last && spec.full) w.xMax = left - (spec.indent ?? 0) + MEASURE - (spec.inset ?? 0);
    out.push(w);
    // The gap after the lead-in's last word is the body's.
    x = w.xMax + (lead && k < lead.words - 1 ? lead.gap : (spec.gap ?? 3));
  });
  return out;
}

const six = ['garden', 'harbor', 'window', 'silver', 'market', 'candle', 'letter', 'stones', 'bridge', 'shadow'];

/**
 * A full line: six-letter words with 3 pt gaps as far as they go, a shorter word to make up the
 * rest, the gaps then set to fill the measure (less `indent`).
 */
export function full(extra: Partial<LineSpec> = {}): LineSpec {
  const room = MEASURE - (extra.indent ?? 0) - (extra.inset ?? 0);
  const n = Math.floor((room + 3) / (6 * CHAR + 3));
  const words = Array.from({ length: n }, (_, k) => six[k % six.length] as string);
  const rest = room - (n * 6 * CHAR + (n - 1) * 3);
  const filler = Math.round((rest - 3) / CHAR);
  if (filler >= 2) words.push('abcdef'.slice(0, filler));
  const letters = words.reduce((sum, w) => sum + w.length, 0);
  return { words, full: true, gap: (room - letters * CHAR) / (words.length - 1), ...extra };
}

/** A paragraph of `lines` lines: an indented first line, full lines, a short last line. */
export function paragraph(lines: number, first: Partial<LineSpec> = {}): LineSpec[] {
  if (lines === 1) return [{ words: ['short', 'line', 'alone'], indent: INDENT, ...first }];
  const out: LineSpec[] = [full({ indent: INDENT, ...first })];
  for (let k = 1; k < lines - 1; k++) out.push(full());
  out.push({ words: ['it', 'ended', 'there.'] });
  return out;
}

export interface PageSpec {
  recto: boolean;
  lines: LineSpec[];
  /** A chapter opener: title sunk, lines start lower, a drop cap beside the first three. */
  opener?: boolean;
  dropCap?: boolean;
  /** An opener's title (default true; false: a chapter with none, only sunk). */
  title?: boolean;
  /** Running head and folio (default on, off on openers). */
  furniture?: boolean;
  /** The folio printed (12 by default). */
  folio?: string;
  figures?: SourcePage['figures'];
  /** Words drawn besides the lines (a chapter's big numeral). */
  extra?: DrawnWord[];
}

/** One page's words: the lines from the top of the text block (an opener's lower), and its furniture. */
export function page(spec: PageSpec): SourcePage {
  const words: DrawnWord[] = [];
  const left = spec.recto ? LEFT.recto : LEFT.verso;
  const start = spec.opener ? TOP + 12 * PITCH : TOP;
  if (spec.opener && spec.title !== false)
    words.push(word('Chapter', left + 120, start - 4 * PITCH, 17.4), word('One', left + 200, start - 4 * PITCH, 17.4));
  const drop = spec.opener && spec.dropCap !== false;
  if (drop) words.push({ ...word('T', left, start + 2 * PITCH, 55.9), xMax: left + 36 });
  let row = 0;
  spec.lines.forEach((line, k) => {
    row += line.space ?? 0;
    // The lines beside a drop cap start right of it.
    const beside = drop && k < 3 ? (line.full ? full({ indent: 37 }) : { ...line, indent: 37 }) : line;
    words.push(...lineWords(beside, start + row * PITCH, spec.recto));
    row++;
  });
  words.push(...(spec.extra ?? []));
  if (spec.furniture ?? !spec.opener) {
    words.push(
      word('Author', left + 130, 55.5, 10.7),
      word('Name', left + 165, 55.5, 10.7),
      word(spec.folio ?? '12', left + 160, 563.2, 10.7),
    );
  }
  return { width: WIDTH, height: HEIGHT, words, ...(spec.figures ? { figures: spec.figures } : {}) };
}

/** Body lines poured onto pages of 32 from a recto; the first page an opener. */
export function pour(lines: LineSpec[], perPage: number[] = []): PageSpec[] {
  const pages: PageSpec[] = [];
  let rest = [...lines];
  for (let i = 0; rest.length > 0; i++) {
    const room = perPage[i] ?? (i === 0 ? ROWS - 12 : ROWS);
    pages.push({ recto: i % 2 === 0, lines: rest.slice(0, room), opener: i === 0 });
    rest = rest.slice(room);
  }
  return pages;
}

/** The book behind a half title and a blank verso, its folios from 1; `labels` as the PDF's page labels would say. */
export function sourceOf(pages: PageSpec[], labels = true): SourceBook {
  const front = [
    page({ recto: true, lines: [{ words: ['A', 'Title'] }], furniture: false }),
    { width: WIDTH, height: HEIGHT, words: [] },
  ];
  const body = pages.map((spec, i) => page({ ...spec, folio: String(i + 1) }));
  return { pages: [...front, ...body], bodyStart: labels ? 2 : undefined };
}

/**
 * A line set ragged right: nine six-letter words and a short word of 1–4 letters in turn, at a
 * 3 pt space (299–314 pt of the 324 pt measure: no six-letter word more would fit).
 */
export function ragged(k: number): LineSpec {
  const words = Array.from({ length: 9 }, (_, j) => six[(j + k) % six.length] as string);
  return { words: [...words, 'abcd'.slice(0, 1 + (k % 4))] };
}

/**
 * Block paragraphs set ragged right: paragraphs of `sizes` lines, a line of space before each
 * (none at a page's top), poured onto pages of `rooms` rows from a recto opener.
 */
export function raggedPages(sizes: number[], rooms: number[]): PageSpec[] {
  const lines = sizes.flatMap((n, p) =>
    Array.from({ length: n }, (_, k): LineSpec => {
      const line = k === n - 1 ? { words: ['stones', 'at', 'last.'] } : ragged(p + k);
      return k === 0 && p > 0 ? { ...line, space: 1 } : line;
    }),
  );
  const pages: PageSpec[] = [];
  for (const [i, room] of rooms.entries()) {
    const here: LineSpec[] = [];
    let rows = 0;
    while (lines.length > 0) {
      const next = here.length === 0 ? { ...(lines[0] as LineSpec), space: 0 } : (lines[0] as LineSpec);
      if (rows + 1 + (next.space ?? 0) > room) break;
      here.push(next);
      rows += 1 + (next.space ?? 0);
      lines.shift();
    }
    pages.push({ recto: i % 2 === 0, opener: i === 0, dropCap: false, lines: here });
  }
  return pages;
}
