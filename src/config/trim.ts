/**
 * Trim sizes: the named sizes printers and print-on-demand services use, or a custom
 * `<width> x <height>` with units (in, mm, cm, pt).
 */

export interface TrimSize {
  /** Width in points (1/72 in). */
  width: number;
  /** Height in points. */
  height: number;
}

const POINTS_PER: Record<string, number> = { in: 72, mm: 72 / 25.4, cm: 72 / 2.54, pt: 1 };

/** Named trims, width × height in inches. */
export const NAMED_TRIMS: Record<string, [number, number]> = {
  '5x8': [5, 8],
  '5.25x8': [5.25, 8],
  '5.5x8.5': [5.5, 8.5],
  '6x9': [6, 9],
  a5: [148 / 25.4, 210 / 25.4],
  'b-format': [129 / 25.4, 198 / 25.4],
};

const LENGTH = /^(\d+(?:\.\d+)?)\s*(in|mm|cm|pt)$/;

/** Parses a length such as `0.75in` or `18mm` to points, or returns undefined. */
export function parseLength(text: string): number | undefined {
  const match = LENGTH.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const factor = POINTS_PER[match[2]];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}

/** Parses a trim: a name from NAMED_TRIMS or `<length> x <length>`; undefined when invalid. */
export function parseTrim(text: string): TrimSize | undefined {
  const named = NAMED_TRIMS[text.trim().toLowerCase()];
  if (named) return { width: named[0] * 72, height: named[1] * 72 };
  const parts = text.split(/\s*[x×]\s*/);
  if (parts.length !== 2) return undefined;
  const width = parseLength(parts[0] ?? '');
  const height = parseLength(parts[1] ?? '');
  if (!width || !height) return undefined;
  return { width, height };
}
