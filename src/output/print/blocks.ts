/**
 * The book's parts, chapters and back matter as print blocks: each a `<section>` that starts a
 * new page (on a recto, or on any page), made from the typeset section's hast (copied, never
 * changed in place). A chapter gets its opener — a sink, the chapter number unless the title is
 * itself a number, the title — and a first paragraph set flush left with a drop cap or a
 * small-caps lead-in. Scene breaks become a line of space; markers record where blocks and
 * breaks land on the pages; the text is hyphenated. A `<details>` is printed open: paper cannot
 * be clicked, and its content is the author's text.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Book, Section } from '../../book/model.ts';
import type { Hyphenator } from './hyphenate.ts';
import { hyphenateTree } from './hyphenate.ts';
import { marker } from './markers.ts';

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

export type LeadIn = 'drop-cap' | 'small-caps' | 'none';

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
  hyphenate: Hyphenator | undefined;
  language: string;
  /**
   * Blocks made before, to reuse when a section comes again unchanged (the preview keeps one
   * across edits; keyed by the section's HTML and its place). Default: none.
   */
  memo?: Map<string, PrintBlock> | undefined;
  /** Give each of a section's top-level elements its manuscript line, as `data-line` (default false). */
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
  for (const section of [...book.body, ...back]) {
    const index = blocks.length;
    const firstBreak = breakCount;
    const key = memoKey(section, index, chapterNumber, firstBreak, inPart);
    const known = options.memo?.get(key);
    if (known) {
      if (section.kind === 'part') inPart = true;
      else if (section.kind === 'chapter') chapterNumber++;
      else inPart = false;
      breakCount += known.breaks.count;
      blocks.push(known);
      continue;
    }
    const tree = structuredClone(section.hast);
    if (options.sourceLines) sourceLines(tree);
    openDetails(tree);
    let kind: BlockKind;
    if (section.kind === 'part') {
      kind = 'part';
      inPart = true;
      partPage(tree);
    } else if (section.kind === 'chapter') {
      kind = 'chapter';
      chapterNumber++;
      opener(tree, section, { number: chapterNumber, chapters, ...options });
    } else {
      kind = 'back';
      inPart = false;
      opener(tree, section, { number: undefined, chapters, ...options, leadIn: 'none' });
    }
    breakCount += sceneBreaks(tree, breakCount);
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

/** Marks the section's top-level elements with the manuscript line they start on. */
function sourceLines(tree: Element): void {
  for (const child of tree.children) {
    const line = child.type === 'element' ? child.position?.start.line : undefined;
    if (child.type === 'element' && line !== undefined) child.properties.dataLine = String(line);
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

/** The chapter head (sink, number, title) and the opening paragraph. */
function opener(tree: Element, section: Section, options: OpenerOptions): void {
  const heading = firstElement(tree);
  const titled = heading?.tagName === 'h1';
  const showNumber = options.number !== undefined && (titled ? !isNumberTitle(section.title) : options.chapters > 1);
  const head = h('header.opener', [
    showNumber && options.number !== undefined ? h('p.chapter-number', numberLabel(options.number, options.language)) : undefined,
    titled && heading ? h('h1.chapter-title', heading.children) : undefined,
  ]);
  if (titled && heading) tree.children.splice(tree.children.indexOf(heading), 1, head);
  else tree.children.unshift(head);
  const next = nextElement(tree, head);
  if (next?.tagName === 'p' && options.leadIn !== 'none') leadIn(next, options.leadIn);
  else if (next?.tagName === 'p') addClass(next, 'opening');
}

/** Wraps the paragraph's first words in a small-caps lead-in (and readies the drop cap). */
function leadIn(paragraph: Element, style: Exclude<LeadIn, 'none'>): void {
  addClass(paragraph, 'opening');
  addClass(paragraph, style);
  const first = paragraph.children[0];
  if (first?.type !== 'text') return;
  const match = /^(\s*)(["“‘'«„‚]?)(\S+(?:\s+\S+){0,3})/.exec(first.value);
  if (!match) return;
  const [, space = '', quote = '', run = ''] = match;
  const words = run.split(/\s+/);
  const stop = words.findIndex((w) => /[,;:.!?—)]$/.test(w));
  const taken = stop === -1 ? words : words.slice(0, stop + 1);
  const lead = taken.join(' ');
  const rest = first.value.slice(space.length + quote.length + indexAfterWords(run, taken.length));
  const parts: ElementContent[] = [];
  if (quote && style === 'drop-cap') parts.push(h('span.lead-quote', quote));
  parts.push(h('span.lead-in', style === 'drop-cap' ? lead : `${quote}${lead}`));
  parts.push({ type: 'text', value: rest });
  paragraph.children.splice(0, 1, ...parts);
}

/** Length of the text up to the end of its nth word. */
function indexAfterWords(text: string, n: number): number {
  const re = /\S+/g;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const m = re.exec(text);
    if (!m) break;
    end = m.index + m[0].length;
  }
  return end;
}

/** Scene breaks: a line of space with a marker; the element after gets a marker too. */
function sceneBreaks(tree: Element, offset: number): number {
  let count = 0;
  const visit = (parent: Element) => {
    for (const [i, child] of parent.children.entries()) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'hr' && hasClass(child, 'scene-break')) {
        const n = offset + count++;
        parent.children[i] = h('div.scene-break', { role: 'separator' }, [marker('break', n)]);
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

const ONES = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve'];
const TEENS = ['Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** The chapter number as set above the title: words in English books, figures otherwise. */
export function numberLabel(n: number, language: string): string {
  if (!language.toLowerCase().startsWith('en') || n < 1 || n > 99) return String(n);
  if (n <= 12) return ONES[n] as string;
  if (n < 20) return TEENS[n - 13] as string;
  const unit = n % 10;
  return `${TENS[Math.floor(n / 10)]}${unit ? `-${(ONES[unit] as string).toLowerCase()}` : ''}`;
}

/** True when a title is just a number ("IV", "12", "Chapter 3", "Book One"): no number above it. */
export function isNumberTitle(title: string): boolean {
  const words = [...ONES.slice(1), ...TEENS, ...TENS.slice(2)].map((w) => w.toLowerCase()).join('|');
  const number = `(?:[ivxlcdm]+|\\d+|(?:${words})(?:-(?:${words}))?)`;
  return new RegExp(`^(?:(?:chapter|book|part|chapitre|kapitel|cap[íi]tulo|capitolo|hoofdstuk)\\s+)?${number}\\.?$`, 'i').test(
    title.trim(),
  );
}
