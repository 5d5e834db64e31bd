/**
 * How deeply a manuscript nests: block quotes, lists, emphasis, links and HTML elements inside
 * one another. Past some thousands of levels the recursive passes over the tree (Galley's, and
 * those of the unified libraries) run out of stack, and deep lists take the Markdown parser time
 * that grows with the cube of the depth; no book needs more than a few levels. So the depth is
 * measured twice, each time without recursion, and a place past the limit is reported:
 *
 * - before parsing: the block quotes and list items open at each line, from the `>` and list
 *   markers and the indentation that continues them (here), and emphasis, from its marks
 *   (emphasis-depth.ts) — the nestings that make the parser slow;
 * - after parsing, before anything walks the tree: every construct's depth, raw HTML elements
 *   counted from their tags (tree-depth.ts).
 */
import type { Place } from '../errors.ts';

/** Levels of nesting a manuscript may have (documented in the README). */
export const MAX_NESTING = 100;

export interface TooDeep {
  /** What is nested too deeply: `a block quote`, `a list`, `emphasis`, `<span>`… */
  what: string;
  /** Its depth, in levels. */
  depth: number;
  place: Place;
}

interface Container {
  quote: boolean;
  /** For a list item: the column its content starts at, which later lines must reach to stay in it. */
  indent: number;
}

/**
 * The first line where more than `max` block quotes and list items are open, by CommonMark's
 * container rules (simplified: a line that starts no container and does not continue them all
 * is taken as a lazy continuation and leaves them open, so the count never falls short).
 */
export function containerDepth(text: string, max = MAX_NESTING): TooDeep | undefined {
  const open: Container[] = [];
  let line = 0;
  for (const row of text.split(/\r\n|\r|\n/)) {
    line++;
    if (/^[ \t]*$/.test(row)) continue;
    const cursor = { index: 0, column: 0 };
    let kept = 0;
    while (kept < open.length && continues(row, cursor, open[kept] as Container)) kept++;
    const started: Container[] = [];
    for (let found = startsContainer(row, cursor); found; found = startsContainer(row, cursor)) {
      started.push(found);
      if (kept + started.length > max) {
        return {
          what: found.quote ? 'a block quote' : 'a list',
          depth: kept + started.length,
          place: { line, column: found.at + 1 },
        };
      }
    }
    if (started.length > 0 || kept === open.length) open.splice(kept, open.length - kept, ...started);
  }
  return undefined;
}

/** Consumes the part of the line that keeps `container` open; false (consuming nothing) if it does not. */
function continues(row: string, cursor: { index: number; column: number }, container: Container): boolean {
  const start = { ...cursor };
  if (container.quote) {
    skipSpaces(row, cursor, 3);
    if (row[cursor.index] === '>') {
      cursor.index++;
      cursor.column++;
      skipSpaces(row, cursor, 1);
      return true;
    }
  } else {
    const before = cursor.column;
    skipSpaces(row, cursor, container.indent);
    if (cursor.column - before >= container.indent) return true;
  }
  Object.assign(cursor, start);
  return false;
}

/** A `>` or list marker at the cursor (after up to three spaces), consumed with the space after it. */
function startsContainer(row: string, cursor: { index: number; column: number }): (Container & { at: number }) | undefined {
  const start = { ...cursor };
  skipSpaces(row, cursor, 3);
  const at = cursor.index;
  if (row[at] === '>') {
    cursor.index++;
    cursor.column++;
    skipSpaces(row, cursor, 1);
    return { quote: true, indent: 0, at };
  }
  const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t])/.exec(row.slice(at, at + 11));
  if (marker) {
    const markerColumn = cursor.column;
    cursor.index += marker[0].length;
    cursor.column += marker[0].length;
    const afterMarker = cursor.column;
    skipSpaces(row, cursor, 5);
    // Content five or more columns past the marker is code; the item's own content starts one column after it.
    const gap = cursor.column - afterMarker;
    return { quote: false, indent: afterMarker - markerColumn + (gap >= 5 ? 1 : gap), at };
  }
  Object.assign(cursor, start);
  return undefined;
}

/** Skips spaces and tabs (a tab to the next multiple of 4) up to `columns` columns. */
function skipSpaces(row: string, cursor: { index: number; column: number }, columns: number): void {
  const limit = cursor.column + columns;
  while (cursor.index < row.length) {
    const char = row[cursor.index];
    const width = char === ' ' ? 1 : char === '\t' ? 4 - (cursor.column % 4) : 0;
    if (width === 0 || cursor.column + width > limit) return;
    cursor.column += width;
    cursor.index++;
  }
}
