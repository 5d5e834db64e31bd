/**
 * Unique names for font subsets. Chromium names the subsets of each document it prints
 * `AAAAAA+EBGaramond-Regular`, `BAAAAA+…`, and so on; the book is put together from several
 * printed documents (the front matter, the body, the furniture), so different subsets of one
 * font arrive under the same name — which some RIPs and preflight tools take for one font, and
 * print with the wrong glyphs. Each subset gets a tag of its own.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFRef } from 'pdf-lib';

const TAGGED = /^\/?[A-Z]{6}\+(.+)$/;

function tag(n: number): string {
  let out = '';
  let rest = n;
  for (let i = 0; i < 6; i++) {
    out = String.fromCharCode(65 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/** Gives every font subset in `doc` a tag of its own (the same one on its font dicts and descriptor). */
export function uniqueSubsetNames(doc: PDFDocument): void {
  const { context } = doc;
  const tags = new Map<PDFRef | PDFDict, string>();
  let next = 0;
  const tagFor = (key: PDFRef | PDFDict) => {
    let found = tags.get(key);
    if (!found) {
      found = tag(next++);
      tags.set(key, found);
    }
    return found;
  };
  const rename = (dict: PDFDict, key: 'BaseFont' | 'FontName', descriptor: PDFRef | PDFDict) => {
    const match = TAGGED.exec(String(dict.get(PDFName.of(key)) ?? ''));
    if (match) dict.set(PDFName.of(key), PDFName.of(`${tagFor(descriptor)}+${match[1]}`));
  };
  /** The descriptor of a font: its own, or (for a Type 0 font) its descendant's. */
  const descriptorOf = (font: PDFDict): PDFRef | PDFDict | undefined => {
    const own = font.get(PDFName.of('FontDescriptor'));
    if (own) return own as PDFRef | PDFDict;
    const descendants = font.lookup(PDFName.of('DescendantFonts'));
    const first = descendants instanceof PDFArray ? descendants.lookup(0) : undefined;
    return first instanceof PDFDict ? (first.get(PDFName.of('FontDescriptor')) as PDFRef | PDFDict | undefined) : undefined;
  };
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || String(object.get(PDFName.of('Type'))) !== '/Font') continue;
    const descriptor = descriptorOf(object);
    if (!descriptor) continue;
    rename(object, 'BaseFont', descriptor);
    const dict = descriptor instanceof PDFDict ? descriptor : context.lookup(descriptor);
    if (dict instanceof PDFDict) rename(dict, 'FontName', descriptor);
  }
}
