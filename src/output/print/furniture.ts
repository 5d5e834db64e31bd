/**
 * Page furniture: running heads, folios, and the ornament of a scene break that falls at the top
 * or foot of a page. Chromium cannot take running heads from the content, so they are set as
 * page-sized boxes — one per page that carries any — printed in documents of their own, at the
 * same page size, and drawn over the book's pages when the PDF is assembled.
 */
import type { PDFDocument } from 'pdf-lib';
import { GalleyError } from '../../errors.ts';
import type { BookPage } from '../browser.ts';
import { printPage } from './body.ts';
import type { PageGeometry } from './geometry.ts';
import { type Mark, markIndex } from './markers.ts';
import type { PlannedPage } from './plan.ts';

export interface Ornament {
  /** Index of the page (in the pages given). */
  page: number;
  /** Top of the break's line, from the top of the page. */
  top: number;
}

/**
 * Scene breaks that fall at a page's top (nothing above them on the page) or foot (the text after
 * them starts on a later page): there a blank line would go unseen, so the ornament is shown.
 */
export function breakOrnaments(marks: Mark[], pages: PlannedPage[], geometry: PageGeometry): Ornament[] {
  const final = new Map<number, number>();
  pages.forEach((p, i) => {
    if (p.source) final.set(p.source.page, i);
  });
  const after = markIndex(marks, 'after');
  const ornaments: Ornament[] = [];
  for (const [n, mark] of markIndex(marks, 'break')) {
    const next = after.get(n);
    const atTop = mark.top <= geometry.recto.top + geometry.line / 4;
    const atFoot = next !== undefined && next.page > mark.page;
    const page = final.get(mark.page);
    if ((atTop || atFoot) && page !== undefined) ornaments.push({ page, top: mark.top });
  }
  return ornaments;
}

export interface FurniturePages {
  /** One page-sized box per page that carries furniture (named page `furniture`, no margins). */
  boxes: string[];
  /** The page (index in the pages given) each box goes on. */
  pages: number[];
}

const pt = (n: number) => `${Number(n.toFixed(3))}pt`;

export interface FurnitureOptions {
  folios: 'foot' | 'head';
  ornament: string;
}

/** The furniture as boxes for a print document (furnitureCss), one a page. */
export function furniturePages(
  planned: PlannedPage[],
  ornaments: Ornament[],
  geometry: PageGeometry,
  options: FurnitureOptions,
): FurniturePages {
  const byPage = ornamentsByPage(ornaments);
  const pages: number[] = [];
  const boxes: string[] = [];
  planned.forEach((page, i) => {
    const parts = furnitureBoxes(page, byPage.get(i) ?? [], geometry, options);
    if (parts === '') return;
    pages.push(i);
    boxes.push(`<div class="furniture-page">${parts}</div>`);
  });
  return { boxes, pages };
}

/**
 * Furniture pages per document printed. Chromium's time for each page it prints grows with the
 * pages in the document: War and Peace's 1,800 furniture pages take 9 s in one document, under
 * 1 s in documents of 200.
 */
const FURNITURE_RUN = 200;

/**
 * Prints the furniture boxes in a loaded print document (with furnitureCss), its body filled
 * with one run of boxes after another; the PDFs, one page a box.
 */
export async function printFurniture(page: BookPage, boxes: string[]): Promise<PDFDocument[]> {
  const docs: PDFDocument[] = [];
  for (let from = 0; from < boxes.length; from += FURNITURE_RUN) {
    const run = boxes.slice(from, from + FURNITURE_RUN);
    await page.evaluate(`document.body.innerHTML = ${JSON.stringify(run.join('\n'))}`);
    const { doc } = await printPage(page);
    if (doc.getPageCount() !== run.length) {
      throw new GalleyError(
        'PDF_FAILED',
        `the running heads and folios came out on ${doc.getPageCount()} pages for ${run.length}`,
      );
    }
    docs.push(doc);
  }
  return docs;
}

export function ornamentsByPage(ornaments: Ornament[]): Map<number, Ornament[]> {
  const byPage = new Map<number, Ornament[]>();
  for (const o of ornaments) byPage.set(o.page, [...(byPage.get(o.page) ?? []), o]);
  return byPage;
}

/** One page's running head, folio and ornaments, as absolutely placed boxes ('' when none). */
export function furnitureBoxes(
  page: PlannedPage,
  ornaments: Ornament[],
  geometry: PageGeometry,
  options: FurnitureOptions,
): string {
  const text = page.recto ? geometry.recto : geometry.verso;
  const live = page.recto ? geometry.live.recto : geometry.live.verso;
  const box = (cls: string, left: number, top: number, width: number, align: string, content: string) =>
    `<div class="${cls}" style="left:${pt(left)};top:${pt(top)};width:${pt(width)};text-align:${align}">${escapeHtml(content)}</div>`;
  const parts: string[] = [];
  const folioRoom = page.folio && options.folios === 'head' ? 3 * geometry.line : 0;
  if (page.head) {
    parts.push(box('running-head', text.left + folioRoom, live.top, text.width - 2 * folioRoom, 'center', page.head));
  }
  if (page.folio) {
    const top = options.folios === 'head' ? live.top : live.top + live.height - geometry.line;
    const align = options.folios === 'head' ? (page.recto ? 'right' : 'left') : 'center';
    parts.push(box('folio', text.left, top, text.width, align, page.folio));
  }
  for (const o of ornaments) parts.push(box('ornament', text.left, o.top, text.width, 'center', options.ornament));
  return parts.join('');
}

/** CSS for the furniture boxes. */
export function furnitureCss(geometry: PageGeometry): string {
  return `@page furniture { margin: 0; }
.furniture-page { page: furniture; break-before: page; position: relative; width: ${pt(geometry.width)}; height: ${pt(geometry.height - 0.5)}; overflow: hidden; }
.furniture-page > div { position: absolute; height: ${pt(geometry.line)}; line-height: ${pt(geometry.line)}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
