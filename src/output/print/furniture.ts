/**
 * Page furniture: running heads, folios, and the ornament of a scene break that falls at the top
 * or foot of a page. Chromium cannot take running heads from the content, so they are set as
 * page-sized boxes — one per page that carries any — printed after the front matter, at the same
 * page size, and drawn over the book's pages when the PDF is assembled.
 */
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
  html: string;
  /** The page (index in the pages given) each box goes on. */
  pages: number[];
}

const pt = (n: number) => `${Number(n.toFixed(3))}pt`;

export interface FurnitureOptions {
  folios: 'foot' | 'head';
  ornament: string;
}

/**
 * The furniture as boxes to append to a print document; the first box carries `marker` (HTML),
 * so the page it lands on can be found.
 */
export function furniturePages(
  planned: PlannedPage[],
  ornaments: Ornament[],
  geometry: PageGeometry,
  options: FurnitureOptions & { marker: string },
): FurniturePages {
  const byPage = ornamentsByPage(ornaments);
  const pages: number[] = [];
  const boxes: string[] = [];
  planned.forEach((page, i) => {
    const parts = furnitureBoxes(page, byPage.get(i) ?? [], geometry, options);
    if (parts === '') return;
    pages.push(i);
    boxes.push(`<div class="furniture-page">${boxes.length === 0 ? options.marker : ''}${parts}</div>`);
  });
  return { html: boxes.join('\n'), pages };
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
