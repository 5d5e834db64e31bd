/**
 * Black as printers want it: Chromium paints black text in RGB (`0 0 0 rg`), which a print
 * workflow may turn into a four-colour "rich" black or a lighter grey. The print edition's
 * content streams (pages and the furniture forms drawn on them) say `0 g` instead: black in
 * DeviceGray, one ink.
 *
 * 1. `embedGrayPages`: the furniture pages become forms as PDFDocument.embedPages makes them
 *    (copied, the same objects in the same order), their content made gray as it is copied, so
 *    it is inflated and deflated once, by Node's zlib.
 * 2. `grayBlack`: every other content stream of the pages, and the forms they draw, inflated,
 *    made gray and deflated again, a few at a time on zlib's thread pool. The body's pages are
 *    seen to as soon as they are printed (layout.ts), while the front matter prints.
 */
import { promisify } from 'node:util';
import { deflate, deflateSync, inflate, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFContentStream,
  PDFDict,
  type PDFDocument,
  PDFEmbeddedPage,
  PDFName,
  PDFObjectCopier,
  type PDFPage,
  PDFPageEmbedder,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';

const RGB_BLACK = /(^|\s)0 0 0 (rg|RG)(?=\s)/g;
const inflated = promisify(inflate);
const deflated = promisify(deflate);
/** Streams converted at once (zlib's thread pool has four threads). */
const AT_ONCE = 8;

/** Content with black in DeviceGray; undefined when it has no RGB black. */
function grayText(content: Uint8Array): Buffer | undefined {
  const text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1');
  const gray = text.replace(RGB_BLACK, (_, space: string, op: string) => `${space}0 ${op === 'rg' ? 'g' : 'G'}`);
  return gray === text ? undefined : Buffer.from(gray, 'latin1');
}

/** Runs `task` on each item, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The pages embedded in `doc` as forms, black made gray: the forms PDFDocument.embedPages would
 * make (each page copied, then its form's object numbered), each embedded when `embed()` is
 * called (as PDFDocument.flush would). A page whose content is not plain or Flate-encoded keeps
 * pdf-lib's own embedding (and grayBlack sees to it); `gray` are the refs of the others.
 */
export async function embedGrayPages(
  doc: PDFDocument,
  pages: PDFPage[],
): Promise<{ forms: PDFEmbeddedPage[]; gray: Set<PDFRef> }> {
  const forms: PDFEmbeddedPage[] = [];
  const gray = new Set<PDFRef>();
  const first = pages[0];
  if (!first) return { forms, gray };
  const from = first.node.context;
  const copy = from === doc.context ? <T>(object: T) => object : PDFObjectCopier.for(from, doc.context).copy;
  for (const page of pages) {
    const node = copy(page.node);
    const embedder = await PDFPageEmbedder.for(node);
    const ref = doc.context.nextRef();
    const { Contents, Resources } = node.normalizedEntries();
    const streams = Contents?.asArray().map((item) => doc.context.lookup(item));
    const plain = streams?.every(
      (s) =>
        s instanceof PDFContentStream ||
        (s instanceof PDFRawStream && [undefined, '/FlateDecode'].includes(s.dict.get(PDFName.of('Filter'))?.toString())),
    );
    if (streams && plain) {
      gray.add(ref);
      embedder.embedIntoContext = async (context) => {
        const parts: Uint8Array[] = [];
        for (const stream of streams) {
          if (stream instanceof PDFContentStream) parts.push(stream.getUnencodedContents());
          else if (stream instanceof PDFRawStream)
            parts.push(stream.dict.get(PDFName.of('Filter')) ? inflateSync(stream.contents) : stream.contents);
          parts.push(Buffer.from('\n'));
        }
        const content = Buffer.concat(parts);
        const { left, bottom, right, top } = embedder.boundingBox;
        const form = context.stream(deflateSync(grayText(content) ?? content), {
          Type: 'XObject',
          Subtype: 'Form',
          FormType: 1,
          BBox: [left, bottom, right, top],
          Matrix: embedder.transformationMatrix,
          Resources,
          Filter: 'FlateDecode',
        });
        context.assign(ref, form);
        return ref;
      };
    }
    forms.push(PDFEmbeddedPage.of(ref, doc, embedder));
  }
  return { forms, gray };
}

/**
 * Makes black gray in the pages' content streams and the forms they draw (those in `done` are so
 * already); returns the streams it has seen to (every one of them, now gray).
 */
export async function grayBlack(doc: PDFDocument, done: ReadonlySet<PDFRef> = new Set()): Promise<Set<PDFRef>> {
  const { context } = doc;
  const seen = new Set<PDFRef>();
  const streams: Array<{ ref: PDFRef; stream: PDFRawStream; flate: boolean }> = [];
  const visit = (ref: unknown): void => {
    if (!(ref instanceof PDFRef) || seen.has(ref)) return;
    seen.add(ref);
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return;
    const filter = stream.dict.get(PDFName.of('Filter'));
    const flate = String(filter) === '/FlateDecode';
    if (filter && !flate) return;
    if (!done.has(ref)) streams.push({ ref, stream, flate });
    forms(stream.dict);
  };
  /** The form XObjects a resource dictionary's owner draws. */
  const forms = (owner: PDFDict): void => {
    const resources = owner.lookup(PDFName.of('Resources'));
    const xobjects = resources instanceof PDFDict ? resources.lookup(PDFName.of('XObject')) : undefined;
    if (!(xobjects instanceof PDFDict)) return;
    for (const value of xobjects.values()) {
      const target = value instanceof PDFRef ? context.lookup(value) : undefined;
      if (target instanceof PDFRawStream && String(target.dict.get(PDFName.of('Subtype'))) === '/Form') visit(value);
    }
  };
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const looked = contents instanceof PDFRef ? context.lookup(contents) : contents;
    if (looked instanceof PDFArray) for (const item of looked.asArray()) visit(item);
    else visit(contents);
    forms(page.node);
  }
  await eachLimited(streams, AT_ONCE, async ({ ref, stream, flate }) => {
    const gray = grayText(flate ? await inflated(stream.contents) : stream.contents);
    if (gray) context.assign(ref, PDFRawStream.of(stream.dict, flate ? await deflated(gray) : gray));
  });
  return seen;
}
