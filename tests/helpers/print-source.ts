/**
 * What print-pages.ts reads from a PDF file: each page's words (pdf-read.ts), and from the PDF's
 * objects (pdf-lib) each page's trim box and where the body begins by the page labels (the first
 * page numbered in arabic); and the boxes of its figures — images and vector drawings (pdf.js, on
 * the pages that may hold one only).
 * The screen edition's bookmarks can say where chapters open (`bookmarkPages`).
 */
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream } from 'pdf-lib';
import { drawnPages } from './pdf-read.ts';
import type { Box, SourceBook } from './print-pages.ts';

async function load(file: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(file), { updateMetadata: false });
}

/** The index of the first page labelled in decimal numbers (`/S /D`), if the PDF labels its pages. */
function decimalStart(doc: PDFDocument): number | undefined {
  const labels = doc.catalog.lookupMaybe(PDFName.of('PageLabels'), PDFDict);
  const nums = labels?.lookupMaybe(PDFName.of('Nums'), PDFArray)?.asArray() ?? [];
  for (let k = 0; k + 1 < nums.length; k += 2) {
    const start = nums[k];
    const style = doc.context.lookup(nums[k + 1] as PDFRef | PDFDict);
    if (start instanceof PDFNumber && style instanceof PDFDict && style.get(PDFName.of('S'))?.toString() === '/D') {
      return start.asNumber();
    }
  }
  return undefined;
}

/** Whether a resource dictionary (or a form it draws) holds an image. */
function holdsImage(doc: PDFDocument, resources: unknown, seen = new Set<unknown>()): boolean {
  const dict = resources instanceof PDFRef ? doc.context.lookup(resources) : resources;
  if (!(dict instanceof PDFDict) || seen.has(dict)) return false;
  seen.add(dict);
  const xobjects = dict.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const ref of xobjects?.values() ?? []) {
    const xobject = doc.context.lookup(ref);
    if (!(xobject instanceof PDFStream)) continue;
    if (xobject.dict.get(PDFName.of('Subtype'))?.toString() === '/Image') return true;
    if (holdsImage(doc, xobject.dict.get(PDFName.of('Resources')), seen)) return true;
  }
  return false;
}

type Matrix = [number, number, number, number, number, number];

const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** pdf.js's path painting operators (stroke, fill and their variants), not a clip's `endPath`. */
const PAINTS = new Set([20, 21, 22, 23, 24, 25, 26, 27]);

/**
 * The boxes of what a page draws that is not text: each image (the unit square through the
 * transform) and each painted path (its bounds through the transform: a vector drawing, an SVG),
 * from the page's top left. Read with pdf.js on the pages given only.
 */
async function figureBoxes(file: string, pages: number[]): Promise<Map<number, Box[]>> {
  const boxes = new Map<number, Box[]>();
  if (pages.length === 0) return boxes;
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const { OPS, AnnotationMode } = await getResolvedPDFJS();
  const document = await getDocumentProxy(new Uint8Array(readFileSync(file)), { verbosity: 0, isEvalSupported: false });
  const images = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
  try {
    for (const index of pages) {
      const page = await document.getPage(index + 1);
      const [x0, , , y1] = page.view as [number, number, number, number];
      const list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const saved: Matrix[] = [];
      const found: Box[] = [];
      const add = (x: number[], y: number[]) => {
        const xs = x.map((xi, k) => ctm[0] * xi + ctm[2] * (y[k] as number) + ctm[4]);
        const ys = x.map((xi, k) => ctm[1] * xi + ctm[3] * (y[k] as number) + ctm[5]);
        found.push({
          left: Math.min(...xs) - x0,
          right: Math.max(...xs) - x0,
          top: y1 - Math.max(...ys),
          bottom: y1 - Math.min(...ys),
        });
      };
      list.fnArray.forEach((fn, i) => {
        const args = (list.argsArray[i] ?? []) as unknown[];
        if (fn === OPS.save) saved.push(ctm);
        else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = times(args as Matrix, ctm);
        else if (fn === OPS.paintFormXObjectBegin) {
          saved.push(ctm);
          if (Array.isArray(args[0])) ctm = times(args[0] as Matrix, ctm);
        } else if (fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? ctm;
        else if (images.has(fn)) add([0, 1, 0, 1], [0, 0, 1, 1]);
        else if (fn === OPS.constructPath && PAINTS.has(args[0] as number)) {
          const [minX, minY, maxX, maxY] = Array.from(args[2] as ArrayLike<number>);
          if ([minX, minY, maxX, maxY].every(Number.isFinite))
            add([minX, maxX, minX, maxX] as number[], [minY, minY, maxY, maxY] as number[]);
        }
      });
      boxes.set(index, found);
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return boxes;
}

/**
 * Pages that may hold a figure: those that name an image among their resources, those whose
 * words leave a hole (fewer than 4 baselines, or 4 or more times the usual step between
 * baselines, or the top 40% of the page empty), those with a heading, and those whose text
 * starts well below where a full page's does (`sunk`: a chapter's opener with no title, which
 * may draw its drop cap). Only these are read for figures.
 */
function mayHoldFigure(page: { height: number; words: { base: number; size: number }[] }, image: boolean, sunk: number): boolean {
  if (image) return true;
  if (page.words.length && Math.min(...page.words.map((w) => w.base)) > sunk) return true;
  // A heading (a chapter's opener, which may draw its drop cap).
  const sizes = page.words.map((w) => w.size).sort((a, b) => a - b);
  if (page.words.some((w) => w.size > 1.25 * (sizes[Math.floor(sizes.length / 2)] ?? 0))) return true;
  const bases = [...new Set(page.words.map((w) => Math.round(w.base)))].sort((a, b) => a - b);
  if (bases.length < 4) return true;
  const steps = bases.slice(1).map((b, k) => b - (bases[k] as number));
  const usual = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)] as number;
  return (bases[0] as number) > 0.4 * page.height || steps.some((s) => s > 4 * usual);
}

/**
 * The baseline below which a page's first one is sunk: three of the usual steps below the usual
 * first baseline (the median over pages of ten baselines or more; Infinity when there are none).
 */
function sunkBelow(pages: { words: { base: number }[] }[]): number {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const full = pages
    .map((page) => [...new Set(page.words.map((w) => Math.round(w.base)))].sort((a, b) => a - b))
    .filter((bases) => bases.length >= 10);
  if (!full.length) return Number.POSITIVE_INFINITY;
  const first = median(full.map((bases) => bases[1] as number)) as number;
  const step = median(full.flatMap((bases) => bases.slice(2).map((b, k) => b - (bases[k + 1] as number)))) as number;
  return first + 3 * step;
}

/** A print PDF as print-pages.ts reads it. `openers` (page indexes) overrides the inferred chapter openings. */
export async function readPrintPdf(file: string, openers?: number[]): Promise<SourceBook> {
  const [drawn, doc] = await Promise.all([drawnPages(file), load(file)]);
  const pages = doc.getPages();
  const sunk = sunkBelow(drawn);
  const candidates = drawn.flatMap((page, i) =>
    mayHoldFigure(page, holdsImage(doc, pages[i]?.node.Resources()), sunk) ? [i] : [],
  );
  const figures = await figureBoxes(file, candidates);
  return {
    bodyStart: decimalStart(doc),
    openers,
    pages: drawn.map((page, i) => {
      const pdfPage = pages[i];
      const view = pdfPage?.getCropBox() ?? { x: 0, y: 0, width: page.width, height: page.height };
      const trim = pdfPage?.getTrimBox() ?? view;
      const top = view.y + view.height - (trim.y + trim.height);
      const left = trim.x - view.x;
      return {
        ...page,
        trim: { left, top, right: left + trim.width, bottom: top + trim.height },
        figures: figures.get(i) ?? [],
      };
    }),
  };
}

export interface Bookmark {
  title: string;
  page: number;
  /** 0 for a top-level bookmark. */
  depth: number;
  /** Has bookmarks under it (a part). */
  parent: boolean;
}

/** The bookmarks of a PDF (the screen edition's), in order, with their page indexes. */
export async function bookmarkPages(file: string): Promise<Bookmark[]> {
  const doc = await load(file);
  const index = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const out: Bookmark[] = [];
  const walk = (first: unknown, depth: number) => {
    let item = doc.context.lookup(first as PDFRef);
    while (item instanceof PDFDict) {
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
      const title = item.lookup(PDFName.of('Title'));
      const child = item.get(PDFName.of('First'));
      out.push({
        title: title && 'decodeText' in title ? (title as { decodeText(): string }).decodeText() : '',
        page: index.get(String(dest)) ?? -1,
        depth,
        parent: child !== undefined,
      });
      if (child) walk(child, depth + 1);
      const next = item.get(PDFName.of('Next'));
      item = next ? doc.context.lookup(next as PDFRef) : undefined;
    }
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (root?.get(PDFName.of('First'))) walk(root.get(PDFName.of('First')), 0);
  return out;
}
