/** The part of opentype.js 2 (which ships no types) that letterforms.ts uses. */
declare module 'opentype.js' {
  export interface BoundingBox {
    x1: number;
    y1: number;
    x2: number;
    y2: number;
  }

  export interface Path {
    getBoundingBox(): BoundingBox;
    toPathData(options?: { decimalPlaces?: number; flipY?: boolean }): string;
  }

  export interface Glyph {
    getBoundingBox(): BoundingBox;
  }

  export interface RenderOptions {
    kerning?: boolean;
    variation?: Record<string, number>;
  }

  export interface Font {
    unitsPerEm: number;
    tables: { os2?: unknown; fvar?: unknown; [name: string]: unknown };
    charToGlyph(character: string): Glyph;
    charToGlyphIndex(character: string): number;
    getPath(text: string, x: number, y: number, fontSize: number, options?: RenderOptions): Path;
  }

  export function parse(buffer: ArrayBuffer): Font;

  const opentype: { parse: typeof parse };
  export default opentype;
}
