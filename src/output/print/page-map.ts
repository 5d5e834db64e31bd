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
import type { Setting, Token } from './linebreak/index.ts';
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

/** Words a page's start is given by: enough to find it in the EPUB's text (epub/page-places.ts). */
export const WORDS = 40;

/**
 * The first words of the page that starts at `start`, as the book's text reads: a word the
 * tokens split after a hard hyphen or a dash ("ninety-" | "six") is written whole again, as the
 * EPUB's text has it.
 */
export function startWords(
  units: Array<{ tokens?: Token[] | undefined }>,
  start: { unit: number; line: number },
  settingOf: (unit: number) => Setting | undefined,
): string {
  let text = '';
  let words = 0;
  /** Whether the next word runs on from the one before (after a `break-after`). */
  let joined = false;
  const add = (word: string) => {
    text += text && !joined ? ` ${word}` : word;
    joined = false;
    words++;
  };
  for (let u = start.unit; u < units.length && words < WORDS; u++) {
    const tokens = units[u]?.tokens ?? [];
    const line = u === start.unit ? settingOf(u)?.lines[start.line] : undefined;
    let from = line?.from ?? 0;
    if (line && line.fromPiece > 0) {
      // The line starts inside a word hyphenated at the line before: the rest of that word.
      const word = tokens[from];
      const rest = word?.kind === 'word' ? word.pieces.slice(line.fromPiece) : [];
      if (rest.length) add(rest.map((p) => p.text).join(''));
      from++;
    }
    joined = false;
    for (let t = from; t < tokens.length && words < WORDS; t++) {
      const token = tokens[t] as Token;
      if (token.kind === 'word') add(token.text);
      else if (token.kind === 'break-after') joined = true;
      else joined = false;
    }
  }
  return text;
}
