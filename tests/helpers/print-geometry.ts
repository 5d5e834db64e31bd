/**
 * The text block of a print PDF as its pages show it (see print-pages.ts for the reading):
 *
 * 1. the line pitch is the median distance between consecutive baselines of running text; the
 *    block's top and bottom the baselines most pages' running text starts and ends on (its first
 *    and last lines but a running head's and a folio's: on the baseline most pages' first or
 *    last line stands, more than 1.3 pitches from the next);
 * 2. its left edge on rectos and on versos is where most lines of four words or more start;
 * 3. its right edge is where most of them end — in a justified design. A design set ragged right
 *    shows it: fewer than a third of those lines end within 1 pt of that most common end. Its
 *    right edge is then the widest line's, or — when the margins mirror (each side's inside and
 *    outside margins swapped on the facing page) and no line passes it — the mirror of the facing
 *    side's left margin: a ragged line need not reach the measure, the measure is still there.
 */
import type { BookLine, BookPage } from './print-pages.ts';

/** The most frequent value, rounded to `step`. */
export function mode(values: number[], step = 0.5): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v / step) * step, (counts.get(Math.round(v / step) * step) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? ((sorted[Math.floor((sorted.length - 1) / 2)] as number) + (sorted[Math.ceil((sorted.length - 1) / 2)] as number)) / 2
    : 0;
}

export interface BookGeometry {
  bodySize: number;
  /** Median distance between consecutive baselines of running text. */
  pitch: number;
  /** Baselines of the text block's first and last lines. */
  top: number;
  bottom: number;
  /** The text block's left and right edges on rectos and on versos. */
  left: { recto: number; verso: number };
  right: { recto: number; verso: number };
  /** Set ragged right (not justified): most lines stop short of the right edge, each its own way. */
  ragged: boolean;
}

const textLines = (lines: BookLine[]) => lines.filter((l) => !l.display && l.words.length >= 4);

/** 1. The line pitch and the text block's top and bottom baselines, from pages of running text. */
export function blockOf(pageLines: BookLine[][], bodySize: number): { pitch: number; top: number; bottom: number } {
  const text = pageLines.map(textLines);
  const steps = text.flatMap((lines) => lines.slice(1).map((l, k) => l.base - (lines[k] as BookLine).base));
  const pitch = median(steps.filter((s) => s > 0.6 * bodySize && s < 2.2 * bodySize)) || 1.2 * bodySize;
  // The furniture: a page's first or last line on the baseline most pages' is on, set apart
  // from the text by more than a line (a running head, a folio). Not a test of distance alone:
  // a design with a line of space between paragraphs sets a one-line paragraph that far apart.
  const full = pageLines.filter((lines) => lines.length >= 8);
  const headBase = mode(full.map((lines) => (lines[0] as BookLine).base));
  const footBase = mode(full.map((lines) => (lines.at(-1) as BookLine).base));
  const apart = (a: BookLine | undefined, b: BookLine | undefined) => !a || !b || Math.abs(a.base - b.base) > 1.3 * pitch;
  const near = (line: BookLine, base: number | undefined) => base !== undefined && Math.abs(line.base - base) <= 0.5;
  const firsts: number[] = [];
  const lasts: number[] = [];
  for (const lines of full) {
    const head = near(lines[0] as BookLine, headBase) && apart(lines[0], lines[1]) ? 1 : 0;
    const foot = near(lines.at(-1) as BookLine, footBase) && apart(lines.at(-1), lines.at(-2)) ? 1 : 0;
    firsts.push((lines[head] as BookLine).base);
    lasts.push((lines[lines.length - 1 - foot] as BookLine).base);
  }
  return { pitch, top: mode(firsts) ?? 0, bottom: mode(lasts) ?? Number.POSITIVE_INFINITY };
}

/** 2–3. The block's edges on rectos and versos, and whether it is set ragged right. */
export function edges(pages: BookPage[], bodySize: number, block: { pitch: number; top: number; bottom: number }): BookGeometry {
  const lines = (recto: boolean) => pages.filter((p) => p.recto === recto).flatMap((p) => textLines(p.lines));
  const side = (recto: boolean, pick: (l: BookLine) => number) => mode(lines(recto).map(pick)) ?? 0;
  const left = { recto: side(true, (l) => l.xMin), verso: side(false, (l) => l.xMin) };
  const right = { recto: side(true, (l) => l.xMax), verso: side(false, (l) => l.xMax) };
  const [rectos, versos] = [lines(true), lines(false)];
  const atEdge = (side: BookLine[], edge: number) => side.filter((l) => Math.abs(l.xMax - edge) <= 1).length;
  const all = rectos.length + versos.length;
  const ragged = all > 0 && atEdge(rectos, right.recto) + atEdge(versos, right.verso) < all / 3;
  if (ragged) {
    const trim = pages[0]?.trim;
    for (const recto of [true, false]) {
      const widest = Math.max(...(recto ? rectos : versos).map((l) => l.xMax));
      // The facing side's outside margin, taken from this side's outside edge of the trim.
      const mirror = trim ? trim.right - ((recto ? left.verso : left.recto) - trim.left) : Number.NaN;
      const edge = mirror >= widest - 1 && mirror - widest < 4 * bodySize ? mirror : widest;
      if (recto) right.recto = edge;
      else right.verso = edge;
    }
  }
  return { bodySize, ...block, left, right, ragged };
}
