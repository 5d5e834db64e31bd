/**
 * A layout kept as pages of HTML, block by block (the preview's): each body block's pages cut
 * from the laid-out page (page-cut.js) with its markers and page map, the front matter's pages
 * cut from its printed page. From them: the page plan as the PDF's (blanks, folios, running
 * heads), the contents' numbers, and the pages with their furniture.
 */
import type { Book } from '../../book/model.ts';
import type { PrintFonts } from '../fonts.ts';
import { type PrintBlock, sectionLine } from './blocks.ts';
import { fontVariables } from './document.ts';
import { type ContentsEntry, contentsEntries, wantsToc } from './front.ts';
import { breakOrnaments, furnitureBoxes, furnitureCss, ornamentsByPage } from './furniture.ts';
import { type Box, type PageGeometry, pageVariables } from './geometry.ts';
import type { Mark } from './markers.ts';
import { type BodyPlan, joinPlan, type PagePlan, type PlacedBlock, planBody } from './plan.ts';
import type { PageStart } from './set-lines.ts';
import type { PrintSetup } from './settings.ts';

/** One body block's pages, as laid out alone or in the book (the same: blocks start pages). */
export interface BlockPages {
  /** Each page's HTML. */
  pages: string[];
  /** Its markers, pages counted from its first. */
  marks: Mark[];
  /** Each page's first words (the page map). */
  starts: PageStart[];
}

export interface Laid {
  book: Book;
  setup: PrintSetup;
  geometry: PageGeometry;
  body: PrintBlock[];
  blocks: BlockPages[];
  front: PrintBlock[];
  frontPlaced: PlacedBlock[];
  frontPages: string[];
  /** What the line boxes need (lines-set.js's rules). */
  linesCss: string;
}

export interface Planned {
  plan: PagePlan;
  bodyPlan: BodyPlan;
  /** The body's markers, pages counted in the body as printed (no blanks). */
  marks: Mark[];
  contents: ContentsEntry[] | undefined;
}

/** One page as the preview shows it. */
export interface ViewPage {
  /** The page's number (roman in the front matter), as the PDF's page labels have it. */
  label: string;
  recto: boolean;
  /** The id of the block (chapter, part, front-matter page) the page belongs to. */
  section: string | undefined;
  /** The page's text block, and its running head, folio and ornaments. */
  html: string;
  furniture: string;
  /**
   * The manuscript line of the first element that starts on the page (not one continued from
   * the page before), when the layout marked its lines (the preview's) and one does.
   */
  line: number | undefined;
}

export interface PrintPages {
  /** The page (MediaBox) size and the text block of a recto and a verso, in points. */
  page: { width: number; height: number; recto: Box; verso: Box };
  /** The print CSS (for a document whose `body` is one page's text block) and the page boxes'. */
  css: string;
  fonts: PrintFonts;
  pages: ViewPage[];
}

/** A block's own pages, markers and page map, out of a document's (`first`: its first page there). */
export function ownPages(
  pages: string[],
  marks: Mark[],
  starts: PageStart[] | undefined,
  block: PlacedBlock,
  index: number,
): BlockPages {
  const end = block.firstPage + block.pages;
  return {
    pages: pages.slice(block.firstPage, end),
    marks: marks.filter((m) => m.page >= block.firstPage && m.page < end).map((m) => ({ ...m, page: m.page - block.firstPage })),
    starts: (starts ?? []).slice(block.firstPage, end).map((s) => ({ ...s, section: index })),
  };
}

/** The page plan of a layout, as the PDF's would be. */
export function planOf(laid: Laid): Planned {
  let first = 0;
  const placed: PlacedBlock[] = laid.body.map((block, i) => {
    const pages = Math.max(1, laid.blocks[i]?.pages.length ?? 1);
    const p = { kind: block.kind, start: block.start, pages, firstPage: first, title: block.title };
    first += pages;
    return p;
  });
  const marks = laid.blocks.flatMap((b, i) => b.marks.map((m) => ({ ...m, page: m.page + (placed[i]?.firstPage ?? 0) })));
  const bodyPlan = planBody(placed, {
    runningHeads: laid.setup.print['running-heads'],
    author: laid.setup.author,
    title: laid.book.config.title,
    language: laid.book.config.language,
  });
  const plan = joinPlan(laid.frontPlaced, bodyPlan);
  const contents = wantsToc(laid.book) ? contentsEntries(laid.body, bodyPlan.starts) : undefined;
  return { plan, bodyPlan, marks, contents };
}

/** The pages, with their furniture, and the CSS they are shown with. */
export function viewOf(laid: Laid, planned: Planned = planOf(laid)): PrintPages {
  const { plan, bodyPlan, marks } = planned;
  const { geometry, setup } = laid;
  const bodyFlat = laid.blocks.flatMap((b) => b.pages);
  const ornaments = ornamentsByPage(breakOrnaments(marks, bodyPlan.pages, geometry));
  const furniture = { folios: setup.print.folios, ornament: setup.ornament };
  const firstLines = new Map([...laid.book.body, ...laid.book.back].map((s) => [s.id, sectionLine(s.hast)]));
  const pages = plan.pages.map((page, index): ViewPage => {
    const html = page.source ? ((page.source.doc === 'body' ? bodyFlat : laid.frontPages)[page.source.page] ?? '') : '';
    const block = page.block && (page.block.doc === 'body' ? laid.body : laid.front)[page.block.index];
    return {
      label: page.label,
      recto: page.recto,
      section: block?.id,
      html,
      furniture: furnitureBoxes(page, ornaments.get(index - plan.bodyStart) ?? [], geometry, furniture),
      line: pageLine(html, block ? firstLines.get(block.id) : undefined),
    };
  });
  return {
    page: { width: geometry.width, height: geometry.height, recto: geometry.recto, verso: geometry.verso },
    css: [setup.style.css, fontVariables(setup.style), pageVariables(geometry), furnitureCss(geometry), laid.linesCss].join('\n'),
    fonts: setup.fonts,
    pages,
  };
}

/**
 * A page's first line in the manuscript: its first element that starts there (not one continued
 * from before) carries its line counted from its section's first (blocks.ts `sourceLines`).
 */
function pageLine(html: string, sectionFirst: number | undefined): number | undefined {
  if (sectionFirst === undefined) return undefined;
  for (const tag of html.matchAll(/<[a-z][^>]*\bdata-line="(\d+)"[^>]*>/g)) {
    if (!/class="[^"]*galley-cont/.test(tag[0])) return sectionFirst + Number(tag[1]);
  }
  return undefined;
}
