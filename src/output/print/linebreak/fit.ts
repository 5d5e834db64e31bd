/**
 * How one line sets: its adjustment ratio, badness, the px its spaces, glyphs and letters take or
 * give, and its demerits (TeX's formula). Spaces and glyph expansion (pdfTeX's font expansion,
 * Zapf's hz: the words scaled a little wider or narrower) give first, together; letter spacing
 * only in the passes that allow it, and only for what they cannot do; then word spacing alone up
 * to the tolerance; in the last resort, word spacing takes whatever is left (a loose line, never
 * a lost word).
 */
import type { Items } from './items.ts';
import { FORCED, PENALTY } from './items.ts';
import type { BreakRules } from './rules.ts';

export interface PassOptions {
  /** May break at hyphenation points. */
  hyphens: boolean;
  /** Largest badness of a line. */
  tolerance: number;
  /** Letter spacing allowed, as a fraction of the words' width (0: none). */
  letters: number;
  /** Glyph expansion allowed (horizontal scaling of the words), as a fraction of their width (0: none). */
  expansion: number;
  /** Last resort: any looseness is allowed, and an overfull line where nothing else can be. */
  last: boolean;
}

export const FITS = 0;
export const TOO_LOOSE = 1;
export const OVERFULL = 2;

/** A line's fit; one object is reused for every line a pass looks at. */
export interface Fit {
  status: number;
  ratio: number;
  badness: number;
  wordAdjust: number;
  /** Px the words' glyphs take (scaled wider) or give (narrower). */
  expandAdjust: number;
  letterAdjust: number;
  /** Share of the letter spacing allowed that the line uses (0..1). */
  letterShare: number;
  overfull: number;
  ragged: boolean;
}

export const newFit = (): Fit => ({
  status: FITS,
  ratio: 0,
  badness: 0,
  wordAdjust: 0,
  expandAdjust: 0,
  letterAdjust: 0,
  letterShare: 0,
  overfull: 0,
  ragged: false,
});

const EPSILON = 1e-6;
/** Badness of a line with no stretch that must stretch (only the last resort sets one). */
const NO_STRETCH_BADNESS = 1e5;

/**
 * Fits the items from `start` to the break at `b` into `avail` px. The line's give, in order:
 * 1. word spacing and glyph expansion together, at one ratio, up to ±1 (all of both);
 * 2. then letter spacing, in the passes that allow it, for what is still missing;
 * 3. then word spacing alone, up to the tolerance (stretching only: a line never shrinks past
 *    its spaces' shrink, its glyphs' expansion and its letters).
 * So a line reaches its loosest word spacing only when its glyphs and letters can give no more.
 */
export function fitLine(items: Items, start: number, b: number, avail: number, pass: PassOptions, out: Fit): Fit {
  const kind = items.kind[b];
  const natural =
    (items.sumWidth[b] as number) - (items.sumWidth[start] as number) + (kind === PENALTY ? (items.width[b] as number) : 0);
  const stretch = (items.sumStretch[b] as number) - (items.sumStretch[start] as number);
  const shrink = (items.sumShrink[b] as number) - (items.sumShrink[start] as number);
  const words = (items.sumLetters[b] as number) - (items.sumLetters[start] as number);
  const glyphs = pass.expansion * words;
  const letters = pass.letters * words;
  const diff = avail - natural;
  out.status = FITS;
  out.ratio = 0;
  out.badness = 0;
  out.wordAdjust = 0;
  out.expandAdjust = 0;
  out.letterAdjust = 0;
  out.letterShare = 0;
  out.overfull = 0;
  out.ragged = kind === FORCED;
  if ((out.ragged && diff >= 0) || Math.abs(diff) <= EPSILON) return out;
  const give = diff > 0 ? stretch : shrink;
  const need = Math.abs(diff);
  const sign = Math.sign(diff);
  if (need <= give + glyphs + EPSILON) {
    // 1. Spaces and glyphs at one ratio.
    const r = give + glyphs > 0 ? need / (give + glyphs) : 0;
    out.ratio = sign * r;
    out.wordAdjust = sign * r * give;
    out.expandAdjust = sign * r * glyphs;
  } else if (need <= give + glyphs + letters + EPSILON) {
    // 2. Letter spacing for the rest.
    const letter = need - give - glyphs;
    out.ratio = sign;
    out.wordAdjust = sign * give;
    out.expandAdjust = sign * glyphs;
    out.letterAdjust = sign * letter;
    out.letterShare = letters > 0 ? letter / letters : 0;
  } else if (diff < 0) {
    // Overfull: all the shrink there is, and what is left sticks out.
    out.ratio = shrink > 0 ? diff / shrink : -1;
    out.wordAdjust = -shrink;
    out.expandAdjust = -glyphs;
    out.letterAdjust = -letters;
    out.letterShare = letters > 0 ? 1 : 0;
    out.status = OVERFULL;
    out.overfull = need - shrink - glyphs - letters;
    out.badness = 100;
    return out;
  } else {
    // 3. Word spacing alone past its stretch.
    const rest = need - glyphs - letters;
    out.expandAdjust = glyphs;
    out.letterAdjust = letters;
    out.letterShare = letters > 0 ? 1 : 0;
    out.wordAdjust = rest;
    out.ratio = stretch > 0 ? rest / stretch : 0;
    const most = stretch * Math.cbrt(pass.tolerance / 100);
    if (rest > most + EPSILON && !pass.last) out.status = TOO_LOOSE;
    if (stretch === 0) {
      // Nothing to stretch (one word): the line stays short, its glyphs and letters as they are.
      out.wordAdjust = 0;
      out.expandAdjust = 0;
      out.letterAdjust = 0;
      out.letterShare = 0;
      out.badness = rest > EPSILON ? NO_STRETCH_BADNESS + rest : pass.tolerance;
      if (!pass.last) out.status = TOO_LOOSE;
      return out;
    }
  }
  out.badness = 100 * Math.abs(out.ratio) ** 3;
  return out;
}

/** Badness thresholds of TeX's fitness classes: very loose 0, loose 1, decent 2, tight 3. */
export function fitnessOf(fit: Fit): number {
  if (fit.ratio < 0) return fit.badness > 12 ? 3 : 2;
  if (fit.badness > 99) return 0;
  return fit.badness > 12 ? 1 : 2;
}

/** Demerits of a line ending at `b`, after a line that ended with `prevRun` hyphens in a row. */
export function lineDemerits(
  items: Items,
  b: number,
  fit: Fit,
  fitness: number,
  prevFitness: number,
  prevRun: number,
  rules: BreakRules,
): number {
  const base = rules.linePenalty + (fit.status === OVERFULL ? 1e6 + 1e3 * fit.overfull : fit.badness);
  let d = base * base;
  if (items.kind[b] === PENALTY) {
    const p = items.penalty[b] as number;
    d += p >= 0 ? p * p : -p * p;
  }
  if (prevRun > 0) {
    if (items.flagged[b]) d += rules.doubleHyphenDemerits;
    if (items.final[b]) d += rules.finalHyphenDemerits;
  }
  if (Math.abs(fitness - prevFitness) > 1) d += rules.adjDemerits;
  if (fit.letterAdjust !== 0) d += rules.letterSpacingDemerits * (1 + fit.letterShare);
  return d;
}
