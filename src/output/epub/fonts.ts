/**
 * Embedding the theme's fonts in the EPUB (`epub: {embed-fonts: true}`, and by default for Apple
 * Books): the WOFF2 files of the theme's fontsource packages (WOFF2 is a core media type of
 * EPUB 3.3), only the families the EPUB's style sheet uses and only the character subsets the
 * book's text needs. The subset holding Latin comes last, so a reader that ignores
 * `unicode-range` still picks it.
 */
import { fontFile, loadThemeFonts } from '../fonts.ts';
import type { Theme } from '../theme.ts';

export interface EmbeddedFont {
  /** Path inside the EPUB, `fonts/<file>.woff2`. */
  href: string;
  data: Buffer;
  mediaType: 'font/woff2';
}

export interface FontEmbedding {
  css: string;
  files: EmbeddedFont[];
}

interface Face {
  family: string;
  style: string;
  weight: string;
  file: string;
  ranges: [number, number][] | undefined;
}

/** The @font-face rules and font files for the families `css` uses and the characters `text` has. */
export async function embedFonts(theme: Theme, css: string, codePoints: Set<number>): Promise<FontEmbedding> {
  const fonts = await loadThemeFonts(theme);
  // A family counts where a rule uses it, not where Galley only names it (`--galley-sc-font: …`).
  const using = css.replace(/--[\w-]+\s*:[^;{}]*;?/g, '');
  const faces = parseFaces(fonts.css).filter(
    (face) => usesFamily(using, face.family) && (!face.ranges || face.ranges.some(([from, to]) => hasAny(codePoints, from, to))),
  );
  const files: EmbeddedFont[] = [];
  const rules: string[] = [];
  for (const face of faces) {
    const data = await fontFile(fonts, face.file);
    if (!data) continue;
    files.push({ href: `fonts/${face.file}`, data, mediaType: 'font/woff2' });
    const range = face.ranges ? `\n  unicode-range: ${face.ranges.map(formatRange).join(', ')};` : '';
    rules.push(
      `@font-face {\n  font-family: "${face.family}";\n  font-style: ${face.style};\n  font-weight: ${face.weight};\n  src: url(fonts/${face.file}) format("woff2");${range}\n}`,
    );
  }
  return { css: rules.join('\n\n'), files };
}

/** Every code point of the book's text, to choose the subsets to embed. */
export function codePointsOf(texts: Iterable<string>): Set<number> {
  const points = new Set<number>();
  for (const text of texts) for (const char of text) points.add(char.codePointAt(0) as number);
  return points;
}

function parseFaces(css: string): Face[] {
  const faces: Face[] = [];
  for (const [, body = ''] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const get = (name: string) => new RegExp(`${name}\\s*:\\s*([^;]+);`).exec(body)?.[1]?.trim();
    const file = /url\(fonts\/([^)\s]+\.woff2)\)/.exec(body)?.[1];
    const family = get('font-family')?.replace(/^['"]|['"]$/g, '');
    if (!file || !family) continue;
    const range = get('unicode-range');
    faces.push({
      family,
      style: get('font-style') ?? 'normal',
      weight: get('font-weight') ?? '400',
      file,
      ranges: range ? range.split(',').map(parseRange) : undefined,
    });
  }
  // Latin (the subset with U+0041, "A") last: readers without unicode-range take the last face.
  const hasLatin = (face: Face) => face.ranges?.some(([from, to]) => from <= 0x41 && 0x41 <= to) ?? true;
  return [...faces.filter((f) => !hasLatin(f)), ...faces.filter(hasLatin)];
}

function parseRange(text: string): [number, number] {
  const [from = '0', to] = text.trim().replace(/^U\+/i, '').split('-');
  if (from.includes('?')) return [Number.parseInt(from.replace(/\?/g, '0'), 16), Number.parseInt(from.replace(/\?/g, 'F'), 16)];
  const start = Number.parseInt(from, 16);
  return [start, to ? Number.parseInt(to, 16) : start];
}

function formatRange([from, to]: [number, number]): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`;
}

function hasAny(points: Set<number>, from: number, to: number): boolean {
  if (to - from < points.size) {
    for (let p = from; p <= to; p++) if (points.has(p)) return true;
    return false;
  }
  for (const p of points) if (p >= from && p <= to) return true;
  return false;
}

function usesFamily(css: string, family: string): boolean {
  return css.includes(`"${family}"`) || css.includes(`'${family}'`);
}
