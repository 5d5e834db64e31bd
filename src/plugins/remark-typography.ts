/**
 * remark plugin: the typographic pass. In every block of text (paragraphs, headings, table
 * cells) it turns `--` and `---` into em dashes, `...` into an ellipsis, cleans no-break spaces,
 * runs of spaces and spaces at the ends of the block, and turns straight quotes into curly
 * quotes and apostrophes. Quotes are decided on the block's whole text, across emphasis, links
 * and other inline nodes. Code, inline code, URLs and raw HTML are left as written.
 */
import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { fixDashesEllipsesSpaces } from './typography/marks.ts';
import { educateQuotes, quoteMarksFor, WORD_STAND_IN } from './typography/quotes.ts';

export interface TypographyOptions {
  /** BCP 47 language of the book; picks the quote marks (default `en`). */
  language?: string;
  /** Curl quotes and apostrophes (default true). */
  quotes?: boolean;
  /** Dashes, ellipses and spaces (default true). */
  punctuation?: boolean;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** A piece of a block's text: a text node to rewrite, or a stand-in for an inline object. */
type Segment = { node: Text; text: string } | { node: undefined; text: string };

export const remarkTypography: Plugin<[TypographyOptions?], Root> = (options = {}) => {
  const marks = quoteMarksFor(options.language ?? 'en');
  const quotes = options.quotes ?? true;
  const punctuation = options.punctuation ?? true;

  return (tree) => {
    visit(tree, (node) => {
      if (!BLOCKS.has(node.type)) return;
      const segments = collect(node as Parent, []);
      if (punctuation) {
        for (const s of segments) if (s.node) s.text = fixDashesEllipsesSpaces(s.text);
        trimBlock(segments);
      }
      if (quotes) {
        const curled = educateQuotes(segments.map((s) => s.text).join(''), marks);
        let at = 0;
        for (const s of segments) {
          s.text = curled.slice(at, at + s.text.length);
          at += s.text.length;
        }
      }
      for (const s of segments) if (s.node) s.node.value = s.text;
    });
  };
};

/** The block's inline content in reading order, as segments. */
function collect(parent: Parent, into: Segment[]): Segment[] {
  for (const child of parent.children as PhrasingContent[]) {
    if (child.type === 'text') into.push({ node: child, text: child.value });
    else if (child.type === 'break') into.push({ node: undefined, text: '\n' });
    else if (
      child.type === 'inlineCode' ||
      child.type === 'image' ||
      child.type === 'footnoteReference' ||
      child.type === 'imageReference'
    ) {
      into.push({ node: undefined, text: WORD_STAND_IN });
    } else if (child.type === 'link' && isBareUrl(child)) into.push({ node: undefined, text: WORD_STAND_IN });
    else if ('children' in child) collect(child, into);
    // Raw HTML adds no text: a quote next to a tag is judged by the text beyond it.
  }
  return into;
}

function isBareUrl(link: Link): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  return only?.type === 'text' && (only.value === link.url || link.url.endsWith(only.value));
}

/** Drops spaces at the block's ends and doubled spaces where two text nodes meet. */
function trimBlock(segments: Segment[]): void {
  const first = segments.find((s) => s.text !== '');
  if (first?.node) first.text = first.text.replace(/^ +/, '');
  const last = [...segments].reverse().find((s) => s.text !== '');
  if (last?.node) last.text = last.text.replace(/ +$/, '');
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1] as Segment;
    const current = segments[i] as Segment;
    if (current.node && /[ \n]$/.test(before.text)) current.text = current.text.replace(/^ +/, '');
  }
  // A space just before a hard break is noise too.
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i] as Segment;
    if (s.node && segments[i + 1]?.text === '\n') s.text = s.text.replace(/ +$/, '');
  }
}
