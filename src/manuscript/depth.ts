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
  /** What the author would call it: `a block quote`, `a list`, `a footnote`. */
  what: string;
  quote: boolean;
  /** For a list item: how far past its container its content starts, which later lines must reach to stay in it. */
  indent: number;
}

/**
 * The first line where more than `max` block quotes, list items and footnotes are open, by CommonMark's
 * container rules (simplified: a line that starts no container and does not continue them all
 * is taken as a lazy continuation and leaves them open, so the count never falls short).
 */
export function containerDepth(text: string, max = MAX_NESTING): TooDeep | undefined {
  const open: Container[] = [];
  let line = 0;
  for (const written of text.split(/\r\n|\r|\n/)) {
    line++;
    if (/^[ \t]*$/.test(written)) continue;
    const { row, source } = expandTabs(written);
    const cursor: Cursor = { index: 0 };
    let kept = 0;
    while (kept < open.length && continues(row, cursor, open[kept] as Container)) kept++;
    const started: Container[] = [];
    for (let found = startsContainer(row, cursor); found; found = startsContainer(row, cursor)) {
      started.push(found);
      if (kept + started.length > max) {
        return {
          what: found.what,
          depth: kept + started.length,
          place: { line, column: (source[found.at] ?? found.at) + 1 },
        };
      }
    }
    if (started.length > 0 || kept === open.length) open.splice(kept, open.length - kept, ...started);
  }
  return undefined;
}

/** A position in a line whose tabs are spaces: index and column are the same. */
interface Cursor {
  index: number;
}

/** Consumes the part of the line that keeps `container` open; false (consuming nothing) if it does not. */
function continues(row: string, cursor: Cursor, container: Container): boolean {
  const start = cursor.index;
  if (container.quote) {
    skipSpaces(row, cursor, 3);
    if (row[cursor.index] === '>') {
      cursor.index++;
      skipSpaces(row, cursor, 1);
      return true;
    }
  } else {
    skipSpaces(row, cursor, container.indent);
    if (cursor.index - start >= container.indent) return true;
  }
  cursor.index = start;
  return false;
}

/** A `>`, list marker or footnote label at the cursor (after up to three spaces), consumed with the space after it. */
function startsContainer(row: string, cursor: Cursor): (Container & { at: number }) | undefined {
  const start = cursor.index;
  skipSpaces(row, cursor, 3);
  const at = cursor.index;
  if (row[at] === '>') {
    cursor.index++;
    skipSpaces(row, cursor, 1);
    return { what: 'a block quote', quote: true, indent: 0, at };
  }
  const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t])/.exec(row.slice(at, at + 11));
  if (marker) {
    cursor.index += marker[0].length;
    const afterMarker = cursor.index;
    skipSpaces(row, cursor, 5);
    // Content five or more columns past the marker is code; the item's own content starts one column after it.
    const gap = cursor.index - afterMarker;
    return { what: 'a list', quote: false, indent: at - start + marker[0].length + (gap >= 5 ? 1 : gap), at };
  }
  // A footnote's definition holds blocks too, continued by lines indented four columns.
  const footnote = /^\[\^[^\]\s]+\]:/.exec(row.slice(at, at + 1000));
  if (footnote) {
    cursor.index += footnote[0].length;
    skipSpaces(row, cursor, 1);
    return { what: 'a footnote', quote: false, indent: 4, at };
  }
  cursor.index = start;
  return undefined;
}

/** Skips up to `columns` spaces. */
function skipSpaces(row: string, cursor: Cursor, columns: number): void {
  const limit = cursor.index + columns;
  while (cursor.index < limit && row[cursor.index] === ' ') cursor.index++;
}

/**
 * The line's leading tabs as spaces (to the next multiple of 4, as CommonMark counts them, so a
 * tab may be split between two containers), with the written index of each character.
 */
function expandTabs(written: string): { row: string; source: number[] } {
  if (!written.includes('\t')) return { row: written, source: [] };
  let row = '';
  const source: number[] = [];
  for (let i = 0; i < written.length; i++) {
    const char = written[i] as string;
    const width = char === '\t' ? 4 - (row.length % 4) : 1;
    row += char === '\t' ? ' '.repeat(width) : char;
    for (let k = 0; k < width; k++) source.push(i);
  }
  return { row, source };
}
