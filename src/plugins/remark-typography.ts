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

/** A URL written out in the text; GFM makes most of them links, plain text does not. */
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?'")\]]/g;

/**
 * A piece of a block's text. `node` is the text node it belongs to (several pieces may share
 * one); `verbatim` pieces — inline objects and URLs — are never changed and count as one word
 * character when quotes are decided.
 */
interface Segment {
  node: Text | undefined;
  text: string;
  verbatim: boolean;
}

export const remarkTypography: Plugin<[TypographyOptions?], Root> = (options = {}) => {
  const marks = quoteMarksFor(options.language ?? 'en');
  const quotes = options.quotes ?? true;
  const punctuation = options.punctuation ?? true;

  return (tree) => {
    visit(tree, (node) => {
      if (!BLOCKS.has(node.type)) return;
      const segments = collect(node as Parent, []);
      const editable = segments.filter((s) => !s.verbatim);
      if (punctuation) {
        for (const s of editable) s.text = fixDashesEllipsesSpaces(s.text);
        trimBlock(segments);
      }
      if (quotes) {
        const curled = educateQuotes(segments.map((s) => (s.verbatim ? WORD_STAND_IN : s.text)).join(''), marks);
        let at = 0;
        for (const s of segments) {
          const length = s.verbatim ? 1 : s.text.length;
          if (!s.verbatim) s.text = curled.slice(at, at + length);
          at += length;
        }
      }
      writeBack(segments);
    });
  };
};

/** The block's inline content in reading order, as segments. */
function collect(parent: Parent, into: Segment[]): Segment[] {
  for (const child of parent.children as PhrasingContent[]) {
    if (child.type === 'text') splitUrls(child, into);
    else if (child.type === 'break') into.push({ node: undefined, text: '\n', verbatim: false });
    else if (OBJECTS.has(child.type) || (child.type === 'link' && isBareUrl(child))) {
      into.push({ node: undefined, text: '', verbatim: true });
    } else if ('children' in child) collect(child, into);
    // Raw HTML adds no text: a quote next to a tag is judged by the text beyond it.
  }
  return into;
}

/** Inline objects that stand in the text like a word. */
const OBJECTS = new Set(['inlineCode', 'image', 'imageReference', 'footnoteReference']);

/** A text node as segments, any URL in it kept verbatim. */
function splitUrls(node: Text, into: Segment[]): void {
  let at = 0;
  for (const url of node.value.matchAll(URL_IN_TEXT)) {
    into.push({ node, text: node.value.slice(at, url.index), verbatim: false });
    into.push({ node, text: url[0], verbatim: true });
    at = url.index + url[0].length;
  }
  into.push({ node, text: node.value.slice(at), verbatim: false });
}

/** Each text node's new value: its segments joined again. */
function writeBack(segments: Segment[]): void {
  const values = new Map<Text, string>();
  for (const s of segments) if (s.node) values.set(s.node, (values.get(s.node) ?? '') + s.text);
  for (const [node, value] of values) node.value = value;
}

function isBareUrl(link: Link): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  return only?.type === 'text' && (only.value === link.url || link.url.endsWith(only.value));
}

/** Drops spaces at the block's ends, doubled spaces where two pieces meet, and spaces before a hard break. */
function trimBlock(segments: Segment[]): void {
  const texts = segments.filter((s) => s.text !== '' || s.verbatim);
  const first = texts[0];
  if (first && !first.verbatim) first.text = first.text.replace(/^ +/, '');
  const last = texts.at(-1);
  if (last && !last.verbatim) last.text = last.text.replace(/ +$/, '');
  for (let i = 1; i < texts.length; i++) {
    const before = texts[i - 1] as Segment;
    const current = texts[i] as Segment;
    if (!current.verbatim && /[ \n]$/.test(before.text)) current.text = current.text.replace(/^ +/, '');
    if (!before.verbatim && current.text === '\n' && current.node === undefined) before.text = before.text.replace(/ +$/, '');
  }
}
