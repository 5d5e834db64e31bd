/**
 * What rehype-safe-html takes out keeps its words. A book cannot hold a form, a media player, an
 * embedded page, a script's fallback, or a drawing or formula typed inline — but the words the
 * author wrote inside them are the author's. Before the sanitiser runs, every element it would
 * not keep is replaced here by what it holds, with a warning (`html/removed`) at its place:
 * - most by their content, which the sanitiser then checks like any other (`<noscript>`,
 *   `<form>`, `<button>`, `<object>`, `<video>` and `<audio>` fallback, `<canvas>`, `<font>`,
 *   `<article>` …); a `<template>` by the content it holds apart;
 * - `<iframe>`, `<noembed>` and `<noframes>`, whose fallback the HTML parser keeps as raw text,
 *   by that text read as HTML;
 * - those whose words are only text — `<textarea>`, `<select>` and its options, `<title>`, inline
 *   `<svg>` (its `<text>`, titles and descriptions) and `<math>` (MathML) — by their text;
 * - `<input>` by the value or placeholder it shows, `<area>` by its `alt` text.
 * Only `<script>` and `<style>`, which hold code, and empty elements (`<source>`, `<meta>` …) are
 * left for the sanitiser to remove. An element that is not a run of text (an option, a block, an
 * SVG `<text>`, a MathML token) is set apart from its neighbours by a space, so words do not run
 * together; what lands loose in a block container is made a paragraph.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { fatalAt, warn } from './messages.ts';
import { PHRASING } from './rehype-content-model.ts';

/** Removed with their content (code), or empty: the sanitiser's to remove. */
const LEFT = new Set('script style base embed link meta source track param keygen'.split(' '));
/** Whose raw text is fallback HTML. */
const REPARSED = new Set(['iframe', 'noembed', 'noframes']);
/** Whose words are only their text. */
const TEXT_ONLY = new Set('textarea select datalist optgroup option title svg math'.split(' '));
/** Parts of a media player or plug-in, removed with it. */
const PLAYER_PARTS = new Set(['source', 'track', 'param']);
/** Elements that are runs of text, not units of their own: nothing sets them apart. */
const RUNS = new Set([
  ...PHRASING,
  ...'font big tt strike blink nobr acronym basefont label output meter progress slot tspan textPath tref'.split(' '),
]);
/** Where loose text is made a paragraph. */
const BLOCK_CONTAINERS = new Set('section div blockquote aside header footer details figure article'.split(' '));
/** What a book cannot hold, by element. */
const KINDS: [string, string[]][] = [
  ['scripts (this is the text for readers without them)', ['noscript', 'template']],
  ['forms', ['form', 'input', 'button', 'select', 'textarea', 'datalist', 'optgroup', 'option', 'fieldset', 'legend']],
  ['embedded pages or plug-ins', ['iframe', 'frame', 'frameset', 'noframes', 'object', 'applet', 'noembed']],
  ['media players', ['audio', 'video', 'canvas']],
  ['a drawing typed into the text', ['svg']],
  ['MathML formulas', ['math']],
  ['a document title of its own', ['title']],
];

/** Whether the sanitiser keeps an element of this name. */
type Allowed = (name: string) => boolean;

/** Replaces each element the sanitiser would not keep (except code and empty ones) by what it holds. */
export function keepRemovedText(tree: Root, file: VFile, allowed: Allowed): void {
  walk(tree, file, allowed);
}

type Parent = Root | Element;
type Node = RootContent | ElementContent;

function walk(parent: Parent, file: VFile, allowed: Allowed, holder = false): void {
  const out: Node[] = [];
  const inserted = new Set<Node>();
  // After a unit of its own, a space goes before whatever touches it.
  let apart = false;
  const push = (node: Node, isInserted: boolean) => {
    if (apart) separate(out, node);
    apart = false;
    out.push(node);
    if (isInserted) inserted.add(node);
  };
  for (const child of parent.children) {
    if (child.type !== 'element' || allowed(child.tagName) || LEFT.has(child.tagName)) {
      if (child.type === 'element') walk(child, file, allowed);
      push(child, false);
      continue;
    }
    const holder: Root = { type: 'root', children: contentOf(child) as RootContent[] };
    walk(holder, file, allowed, true);
    report(child, holder.children, file);
    const unit = !RUNS.has(child.tagName);
    apart ||= unit;
    for (const node of holder.children) push(node, true);
    apart ||= unit;
  }
  // What a removed element held is made paragraphs where it lands, not inside it.
  parent.children = (!holder && isBlockContainer(parent) ? paragraphs(out, inserted) : out) as typeof parent.children;
}

/** What stands in an element's place. */
function contentOf(node: Element): Node[] {
  const name = node.tagName;
  if (name === 'template') return (node as Element & { content?: Root }).content?.children ?? [];
  if (name === 'input') return textNodes(inputText(node));
  if (name === 'area') return textNodes(String(node.properties.alt ?? '').trim());
  if (TEXT_ONLY.has(name)) return textNodes(textOnly(node));
  if (REPARSED.has(name)) return node.children.flatMap((child) => (child.type === 'text' ? reparse(child) : [child]));
  return node.children.filter((child) => !(child.type === 'element' && PLAYER_PARTS.has(child.tagName)));
}

function textNodes(value: string): Text[] {
  return value ? [{ type: 'text', value }] : [];
}

/** The text of an element, each unit of its own set apart; for MathML, its alternative text when it has none. */
function textOnly(node: Element): string {
  const parts: string[] = [];
  const collect = (n: Element, skip: Set<string>) => {
    for (const child of n.children) {
      if (child.type === 'text') parts.push(child.value);
      else if (child.type === 'element' && !skip.has(child.tagName)) {
        const apart = !RUNS.has(child.tagName);
        if (apart) parts.push(' ');
        // A group of options shows its label.
        if (child.tagName === 'optgroup' && child.properties.label) parts.push(String(child.properties.label), ' ');
        collect(child, skip);
        if (apart) parts.push(' ');
      }
    }
  };
  collect(node, new Set(['script', 'style', 'annotation', 'annotation-xml']));
  let text = parts.join('').replace(/\s+/g, ' ').trim();
  if (!text && node.tagName === 'math') {
    collect(node, new Set(['script', 'style']));
    text = parts.join('').replace(/\s+/g, ' ').trim() || String(node.properties.alttext ?? '').trim();
  }
  return text;
}

/** What an `<input>` shows: its value, else its placeholder (not a hidden field's, a box's or a password). */
function inputText(node: Element): string {
  const type = String(node.properties.type ?? 'text').toLowerCase();
  if (['hidden', 'checkbox', 'radio', 'file', 'range', 'color', 'password'].includes(type)) return '';
  const shown = type === 'image' ? node.properties.alt : (node.properties.value ?? node.properties.placeholder);
  return String(shown ?? '').trim();
}

/** An element's raw text read as HTML, its places in the file (lines and columns; offsets are not known). */
function reparse(text: Text): Node[] {
  const tree = fromHtml(text.value, { fragment: true });
  const start = text.position?.start;
  const shift = (point: Point): Point => ({
    line: (start?.line ?? 1) + point.line - 1,
    column: point.line === 1 ? (start?.column ?? 1) + point.column - 1 : point.column,
  });
  const move = (node: Node) => {
    if (!start || !node.position) delete node.position;
    else node.position = { start: shift(node.position.start), end: shift(node.position.end) } as Position;
    if (node.type === 'element') node.children.forEach(move);
  };
  tree.children.forEach(move);
  return tree.children.filter((n): n is ElementContent => n.type !== 'doctype');
}

function report(node: Element, kept: Node[], file: VFile): void {
  // One left open is reported as that (remark-unclosed), not as removed too.
  if (fatalAt(file, node.position)) return;
  const name = node.tagName;
  const kind = KINDS.find(([, names]) => names.includes(name))?.[0];
  const hasText = kept.some(function holds(n: Node): boolean {
    return (n.type === 'text' && n.value.trim() !== '') || (n.type === 'element' && n.children.some(holds));
  });
  const why = kind ? `a book cannot hold ${kind}` : 'EPUB readers do not support it';
  const reason = !hasText
    ? `removed \`<${name}>\`: ${why} (it held no text)`
    : kind
      ? `removed \`<${name}>\`, keeping its text: ${why}`
      : `removed the \`<${name}>\` tag (its text is kept): ${why}`;
  const hint =
    name === 'svg'
      ? 'To show the drawing, save it as an .svg file and put it in as an image: ![what it shows](drawing.svg).'
      : name === 'math'
        ? 'To show the formula, put it in as an image (an .svg file), or write it out in words.'
        : undefined;
  warn(file, 'html/removed', node.position, { reason, ...(hint ? { hint } : {}) });
}

function space(): Text {
  return { type: 'text', value: ' ' };
}

/** A space between what comes before and the next node, when they would otherwise touch. */
function separate(out: Node[], next: Node): void {
  const last = out.at(-1);
  if (!last) return;
  // A block element stands apart already.
  const endsInWord = (last.type === 'element' && PHRASING.has(last.tagName)) || (last.type === 'text' && /\S$/.test(last.value));
  const startsWord = (next.type === 'element' && PHRASING.has(next.tagName)) || (next.type === 'text' && /^\S/.test(next.value));
  if (endsInWord && startsWord) out.push(space());
}

function isBlockContainer(parent: Parent): boolean {
  return parent.type === 'root' || BLOCK_CONTAINERS.has(parent.tagName);
}

/** Runs of loose text and phrasing put in place of a removed element, each made a paragraph. */
function paragraphs(nodes: Node[], inserted: Set<Node>): Node[] {
  const out: Node[] = [];
  let run: Node[] = [];
  const flush = () => {
    const words = run.some((n) => inserted.has(n) && (n.type !== 'text' || n.value.trim() !== ''));
    if (!words) out.push(...run);
    else {
      const start = run.findIndex((n) => n.type !== 'text' || n.value.trim() !== '');
      const end = run.findLastIndex((n) => n.type !== 'text' || n.value.trim() !== '');
      out.push(...run.slice(0, start));
      const children = run.slice(start, end + 1) as ElementContent[];
      const first = children[0];
      const last = children.at(-1);
      if (first?.type === 'text') children[0] = { ...first, value: first.value.trimStart() };
      if (last?.type === 'text')
        children[children.length - 1] = { ...(children.at(-1) as Text), value: (children.at(-1) as Text).value.trimEnd() };
      out.push({ type: 'element', tagName: 'p', properties: {}, children });
      out.push(...run.slice(end + 1));
    }
    run = [];
  };
  for (const node of nodes) {
    const inline = node.type === 'text' || (node.type === 'element' && PHRASING.has(node.tagName));
    if (inline) run.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}
