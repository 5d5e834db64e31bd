/**
 * The page map: each page of the book's page plan with its first words, as the layout knows
 * them, for the EPUB's page list (src/output/epub/page-breaks.ts places a marker before them).
 * The body's pages are the makeup's (set-lines.ts; a page of notes run on past its chapter's
 * text starts with their words, as notes-set.js reads them), the front matter's read where
 * Chromium broke them (page-words.js). A page with no text the EPUB has there gets '': a blank,
 * the half title and print's table of contents (print's own), the "Also by" page (the EPUB has
 * it at the back). Its marker stands beside the next page's.
 */
import type { BlockKind } from './blocks.ts';
import type { PagePlan, PlacedBlock } from './plan.ts';
import type { PageStart } from './set-lines.ts';

/** Front-matter pages whose text the EPUB does not have at that place. */
const NOT_IN_PLACE = new Set<BlockKind>(['half-title', 'also-by', 'toc']);

export interface MappedPages {
  plan: PagePlan;
  /** The front matter's blocks as printed, and each printed page's first words. */
  front: PlacedBlock[];
  frontWords: string[];
  /** The body's pages as made up, in the printed body's order. */
  body: PageStart[];
}

/** Each page's first words, in the plan's order ('' for a page with no text the EPUB has there). */
export function pageMap({ plan, front, frontWords, body }: MappedPages): string[] {
  return plan.pages.map((page) => {
    const { source, block } = page;
    if (!source) return '';
    if (source.doc === 'body') return body[source.page]?.words ?? '';
    const kind = block && front[block.index]?.kind;
    return kind && NOT_IN_PLACE.has(kind) ? '' : (frontWords[source.page] ?? '');
  });
}
