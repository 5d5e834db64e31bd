/**
 * A face's letterforms as vector outlines, for the print edition's drop caps: the @font-face
 * rules of the print page's fonts say which file holds a character in a family, weight and style
 * (each fontsource sheet splits a face by unicode-range), and opentype.js reads the glyph from
 * it. This module is the only importer of opentype.js. It reads TrueType, OpenType and WOFF files
 * (fontsource ships a WOFF beside every WOFF2); a face given only as WOFF2 has no outlines here.
 * The files are read once, when the letterforms are loaded; each is parsed when a character
 * first needs it, and each outline is drawn once (outlines are never changed). It also reads
 * which characters a font program draws with each of its glyphs (glyphCharacters), for the PDF's
 * text (to-unicode.ts).
 */
import opentype, { type Font } from 'opentype.js';
import { type FontSet, fontFile } from '../fonts.ts';

export interface FaceWanted {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
}

/** A character's outline at a size, in points from its origin on the baseline (y grows downward). */
export interface Outline {
  /** SVG path data. */
  d: string;
  /** The ink's box. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Letterforms {
  /** The face, as `EB Garamond 400 normal` (what the drop caps depend on). */
  face: string;
  /** The height of the capitals, in ems (from the font's OS/2 table, or its H). */
  capHeight(character: string): number | undefined;
  /** The character's outline at `size` points; undefined when no file of the face holds it. */
  outline(character: string, size: number): Outline | undefined;
}

interface FaceRule {
  family: string;
  weights: [number, number];
  style: string;
  ranges: [number, number][];
  /** File names under `fonts/`, in the rule's order. */
  files: string[];
}

/** Reads the faces of `wanted` the page's fonts declare; undefined when none has a file opentype.js reads. */
export async function loadLetterforms(fonts: FontSet, wanted: FaceWanted): Promise<Letterforms | undefined> {
  const rules = faceRules(fonts.css).filter(
    (r) => r.family.toLowerCase() === wanted.family.toLowerCase() && (r.style === wanted.style || r.style === 'normal'),
  );
  if (rules.length === 0) return undefined;
  // The nearest weight, the wanted style before `normal` (as a browser matches a face).
  const distance = (r: FaceRule) =>
    (r.weights[0] <= wanted.weight && wanted.weight <= r.weights[1]
      ? 0
      : Math.min(...r.weights.map((w) => Math.abs(w - wanted.weight)))) + (r.style === wanted.style ? 0 : 10_000);
  const best = Math.min(...rules.map(distance));
  const chosen = rules.filter((r) => distance(r) === best);
  const sources: { ranges: [number, number][]; data: Buffer }[] = [];
  for (const rule of chosen) {
    const file = rule.files.find((f) => /\.(woff|ttf|otf)$/i.test(f));
    const data = file ? await fontFile(fonts, file) : undefined;
    if (data) sources.push({ ranges: rule.ranges, data });
  }
  if (sources.length === 0) return undefined;
  const parsed = new Map<Buffer, Font>();
  const fontFor = (character: string): Font | undefined => {
    const code = character.codePointAt(0) ?? 0;
    for (const source of sources) {
      if (!source.ranges.some(([from, to]) => code >= from && code <= to)) continue;
      let font = parsed.get(source.data);
      if (!font) {
        const { buffer, byteOffset, byteLength } = source.data;
        font = opentype.parse(buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer);
        parsed.set(source.data, font);
      }
      if (font.charToGlyphIndex(character) > 0) return font;
    }
    return undefined;
  };
  const variation = (font: Font) => (font.tables.fvar ? { variation: { wght: wanted.weight } } : {});
  // A book's chapters open with a few letters many times over: each outline is drawn once.
  const outlines = new Map<string, Outline | undefined>();
  return {
    face: `${wanted.family} ${wanted.weight} ${wanted.style}`,
    capHeight(character) {
      const font = fontFor(character);
      if (!font) return undefined;
      const os2 = font.tables.os2 as { sCapHeight?: number } | undefined;
      const capital = os2?.sCapHeight || font.charToGlyph('H').getBoundingBox().y2 || 0.7 * font.unitsPerEm;
      return capital / font.unitsPerEm;
    },
    outline(character, size) {
      const key = `${character} ${size}`;
      if (outlines.has(key)) return outlines.get(key);
      const font = fontFor(character);
      const path = font?.getPath(character, 0, 0, size, { kerning: false, ...variation(font) });
      const box = path?.getBoundingBox();
      const drawn =
        path && box && box.x2 > box.x1 && box.y2 > box.y1
          ? { d: path.toPathData({ decimalPlaces: 2, flipY: false }), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 }
          : undefined;
      outlines.set(key, drawn);
      return drawn;
    },
  };
}

/** The @font-face rules of a stylesheet (as fontsource writes them, and as fonts.ts rewrites their urls). */
export function faceRules(css: string): FaceRule[] {
  const rules: FaceRule[] = [];
  for (const [, body = ''] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const value = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(body)?.[1]?.trim();
    const family = value('font-family')?.replace(/^["']|["']$/g, '');
    if (!family) continue;
    const weights = (value('font-weight') ?? '400')
      .split(/\s+/)
      .map((w) => (w === 'bold' ? 700 : w === 'normal' ? 400 : Number(w)))
      .filter((w) => Number.isFinite(w));
    const files = [...(value('src') ?? '').matchAll(/url\(\s*["']?fonts\/([^"')]+)["']?\s*\)/g)].map((m) => m[1] as string);
    rules.push({
      family,
      weights: [weights[0] ?? 400, weights[1] ?? weights[0] ?? 400],
      style: (value('font-style') ?? 'normal').split(/\s+/)[0] === 'italic' ? 'italic' : 'normal',
      ranges: unicodeRanges(value('unicode-range')),
      files,
    });
  }
  return rules;
}

/** `U+0000-00FF, U+0131, U+4??` as code point ranges; every code point when there is none. */
function unicodeRanges(text: string | undefined): [number, number][] {
  if (!text) return [[0, 0x10ffff]];
  return text.split(',').flatMap((part): [number, number][] => {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m?.[1]) return [];
    if (m[1].includes('?'))
      return [[Number.parseInt(m[1].replace(/\?/g, '0'), 16), Number.parseInt(m[1].replace(/\?/g, 'f'), 16)]];
    const from = Number.parseInt(m[1], 16);
    return [[from, m[2] ? Number.parseInt(m[2], 16) : from]];
  });
}

/**
 * The characters a font program (TrueType or OpenType) draws with each of its glyphs, from its
 * cmap, by glyph index; undefined when opentype.js cannot read it or it has no cmap.
 */
export function glyphCharacters(data: Uint8Array): Map<number, number[]> | undefined {
  let font: Font;
  try {
    font = opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  } catch {
    return undefined;
  }
  const map = (font.tables.cmap as { glyphIndexMap?: Record<string, number> } | undefined)?.glyphIndexMap;
  if (!map) return undefined;
  const glyphs = new Map<number, number[]>();
  for (const [code, glyph] of Object.entries(map)) {
    const list = glyphs.get(glyph);
    if (list) list.push(Number(code));
    else glyphs.set(glyph, [Number(code)]);
  }
  return glyphs;
}
