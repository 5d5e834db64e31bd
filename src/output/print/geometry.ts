/**
 * The page of the print edition: trim and bleed, the margins (when `print.inner` is `auto`, the
 * inside margin is KDP's minimum gutter for the page count plus an eighth of an inch for the
 * binding), the zones the running head and folio sit in, and the text block,
 * whose height is a whole number of lines so every page ends on the baseline grid. Everything is
 * in PostScript points, measured from the top left of the PDF page (the MediaBox).
 *
 * The margins are the live area: nothing, not even a running head or folio, comes nearer the
 * trim than they say (IngramSpark asks for 0.5 in, KDP for 0.25 in).
 */
import type { PrintConfig } from '../../config/schema.ts';
import { parseLength, parseTrim, type TrimSize } from '../../config/trim.ts';
import { GalleyError } from '../../errors.ts';

/** KDP's minimum inside margin (gutter) by page count, in inches. */
export const KDP_GUTTERS: { upTo: number; inches: number }[] = [
  { upTo: 150, inches: 0.375 },
  { upTo: 300, inches: 0.5 },
  { upTo: 500, inches: 0.625 },
  { upTo: 700, inches: 0.75 },
  { upTo: Number.POSITIVE_INFINITY, inches: 0.875 },
];

/** KDP's largest paperback. */
export const KDP_MAX_PAGES = 828;

/** The bleed print-on-demand printers ask for. */
export const BLEED = 0.125 * 72;

/** The gutter KDP asks for a book of `pages` pages, in points: its minimum inside margin. */
export function kdpGutter(pages: number): number {
  const row = KDP_GUTTERS.find((r) => pages <= r.upTo) ?? KDP_GUTTERS[KDP_GUTTERS.length - 1];
  return (row?.inches ?? 0.875) * 72;
}

/**
 * What `print.inner: auto` adds to KDP's minimum for the binding: a perfect-bound spine takes
 * some of the inside margin, so text set at the bare minimum reads as if in the fold.
 */
export const BINDING = 0.125 * 72;

/** The inside margin `print.inner: auto` gives a book of `pages` pages, in points. */
export function autoInner(pages: number): number {
  return kdpGutter(pages) + BINDING;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PageGeometry {
  /** MediaBox size: the trim plus the bleed on the outside, top and bottom edges. */
  width: number;
  height: number;
  trim: TrimSize;
  bleed: number;
  /** Margins from the trim edges. */
  inner: number;
  outer: number;
  top: number;
  bottom: number;
  /** The line height: the baseline grid. */
  line: number;
  /** The text block of a recto and of a verso. */
  recto: Box;
  verso: Box;
  /** The live area (text block with its head and foot zones) of a recto and a verso. */
  live: { recto: Box; verso: Box };
  /** How far a recto's content moves to sit on a verso. */
  versoShift: number;
}

export interface Furniture {
  /** Running heads shown at all. */
  heads: boolean;
  folios: 'foot' | 'head';
}

/**
 * The page for a gutter (in points): the text block is the trim less the margins, less a zone of
 * two lines for the running head (and for the folio when it sits at the foot), rounded down to
 * whole lines. `kdpOrFixed` is `print.inner` when that is a length; when it is `auto`, KDP’s minimum
 * for the page count (kdpGutter), to which the binding's eighth of an inch is added here, so the
 * inside margin is autoInner(pages).
 */
export function pageGeometry(print: PrintConfig, kdpOrFixed: number, line: number, furniture: Furniture): PageGeometry {
  const gutter = print.inner === 'auto' ? kdpOrFixed + BINDING : kdpOrFixed;
  const trim = parseTrim(print.trim);
  const [outer, top, bottomMargin] = [print.outer, print.top, print.bottom].map(parseLength);
  if (!trim || outer === undefined || top === undefined || bottomMargin === undefined) {
    throw new GalleyError('PDF_FAILED', 'the print settings are not valid', { hint: 'Check `print:` in book.yaml.' });
  }
  const bleed = print.bleed ? BLEED : 0;
  const width = trim.width + bleed;
  const height = trim.height + 2 * bleed;
  const headZone = furniture.heads || furniture.folios === 'head' ? 2 * line : 0;
  const footZone = furniture.folios === 'foot' ? 2 * line : 0;
  const textWidth = trim.width - gutter - outer;
  const room = trim.height - top - bottomMargin - headZone - footZone;
  const lines = Math.floor(room / line + 1e-6);
  if (textWidth < 72 || lines < 6) {
    const key = textWidth < 72 ? 'print.outer' : 'print.top` and `print.bottom';
    throw new GalleyError('PDF_FAILED', `the margins leave no room for the text (\`${key}\`)`, {
      hint: 'Make the margins in `print:` in book.yaml smaller, or choose a larger `print.trim`.',
    });
  }
  const textHeight = lines * line;
  const bottom = trim.height - top - headZone - textHeight - footZone;
  const textTop = bleed + top + headZone;
  const recto: Box = { left: gutter, top: textTop, width: textWidth, height: textHeight };
  const verso: Box = { ...recto, left: bleed + outer };
  const liveHeight = headZone + textHeight + footZone;
  return {
    width,
    height,
    trim,
    bleed,
    inner: gutter,
    outer,
    top,
    bottom,
    line,
    recto,
    verso,
    live: {
      recto: { left: recto.left, top: bleed + top, width: textWidth, height: liveHeight },
      verso: { left: verso.left, top: bleed + top, width: textWidth, height: liveHeight },
    },
    versoShift: verso.left - recto.left,
  };
}

const pt = (n: number) => `${Number(n.toFixed(3))}pt`;

/** The text block and the line as CSS variables. */
export function pageVariables(g: PageGeometry): string {
  return `:root { --text-width: ${pt(g.recto.width)}; --text-height: ${pt(g.recto.height)}; --line: ${pt(g.line)}; }`;
}

/**
 * @page rules. `uniform`: every page set as a recto (Galley moves versos into place when it
 * assembles the PDF); `mirrored`: rectos and versos each with their own margins.
 */
export function pageRules(g: PageGeometry, mode: 'uniform' | 'mirrored'): string {
  const right = g.width - g.recto.left - g.recto.width;
  // The body's pages are made up by Galley (set-lines.ts), each holding at most the text block:
  // a little room below it keeps rounding from ever making Chromium break a page of its own.
  const bottom = g.height - g.recto.top - g.recto.height - g.line / 2;
  const margins = (left: number, r: number) => `margin: ${pt(g.recto.top)} ${pt(r)} ${pt(bottom)} ${pt(left)};`;
  const vars = `${pageVariables(g)}\n@media screen { body { width: var(--text-width); } }`;
  const page = `@page { size: ${pt(g.width)} ${pt(g.height)}; ${margins(g.recto.left, right)} }`;
  if (mode === 'uniform') return `${vars}\n${page}`;
  return `${vars}\n${page}\n@page :left { ${margins(g.verso.left, g.width - g.verso.left - g.verso.width)} }`;
}
