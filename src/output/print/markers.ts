/**
 * Where things land on the printed pages. Chromium tells nothing about pagination except through
 * the PDF, so the print document carries markers: empty, absolutely positioned links (they take
 * no room and change no line) to `https://galley.invalid/mark/<kind>/<n>`. Chromium writes each
 * as a link annotation on the page it falls on, with its rectangle; Galley reads them back with
 * pdf-lib and removes every annotation before the PDF goes out.
 */
import type { Element } from 'hast';
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';

/** Where marker links point; `<kind>/<n>` follows. */
export const MARK_PREFIX = 'https://galley.invalid/mark/';

export type MarkerKind = 'block' | 'break' | 'after' | 'line' | 'end';

/** A marker element: put it first inside the element whose position is wanted. */
export function marker(kind: MarkerKind, n: number): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['galley-mark'], href: `${MARK_PREFIX}${kind}/${n}`, ariaHidden: 'true', tabIndex: -1 },
    children: [],
  };
}

export interface Mark {
  kind: MarkerKind;
  n: number;
  /** 0-based page index in the printed document. */
  page: number;
  /** Top edge, in points from the top of the page. */
  top: number;
}

/** Reads the markers of a printed document, and removes every annotation from its pages. */
export function readMarks(doc: PDFDocument): Mark[] {
  const marks: Mark[] = [];
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (annots instanceof PDFArray) {
      const height = page.getHeight();
      for (let k = 0; k < annots.size(); k++) {
        const annot = annots.lookup(k);
        if (!(annot instanceof PDFDict)) continue;
        const action = annot.lookup(PDFName.of('A'));
        const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined;
        const href = uri instanceof PDFString ? uri.decodeText() : '';
        const match = href.startsWith(MARK_PREFIX)
          ? /^(block|break|after|line|end)\/(\d+)$/.exec(href.slice(MARK_PREFIX.length))
          : null;
        const rect = annot.lookup(PDFName.of('Rect'));
        if (!match || !(rect instanceof PDFArray)) continue;
        const y2 = rect.lookup(3);
        marks.push({
          kind: match[1] as MarkerKind,
          n: Number(match[2]),
          page: index,
          top: height - (y2 instanceof PDFNumber ? y2.asNumber() : 0),
        });
      }
    }
    // Drop the annotations themselves too, so no orphan link objects stay in the file.
    if (annots instanceof PDFArray) {
      for (const ref of annots.asArray()) if (ref instanceof PDFRef) doc.context.delete(ref);
    }
    const raw = page.node.get(PDFName.of('Annots'));
    if (raw instanceof PDFRef) doc.context.delete(raw);
    page.node.delete(PDFName.of('Annots'));
  });
  return marks;
}

/** The first mark of each kind and number (a marker is painted once; this guards against repeats). */
export function markIndex(marks: Mark[], kind: MarkerKind): Map<number, Mark> {
  const index = new Map<number, Mark>();
  for (const mark of marks) if (mark.kind === kind && !index.has(mark.n)) index.set(mark.n, mark);
  return index;
}
