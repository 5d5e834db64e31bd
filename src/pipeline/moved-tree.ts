/**
 * A tree, or a file message, read from a piece of a file (pipeline/chapter-chunks.ts) and put
 * back where the piece stands in the file: every line and offset moved by the piece's start. A
 * piece starts on a line of its own, so columns stay as they are.
 */
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';

export interface Shift {
  /** Lines before the piece. */
  lines: number;
  /** Characters before the piece. */
  offset: number;
}

/**
 * A deep copy of a tree (or of any plain data in one), its positions moved by `shift`: the
 * copy is the caller's to change, the original stays as it was.
 */
export function movedTree<T>(value: T, shift: Shift): T {
  if (Array.isArray(value)) return value.map((item) => movedTree(item, shift)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = key === 'position' && isPosition(item) ? movedPosition(item, shift) : movedTree(item, shift);
  }
  return copy as T;
}

export function movedPoint(point: Point, shift: Shift): Point {
  const moved: Point = { line: point.line + shift.lines, column: point.column };
  if (point.offset !== undefined) moved.offset = point.offset + shift.offset;
  return moved;
}

function movedPosition(position: Position, shift: Shift): Position {
  return { start: movedPoint(position.start, shift), end: movedPoint(position.end, shift) };
}

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value;
}

/**
 * Puts a message made on a piece on the file, moved to its place there, as the plugin that made
 * it would have put it (VFile.message, then what the plugin set on it).
 */
export function moveMessage(message: VFileMessage, file: VFile, shift: Shift): void {
  const options: MessageOptions = {};
  const place = message.place;
  if (place) options.place = 'start' in place ? movedPosition(place, shift) : movedPoint(place, shift);
  if (message.ruleId) options.ruleId = message.ruleId;
  if (message.source) options.source = message.source;
  if (message.ancestors) options.ancestors = message.ancestors;
  if (message.cause) options.cause = message.cause as Error;
  const moved = file.message(message.reason, options);
  moved.fatal = message.fatal;
  moved.note = message.note;
  moved.url = message.url;
  moved.actual = message.actual;
  moved.expected = message.expected;
}
