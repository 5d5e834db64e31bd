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
 *    its lines call, in order, filling the room the body leaves; only the last may run on, and a
 *    rest run on takes the page only with no note called there. `leastRoom` is the least room
 *    they may take, for the makeup to know when a page is full.
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

/** Where a note runs on from: its line that starts the next page's notes. */
export interface Carry {
  note: number;
  from: number;
}

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
  /** The note that runs on to the next page, if one does. */
  carry: Carry | undefined;
}

const NONE: PageNotes = { parts: [], room: 0, carry: undefined };

/**
 * A page's notes, filling at most `room` (px): the rest run on from the page before (`carry`),
 * then `own`, the notes the page's lines call. Undefined when they cannot stand there.
 */
export function layNotes(
  notes: MakeupNote[],
  carry: Carry | undefined,
  own: number[],
  room: number,
  rules: NoteRules,
): PageNotes | undefined {
  if (!carry && own.length === 0) return NONE;
  let left = room - rules.gap;
  const parts: NotePart[] = [];
  const queue: Carry[] = [...(carry ? [carry] : []), ...own.map((note) => ({ note, from: 0 }))];
  for (const [k, { note, from }] of queue.entries()) {
    const measured = notes[note] as MakeupNote;
    const n = count(measured);
    // Only the last note may run on: a note after it would stand on a later page than its call.
    const to = k === queue.length - 1 ? fitPart(measured, from, left, rules.line) : n;
    if (to === undefined || (to === n && partRoom(measured, from, n, rules.line) > left + EPS)) return undefined;
    parts.push({ note, from, to });
    left -= partRoom(measured, from, to, rules.line);
    if (to < n) return { parts, room: room - left, carry: { note, from: to } };
  }
  return { parts, room: room - left, carry: undefined };
}

/** A page's notes all whole, however long: the makeup's way out when nothing else stands (the page then runs over). */
export function wholeNotes(notes: MakeupNote[], carry: Carry | undefined, own: number[], rules: NoteRules): PageNotes {
  if (!carry && own.length === 0) return NONE;
  const parts = [...(carry ? [carry] : []), ...own.map((note) => ({ note, from: 0 }))].map(({ note, from }) => ({
    note,
    from,
    to: count(notes[note] as MakeupNote),
  }));
  const room = parts.reduce((sum, p) => sum + partRoom(notes[p.note] as MakeupNote, p.from, p.to, rules.line), rules.gap);
  return { parts, room, carry: undefined };
}

/**
 * The least room a page's notes take and still stand there: a rest run on whole, or the part
 * that leaves the body a share of the page when the rest is longer (`alone`: no note called on
 * the page); the notes called whole but the last, and that one's shortest part.
 */
export function leastRoom(notes: MakeupNote[], carry: Carry | undefined, own: number[], rules: NoteRules): number {
  if (!carry && own.length === 0) return 0;
  let room = rules.gap;
  if (carry) {
    const note = notes[carry.note] as MakeupNote;
    const n = count(note);
    let to = n;
    if (own.length === 0) {
      const share = rules.page - rules.gap - Math.ceil((rules.page / rules.line) * BODY_SHARE) * rules.line;
      to = fitPart(note, carry.from, share, rules.line) ?? shortestPart(note, carry.from);
    }
    room += partRoom(note, carry.from, to, rules.line);
  }
  own.forEach((i, k) => {
    const note = notes[i] as MakeupNote;
    const to = k === own.length - 1 ? shortestPart(note, 0) : count(note);
    room += partRoom(note, 0, to, rules.line);
  });
  return room;
}

/** Whether a page's notes run a note called there on to the next page. */
export function runsOn(laid: PageNotes | undefined, own: number[]): boolean {
  return laid?.carry !== undefined && own.includes(laid.carry.note);
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
  const { line, gap } = section.rules;
  const room = page.notes.reduce((sum, p) => sum + partRoom(section.notes[p.note] as MakeupNote, p.from, p.to, line), gap);
  return [parts, before, Math.round(room / line), section.index, notesAlone(pages, k, section.units)];
}
