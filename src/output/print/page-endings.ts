/**
 * Where one page of the makeup (makeup.ts) may end, given where it starts and the rest of a
 * note run on to it:
 *
 * 1. The page is filled a unit at a time (a unit's lines in bulk) while they fit; where notes
 *    are about (a note run on, a line that calls one), row by row, each row with the least room
 *    its notes need (page-notes.ts). Once a note called there must run on to the next page, the
 *    page ends at the first row it may end on: the note takes the room left at its call.
 * 2. Then its rows are walked back from the fullest point, and each row the page may end after
 *    (widows and orphans, headings kept with what follows, no hyphen at a page's foot) is an
 *    ending, with its notes laid out in the room its body leaves: the `TRIES` fullest. A note
 *    that may start on its call's page starts there: no ending moves its call to the next page.
 * So the cost is the units on the page and a few rows, not every row.
 */
import type { MakeupRules, MakeupSection, MakeupUnit, Position } from './makeup.ts';
import { type Carry, layNotes, leastRoom, type NotePart, type NoteRules, runsOn, wholeNotes } from './page-notes.ts';

/** How many of a page's fullest endings the makeup weighs. */
export const TRIES = 5;

const EPS = 0.5;

export interface Ending {
  /** Where the next page starts. */
  at: Position;
  /** The height the page's rows and notes take. */
  used: number;
  /** Its notes, and what runs on from it to the next page's. */
  notes: NotePart[];
  carry: Carry;
}

export function linesOf(unit: MakeupUnit, choice: number): number {
  return unit.settings ? (unit.settings[choice]?.hyphenated.length ?? 0) : 1;
}

/** The room a text unit's minimum height keeps below its last line. */
function tailOf(unit: MakeupUnit, choice: number): number {
  if (!unit.minHeight || unit.solid !== undefined) return 0;
  return Math.max(0, unit.minHeight - linesOf(unit, choice) * (unit.line ?? 0) - (unit.padding ?? 0));
}

/** Whether a page may end after row `at` with `next` starting the next page. */
export function allowed(units: MakeupUnit[], choice: number[], at: Position, next: Position, rules: MakeupRules): boolean {
  const unit = units[at.unit] as MakeupUnit;
  if (next.unit !== at.unit) return !unit.keepNext;
  if (unit.keepTogether) return false;
  const count = linesOf(unit, choice[at.unit] ?? 0);
  if (next.line < rules.orphans || count - next.line < rules.widows) return false;
  // No page ends inside a word: not at a page turn (a recto's foot), and not across a spread
  // either, where a word cut in two would no longer be found by search or read whole aloud.
  return !(unit.settings?.[choice[at.unit] ?? 0]?.hyphenated[at.line] ?? false);
}

/** The units on a page: first line, lines taken, the height before them and before their first line, the notes called up to them. */
interface Run {
  unit: number;
  line: number;
  lines: number;
  before: number;
  head: number;
  called: number;
}

/**
 * Where a page that starts at `start` (with `carry`, a note run on from the page before) may
 * end, fullest first: its `TRIES` last allowed endings within `cap`. `k`: the page's index in
 * its section (the section's first row keeps its gap).
 */
export function endings(
  section: MakeupSection,
  choice: number[],
  rules: MakeupRules,
  start: Position,
  carry: Carry,
  k: number,
  cap: number,
): Ending[] {
  const { units } = section;
  const notes = section.notes ?? [];
  const noteRules: NoteRules = { line: rules.line, gap: rules.noteGap, page: rules.page };
  const end = units.length;
  const runs: Run[] = [];
  const called: number[] = [];
  let used = 0;
  let rows = 0;
  let at = start;
  let closing = false;
  /** The run that calls a note which runs on from the page: no ending before it while one after stands. */
  let callRun = -1;
  fill: while (at.unit < end) {
    const unit = units[at.unit] as MakeupUnit;
    const c = choice[at.unit] ?? 0;
    const gap = at.line === 0 && (rows > 0 || (k === 0 && at.unit === 0)) ? unit.gap : 0;
    const head = gap + (unit.solid ?? (at.line === 0 ? (unit.padding ?? 0) : 0));
    const step = unit.solid === undefined ? (unit.line ?? 0) : 0;
    const count = linesOf(unit, c);
    const left = count - at.line;
    const tail = tailOf(unit, c);
    const calls = unit.settings?.[c]?.calls;
    if (carry.length || called.length || calls?.some((ids, line) => ids.length > 0 && line >= at.line)) {
      // Row by row, each with the room its notes need.
      for (let line = at.line; line < count; line++) {
        const height = (line === at.line ? head : 0) + step + (line === count - 1 ? tail : 0);
        const mine = [...called, ...(calls?.[line] ?? [])];
        if ((rows > 0 || carry.length) && used + height + leastRoom(notes, carry, mine, noteRules) > cap + EPS) {
          at = { unit: at.unit, line };
          break fill;
        }
        runs.push({ unit: at.unit, line, lines: 1, before: used, head: line === at.line ? head : 0, called: mine.length });
        used += height;
        rows++;
        called.splice(0, called.length, ...mine);
        const row = { unit: at.unit, line };
        const next = line + 1 < count ? { unit: at.unit, line: line + 1 } : { unit: at.unit + 1, line: 0 };
        const laid = layNotes(notes, carry, called, cap - used, noteRules);
        if (!closing && laid && runsOn(laid, called)) {
          closing = true;
          const nth = called.indexOf(laid.carry[0]?.note ?? -1);
          callRun = runs.findIndex((run) => run.called > nth);
        }
        if (closing && (next.unit >= end || allowed(units, choice, row, next, rules))) {
          at = next;
          break fill;
        }
      }
      at = { unit: at.unit + 1, line: 0 };
      continue;
    }
    let lines = step > 0 ? Math.min(left, Math.floor((cap + EPS - used - head) / step)) : used + head <= cap + EPS ? 1 : 0;
    // A paragraph's last line brings the room its minimum height keeps below it.
    if (lines === left && step > 0 && used + head + lines * step + tail > cap + EPS) lines--;
    if (rows === 0) lines = Math.max(1, lines);
    if (lines <= 0) break;
    runs.push({ unit: at.unit, line: at.line, lines, before: used, head, called: called.length });
    used += head + lines * step + (lines === left ? tail : 0);
    rows += lines;
    if (lines < left) {
      at = { unit: at.unit, line: at.line + lines };
      break;
    }
    at = { unit: at.unit + 1, line: 0 };
  }
  const found: Ending[] = [];
  for (let r = runs.length - 1; r >= 0 && found.length < TRIES; r--) {
    // A note that may start on its call's page does: its call is not moved to the next page.
    if (r < callRun && found.length > 0) break;
    const run = runs[r] as Run;
    const unit = units[run.unit] as MakeupUnit;
    const count = linesOf(unit, choice[run.unit] ?? 0);
    const step = unit.solid === undefined ? (unit.line ?? 0) : 0;
    for (let j = run.lines - 1; j >= 0 && found.length < TRIES; j--) {
      const row: Position = { unit: run.unit, line: run.line + j };
      const next: Position = row.line + 1 < count ? { unit: row.unit, line: row.line + 1 } : { unit: row.unit + 1, line: 0 };
      if (next.unit < end && !allowed(units, choice, row, next, rules)) continue;
      const body = run.before + run.head + (j + 1) * step + (next.unit !== row.unit ? tailOf(unit, choice[run.unit] ?? 0) : 0);
      const laid = layNotes(notes, carry, called.slice(0, run.called), cap - body, noteRules);
      if (laid) found.push({ at: next, used: body + laid.room, notes: laid.parts, carry: laid.carry });
    }
  }
  if (found.length === 0) {
    // Nothing may end the page within its height (a block that keeps together and is taller
    // than a page, notes too long to stand with their calls): it ends where the room does, a
    // note that does not fit running on or waiting for the next page. A note run on that leaves
    // no room for the body's next row takes the page.
    const body = rows > 0 ? used : 0;
    const mine = rows > 0 ? called : [];
    const room = cap - body;
    const held = layNotes(notes, carry, mine, room, noteRules, true);
    // (Each page sets some rows or some note lines, so the makeup goes on.)
    const laid =
      layNotes(notes, carry, mine, room, noteRules) ??
      (held && (rows > 0 || held.parts.length > 0) ? held : wholeNotes(notes, carry, mine, noteRules));
    // Notes alone on a page stand at its foot: the page is full.
    found.push({ at: rows > 0 ? at : start, used: rows > 0 ? body + laid.room : cap, notes: laid.parts, carry: laid.carry });
  }
  return found;
}
