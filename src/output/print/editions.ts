/**
 * The two PDF editions of one layout, with the same pages: `print` (for KDP and IngramSpark: no
 * bookmarks, no links, no tags, black text), put together by pdf-lib from the printed body and
 * front matter with the page furniture (assemble.ts); and `screen` (bookmarks for parts and
 * chapters, a linked contents page, tagged), printed again from the laid-out body page itself,
 * so its lines are the print edition's. Also what the print pages may load: the fonts and the
 * book's images, nothing else.
 */
import type { Book } from '../../book/model.ts';
import { GalleyError } from '../../errors.ts';
import type { Resource, ResourceResolver } from '../browser.ts';
import { type FontSet, fontFile } from '../fonts.ts';
import { assemblePrint, assembleScreen, type Metadata, type OutlineEntry } from './assemble.ts';
import type { PrintBlock } from './blocks.ts';
import { frontBlocks } from './front.ts';
import { pageRules } from './geometry.ts';
import type { Layout } from './layout.ts';
import type { PrintSetup } from './settings.ts';

export type PdfEdition = 'print' | 'screen';

const CONTENT_TYPES: Record<string, string> = {
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  css: 'text/css; charset=utf-8',
};

const SCREEN_OPTIONS = { preferCSSPageSize: true, printBackground: true, outline: false, tagged: true, waitForFonts: true };

/** Serves the fonts and the book's images to the print pages; nothing else. */
export function resolver(book: Book, fonts: FontSet): ResourceResolver {
  return async (path: string): Promise<Resource | undefined> => {
    if (path === 'fonts.css') return { body: fonts.css, contentType: CONTENT_TYPES.css as string };
    if (path.startsWith('fonts/')) {
      const data = await fontFile(fonts, path.slice('fonts/'.length));
      const ext = path.split('.').pop() ?? '';
      return data && { body: data, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream' };
    }
    const image = book.images.get(path);
    return image && { body: image.data, contentType: image.mediaType };
  };
}

/** The edition's PDF, from a layout (for `screen`, one whose body page was kept open). */
export async function editionPdf(
  edition: PdfEdition,
  book: Book,
  setup: PrintSetup,
  layout: Layout,
  body: PrintBlock[],
  begin: (step: string) => void,
  lap: (step: string) => void,
): Promise<Uint8Array> {
  const meta: Metadata = {
    title: book.config.subtitle ? `${book.config.title}: ${book.config.subtitle}` : book.config.title,
    author: setup.author,
    language: book.config.language,
    date: new Date(book.modified),
  };
  const { plan, geometry } = layout;
  const furniture = { source: layout.frontDoc, ...layout.furniture };
  if (edition === 'screen') {
    begin('screen');
    const printed = await screenEdition(book, layout, body);
    lap('screen');
    begin('assemble');
    return assembleScreen(printed, furniture, plan, geometry, meta, outline(body, layout));
  }
  if (!layout.bodyDoc) throw new GalleyError('PDF_FAILED', 'the body was laid out for the preview, not printed');
  begin('assemble');
  return assemblePrint(layout.bodyDoc, layout.frontDoc, furniture, plan, geometry, meta, layout.bodyGray);
}

/**
 * The screen edition, made from the laid-out body page itself: the markers go, the front matter
 * goes in front with a linked contents page, the blank pages go in as empty page-sized blocks,
 * the pages are mirrored; printed tagged.
 */
async function screenEdition(book: Book, layout: Layout, body: PrintBlock[]): Promise<Uint8Array> {
  const front = frontBlocks(book, layout.contents, true);
  const ids = { front: front.map((b) => b.id), body: body.map((b) => b.id) };
  const blanksBefore: string[] = [];
  layout.plan.pages.forEach((page, i) => {
    if (page.source) return;
    const next = layout.plan.pages.slice(i + 1).find((p) => p.block?.first);
    if (next?.block) blanksBefore.push(ids[next.block.doc][next.block.index] as string);
  });
  const script = `(() => {
    document.getElementById('galley-page').textContent = ${JSON.stringify(pageRules(layout.geometry, 'mirrored'))};
    document.body.insertAdjacentHTML('afterbegin', ${JSON.stringify(front.map((b) => b.html).join('\n'))});
    for (const mark of document.querySelectorAll('a.galley-mark')) mark.remove();
    for (const id of ${JSON.stringify(blanksBefore)}) {
      const blank = document.createElement('div');
      blank.className = 'blank-page';
      document.getElementById(id).before(blank);
    }
  })()`;
  const page = layout.bodyPage;
  if (!page) throw new GalleyError('PDF_FAILED', 'the body page was closed before the screen edition was made');
  await page.evaluate(script);
  return page.pdf(SCREEN_OPTIONS);
}

/** Bookmarks: parts, with their chapters under them, and chapters and back matter outside parts. */
function outline(body: PrintBlock[], layout: Layout): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  body.forEach((block, i) => {
    if (!block.inToc) return;
    const entry = { title: block.title, page: layout.plan.starts.body[i] ?? 0, children: [] };
    const parent = entries.at(-1);
    if (block.depth > 0 && parent) parent.children.push(entry);
    else entries.push(entry);
  });
  return entries;
}
