/**
 * Black as printers want it: Chromium paints black text in RGB (`0 0 0 rg`), which a print
 * workflow may turn into a four-colour "rich" black or a lighter grey. The print edition's
 * content streams (pages and the furniture forms drawn on them) say `0 g` instead: black in
 * DeviceGray, one ink. Streams are inflated and deflated with Node's zlib (on its threads for a
 * run of the body, which is made gray while the browser lays out the next).
 */
import { promisify } from 'node:util';
import { deflate, deflateSync, inflate, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

const RGB_BLACK = /(^|\s)0 0 0 (rg|RG)(?=\s)/g;

/** The content streams of `doc`'s pages, and the forms they draw, black in DeviceGray. */
export function grayBlack(doc: PDFDocument): void {
  grayStreams(doc, pageStreams(doc));
}

const inflating = promisify(inflate);
const deflating = promisify(deflate);

/** Streams inflated or deflated at once: enough for zlib's four threads, and few (each holds its own buffers). */
const AT_ONCE = 8;

/**
 * grayBlack, its streams inflated and deflated by zlib's threads (the main thread only finds the
 * black), so that it can run while the browser works. The streams are found first (from the
 * pages' and forms' dictionaries), then converted a few at a time: when each expanded line was a
 * form of its own (Pride and Prejudice: 8,754), all at once took seven times the CPU of converting
 * them in turn, and gigabytes for zlib's buffers.
 */
export async function grayBlackAsync(doc: PDFDocument): Promise<void> {
  const { context } = doc;
  const streams = contentStreams(doc, pageStreams(doc));
  let next = 0;
  const convert = async () => {
    for (let item = streams[next++]; item; item = streams[next++]) {
      const { ref, stream, flate } = item;
      const text = Buffer.from(flate ? await inflating(stream.contents) : stream.contents).toString('latin1');
      const gray = grayed(text);
      if (gray !== text) {
        const bytes = Buffer.from(gray, 'latin1');
        context.assign(ref, PDFRawStream.of(stream.dict, flate ? await deflating(bytes) : bytes));
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, convert));
}

/** The plain or Flate-encoded content streams `refs` are, and those of the forms they draw, each once. */
function contentStreams(doc: PDFDocument, refs: unknown[]): Array<{ ref: PDFRef; stream: PDFRawStream; flate: boolean }> {
  const found: Array<{ ref: PDFRef; stream: PDFRawStream; flate: boolean }> = [];
  const done = new Set<PDFRef>();
  const queue = [...refs];
  for (let k = 0; k < queue.length; k++) {
    const ref = queue[k];
    if (!(ref instanceof PDFRef) || done.has(ref)) continue;
    done.add(ref);
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const filter = stream.dict.get(PDFName.of('Filter'));
    const flate = String(filter) === '/FlateDecode';
    if (filter && !flate) continue;
    found.push({ ref, stream, flate });
    queue.push(...formsOf(doc, stream.dict));
  }
  return found;
}

/** The content streams of `doc`'s pages, and the forms the pages draw. */
function pageStreams(doc: PDFDocument): unknown[] {
  const streams: unknown[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const looked = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    if (looked instanceof PDFArray) streams.push(...looked.asArray());
    else streams.push(contents);
    streams.push(...formsOf(doc, page.node));
  }
  return streams;
}

function grayed(text: string): string {
  return text.replace(RGB_BLACK, (_, space: string, op: string) => `${space}0 ${op === 'rg' ? 'g' : 'G'}`);
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
    const gray = grayed(text);
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
