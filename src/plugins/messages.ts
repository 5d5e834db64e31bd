/**
 * How Galley's plugins report on a file: a message with its place, a stable rule id and, for
 * what the author must change, a hint (the message's `note`). A fatal message is an error: the
 * build stops on it (core/typeset.ts throws it as a GalleyError at its place), and `galley
 * check` lists it as an error. Plugins never throw for bad input and never print.
 */
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

export interface Report {
  reason: string;
  /** What to do about it. */
  hint?: string;
}

type Place = Point | Position | { line: number; column: number } | undefined;

export function warn(file: VFile, ruleId: string, place: Place, report: Report): void {
  const message = file.message(report.reason, { ...(place ? { place } : {}), ruleId, source: 'galley' });
  if (report.hint) message.note = report.hint;
}

export function fatal(file: VFile, ruleId: string, place: Place, report: Report): void {
  const message = file.message(report.reason, { ...(place ? { place } : {}), ruleId, source: 'galley' });
  message.fatal = true;
  if (report.hint) message.note = report.hint;
}

/** Whether an error is already reported at this point (a construct left open, found before). */
export function fatalAt(file: VFile, place: Place): boolean {
  const point = place && 'start' in place ? place.start : place;
  return file.messages.some((m) => m.fatal && m.line === point?.line && m.column === point?.column);
}
