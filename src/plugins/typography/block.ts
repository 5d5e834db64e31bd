/**
 * A block (paragraph, heading, table cell) as one string, so the typographic pass can read it
 * across emphasis, links and other inline nodes, and the way back: each change lands in the text
 * node it came from. Inline code, images, footnote calls and URLs stand in the string as one
 * OBJECT character and are never changed; a hard break is one BREAK character; raw HTML adds
 * nothing (a quote next to a tag is judged by the text beyond it), except `<br>`, a break.
 */
import type { Image, Link, Parent, PhrasingContent, Text } from 'mdast';
import { BREAK_CHAR, OBJECT_CHAR } from './chars.ts';
import type { Edits } from './edits.ts';

/** A piece of the block's string: [start, end). */
export interface Segment {
  start: number;
  end: number;
  /** The text node the piece comes from; undefined for an object or a break. */
  node: Text | undefined;
  /** Where the piece starts in its node's value. */
  offset: number;
  /** A URL inside a text node: kept exactly as written (`verbatim`). */
  verbatim: string | undefined;
}

export interface Block {
  parent: Parent;
  text: string;
  segments: Segment[];
  /** Where raw HTML stands in the text (it adds no characters): spaces on its two sides are not one run. */
  html: number[];
}

/** A URL written out in text; GFM makes most of them links, plain text does not. */
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?'")\]]/g;
const LINE_BREAK_HTML = /^<br\s*\/?>$/i;
const NO_HTML: number[] = [];
const OBJECTS = new Set(['inlineCode', 'image', 'imageReference', 'footnoteReference', 'inlineMath']);

/** The block's string and segments; images met on the way are added to `images` (their descriptions are set too). */
export function collectBlock(parent: Parent, images: Image[]): Block {
  const children = parent.children as PhrasingContent[];
  const only = children.length === 1 ? children[0] : undefined;
  if (only?.type === 'text' && !mayHoldUrl(only.value)) {
    const text = only.value;
    return {
      parent,
      text,
      segments: [{ start: 0, end: text.length, node: only, offset: 0, verbatim: undefined }],
      html: NO_HTML,
    };
  }
  const parts: string[] = [];
  const segments: Segment[] = [];
  const html: number[] = [];
  collect(children, parts, segments, { length: 0, html }, images);
  return { parent, text: parts.join(''), segments, html };
}

function collect(
  children: PhrasingContent[],
  parts: string[],
  segments: Segment[],
  at: { length: number; html: number[] },
  images: Image[],
): void {
  const add = (text: string, node: Text | undefined, offset: number, verbatim?: string) => {
    segments.push({ start: at.length, end: at.length + text.length, node, offset, verbatim });
    parts.push(text);
    at.length += text.length;
  };
  for (const child of children) {
    if (child.type === 'text') {
      if (!mayHoldUrl(child.value)) {
        add(child.value, child, 0);
        continue;
      }
      let from = 0;
      for (const url of child.value.matchAll(URL_IN_TEXT)) {
        if (url.index > from) add(child.value.slice(from, url.index), child, from);
        add(OBJECT_CHAR, child, url.index, url[0]);
        from = url.index + url[0].length;
      }
      if (from < child.value.length || from === 0) add(child.value.slice(from), child, from);
    } else if (child.type === 'break') {
      add(BREAK_CHAR, undefined, 0);
    } else if (child.type === 'html') {
      if (LINE_BREAK_HTML.test(child.value)) add(BREAK_CHAR, undefined, 0);
      else at.html.push(at.length);
    } else if (OBJECTS.has(child.type) || (child.type === 'link' && isBareUrl(child))) {
      if (child.type === 'image') images.push(child);
      add(OBJECT_CHAR, undefined, 0);
    } else if ('children' in child) {
      collect(child.children as PhrasingContent[], parts, segments, at, images);
    }
  }
}

function mayHoldUrl(value: string): boolean {
  return value.includes('://') || value.includes('www.');
}

function isBareUrl(link: Link): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (only?.type !== 'text') return false;
  const url = link.url.replace(/^mailto:/, '');
  return only.value === url || url.endsWith(only.value);
}

/** The segment holding the block's character at `pos` (an insertion at a segment's end belongs to it). */
export function segmentAt(block: Block, pos: number): Segment | undefined {
  let found: Segment | undefined;
  for (const s of block.segments) {
    if (s.node === undefined || s.verbatim !== undefined) continue;
    if (pos >= s.start && pos < s.end) return s;
    if (pos === s.end) found = s;
  }
  return found;
}

/** Applies the edits (sorted, not overlapping) to the block's text nodes. */
export function applyEdits(block: Block, edits: Edits): void {
  const { text: src, segments } = block;
  const values = new Map<Text, string>();
  let e = 0;
  let skipTo = 0;
  const count = edits.length;
  for (let si = 0; si < segments.length; si++) {
    const seg = segments[si] as Segment;
    const node = seg.node;
    if (!node) continue;
    let out: string;
    if (seg.verbatim !== undefined) {
      out = seg.verbatim;
    } else {
      const next = segments[si + 1];
      const endsHere = !next || next.node === undefined || next.verbatim !== undefined;
      let at = Math.max(seg.start, skipTo);
      out = '';
      while (e < count) {
        const from = edits.from[e] as number;
        if (!(from < seg.end || (from === seg.end && endsHere))) break;
        if (from > at) out += src.slice(at, from);
        out += edits.text[e] as string;
        const to = edits.to[e] as number;
        if (to > at) at = to;
        e++;
      }
      if (at < seg.end) out += src.slice(at, seg.end);
      skipTo = at;
    }
    const before = values.get(node);
    values.set(node, before === undefined ? out : before + out);
  }
  for (const [node, value] of values) node.value = value;
}
