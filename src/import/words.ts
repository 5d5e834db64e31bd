/**
 * The words of a text, and where two texts' words first part: how an import proves that every
 * word of the source is in what it wrote, in order. A word is a run of letters and digits;
 * punctuation, quotes, dashes and spaces are not words, so curly and straight quotes, escapes and
 * character references compare equal. Soft hyphens and zero-width characters are not breaks.
 */
import type { Nodes as HastNodes } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.replace(INVISIBLE, '').match(WORD) ?? [];
}

/** A text block with where it is, for a message. */
export interface Block {
  text: string;
  where: string | undefined;
}

export interface Divergence {
  /** Where in the source the first difference is. */
  where: string | undefined;
  expected: string[];
  found: string[];
}

/** The first place where the words of `output` stop following those of `source`, or undefined. */
export function compareWords(source: Block[], output: string[]): Divergence | undefined {
  const expected: Array<{ word: string; where: string | undefined }> = [];
  for (const block of source) for (const word of words(block.text)) expected.push({ word, where: block.where });
  const length = Math.max(expected.length, output.length);
  for (let i = 0; i < length; i++) {
    if (expected[i]?.word === output[i]) continue;
    return {
      where: expected[Math.min(i, expected.length - 1)]?.where,
      expected: expected.slice(i, i + 6).map((e) => e.word),
      found: output.slice(i, i + 6),
    };
  }
  return undefined;
}

const HAST_BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'td',
  'th',
  'dt',
  'dd',
  'pre',
  'caption',
  'figcaption',
  'blockquote',
  'div',
  'section',
  'article',
  'table',
  'tr',
  'ul',
  'ol',
  'dl',
  'hr',
  'br',
  'img',
]);

/**
 * The text of a hast tree with a space at every block's edge (text inside one block runs on, as
 * Word's runs do). `skip` leaves out elements by name.
 */
export function hastText(node: HastNodes, skip: (tag: string) => boolean = () => false): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && skip(node.tagName)) return ' ';
  const inner = node.children.map((c) => hastText(c, skip)).join('');
  const alt = node.type === 'element' && node.tagName === 'img' ? '' : inner;
  return node.type === 'element' && HAST_BLOCKS.has(node.tagName) ? ` ${alt} ` : alt;
}

const MDAST_BLOCKS = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'listItem',
  'blockquote',
  'code',
  'thematicBreak',
  'break',
  'table',
  'tableRow',
  'list',
]);

/** The text of an mdast tree, spaced at block edges as `hastText` is; footnote definitions only when asked. */
export function mdastText(node: MdastNodes, withDefinitions = false): string {
  if (node.type === 'footnoteDefinition' && !withDefinitions) return ' ';
  if (node.type === 'text') return node.value;
  if (node.type === 'inlineCode' || node.type === 'code') return ` ${node.value} `;
  if (!('children' in node)) return MDAST_BLOCKS.has(node.type) ? ' ' : '';
  const inner = (node.children as MdastNodes[]).map((c) => mdastText(c, withDefinitions)).join('');
  return MDAST_BLOCKS.has(node.type) ? ` ${inner} ` : inner;
}
