/**
 * Puts the finished PDF together with pdf-lib: the printed front matter and body in the order
 * the page plan gives, blank pages where a block had to move to a recto, versos moved into place
 * (the documents are printed with every page set as a recto), the page furniture drawn over each
 * page, TrimBox and BleedBox on every page, page labels (roman, then arabic), and the title,
 * author and language. The screen edition adds bookmarks.
 */
import {
  ParseSpeeds,
  PDFContentStream,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
  translate,
} from 'pdf-lib';
import { GalleyError } from '../../errors.ts';
import type { PageGeometry } from './geometry.ts';
import { embedGrayPages, grayBlack } from './gray.ts';
import type { PagePlan } from './plan.ts';
import { uniqueSubsetNames } from './subset-names.ts';

/**
 * pdf-lib yields to the event loop every few dozen objects (a setTimeout each, a millisecond or
 * more): for a book of thousands of objects that is seconds of waiting. Galley does not yield.
 */
export const LOAD_OPTIONS = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest };
const SAVE_OPTIONS = { useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY };

export interface Metadata {
  title: string;
  author: string;
  language: string;
  /** Creation and modification date (the book's, so builds are reproducible). */
  date: Date;
}

/** Furniture pages: in `source` from page `first` on, the k-th going on final page `pages[k]`. */
export interface Furniture {
  source: PDFDocument;
  first: number;
  pages: number[];
}

export interface OutlineEntry {
  title: string;
  /** Final page index. */
  page: number;
  children: OutlineEntry[];
}

/** The print edition: `body` (already loaded, its marker annotations gone) becomes the book. */
export async function assemblePrint(
  body: PDFDocument,
  front: PDFDocument,
  furniture: Furniture,
  plan: PagePlan,
  geometry: PageGeometry,
  meta: Metadata,
  /** The body's streams already made gray (layout.ts), when that was begun. */
  grayed?: Promise<Set<PDFRef>>,
): Promise<Uint8Array> {
  const frontPages = await body.copyPages(front, front.getPageIndices().slice(0, furniture.first));
  plan.pages.forEach((planned, i) => {
    if (!planned.source) body.insertPage(i, [geometry.width, geometry.height]);
    else if (planned.source.doc === 'front') body.insertPage(i, frontPages[planned.source.page] as PDFPage);
  });
  if (body.getPageCount() !== plan.pages.length) {
    throw new GalleyError(
      'PDF_FAILED',
      `the pages did not come out as planned (${body.getPageCount()} for ${plan.pages.length})`,
    );
  }
  body.getPages().forEach((page, i) => {
    const planned = plan.pages[i];
    if (planned?.source && !planned.recto) shiftContent(page, geometry.versoShift);
  });
  const forms = await overlay(body, furniture, false);
  await body.flush();
  await grayBlack(body, new Set([...((await grayed) ?? []), ...forms]));
  finish(body, plan, geometry, meta);
  return body.save(SAVE_OPTIONS);
}

/** The screen edition: printed whole by Chromium (tagged, linked); furniture, boxes, bookmarks added. */
export async function assembleScreen(
  printed: Uint8Array,
  furniture: Furniture,
  plan: PagePlan,
  geometry: PageGeometry,
  meta: Metadata,
  outline: OutlineEntry[],
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(printed, LOAD_OPTIONS);
  if (doc.getPageCount() !== plan.pages.length) {
    throw new GalleyError(
      'PDF_FAILED',
      `the screen edition has ${doc.getPageCount()} pages, the print edition ${plan.pages.length}`,
    );
  }
  await overlay(doc, furniture, true);
  finish(doc, plan, geometry, meta);
  addOutline(doc, outline);
  return doc.save(SAVE_OPTIONS);
}

/**
 * Moves what is on a page sideways. (pdf-lib's translateContent would move what is drawn on the
 * page afterwards too, the furniture included.)
 */
function shiftContent(page: PDFPage, dx: number, dy = 0): void {
  const { context } = page.doc;
  page.node.normalize();
  const start = context.register(PDFContentStream.of(context.obj({}), [pushGraphicsState(), translate(dx, dy)]));
  const end = context.register(PDFContentStream.of(context.obj({}), [popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}

/**
 * Draws each furniture page over its book page: as an artifact in a tagged PDF (the screen
 * edition), else as a form whose black is gray already (the print edition; their refs come back).
 */
async function overlay(doc: PDFDocument, furniture: Furniture, artifact: boolean): Promise<Set<PDFRef>> {
  if (furniture.pages.length === 0) return new Set();
  const sources = furniture.source.getPages().slice(furniture.first, furniture.first + furniture.pages.length);
  const gray = artifact ? undefined : await embedGrayPages(doc, sources);
  const embedded = gray?.forms ?? (await doc.embedPages(sources));
  furniture.pages.forEach((target, k) => {
    const page = doc.getPage(target);
    const form = embedded[k];
    if (!form) return;
    if (artifact) page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]));
    page.drawPage(form, { x: 0, y: 0 });
    if (artifact) page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  });
  if (!gray) return new Set();
  await Promise.all(embedded.map((form) => form.embed()));
  return gray.gray;
}

function finish(doc: PDFDocument, plan: PagePlan, geometry: PageGeometry, meta: Metadata): void {
  const { bleed, trim } = geometry;
  doc.getPages().forEach((page, i) => {
    const recto = plan.pages[i]?.recto ?? true;
    // Chromium rounds a page size to 1/300 in (A5 comes out 0.35 pt off): set it exactly, the
    // content kept at the top.
    const media = page.getMediaBox();
    if (Math.abs(media.width - geometry.width) > 0.005 || Math.abs(media.height - geometry.height) > 0.005) {
      shiftContent(page, 0, geometry.height - media.height);
      page.setMediaBox(0, 0, geometry.width, geometry.height);
      if (page.node.get(PDFName.of('CropBox'))) page.setCropBox(0, 0, geometry.width, geometry.height);
    }
    page.setBleedBox(0, 0, geometry.width, geometry.height);
    page.setTrimBox(recto ? 0 : bleed, bleed, trim.width, trim.height);
  });
  uniqueSubsetNames(doc);
  const nums: unknown[] = [0, { S: 'r' }];
  if (plan.bodyStart < plan.pages.length) nums.push(plan.bodyStart, { S: 'D' });
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums as number[] }));
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setLanguage(meta.language);
  doc.setCreator('Galley');
  doc.setProducer('Galley (Chromium, pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
}

/** PDF bookmarks: parts with their chapters under them, open. */
function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = doc;
  const pages = doc.getPages();
  const root = context.nextRef();
  const build = (items: OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    let count = 0;
    items.forEach((item, k) => {
      const page = pages[item.page] ?? pages[0];
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      const prev = refs[k - 1];
      const next = refs[k + 1];
      if (prev) dict.set(PDFName.of('Prev'), prev);
      if (next) dict.set(PDFName.of('Next'), next);
      if (page) dict.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
      if (item.children.length) {
        const sub = build(item.children, refs[k] as PDFRef);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count));
        count += sub.count;
      }
      context.assign(refs[k] as PDFRef, dict);
      count++;
    });
    return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, count };
  };
  const top = build(entries, root);
  context.assign(root, context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
