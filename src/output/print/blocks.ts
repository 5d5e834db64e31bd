/**
 * The book's parts, chapters and back matter as print blocks: each a `<section>` that starts a
 * new page (on a recto, or on any page), made from the typeset section's hast (copied, never
 * changed in place). A chapter gets its opener — a sink, the chapter number unless the title is
 * itself a number, the title — and a first paragraph set flush left with a drop cap or a
 * small-caps lead-in. Scene breaks become a line of space; markers record where blocks and
 * breaks land on the pages; the text is hyphenated. A `<details>` is printed open: paper cannot
 * be clicked, and its content is the author's text.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { type ChapterHeadDesign, chapterHead, DEFAULT_HEAD, isOrnamentFile } from '../../book/chapter-head.ts';
import type { Book, Section } from '../../book/model.ts';
import { chapterNumberWords, isNumberTitle } from '../../i18n/index.ts';
import { isUnnumbered } from '../../plugins/remark-book-structure.ts';
import { type LeadIn, leadInParts, type SceneBreakDesign } from '../theme-design.ts';
import type { DropCapFace } from './drop-cap.ts';
import type { Hyphenator } from './hyphenate.ts';
import { hyphenateTree } from './hyphenate.ts';
import { setLeadIn } from './lead-in.ts';
import { marker } from './markers.ts';
import { printImages } from './print-images.ts';

export type BlockKind =
  | 'half-title'
  | 'also-by'
  | 'titlepage'
  | 'copyright'
  | 'dedication'
  | 'epigraph'
  | 'toc'
  | 'part'
  | 'chapter'
  | 'back';

export type { LeadIn };

/** What the theme says about chapter heads and scene breaks, with its ornament images as `src`es. */
export interface PrintDesign {
  chapter: ChapterHeadDesign;
  sceneBreak: SceneBreakDesign;
  images: { head?: string | undefined; sceneBreak?: string | undefined };
  /** The drop cap, drawn from the theme's font (drop-cap.ts); undefined when its face has no file to draw from. */
  dropCap?: DropCapFace | undefined;
}
export { isNumberTitle };

export interface PrintBlock {
  /** The section's id (link target in the screen edition). */
  id: string;
  kind: BlockKind;
  /** Where the block's first page must fall. */
  start: 'recto' | 'verso' | 'any';
  /** Title for the running head, the table of contents and the bookmarks. */
  title: string;
  /** Listed in the table of contents and the bookmarks. */
  inToc: boolean;
  /** Bookmark level: 0 for parts (and chapters outside parts), 1 for chapters in a part. */
  depth: number;
  /** The block as HTML, markers included. */
  html: string;
  /** The number of scene-break markers in it, and the first one's number. */
  breaks: { first: number; count: number };
}

export interface BodyOptions {
  chapterStart: 'recto' | 'any';
  leadIn: LeadIn;
  /** The theme's chapter head and scene breaks (default: the default theme's). */
  design?: PrintDesign | undefined;
  hyphenate: Hyphenator | undefined;
  language: string;
  /**
   * Blocks made before, to reuse when a section comes again unchanged (the preview keeps one
   * across edits; keyed by the section's HTML and its place). Default: none.
   */
  memo?: Map<string, PrintBlock> | undefined;
  /**
   * Give each of a section's top-level elements its manuscript line, as `data-line`, counted from
   * the section's first line (`sectionLine`), so that an edit above a section, which moves its
   * lines, leaves its block as it was (default false).
   */
  sourceLines?: boolean;
}

/** Parts, chapters and back matter (except "also by", which print puts in the front). */
export function bodyBlocks(book: Book, options: BodyOptions): PrintBlock[] {
  const chapters = book.body.filter((s) => s.kind === 'chapter').length;
  const blocks: PrintBlock[] = [];
  let chapterNumber = 0;
  let inPart = false;
  let breakCount = 0;
  const back = book.back.filter((s) => s.kind !== 'also-by');
  // A block made in another design (the preview's theme changed) is not reused.
  const design = createHash('sha1')
    .update(JSON.stringify([options.design ?? null, options.leadIn, options.language]))
    .digest('hex');
  for (const section of [...book.body, ...back]) {
    const index = blocks.length;
    const firstBreak = breakCount;
    const lines = options.sourceLines ? relativeLines(section.hast).join(',') : '';
    const key = `${design}\n${lines}\n${memoKey(section, index, chapterNumber, firstBreak, inPart)}`;
    const known = options.memo?.get(key);
    if (known) {
      if (section.kind === 'part') inPart = true;
      else if (section.kind === 'chapter' && !isUnnumbered(section.hast.properties.className)) chapterNumber++;
      else inPart = false;
      breakCount += known.breaks.count;
      blocks.push(known);
      continue;
    }
    const tree = structuredClone(section.hast);
    printImages(tree, book.images);
    if (options.sourceLines) sourceLines(tree);
    openDetails(tree);
    let kind: BlockKind;
    if (section.kind === 'part') {
      kind = 'part';
      inPart = true;
      partPage(tree);
    } else if (section.kind === 'chapter') {
      kind = 'chapter';
      // An interlude (`{.interlude}`, `{.unnumbered}`) takes no number, and the next chapter's follows on.
      const numbered = !isUnnumbered(section.hast.properties.className);
      if (numbered) chapterNumber++;
      opener(tree, section, { number: numbered ? chapterNumber : undefined, chapters, ...options });
    } else {
      kind = 'back';
      inPart = false;
      opener(tree, section, { number: undefined, chapters, ...options, leadIn: 'none' });
    }
    breakCount += sceneBreaks(tree, breakCount, inFlowOrnament(options.design));
    if (options.hyphenate) hyphenateTree(tree, options.hyphenate);
    tree.properties.dataBlock = String(index);
    tree.children.unshift(marker('block', index));
    const block: PrintBlock = {
      id: String(tree.properties.id ?? section.id),
      kind,
      start: kind === 'chapter' ? options.chapterStart : 'recto',
      title: section.title,
      inToc: section.inToc || kind === 'back',
      depth: kind === 'chapter' && inPart ? 1 : 0,
      html: toHtml(tree),
      breaks: { first: firstBreak, count: breakCount - firstBreak },
    };
    options.memo?.set(key, block);
    blocks.push(block);
  }
  return blocks;
}

function memoKey(section: Section, index: number, chapter: number, firstBreak: number, inPart: boolean): string {
  return `${index} ${chapter} ${firstBreak} ${inPart} ${section.kind} ${section.title}\n${section.html}`;
}

/** Opens every `<details>`, so its content prints (a closed one shows only its summary). */
export function openDetails(node: Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'details') child.properties.open = true;
    openDetails(child);
  }
}

/** The manuscript line a section starts on: its first element's (undefined when none has a place). */
export function sectionLine(section: Element): number | undefined {
  for (const child of section.children) {
    if (child.type === 'element' && child.position) return child.position.start.line;
  }
  return undefined;
}

/** Each top-level element's manuscript line, counted from the section's first line (-1: no place). */
function relativeLines(section: Element): number[] {
  const base = sectionLine(section) ?? 0;
  return section.children.flatMap((child) =>
    child.type === 'element' ? [child.position ? child.position.start.line - base : -1] : [],
  );
}

/** Marks the section's top-level elements with their manuscript line, counted from the section's first. */
function sourceLines(tree: Element): void {
  const lines = relativeLines(tree);
  let k = 0;
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    const line = lines[k++] as number;
    if (line >= 0) child.properties.dataLine = String(line);
  }
}

function partPage(tree: Element): void {
  const heading = firstElement(tree);
  if (heading?.tagName === 'h1') heading.properties.className = ['part-title'];
}

interface OpenerOptions extends BodyOptions {
  number: number | undefined;
  chapters: number;
}

/** The chapter head (number, title, ornament: src/book/chapter-head.ts) and the opening paragraph. */
function opener(tree: Element, section: Section, options: OpenerOptions): void {
  const { opening } = chapterHead(tree, section.title, {
    design: options.design?.chapter ?? DEFAULT_HEAD,
    number: options.number,
    chapters: options.chapters,
    language: options.language,
    ornamentSrc: options.design?.images.head,
  });
  if (opening && options.leadIn !== 'none') setLeadIn(opening, leadInParts(options.leadIn), options.design?.dropCap);
}

/**
 * The ornament a theme shows at every break (`scene-break.show: always`, or an image), set in the
 * break's line; otherwise none (the furniture draws it where a break falls at a page's top or foot).
 */
function inFlowOrnament(design: PrintDesign | undefined): ElementContent[] {
  if (!design) return [];
  const text = design.sceneBreak.ornament.trim();
  if (!text || text === 'none') return [];
  // An image is always set in the line: the furniture draws only text.
  if (design.sceneBreak.show !== 'always' && !isOrnamentFile(text)) return [];
  if (!isOrnamentFile(text)) return [h('span.ornament', { ariaHidden: 'true' }, text)];
  return design.images.sceneBreak ? [h('img.ornament', { src: design.images.sceneBreak, alt: '' })] : [];
}

/** Scene breaks: a line of space with a marker (and the ornament, if shown at every break); the element after gets a marker too. */
function sceneBreaks(tree: Element, offset: number, ornament: ElementContent[]): number {
  let count = 0;
  const visit = (parent: Element) => {
    for (const [i, child] of parent.children.entries()) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'hr' && hasClass(child, 'scene-break')) {
        const n = offset + count++;
        parent.children[i] = h('div.scene-break', { role: 'separator' }, [marker('break', n), ...structuredClone(ornament)]);
        const after = nextElement(parent, parent.children[i] as Element);
        if (after) {
          addClass(after, 'after-break');
          after.children.unshift(marker('after', n));
        }
      } else {
        visit(child);
      }
    }
  };
  visit(tree);
  return count;
}

function firstElement(parent: Element): Element | undefined {
  return parent.children.find((c): c is Element => c.type === 'element');
}

function nextElement(parent: Element, after: Element): Element | undefined {
  const from = parent.children.indexOf(after);
  return parent.children.slice(from + 1).find((c): c is Element => c.type === 'element');
}

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

function addClass(node: Element, name: string): void {
  const classes = node.properties.className;
  node.properties.className = Array.isArray(classes) ? [...classes, name] : [name];
}

/** The chapter number in words of the book's language (src/i18n/). */
export function numberLabel(n: number, language: string): string {
  return chapterNumberWords(n, language);
}
