/**
 * A chapter's head, as the theme sets it, for print and the EPUB alike: the chapter number (in
 * words, figures or roman figures, with or without the word for "chapter"), the title, an
 * ornament or a rule. It is made in hast, on a copy of the section's tree: the section's own
 * `<h1>` becomes `<header class="opener">` holding `p.chapter-number`, `h1.chapter-title`,
 * `.chapter-ornament` and `.chapter-rule`, and the first paragraph after the head gets the class
 * `opening` — a class on its role, so it stays flush left whatever comes before it in a medium
 * (the EPUB's page-break markers, say). The sink is the medium's to draw (print in lines, the
 * EPUB in ems).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { chapterHeading, isNumberTitle, type NumberStyle } from '../i18n/index.ts';
import { takeHeadItems } from './head-items.ts';

/** How the head writes the number (src/i18n/), or `none` for no number. */
export type HeadNumber = NumberStyle | 'none';

/** What a theme's `chapter` settings say about the head. */
export interface ChapterHeadDesign {
  /**
   * How the number is written: `words` ("One"), `ordinal` ("First"), `numerals` ("1"), `roman`
   * ("I"), or `none`. Unset: as publishers in the book's language set it (src/i18n/: "One" in
   * English, "Chapitre premier" in French).
   */
  number?: HeadNumber | undefined;
  /**
   * The language's word for "chapter" with the number ("Chapter One" rather than "One"). Unset:
   * the language's way when `number` is unset too, else none.
   */
  label?: boolean | undefined;
  /**
   * The title is set under the number. When false (and a number is set) the number alone heads
   * the chapter; the title stays the chapter's name in the contents, the navigation and the
   * running heads.
   */
  title: boolean;
  /** Under the title: text (`❦`), an image file of the theme (`ornament.svg`), or `none`. */
  ornament: string;
  /** A short rule under the title. */
  rule: boolean;
  /** Space above the head, in lines of text. Unset: as the theme's CSS sets it. */
  sink?: number | undefined;
}

export const DEFAULT_HEAD: ChapterHeadDesign = {
  title: true,
  ornament: 'none',
  rule: false,
};

/** True when the head's ornament names an image file of the theme rather than text. */
export function isOrnamentFile(ornament: string): boolean {
  return /^[^\s]+\.(svg|png|jpe?g|gif|webp)$/i.test(ornament.trim());
}

export interface HeadOptions {
  design: ChapterHeadDesign;
  /** The chapter's number in the book; undefined for back matter (no number). */
  number: number | undefined;
  /** How many chapters the book has (an untitled chapter of a one-chapter book gets no number). */
  chapters: number;
  language: string;
  /** Where the medium serves an ornament image from (its `src`), when the ornament is a file. */
  ornamentSrc?: string | undefined;
}

export interface ChapterHead {
  head: Element;
  /** The first paragraph after the head (class `opening`), where the lead-in goes. */
  opening: Element | undefined;
}

/**
 * Replaces the section's leading `<h1>` in `tree` (a copy the caller owns) with the chapter
 * head, or puts the head first when the chapter has no title; marks the opening paragraph.
 */
export function chapterHead(tree: Element, title: string, options: HeadOptions): ChapterHead {
  const { design } = options;
  const heading = tree.children.find((c): c is Element => c.type === 'element');
  const titled = heading?.tagName === 'h1';
  const numbered =
    options.number !== undefined &&
    design.number !== 'none' &&
    (titled ? !isNumberTitle(title, options.language) : options.chapters > 1);
  const number =
    numbered && options.number !== undefined && design.number !== 'none'
      ? chapterHeading(options.number, options.language, {
          ...(design.number ? { style: design.number } : {}),
          ...(design.label !== undefined ? { label: design.label } : {}),
        })
      : undefined;
  const children: ElementContent[] = [];
  const showTitle = titled && heading && (design.title || number === undefined);
  if (number !== undefined) {
    // With no title shown, the number is the chapter's heading.
    children.push(showTitle ? h('p.chapter-number', number) : h('h1.chapter-number', number));
  }
  if (showTitle) children.push(h('h1.chapter-title', heading.children));
  const ornament = ornamentOf(design.ornament, options.ornamentSrc);
  if (ornament) children.push(ornament);
  if (design.rule) children.push(h('div.chapter-rule', { ariaHidden: 'true' }));
  const head = h('header.opener', children);
  if (titled && heading) tree.children.splice(tree.children.indexOf(heading), 1, head);
  // An untitled chapter keeps the head, empty or with its number alone: it carries the sink.
  else tree.children.unshift(head);
  // A chapter image and an epigraph after the heading are part of the head (head-items.ts).
  takeHeadItems(tree, head);
  const from = tree.children.indexOf(head);
  const next = tree.children.slice(from + 1).find((c): c is Element => c.type === 'element');
  const opening = next?.tagName === 'p' ? next : undefined;
  if (opening) addClass(opening, 'opening');
  return { head, opening };
}

/** The ornament as an element hidden from screen readers (it is decoration), or undefined for none. */
function ornamentOf(ornament: string, src: string | undefined): Element | undefined {
  const text = ornament.trim();
  if (!text || text === 'none') return undefined;
  if (isOrnamentFile(text)) {
    if (!src) return undefined;
    return h('div.chapter-ornament', { ariaHidden: 'true' }, [h('img', { src, alt: '' })]);
  }
  return h('p.chapter-ornament', { ariaHidden: 'true' }, text);
}

export function addClass(node: Element, name: string): void {
  const classes = node.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : typeof classes === 'string' ? String(classes).split(/\s+/) : [];
  if (!list.includes(name)) node.properties.className = [...list, name];
}
