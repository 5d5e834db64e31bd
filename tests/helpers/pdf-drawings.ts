/**
 * What a PDF's pages draw besides text, read with pdf.js (unpdf's build): each image's box (the
 * unit square its transform maps onto the page) and each filled path's box (the path's bounds
 * through its transform), forms and their matrices followed. Boxes are in points from the page's
 * top left, as pdf-read.ts gives words; `alpha` is the fill's opacity when it was drawn. Text
 * drawn fully transparent is counted (`clearText`: the strings shown at a fill opacity of 0).
 */
import { readFileSync } from 'node:fs';
import { provideTransfer } from './pdf-read.ts';

export interface DrawnBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface DrawnPath extends DrawnBox {
  alpha: number;
}

export interface PageDrawings {
  width: number;
  height: number;
  images: DrawnBox[];
  paths: DrawnPath[];
  clearText: number;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** The box of the rectangle [x0, y0, x1, y1] through `m`. */
function boxOf(m: Matrix, [x0, y0, x1, y1]: number[]): DrawnBox {
  const corners = [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ].map(([x = 0, y = 0]) => [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]] as [number, number]);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { xMin: Math.min(...xs), xMax: Math.max(...xs), yMin: Math.min(...ys), yMax: Math.max(...ys) };
}

const FILLS = ['fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'];
const IMAGES = ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat'];

/** Every page's images and filled paths. */
export async function pdfDrawings(file: string): Promise<PageDrawings[]> {
  provideTransfer();
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const { OPS, AnnotationMode } = await getResolvedPDFJS();
  const name = Object.fromEntries(Object.entries(OPS as Record<string, number>).map(([k, v]) => [v, k]));
  const fills = new Set(FILLS.map((f) => (OPS as Record<string, number>)[f]));
  const document = await getDocumentProxy(new Uint8Array(readFileSync(file)), { verbosity: 0, isEvalSupported: false });
  try {
    const pages: PageDrawings[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0, , x1, y1] = page.view as [number, number, number, number];
      const list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
      const images: DrawnBox[] = [];
      const paths: DrawnPath[] = [];
      let clearText = 0;
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      let alpha = 1;
      const saved: { ctm: Matrix; alpha: number }[] = [];
      const toPage = (b: DrawnBox): DrawnBox => ({ xMin: b.xMin - x0, xMax: b.xMax - x0, yMin: y1 - b.yMax, yMax: y1 - b.yMin });
      list.fnArray.forEach((fn: number, i: number) => {
        const args = list.argsArray[i] as unknown[];
        const op = name[fn] ?? '';
        if (op === 'save' || op === 'paintFormXObjectBegin') {
          saved.push({ ctm, alpha });
          const form = op === 'paintFormXObjectBegin' ? (args?.[0] as number[] | null) : undefined;
          if (form) ctm = multiply([...form] as Matrix, ctm);
        } else if (op === 'restore' || op === 'paintFormXObjectEnd') ({ ctm, alpha } = saved.pop() ?? { ctm, alpha });
        else if (op === 'transform') ctm = multiply([...(args as number[])] as Matrix, ctm);
        else if (op === 'setGState') {
          for (const [key, value] of (args?.[0] as [string, unknown][]) ?? []) if (key === 'ca') alpha = Number(value);
        } else if (op === 'constructPath') {
          const [kind, , bounds] = args as [number, unknown, number[] | null];
          if (fills.has(kind) && bounds?.every(Number.isFinite)) paths.push({ ...toPage(boxOf(ctm, bounds)), alpha });
        } else if (IMAGES.includes(op)) images.push(toPage(boxOf(ctm, [0, 0, 1, 1])));
        else if (op === 'showText' && alpha === 0) clearText++;
      });
      pages.push({ width: x1 - x0, height: y1 - (page.view[1] as number), images, paths, clearText });
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
