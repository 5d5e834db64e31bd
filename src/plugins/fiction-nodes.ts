/**
 * The mdast nodes of the elements fiction needs (verse, letters, chat, epigraphs, aligned blocks,
 * chapter images), made from remark-directive's containers by one plugin each: a block
 * (`fictionBlock`) or a piece of a line (`fictionInline`), each rendered as the element and
 * classes in its `data` (remark-rehype renders a node it does not know by its `hName`). They
 * are no longer directives, so the text pass that gives unknown directives back as text leaves
 * them alone; the typographic pass reads the paragraphs inside them as any other.
 */

import type { Properties } from 'hast';
import type { BlockContent, Data, DefinitionContent, Paragraph, PhrasingContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';

export interface FictionBlock {
  type: 'fictionBlock';
  /** The element it is (`verse`, `letter`, …), for plugins after Galley's. */
  element: string;
  children: (BlockContent | DefinitionContent)[];
  data: Data;
  position?: Position;
}

export interface FictionInline {
  type: 'fictionInline';
  children: PhrasingContent[];
  data: Data;
  position?: Position;
}

declare module 'mdast' {
  interface BlockContentMap {
    fictionBlock: FictionBlock;
  }
  interface RootContentMap {
    fictionBlock: FictionBlock;
    fictionInline: FictionInline;
  }
  interface PhrasingContentMap {
    fictionInline: FictionInline;
  }
}

/** Every directive Galley makes an element of, as the author writes it (for messages). */
export const ELEMENT_DIRECTIVES = [
  ':::verse',
  ':::song',
  ':::poem',
  ':::letter',
  ':::note',
  ':::diary',
  ':::chat',
  ':::epigraph',
  ':::center',
  ':::right',
  '::chapter-image',
];

export function fictionBlock(
  element: string,
  tagName: string,
  properties: Properties,
  children: FictionBlock['children'],
  position: Position | undefined,
): FictionBlock {
  const node: FictionBlock = { type: 'fictionBlock', element, children, data: { hName: tagName, hProperties: properties } };
  if (position) node.position = position;
  return node;
}

export function fictionInline(tagName: string, properties: Properties, children: PhrasingContent[]): FictionInline {
  const first = children[0]?.position?.start;
  const last = children[children.length - 1]?.position?.end;
  const node: FictionInline = { type: 'fictionInline', children, data: { hName: tagName, hProperties: properties } };
  if (first && last) node.position = { start: first, end: last };
  return node;
}

/** A paragraph with classes (and other properties) on its `<p>`. */
export function classedParagraph(
  classes: string[],
  children: PhrasingContent[],
  position: Position | undefined,
  properties: Properties = {},
): Paragraph {
  const node: Paragraph = { type: 'paragraph', children, data: { hProperties: { ...properties, className: classes } } };
  if (position) node.position = position;
  return node;
}

/** Adds classes to a paragraph's `<p>` (keeping those it has, `flush` say). */
export function addParagraphClass(node: Paragraph, ...classes: string[]): void {
  node.data ??= {};
  node.data.hProperties ??= {};
  const existing = node.data.hProperties.className;
  const list = Array.isArray(existing) ? existing.map(String) : typeof existing === 'string' ? [existing] : [];
  node.data.hProperties.className = [...list, ...classes.filter((c) => !list.includes(c))];
}

/** The classes the author gave a directive (`:::verse{.centred}`), to pass on to its element. */
export function authorClasses(node: ContainerDirective): string[] {
  const value = node.attributes?.class;
  return value ? value.split(/\s+/).filter((c) => /^[A-Za-z][\w-]*$/.test(c)) : [];
}

/** The directive's label paragraph (`:::letter[Orra, 4 May]`) and the blocks after it. */
export function splitLabel(node: ContainerDirective): { label: Paragraph | undefined; blocks: ContainerDirective['children'] } {
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph' && first.data?.directiveLabel) return { label: first, blocks: rest };
  return { label: undefined, blocks: node.children };
}
