/**
 * Text that reads back as it was written. A PDF font's ToUnicode CMap gives each glyph one text;
 * where a font draws several characters with one glyph (Source Serif 4 draws ’ and ʼ, ‘ and ʻ
 * alike), Chromium picks one of them, often not the book's: copied, searched or read aloud, the
 * book's apostrophes come out as modifier letters (ʼ U+02BC). Each such glyph is given the
 * character the book's text uses.
 *
 * 1. Count the characters of the book's text (and, present though uncounted, their capitals and
 *    lower case: CSS sets some text in capitals).
 * 2. For each Type 0 font with a ToUnicode CMap and an embedded TrueType program, find the glyphs
 *    the CMap maps to a character the text never uses. Only then read the program's cmap: which
 *    characters it draws with each glyph (the codes are glyph ids, or go through CIDToGIDMap).
 * 3. Give such a glyph the character drawn with it that the text uses (the most used, if several).
 *    A glyph whose character the text does use keeps it: a book that writes ʻokina and not ‘
 *    keeps its ʻ, and one that writes both keeps Chromium's pick.
 * 4. Write the CMap again (cmap-text.ts) where a glyph changed.
 */
import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { readToUnicode, writeToUnicode } from './cmap-text.ts';
import { glyphCharacters } from './letterforms.ts';

/** How often the text uses each character (code point). */
export type CharacterUse = Map<number, number>;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The characters of `text` (HTML or CSS: character references read as what they stand for). */
export function characterUse(text: string): CharacterUse {
  // Counted in an array by UTF-16 unit (a book has hundreds of thousands of characters), then
  // the surrogate pairs read as the characters they make.
  const units = new Uint32Array(0x10000);
  const use: CharacterUse = new Map();
  const add = (code: number, n = 1) => use.set(code, (use.get(code) ?? 0) + n);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        add(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
        i++;
        continue;
      }
    }
    units[unit] = (units[unit] ?? 0) + 1;
  }
  units.forEach((n, unit) => {
    if (n) add(unit, n);
  });
  for (const [, ref = ''] of text.matchAll(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi)) {
    const named = NAMED[ref.toLowerCase()];
    const code = named ? named.codePointAt(0) : ref.startsWith('#') ? Number(`0${ref.slice(1)}`) : undefined;
    if (code !== undefined && Number.isInteger(code) && code <= 0x10ffff) add(code);
  }
  for (const code of [...use.keys()]) {
    const ch = String.fromCodePoint(code);
    for (const variant of ch.toUpperCase() + ch.toLowerCase()) {
      const v = variant.codePointAt(0) as number;
      if (!use.has(v)) use.set(v, 0);
    }
  }
  return use;
}

/**
 * The character to give a glyph Chromium mapped to `current`: one drawn with it that the text
 * uses, when the text never uses `current`; else `current`.
 */
export function characterFor(current: number, drawnWith: number[], use: CharacterUse): number {
  if (use.has(current)) return current;
  let best = current;
  let count = -1;
  for (const code of [...drawnWith].sort((a, b) => a - b)) {
    const n = use.get(code);
    if (n !== undefined && n > count) {
      best = code;
      count = n;
    }
  }
  return best;
}

/** Maps the glyphs of every font in `doc` to the characters the book uses (see the steps above). */
export function mapGlyphsToText(doc: PDFDocument, use: CharacterUse): void {
  const { context } = doc;
  const programs = new Map<PDFRawStream, Map<number, number[]> | undefined>();
  const charactersOf = (program: PDFRawStream) => {
    if (!programs.has(program)) programs.set(program, glyphCharacters(decodePDFRawStream(program).decode()));
    return programs.get(program);
  };
  for (const [, font] of context.enumerateIndirectObjects()) {
    if (!(font instanceof PDFDict) || String(font.get(PDFName.of('Subtype'))) !== '/Type0') continue;
    const toUnicode = font.get(PDFName.of('ToUnicode'));
    const stream = context.lookup(toUnicode);
    if (!(stream instanceof PDFRawStream)) continue;
    const descendants = font.lookup(PDFName.of('DescendantFonts'));
    const cidFont = descendants instanceof PDFArray ? descendants.lookup(0) : undefined;
    if (!(cidFont instanceof PDFDict) || String(cidFont.get(PDFName.of('Subtype'))) !== '/CIDFontType2') continue;
    const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'));
    const program = descriptor instanceof PDFDict ? descriptor.lookup(PDFName.of('FontFile2')) : undefined;
    if (!(program instanceof PDFRawStream)) continue;
    // 2. The glyphs mapped to a character the text never uses.
    const cmap = readToUnicode(new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()));
    if (!cmap) continue;
    const unused = [...cmap.map].filter(([, text]) => {
      const code = text.codePointAt(0) as number;
      return String.fromCodePoint(code) === text && !use.has(code);
    });
    if (unused.length === 0) continue;
    const glyphs = charactersOf(program);
    if (!glyphs) continue;
    const gid = glyphIds(cidFont.lookup(PDFName.of('CIDToGIDMap')));
    if (!gid) continue;
    // 3. The character the text uses, for each.
    let changed = false;
    for (const [cid, text] of unused) {
      const current = text.codePointAt(0) as number;
      const wanted = characterFor(current, glyphs.get(gid(cid)) ?? [], use);
      if (wanted === current) continue;
      cmap.map.set(cid, String.fromCodePoint(wanted));
      changed = true;
    }
    if (!changed) continue;
    // 4. The CMap, written again.
    const written = context.flateStream(writeToUnicode(cmap));
    if (toUnicode instanceof PDFRef) context.assign(toUnicode, written);
    else font.set(PDFName.of('ToUnicode'), context.register(written));
  }
}

/** CID to glyph id: the CIDFont's CIDToGIDMap (Identity when absent); undefined when unreadable. */
function glyphIds(map: unknown): ((cid: number) => number) | undefined {
  if (map === undefined || String(map) === '/Identity') return (cid) => cid;
  if (!(map instanceof PDFRawStream)) return undefined;
  const bytes = decodePDFRawStream(map).decode();
  return (cid) => ((bytes[2 * cid] ?? 0) << 8) | (bytes[2 * cid + 1] ?? 0);
}
