/**
 * An SVG image made safe to put in a book: nothing in it may run or reach outside it. Parsed as
 * XML (xast-util-from-xml), it loses
 * - elements that run or embed things: `script`, `foreignObject` (HTML inside an image),
 *   `iframe`, `object`, `embed`, `audio`, `video`, `canvas`, `handler`, `listener`; an animation
 *   that would set a link or an event handler;
 * - event handler attributes (`onload`, `onclick`, …) and `xml:base`;
 * - references that are not to a part of the image itself (`href="#part"`): a file, a `file:`
 *   or web address, `javascript:`; kept are web and mail links on `<a>` (they load nothing) and
 *   raster images embedded as `data:` URLs;
 * - in CSS, `@import` and anything that loads from outside (src/book/svg-css.ts);
 * - processing instructions other than the XML declaration (`<?xml-stylesheet?>`), and the
 *   DOCTYPE (an SVG needs none);
 * - a reference to a part the image does not have (`href="#gone"`, `fill="url(#gone)"`): it
 *   draws nothing, and EPUBCheck counts it an error.
 *
 * Each removal is listed with its line in the SVG, so the author can be told. What is kept is
 * left as written. A file that is not well-formed XML, or whose root is not `<svg>`, is refused.
 */
import type { Element, ElementContent, Nodes, Root, RootContent } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';
import { cleanCss, isFragment } from './svg-css.ts';

export interface SvgRemoval {
  /** What was removed, e.g. `<script>`, `onload="…"`, `@import url(…)`. */
  what: string;
  /** Its line in the SVG file. */
  line: number | undefined;
  /** Why, when it is not that it could run or load something. */
  why?: string;
}

export type SanitizedSvg =
  | { ok: true; svg: string; removed: SvgRemoval[] }
  | { ok: false; reason: string; line: number | undefined; column: number | undefined };

const SVG_NS = 'http://www.w3.org/2000/svg';
const REMOVED_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'object',
  'embed',
  'audio',
  'video',
  'canvas',
  'handler',
  'listener',
]);
const ANIMATIONS = new Set(['set', 'animate', 'animatecolor', 'animatemotion', 'animatetransform']);
const LINK = /^\s*(?:https?:|mailto:)/i;
const EMBEDDED_RASTER = /^\s*data:image\/(?:png|jpeg|gif|webp)[;,]/i;

/** `xlink:href` → `href`, lower case. */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** Deeper than any drawing nests (the walks below recurse; a hostile file must not overflow them). */
export const MAX_DEPTH = 500;

export function sanitizeSvg(text: string): SanitizedSvg {
  let tree: Root;
  try {
    tree = fromXml(text);
  } catch (error) {
    const cause = (error as { cause?: Error }).cause;
    if (error instanceof RangeError || cause instanceof RangeError) return tooDeep();
    const place = error as { line?: number; column?: number };
    const reason = (cause?.message ?? String(error)).split('\n')[0]?.replace(/\s*\(line \d+, column \d+\)$/, '') ?? '';
    return { ok: false, reason, line: place.line, column: place.column };
  }
  const root = tree.children.find((node): node is Element => node.type === 'element');
  if (!root || localName(root.name) !== 'svg') {
    return { ok: false, reason: `its root element is <${root?.name ?? 'none'}>, not <svg>`, line: 1, column: 1 };
  }
  if (depthOf(root) > MAX_DEPTH) return tooDeep();
  // An SVG read as a separate file needs its namespace; adding it takes nothing away.
  const namespaced = Boolean(root.attributes.xmlns) || root.name.includes(':');
  if (!namespaced) root.attributes.xmlns = SVG_NS;
  const removed: SvgRemoval[] = [];
  const before = tree.children.length;
  tree.children = tree.children.filter((node) => keepTopLevel(node, removed));
  cleanElement(root, removed);
  dropDanglingReferences(root, idsOf(root), removed);
  // Nothing to take out: the file stays byte for byte as the author saved it.
  if (removed.length === 0 && namespaced && tree.children.length === before) return { ok: true, svg: text, removed };
  return { ok: true, svg: toXml(tree), removed };
}

function tooDeep(): SanitizedSvg {
  return { ok: false, reason: `its elements are nested more than ${MAX_DEPTH} levels deep`, line: undefined, column: undefined };
}

/** How deep elements nest, counted without recursion. */
function depthOf(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [element, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of element.children) if (child.type === 'element') stack.push([child, depth + 1]);
  }
  return deepest;
}

function lineOf(node: Nodes): number | undefined {
  return node.position?.start.line;
}

function keepTopLevel(node: RootContent, removed: SvgRemoval[]): boolean {
  if (node.type === 'doctype') return false;
  if (node.type === 'instruction' && node.name !== 'xml') {
    removed.push({ what: shorten(`<?${node.name} ${node.value}?>`), line: lineOf(node) });
    return false;
  }
  return true;
}

function cleanElement(element: Element, removed: SvgRemoval[]): void {
  const name = localName(element.name);
  for (const [attribute, value] of Object.entries(element.attributes)) {
    if (value === null || value === undefined) continue;
    if (localName(attribute) === 'style') {
      const clean = cleanCss(value, 'declarationList');
      for (const what of clean.removed) removed.push({ what: `style="${what}"`, line: lineOf(element) });
      if (clean.removed.length === 0) continue;
      if (clean.css.trim() === '') delete element.attributes[attribute];
      else element.attributes[attribute] = clean.css;
    } else if (unsafeAttribute(name, attribute, value)) {
      delete element.attributes[attribute];
      removed.push({ what: shorten(`${attribute}="${value}"`), line: lineOf(element) });
    }
  }
  if (name === 'style') cleanStyleElement(element, removed);
  element.children = element.children.filter((child) => keepChild(child, removed));
  for (const child of element.children) if (child.type === 'element') cleanElement(child, removed);
}

/** True when an attribute (other than `style`) could run something or load from outside. */
function unsafeAttribute(element: string, attribute: string, value: string): boolean {
  const local = localName(attribute);
  if (local.startsWith('on') || attribute.toLowerCase() === 'xml:base') return true;
  if (local === 'href' || local === 'src') {
    if (isFragment(value)) return false;
    if (element === 'a' && LINK.test(value)) return false;
    return !((element === 'image' || element === 'feimage') && EMBEDDED_RASTER.test(value));
  }
  // A presentation attribute is CSS: `fill="url(#g)"` stays, `fill="url(http://…)"` goes.
  return (value.includes('(') || value.includes('\\')) && cleanCss(value, 'value').removed.length > 0;
}

function cleanStyleElement(element: Element, removed: SvgRemoval[]): void {
  const css = element.children.map((child) => (child.type === 'text' || child.type === 'cdata' ? child.value : '')).join('');
  const clean = cleanCss(css, 'stylesheet');
  if (clean.removed.length === 0) return;
  for (const what of clean.removed) removed.push({ what, line: lineOf(element) });
  element.children = [{ type: 'text', value: clean.css }];
}

function keepChild(child: ElementContent, removed: SvgRemoval[]): boolean {
  if (child.type === 'instruction') {
    removed.push({ what: shorten(`<?${child.name} ${child.value}?>`), line: lineOf(child) });
    return false;
  }
  if (child.type !== 'element') return true;
  const name = localName(child.name);
  const animatesUnsafe =
    ANIMATIONS.has(name) && /^(?:.*:)?(?:href|src)$|^(?:.*:)?on/i.test((child.attributes.attributeName ?? '').trim());
  if (REMOVED_ELEMENTS.has(name) || animatesUnsafe) {
    removed.push({ what: `<${child.name}>`, line: lineOf(child) });
    return false;
  }
  return true;
}

function idsOf(element: Element, ids = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(element.attributes)) {
    if ((key === 'id' || key === 'xml:id') && value) ids.add(value.trim());
  }
  for (const child of element.children) if (child.type === 'element') idsOf(child, ids);
  return ids;
}

const LOCAL_URL = /url\(\s*["']?\s*#([^)"'\s]*)/gi;

/** Links (`href="#x"`) and paints (`fill="url(#x)"`) to an id the image does not have. */
function dropDanglingReferences(element: Element, ids: Set<string>, removed: SvgRemoval[]): void {
  for (const [attribute, value] of Object.entries(element.attributes)) {
    if (value === null || value === undefined) continue;
    const local = localName(attribute);
    let dangling: boolean;
    if (local === 'href' || local === 'src') dangling = isFragment(value) && !ids.has(value.trim().slice(1));
    else if (local === 'style') dangling = false;
    else dangling = [...value.matchAll(LOCAL_URL)].some((match) => !ids.has(match[1] ?? ''));
    if (!dangling) continue;
    delete element.attributes[attribute];
    removed.push({ what: shorten(`${attribute}="${value}"`), line: lineOf(element), why: 'the image has no such part' });
  }
  for (const child of element.children) if (child.type === 'element') dropDanglingReferences(child, ids, removed);
}
