/**
 * Page footnotes: a note stands at the foot of the page its call falls on, and runs on to the
 * foot of the next page (above that page's own notes) when it must. The page ties each call to
 * the token it stands in (lines-measure.js) and measures each note's lines (notes-measure.js);
 * here, purely:
 *
 * 1. A note's parts: the room a run of its lines takes (whole body lines, so pages stay on the
 *    grid), and where it may be split: between lines, never after a line ending in a hyphen,
 *    with at least two lines on either side.
 * 2. A page's notes (`layNotes`): the rest of a note run on from the page before, then the notes
 *    its lines call, in order, filling the room the body leaves; only the last may run on.
 *    `leastRoom` is the least room they may take, for the makeup to know when a page is full:
 *    a rest run on leaves the body at least a quarter of the page.
 * 3. For set-lines.ts: which notes each line of a setting calls, and each made page's notes as
 *    notes-set.js places them.
 */

import type { Setting } from './linebreak/index.ts';
import type { MadePage } from './makeup.ts';

/** A note as the page measured it (notes-measure.js). */
export interface MeasuredNote {
  id: string;
  /** Its height whole (px), margins included. */
  height: number;
  /** Each line's top and bottom (px from the note's top), and whether the note may be split after it. */
  lines: Array<[number, number, boolean]>;
}

/** A note as the makeup sees it. */
export type MakeupNote = Omit<MeasuredNote, 'id'>;

/** Lines `from` to `to` (exclusive) of note `note` (its index in the section). */
export interface NotePart {
  note: number;
  from: number;
  to: number;
}

/**
 * What runs on to a page's notes from the page before: the rest of a note, from its line `from`
 * (and, rarely, notes that wait whole: see `layNotes`).
 */
export type Carry = Array<{ note: number; from: number }>;

export interface NoteRules {
  /** The body's line (px). */
  line: number;
  /** The room above a page's first note: the rule and its space (px). */
  gap: number;
  /** The text block's height (px). */
  page: number;
}

const EPS = 0.5;

/** The fewest lines a part of a note holds: no line of a note alone on a page. */
const MIN_PART = 2;

/** The fewest body lines a page keeps above a note run on from the page before (as a share of its lines). */
const BODY_SHARE = 1 / 4;

function count(note: MakeupNote): number {
  return note.lines.length;
}

/** The height of lines `from` to `to` of a note (from its top with the first, to its bottom with the last). */
export function partHeight(note: MakeupNote, from: number, to: number): number {
  const n = count(note);
  const top = from <= 0 ? 0 : (note.lines[from]?.[0] ?? 0);
  const bottom = to >= n ? note.height : (note.lines[to - 1]?.[1] ?? note.height);
  return Math.max(0, bottom - top);
}

/** The room a part of a note takes: its height, rounded up to whole lines. */
export function partRoom(note: MakeupNote, from: number, to: number, line: number): number {
  return Math.ceil(partHeight(note, from, to) / line - 0.02) * line;
}

/** Whether a note from line `from` may break after line `to` − 1. */
function mayBreak(note: MakeupNote, from: number, to: number): boolean {
  return to - from >= MIN_PART && count(note) - to >= MIN_PART && (note.lines[to - 1]?.[2] ?? false);
}

/** Where the part of a note that starts at `from` and fits `room` ends: all of it, or its longest part that may stand alone; undefined when none fits. */
export function fitPart(note: MakeupNote, from: number, room: number, line: number): number | undefined {
  const n = count(note);
  if (partRoom(note, from, n, line) <= room + EPS) return n;
  for (let to = n - MIN_PART; to >= from + MIN_PART; to--)
    if (mayBreak(note, from, to) && partRoom(note, from, to, line) <= room + EPS) return to;
  return undefined;
}

/** The shortest part the note from `from` may stand in on a page (all of it when it may not be split). */
function shortestPart(note: MakeupNote, from: number): number {
  const n = count(note);
  for (let to = from + MIN_PART; to <= n - MIN_PART; to++) if (mayBreak(note, from, to)) return to;
  return n;
}

export interface PageNotes {
  parts: NotePart[];
  /** The room they take, the rule above them included (px). */
  room: number;
  /** What runs on to the next page. */
  carry: Carry;
}

const NONE: PageNotes = { parts: [], room: 0, carry: [] };

/** The notes a page sets, in order: what runs on to it, then those its lines call. */
function queueOf(carry: Carry, own: number[]): Carry {
  return [...carry, ...own.map((note) => ({ note, from: 0 }))];
}

/**
 * A page's notes, filling at most `room` (px): what runs on from the page before (`carry`), then
 * `own`, the notes the page's lines call. Only the last may run on (a note after it would stand
 * on a later page than its call); undefined when they cannot stand there. `holdOver`: the way out
 * when nothing else stands (two long notes called from one line): the note that does not fit
 * runs on, or waits whole, and those after it wait for the next page.
 */
export function layNotes(
  notes: MakeupNote[],
  carry: Carry,
  own: number[],
  room: number,
  rules: NoteRules,
  holdOver = false,
): PageNotes | undefined {
  const queue = queueOf(carry, own);
  if (queue.length === 0) return NONE;
  let left = room - rules.gap;
  const parts: NotePart[] = [];
  for (const [k, { note, from }] of queue.entries()) {
    const measured = notes[note] as MakeupNote;
    const n = count(measured);
    const last = k === queue.length - 1;
    const to = last || holdOver ? fitPart(measured, from, left, rules.line) : n;
    const fits = to !== undefined && (to < n || partRoom(measured, from, n, rules.line) <= left + EPS);
    if (!fits) return holdOver ? laid(parts, room, left, queue.slice(k)) : undefined;
    parts.push({ note, from, to });
    left -= partRoom(measured, from, to, rules.line);
    if (to < n) return holdOver || last ? laid(parts, room, left, [{ note, from: to }, ...queue.slice(k + 1)]) : undefined;
  }
  return laid(parts, room, left, []);
}

function laid(parts: NotePart[], room: number, left: number, carry: Carry): PageNotes {
  return parts.length ? { parts, room: room - left, carry } : { parts, room: 0, carry };
}

/** A page's notes all whole, however long: the last way out (the page then runs over). */
export function wholeNotes(notes: MakeupNote[], carry: Carry, own: number[], rules: NoteRules): PageNotes {
  const queue = queueOf(carry, own);
  if (queue.length === 0) return NONE;
  const parts = queue.map(({ note, from }) => ({ note, from, to: count(notes[note] as MakeupNote) }));
  const room = parts.reduce((sum, p) => sum + partRoom(notes[p.note] as MakeupNote, p.from, p.to, rules.line), rules.gap);
  return { parts, room, carry: [] };
}

/**
 * The least room a page's notes take and still stand there: all but the last whole; the last,
 * when called there, in its shortest part; when run on (no note called on the page), whole, or in
 * the part that leaves the body a share of the page when it is longer.
 */
export function leastRoom(notes: MakeupNote[], carry: Carry, own: number[], rules: NoteRules): number {
  const queue = queueOf(carry, own);
  if (queue.length === 0) return 0;
  const share = rules.page - rules.gap - Math.ceil((rules.page / rules.line) * BODY_SHARE) * rules.line;
  return queue.reduce((room, { note, from }, k) => {
    const measured = notes[note] as MakeupNote;
    let to = count(measured);
    if (k === queue.length - 1 && own.length) to = shortestPart(measured, from);
    else if (k === queue.length - 1) to = fitPart(measured, from, share, rules.line) ?? shortestPart(measured, from);
    return room + partRoom(measured, from, to, rules.line);
  }, rules.gap);
}

/** Whether a page's notes run a note called there on to the next page. */
export function runsOn(laid: PageNotes | undefined, own: number[]): boolean {
  const first = laid?.carry[0];
  return first !== undefined && own.includes(first.note);
}

/** The notes a setting's lines call: per line, the notes' indices (`index`: by id). */
export function callsPerLine(
  setting: Setting,
  calls: Array<[number, string]> | undefined,
  index: Map<string, number>,
): number[][] {
  const lines = setting.lines.map((): number[] => []);
  if (!calls) return lines;
  for (const [token, id] of calls) {
    const note = index.get(id);
    if (note === undefined) continue;
    const line = setting.lines.findIndex((l) => l.from <= token && token <= l.to);
    lines[line >= 0 ? line : lines.length - 1]?.push(note);
  }
  return lines;
}

/**
 * A page's notes for notes-set.js: each part as [id, from, to]; where they go (before the first
 * unit id and line of the next page, or null: at the section's end); the body lines they take,
 * the rule's included (they stand at the foot of that room); the section; whether they stand
 * alone on their page (a page of a note run on past the body).
 */
export type PlacedNotes = [Array<[string, number, number]>, [number, number] | null, number, number, boolean];

/** Whether page `k` of a made section holds no body rows, only notes run on. */
export function notesAlone(pages: MadePage[], k: number, units: number): boolean {
  const start = (pages[k] as MadePage).start;
  const next = pages[k + 1]?.start;
  return start.unit >= units || (next !== undefined && next.unit === start.unit && next.line === start.line);
}

/** The notes of page `k`, placed (`unitId`: a unit's id in the page's flow). */
export function placeNotes(
  pages: MadePage[],
  k: number,
  section: { index: number; units: number; notes: MeasuredNote[]; rules: NoteRules },
  unitId: (unit: number) => number,
): PlacedNotes | undefined {
  const page = pages[k] as MadePage;
  if (!page.notes.length) return undefined;
  const next = pages[k + 1]?.start;
  const before: [number, number] | null = next && next.unit < section.units ? [unitId(next.unit), next.line] : null;
  const parts = page.notes.map((p): [string, number, number] => [(section.notes[p.note] as MeasuredNote).id, p.from, p.to]);
  // The notes end where the page's text would: on a page run short with its facing page, they
  // end on that page's last line.
  // end on that page's last line. Alone on a page, they stand at its foot too.
  const { line, gap } = section.rules;
  const alone = notesAlone(pages, k, section.units);
  const room = alone
    ? page.used
    : page.notes.reduce((sum, p) => sum + partRoom(section.notes[p.note] as MakeupNote, p.from, p.to, line), gap);
  return [parts, before, Math.round(room / line), section.index, alone];
}
