/**
 * Black as printers want it: Chromium paints black text in RGB (`0 0 0 rg`), which a print
 * workflow may turn into a four-colour "rich" black or a lighter grey. The print edition's
 * content streams (pages and the furniture forms drawn on them) say `0 g` instead: black in
 * DeviceGray, one ink. Streams are inflated and deflated with Node's zlib.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

const RGB_BLACK = /(^|\s)0 0 0 (rg|RG)(?=\s)/g;

/** The content streams of `doc`'s pages, and the forms they draw, black in DeviceGray. */
export function grayBlack(doc: PDFDocument): void {
  const streams: unknown[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const looked = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    if (looked instanceof PDFArray) streams.push(...looked.asArray());
    else streams.push(contents);
    streams.push(...formsOf(doc, page.node));
  }
  grayStreams(doc, streams);
}

/** These content streams (refs), and the forms they draw, black in DeviceGray. */
export function grayStreams(doc: PDFDocument, refs: unknown[]): void {
  const { context } = doc;
  const done = new Set<PDFRef>();
  const queue = [...refs];
  for (let ref = queue.pop(); ref !== undefined; ref = queue.pop()) {
    if (!(ref instanceof PDFRef) || done.has(ref)) continue;
    done.add(ref);
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const filter = stream.dict.get(PDFName.of('Filter'));
    const flate = String(filter) === '/FlateDecode';
    if (filter && !flate) continue;
    const text = Buffer.from(flate ? inflateSync(stream.contents) : stream.contents).toString('latin1');
    const gray = text.replace(RGB_BLACK, (_, space: string, op: string) => `${space}0 ${op === 'rg' ? 'g' : 'G'}`);
    if (gray !== text) {
      const bytes = Buffer.from(gray, 'latin1');
      context.assign(ref, PDFRawStream.of(stream.dict, flate ? deflateSync(bytes) : bytes));
    }
    queue.push(...formsOf(doc, stream.dict));
  }
}

/** The form XObjects a resource dictionary's owner (a page, a form) draws. */
function formsOf(doc: PDFDocument, owner: PDFDict): PDFRef[] {
  const resources = owner.lookup(PDFName.of('Resources'));
  const xobjects = resources instanceof PDFDict ? resources.lookup(PDFName.of('XObject')) : undefined;
  if (!(xobjects instanceof PDFDict)) return [];
  return xobjects.values().filter((value): value is PDFRef => {
    const target = value instanceof PDFRef ? doc.context.lookup(value) : undefined;
    return target instanceof PDFRawStream && String(target.dict.get(PDFName.of('Subtype'))) === '/Form';
  });
}
