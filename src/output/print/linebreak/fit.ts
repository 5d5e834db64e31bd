/**
 * How one line sets: its adjustment ratio, badness, the px its spaces and letters take or give,
 * and its demerits (TeX's formula). Word spacing goes first, up to the tolerance; letter spacing
 * only in the passes that allow it, and only for what word spacing cannot do within the
 * tolerance; in the last resort, word spacing then takes whatever is left (a loose line, never a
 * lost word).
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
  letterAdjust: 0,
  letterShare: 0,
  overfull: 0,
  ragged: false,
});

const EPSILON = 1e-6;
/** Badness of a line with no stretch that must stretch (only the last resort sets one). */
const NO_STRETCH_BADNESS = 1e5;

/** Fits the items from `start` to the break at `b` into `avail` px. */
export function fitLine(items: Items, start: number, b: number, avail: number, pass: PassOptions, out: Fit): Fit {
  const kind = items.kind[b];
  const natural =
    (items.sumWidth[b] as number) - (items.sumWidth[start] as number) + (kind === PENALTY ? (items.width[b] as number) : 0);
  const stretch = (items.sumStretch[b] as number) - (items.sumStretch[start] as number);
  const shrink = (items.sumShrink[b] as number) - (items.sumShrink[start] as number);
  const letters = pass.letters * ((items.sumLetters[b] as number) - (items.sumLetters[start] as number));
  const diff = avail - natural;
  out.status = FITS;
  out.ratio = 0;
  out.badness = 0;
  out.wordAdjust = 0;
  out.letterAdjust = 0;
  out.letterShare = 0;
  out.overfull = 0;
  out.ragged = kind === FORCED;
  if (diff >= 0) {
    if (out.ragged || diff <= EPSILON) return out;
    const most = stretch * Math.cbrt(pass.tolerance / 100);
    if (stretch > 0 && diff <= most + EPSILON) {
      out.ratio = diff / stretch;
      out.badness = 100 * out.ratio ** 3;
      out.wordAdjust = diff;
      return out;
    }
    const letter = Math.min(diff - most, letters);
    const rest = diff - most - letter;
    out.letterAdjust = letter;
    out.letterShare = letters > 0 ? letter / letters : 0;
    out.wordAdjust = most;
    if (rest > EPSILON) {
      if (!pass.last) out.status = TOO_LOOSE;
      out.wordAdjust = most + rest;
      if (stretch === 0) {
        // Nothing to stretch (one word): the line stays short, and is not letter-spaced for nothing.
        out.wordAdjust = 0;
        out.letterAdjust = 0;
        out.letterShare = 0;
      }
    }
    out.ratio = stretch > 0 ? out.wordAdjust / stretch : 0;
    out.badness = stretch > 0 ? 100 * out.ratio ** 3 : rest > EPSILON ? NO_STRETCH_BADNESS + rest : pass.tolerance;
    return out;
  }
  const need = -diff;
  if (need <= shrink + EPSILON) {
    out.ratio = diff / shrink;
    out.badness = 100 * (-out.ratio) ** 3;
    out.wordAdjust = diff;
    return out;
  }
  const letter = Math.min(need - shrink, letters);
  const rest = need - shrink - letter;
  out.wordAdjust = -shrink;
  out.letterAdjust = -letter;
  out.letterShare = letters > 0 ? letter / letters : 0;
  out.ratio = -1;
  out.badness = 100;
  if (rest > EPSILON) {
    out.status = OVERFULL;
    out.overfull = rest;
    out.ratio = shrink > 0 ? diff / shrink : -1;
  }
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
