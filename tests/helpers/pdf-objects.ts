/**
 * What a PDF's objects say about it, read with pdf-lib alone (no program is run): the document
 * information and page size, and every font the pages use with its type and whether it is
 * embedded. The values are written the way the common PDF inspection tools write them, so that a
 * figure here can be compared with one an author reads off their own machine.
 */
import { readFileSync } from 'node:fs';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from 'pdf-lib';

async function load(file: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(file), { updateMetadata: false });
}

/** A number as C's `%g` writes it (six significant digits). */
function g(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/**
 * The document information: `Title`, `Author`, `Subject`, `Creator`, `Producer` (when set),
 * `Tagged` (`yes` when the catalog's MarkInfo says Marked), `Pages`, and `Page size` of the
 * first page's crop box, such as `396 x 612 pts`.
 */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const doc = await load(file);
  const info: Record<string, string> = {};
  const fields: [string, string | undefined][] = [
    ['Title', doc.getTitle()],
    ['Subject', doc.getSubject()],
    ['Author', doc.getAuthor()],
    ['Creator', doc.getCreator()],
    ['Producer', doc.getProducer()],
  ];
  for (const [key, value] of fields) if (value !== undefined) info[key] = value;
  const marked = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.lookup(PDFName.of('Marked'));
  info.Tagged = marked instanceof PDFBool && marked.asBoolean() ? 'yes' : 'no';
  info.Pages = String(doc.getPageCount());
  const box = doc.getPage(0).getCropBox();
  info['Page size'] = `${g(box.width)} x ${g(box.height)} pts`;
  return info;
}

export interface PdfFont {
  name: string;
  /** The font's kind: `CID TrueType`, `TrueType`, `Type 1C`, `Type 3`, … */
  type: string;
  embedded: boolean;
}

const FONT_FILES = ['FontFile', 'FontFile2', 'FontFile3'].map((n) => PDFName.of(n));

function fontFile(descriptor: PDFDict | undefined): PDFStream | undefined {
  for (const key of FONT_FILES) {
    const file = descriptor?.lookup(key);
    if (file instanceof PDFStream) return file;
  }
  return undefined;
}

/** A font's kind, from its Subtype and, for a compact or OpenType file, the file's. */
function fontType(font: PDFDict): { type: string; embedded: boolean } {
  const subtype = font.lookup(PDFName.of('Subtype'))?.toString();
  if (subtype === '/Type3') return { type: 'Type 3', embedded: true };
  const cid = subtype === '/Type0' ? font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0) : undefined;
  const described = cid instanceof PDFDict ? cid : font;
  const file = fontFile(described.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict));
  const fileType = file?.dict.lookup(PDFName.of('Subtype'))?.toString();
  const openType = fileType === '/OpenType' ? ' (OT)' : '';
  const names: Record<string, string> = {
    '/CIDFontType2': 'CID TrueType',
    '/CIDFontType0': fileType ? 'CID Type 0C' : 'CID Type 0',
    '/TrueType': 'TrueType',
    '/Type1': fileType ? 'Type 1C' : 'Type 1',
    '/MMType1': fileType ? 'Type 1C' : 'Type 1',
  };
  const key = (cid instanceof PDFDict ? cid.lookup(PDFName.of('Subtype'))?.toString() : subtype) ?? '';
  return { type: `${names[key] ?? key.slice(1)}${openType}`, embedded: file !== undefined };
}

/**
 * Every font the pages use — in their resources, in the forms they draw, in Type 3 glyphs and
 * in annotation appearances — once each (by object), in the order first met.
 */
export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const doc = await load(file);
  const fonts: PdfFont[] = [];
  const seen = new Set<unknown>();
  const visit = (resources: unknown) => {
    const dict = resources instanceof PDFRef ? doc.context.lookup(resources) : resources;
    if (!(dict instanceof PDFDict) || seen.has(dict)) return;
    seen.add(dict);
    const fontDict = dict.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const ref of fontDict?.values() ?? []) {
      const font = doc.context.lookup(ref);
      if (!(font instanceof PDFDict) || seen.has(font)) continue;
      seen.add(font);
      const base = font.lookup(PDFName.of('BaseFont'));
      fonts.push({ name: base instanceof PDFName ? base.decodeText() : '[none]', ...fontType(font) });
      visit(font.get(PDFName.of('Resources')));
    }
    const xobjects = dict.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const ref of xobjects?.values() ?? []) {
      const xobject = doc.context.lookup(ref);
      if (xobject instanceof PDFStream) visit(xobject.dict.get(PDFName.of('Resources')));
    }
  };
  for (const page of doc.getPages()) {
    visit(page.node.Resources());
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (const annot of annots?.asArray() ?? []) {
      const appearance = doc.context.lookup(annot);
      const normal =
        appearance instanceof PDFDict ? appearance.lookupMaybe(PDFName.of('AP'), PDFDict)?.lookup(PDFName.of('N')) : undefined;
      const streams = normal instanceof PDFDict ? [...normal.values()].map((v) => doc.context.lookup(v)) : [normal];
      for (const stream of streams) if (stream instanceof PDFStream) visit(stream.dict.get(PDFName.of('Resources')));
    }
  }
  return fonts;
}

/** How many form XObjects the pages draw (directly, or from a form they draw), each counted once. */
export async function pdfFormCount(file: string): Promise<number> {
  const doc = await load(file);
  const forms = new Set<unknown>();
  const visit = (resources: unknown) => {
    const dict = resources instanceof PDFRef ? doc.context.lookup(resources) : resources;
    const xobjects = dict instanceof PDFDict ? dict.lookupMaybe(PDFName.of('XObject'), PDFDict) : undefined;
    for (const ref of xobjects?.values() ?? []) {
      const form = doc.context.lookup(ref);
      if (!(form instanceof PDFStream) || forms.has(form)) continue;
      if (form.dict.get(PDFName.of('Subtype')) !== PDFName.of('Form')) continue;
      forms.add(form);
      visit(form.dict.get(PDFName.of('Resources')));
    }
  };
  for (const page of doc.getPages()) visit(page.node.Resources());
  return forms.size;
}
