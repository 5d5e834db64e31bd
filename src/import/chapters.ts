/**
 * The imported body cut into chapters. The blocks are laid flat first (a web page's `div`s and
 * `section`s give up their children; loose text becomes a paragraph). The chapters begin at the
 * highest heading level used — Heading 1 in a Word document, whatever a page's chapter titles
 * are — and deeper headings stay inside. Scene breaks are `<hr>`, a reader's marker paragraph, or
 * a paragraph that is only a marker; a page break is a scene break except where it stands next to
 * a heading or at a chapter's edge (a break before a chapter, dropped). Breaks at a chapter's
 * start or end, and one right after another, carry nothing and go.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isSceneMarker } from '../manuscript/scene-markers.ts';
import { IMAGE_PROBLEM, PAGE_BREAK_CLASS, SCENE_BREAK_CLASS } from './imported.ts';
import type { ImportProblem } from './problems.ts';
import { hastText } from './words.ts';

export interface Chapter {
  /** The chapter's heading, or undefined for the text before the first one. */
  heading: Element | undefined;
  title: string;
  blocks: ElementContent[];
}

export interface Chapters {
  chapters: Chapter[];
  /** The heading level that starts a chapter (deeper ones are shifted up by level − 1). */
  level: number;
}

const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'center',
  'body',
  'html',
  'hgroup',
  'font',
  'span',
  'nav',
  'form',
  'fieldset',
  'details',
]);
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'dl',
  'table',
  'pre',
  'figure',
  'hr',
  'address',
  'summary',
]);
const HEADING = /^h([1-6])$/;

const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);
const headingLevel = (node: ElementContent) => (node.type === 'element' ? Number(HEADING.exec(node.tagName)?.[1] ?? 0) : 0);
const hasText = (node: ElementContent) => hastText(node).trim() !== '';

/** Blocks laid flat: containers give up their children; runs of loose inline content become paragraphs. */
export function flatten(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let loose: ElementContent[] = [];
  const flush = () => {
    if (loose.some((c) => hasText(c) || (c.type === 'element' && c.tagName === 'img'))) {
      out.push({ type: 'element', tagName: 'p', properties: {}, children: loose });
    }
    loose = [];
  };
  for (const c of children) {
    if (
      c.type === 'element' &&
      CONTAINERS.has(c.tagName) &&
      c.children.some((k) => k.type === 'element' && (BLOCKS.has(k.tagName) || CONTAINERS.has(k.tagName)))
    ) {
      flush();
      out.push(...flatten(c.children));
    } else if (c.type === 'element' && BLOCKS.has(c.tagName)) {
      flush();
      out.push(c);
    } else if (c.type !== 'comment') loose.push(c);
  }
  flush();
  return out;
}

type Kind = 'scene' | 'page' | 'heading' | 'text';

function kindOf(node: ElementContent): Kind {
  if (node.type !== 'element') return 'text';
  if (node.tagName === 'hr') return 'scene';
  if (headingLevel(node) > 0) return 'heading';
  if (node.tagName !== 'p') return 'text';
  if (classes(node).includes(PAGE_BREAK_CLASS)) return 'page';
  if (classes(node).includes(SCENE_BREAK_CLASS)) return 'scene';
  const text = hastText(node).replace(/\s+/g, ' ').trim();
  if (text && isSceneMarker(text) && !node.children.some((c) => c.type === 'element' && c.tagName === 'img')) return 'scene';
  const style = String(node.properties.style ?? '') + String(node.properties.align ?? '');
  if (text && text.length <= 40 && !/[\p{L}\p{N}]/u.test(text) && /center/i.test(style)) return 'scene';
  return 'text';
}

const sceneBreak = (): Element => ({ type: 'element', tagName: 'hr', properties: {}, children: [] });

export function splitChapters(tree: Root, problems: ImportProblem[]): Chapters {
  const blocks = flatten(tree.children as ElementContent[]).filter((b) => kindOf(b) !== 'text' || hasText(b) || hasPicture(b));
  const levels = blocks.map(headingLevel).filter((l) => l > 0);
  const level = levels.length ? Math.min(...levels) : 1;
  const chapters: Chapter[] = [{ heading: undefined, title: '', blocks: [] }];
  for (const block of blocks) {
    if (headingLevel(block) === level && block.type === 'element') {
      chapters.push({ heading: block, title: hastText(block).replace(/\s+/g, ' ').trim(), blocks: [] });
    } else chapters.at(-1)?.blocks.push(block);
  }
  const kept = chapters.filter((c, i) => i > 0 || c.blocks.some((b) => kindOf(b) === 'text' || kindOf(b) === 'heading'));
  kept.forEach((chapter, i) => {
    chapter.blocks = settleBreaks(chapter.blocks);
    noteImages(chapter, i + 1, problems);
  });
  return { chapters: kept, level };
}

function hasPicture(node: ElementContent): boolean {
  let found = false;
  visit(node, 'element', (el) => {
    if (el.tagName === 'img') found = true;
  });
  return found;
}

/** Page breaks become scene breaks between text; breaks at the edges, before a heading or after another go. */
function settleBreaks(blocks: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const [i, block] of blocks.entries()) {
    const kind = kindOf(block);
    if (kind !== 'scene' && kind !== 'page') {
      out.push(block);
      continue;
    }
    const previous = out.at(-1);
    const next = blocks.slice(i + 1).find((b) => kindOf(b) !== 'page' && kindOf(b) !== 'scene');
    const edge = !previous || !next || kindOf(next) === 'heading' || kindOf(previous) === 'heading';
    if (edge || kindOf(previous as ElementContent) === 'scene') continue;
    out.push(sceneBreak());
  }
  return out;
}

/** Pictures that could not be carried over are taken out, each noted at its chapter and paragraph. */
function noteImages(chapter: Chapter, n: number, problems: ImportProblem[]): void {
  chapter.blocks.forEach((block, i) => {
    visit(block, 'element', (el, index, parent) => {
      if (el.tagName !== 'img' || el.properties[IMAGE_PROBLEM] === undefined || !parent || index === undefined) return;
      problems.push({ where: `chapter ${n}, para ${i + 1}`, id: 'image', message: String(el.properties[IMAGE_PROBLEM]) });
      parent.children.splice(index, 1);
      return index;
    });
  });
}
