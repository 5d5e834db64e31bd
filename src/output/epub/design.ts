/**
 * The theme's design in the EPUB's documents, on copies of the typeset sections' trees (the book
 * is never changed): each chapter's head as the theme sets it (src/book/chapter-head.ts, the
 * same as print's), its opening paragraph with the lead-in (lead-in.ts), and every scene break
 * with the theme's ornament. The first paragraph of back matter after its heading is marked
 * `flush`, so a page-break marker before it cannot indent it.
 *
 * A scene break is `<div class="scene-break" role="separator">` holding the ornament, text or
 * an image, hidden from screen readers (they announce the separator). A reflowing page has no
 * known top or foot, so the EPUB shows the ornament at every break.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { addClass, chapterHead, isOrnamentFile } from '../../book/chapter-head.ts';
import type { Book, Section } from '../../book/model.ts';
import { isUnnumbered } from '../../plugins/remark-book-structure.ts';
import type { OrnamentImage, OrnamentImages } from '../ornaments.ts';
import type { BookDesign } from '../theme-design.ts';
import { epubLeadIn } from './lead-in.ts';

export interface EpubDesignOptions {
  design: BookDesign;
  language: string;
  /** The EPUB paths of the ornament images, where the theme's ornaments are files. */
  images: { head?: string | undefined; sceneBreak?: string | undefined };
  /**
   * Only the sections this is true of (told each chapter's number), the others left out (the
   * preview's, which has them from its last view).
   */
  wanted?: ((section: Section, number: number | undefined) => boolean) | undefined;
}

const BACK_MATTER = new Set<Section['kind']>(['acknowledgements', 'about-the-author', 'also-by']);

/** Each section's tree as the EPUB sets it (sections with nothing to change keep their own tree). */
export function designedTrees(book: Book, options: EpubDesignOptions): Map<Section, Element> {
  const trees = new Map<Section, Element>();
  const chapters = book.body.filter((s) => s.kind === 'chapter').length;
  let number = 0;
  for (const section of [...book.front, ...book.body, ...book.back]) {
    if (section.kind === 'chapter') {
      // An interlude (`{.interlude}`, `{.unnumbered}`) takes no number, as in print.
      const numbered = !isUnnumbered(section.hast.properties.className);
      if (numbered) number++;
      if (options.wanted && !options.wanted(section, numbered ? number : undefined)) continue;
      const tree = structuredClone(section.hast);
      const { opening } = chapterHead(tree, section.title, {
        design: options.design.chapter,
        number: numbered ? number : undefined,
        chapters,
        language: options.language,
        ornamentSrc: options.images.head,
      });
      if (opening) epubLeadIn(opening, options.design.leadIn);
      sceneBreaks(tree, ornament(options.design.sceneBreak.ornament, options.images.sceneBreak));
      trees.set(section, tree);
    } else if (BACK_MATTER.has(section.kind)) {
      if (options.wanted && !options.wanted(section, undefined)) continue;
      const tree = structuredClone(section.hast);
      flushAfterHeading(tree);
      trees.set(section, tree);
    }
  }
  return trees;
}

function ornament(text: string, src: string | undefined): ElementContent[] {
  const value = text.trim();
  if (!value || value === 'none') return [];
  if (isOrnamentFile(value)) return src ? [h('img.ornament', { src, alt: '' })] : [];
  return [h('span.ornament', { ariaHidden: 'true' }, value)];
}

function sceneBreaks(tree: Element, content: ElementContent[]): void {
  tree.children = tree.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'hr' && classes(child).includes('scene-break')) {
      return h('div.scene-break', { role: 'separator' }, structuredClone(content));
    }
    sceneBreaks(child, content);
    return child;
  });
}

function flushAfterHeading(tree: Element): void {
  const elements = tree.children.filter((c): c is Element => c.type === 'element');
  const heading = elements.findIndex((e) => /^h[1-6]$/.test(e.tagName));
  const next = heading === -1 ? undefined : elements[heading + 1];
  if (next?.tagName === 'p') addClass(next, 'flush');
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The ornament images as files of the EPUB (ids with `_`, which section ids never hold). */
export function ornamentResources(images: OrnamentImages): {
  hrefs: EpubDesignOptions['images'];
  resources: { id: string; href: string; mediaType: string; data: Buffer }[];
} {
  const entry = (image: OrnamentImage | undefined, role: string) =>
    image && {
      id: `ornament_${role}`,
      href: `images/ornament-${role}.${image.mediaType === 'image/svg+xml' ? 'svg' : image.mediaType === 'image/png' ? 'png' : 'jpg'}`,
      mediaType: image.mediaType,
      data: image.data,
    };
  const head = entry(images.head, 'head');
  const sceneBreak = entry(images.sceneBreak, 'break');
  return {
    hrefs: { head: head?.href, sceneBreak: sceneBreak?.href },
    resources: [head, sceneBreak].filter((r) => r !== undefined),
  };
}

/**
 * CSS from theme.json's values, after the theme's own sheets: the chapter head's sink, when
 * theme.json gives one, in ems (half an em for each line of the print sink: a phone's page is far
 * shorter than a book's).
 */
export function designCss(design: BookDesign): string {
  const { sink } = design.chapter;
  if (sink === undefined) return '';
  return `
/* theme.json: the chapter head's sink. */
.opener { padding-top: ${Math.max(0, Math.round(sink * 50) / 100)}em; }
`;
}
