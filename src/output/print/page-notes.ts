/**
 * Page footnotes: a note stands at the foot of the page its call falls on. The page measures
 * each note whole and ties each call to the token it stands in (lines-measure.js); here a
 * paragraph's settings learn which of their lines bring which notes (so the makeup gives each
 * page the room its notes take), and each made page learns its notes (so lines-set.js moves them
 * there, under a short rule, pushed to the foot of the text block).
 */

import type { Setting } from './linebreak/index.ts';
import type { MadePage } from './makeup.ts';

export interface NoteSizes {
  /** Each note's height (px), by its id. */
  heights: Map<string, number>;
  /** The body's line (px): the room a note takes is whole lines, so pages stay on the grid. */
  line: number;
}

/** The room a note takes on its page: its height, rounded up to whole lines. */
export function roomOf(id: string, sizes: NoteSizes): number {
  const height = sizes.heights.get(id) ?? 0;
  return Math.ceil(height / sizes.line - 0.02) * sizes.line;
}

/** What a page's notes leave over of their room (they stand at its foot, the spare room above them). */
export function spareRoom(ids: string[], sizes: NoteSizes): number {
  return ids.reduce((sum, id) => sum + roomOf(id, sizes) - (sizes.heights.get(id) ?? 0), 0);
}

/** The calls a setting's lines hold: per line, the notes' ids. */
export function callsPerLine(setting: Setting, calls: Array<[number, string]> | undefined): string[][] {
  const lines = setting.lines.map((): string[] => []);
  if (!calls) return lines;
  for (const [token, id] of calls) {
    const line = setting.lines.findIndex((l) => l.from <= token && token <= l.to);
    lines[line >= 0 ? line : lines.length - 1]?.push(id);
  }
  return lines;
}

/** The room each line's notes take (px), for the makeup. */
export function noteRoom(perLine: string[][], sizes: NoteSizes): number[] {
  return perLine.map((ids) => ids.reduce((sum, id) => sum + roomOf(id, sizes), 0));
}

/**
 * Each page's notes, in order: the notes called from the rows between its start and the next
 * page's. `perLine(unit)`: the chosen setting's calls per line of a unit (none for solid units).
 */
export function notesOnPages(pages: MadePage[], perLine: (unit: number) => string[][] | undefined, units: number): string[][] {
  return pages.map((page, k) => {
    const next = pages[k + 1]?.start ?? { unit: units, line: 0 };
    const ids: string[] = [];
    for (let u = page.start.unit; u <= Math.min(next.unit, units - 1); u++) {
      const lines = perLine(u);
      if (!lines) continue;
      const from = u === page.start.unit ? page.start.line : 0;
      const to = u === next.unit ? next.line : lines.length;
      for (let line = from; line < to; line++) ids.push(...(lines[line] ?? []));
    }
    return ids;
  });
}
