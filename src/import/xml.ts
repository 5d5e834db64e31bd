/**
 * Small helpers over xast trees of WordprocessingML parts (document.xml, footnotes.xml, …): find
 * elements by qualified name, read attributes and shown text, cut an element in two at a
 * descendant, number the body's paragraphs. Element names are matched as written (`w:p`), so a
 * part must use the usual `w:` prefix for the WordprocessingML namespace; `wordPrefixIsUsual`
 * tells whether it does.
 */
import type { Element, ElementContent, Root, RootContent } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';

export type XmlNode = Root | RootContent;

export function parseXml(text: string): Root {
  return fromXml(text);
}

export function serializeXml(tree: Root): string {
  return toXml(tree);
}

export function isElement(node: XmlNode | undefined, name?: string): node is Element {
  return node?.type === 'element' && (name === undefined || node.name === name);
}

/** The first element child called `name`. */
export function child(node: Element | undefined, name: string): Element | undefined {
  return node?.children.find((c): c is Element => isElement(c, name));
}

/** Every element descendant (in document order) for which `test` holds; does not look inside matches when `stop` is true. */
export function descendants(node: Root | Element, test: (el: Element) => boolean, stop = false): Element[] {
  const found: Element[] = [];
  const walk = (parent: Root | Element) => {
    for (const c of parent.children) {
      if (c.type !== 'element') continue;
      if (test(c)) {
        found.push(c);
        if (stop) continue;
      }
      walk(c);
    }
  };
  walk(node);
  return found;
}

export function named(node: Root | Element, name: string): Element[] {
  return descendants(node, (el) => el.name === name);
}

export function attr(node: Element | undefined, name: string): string | undefined {
  const value = node?.attributes[name];
  return value === null || value === undefined ? undefined : String(value);
}

/** The root element of a part (`w:document`, `w:footnotes`, …). */
export function rootElement(tree: Root): Element | undefined {
  return tree.children.find((c): c is Element => c.type === 'element');
}

/** True when the part's root binds the WordprocessingML namespace (transitional or strict) to `w`, or binds none. */
export function wordPrefixIsUsual(tree: Root): boolean {
  const root = rootElement(tree);
  if (!root) return true;
  for (const [key, value] of Object.entries(root.attributes)) {
    if (!key.startsWith('xmlns:') || typeof value !== 'string') continue;
    if (/wordprocessingml\/(2006\/)?main$/.test(value) && key !== 'xmlns:w') return false;
  }
  return true;
}

/**
 * The text Word shows for an element: `w:t` (and `w:delText` when `deleted`), tabs and breaks as
 * spaces, non-breaking hyphens; field codes (`w:instrText`) are not shown, so not counted.
 */
export function shownText(node: Element, deleted = false): string {
  let text = '';
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.name === 'w:t' || (deleted && c.name === 'w:delText')) text += plain(c);
      else if (c.name === 'w:tab' || c.name === 'w:br' || c.name === 'w:cr') text += ' ';
      else if (c.name === 'w:noBreakHyphen') text += '\u2011';
      else if (c.name === 'm:t') text += plain(c);
      else walk(c);
    }
  };
  walk(node);
  return text;
}

/** The character data inside an element. */
export function plain(node: Element): string {
  let text = '';
  for (const c of node.children) {
    if (c.type === 'text' || c.type === 'cdata') text += c.value;
    else if (c.type === 'element') text += plain(c);
  }
  return text;
}

export function makeElement(name: string, attributes: Element['attributes'], children: ElementContent[] = []): Element {
  return { type: 'element', name, attributes, children };
}

/** A run holding `text`. */
export function textRun(text: string): Element {
  return makeElement('w:r', {}, [makeElement('w:t', { 'xml:space': 'preserve' }, [{ type: 'text', value: text }])]);
}

/**
 * Cuts `node` in two around `target`, a descendant: the first copy holds what comes before it, the
 * second what comes after; `target` itself is in neither. Ancestors between them are cut the same
 * way, so each half keeps its run and paragraph properties.
 */
export function splitAround(node: Element, target: Element): [Element, Element] {
  const index = node.children.findIndex((c) => c === target || (c.type === 'element' && contains(c, target)));
  const before = node.children.slice(0, index);
  const after = node.children.slice(index + 1);
  const holder = node.children[index];
  const keep = (c: ElementContent) => c.type === 'element' && /:(pPr|rPr)$/.test(c.name);
  const props = before.filter(keep);
  if (holder && holder !== target && holder.type === 'element') {
    const [left, right] = splitAround(holder, target);
    before.push(left);
    after.unshift(right);
  }
  return [
    { ...node, children: before },
    { ...node, children: [...props.map((p) => structuredClone(p)), ...after.filter((c) => !keep(c))] },
  ];
}

export function contains(node: Element, target: Element): boolean {
  return node.children.some((c) => c === target || (c.type === 'element' && contains(c, target)));
}

/** The attribute that keeps a paragraph's number in the document as the author saved it. */
export const PARA_NUMBER = 'galley-para';

/** Numbers the body's paragraphs (1, 2, … in document order, tables included) before anything moves them. */
export function numberParagraphs(tree: Root): void {
  let count = 0;
  const walk = (parent: Root | Element, inBox: boolean) => {
    for (const c of parent.children) {
      if (c.type !== 'element') continue;
      // A text box's paragraphs are not the body's: they are numbered as the paragraph they sit in.
      if (c.name === 'w:p') c.attributes[PARA_NUMBER] = String(inBox ? Math.max(count, 1) : ++count);
      walk(c, inBox || c.name === 'w:txbxContent');
    }
  };
  walk(tree, false);
}

/**
 * Where each element is: the number of the paragraph it is in (its own, for a paragraph), as
 * `numberParagraphs` gave it (numbered 1, 2, … in document order, tables included; text boxes not) (a paragraph added since takes the number of the one before it).
 * Elements outside every paragraph (a table, a content control) get the next paragraph's number.
 */
export function paragraphNumbers(tree: Root): Map<Element, number> {
  const numbers = new Map<Element, number>();
  const pending: Element[] = [];
  let last = 0;
  const walk = (parent: Root | Element, paragraph: number | undefined) => {
    for (const c of parent.children) {
      if (c.type !== 'element') continue;
      let here = paragraph;
      if (c.name === 'w:p') {
        const given = Number(c.attributes[PARA_NUMBER]);
        here = Number.isInteger(given) && given > 0 ? given : Math.max(last, 1);
        last = here;
        for (const p of pending.splice(0)) numbers.set(p, here);
      }
      if (here === undefined) pending.push(c);
      else numbers.set(c, here);
      walk(c, here);
    }
  };
  walk(tree, undefined);
  for (const p of pending) numbers.set(p, last);
  return numbers;
}

/** Parents of every element, for edits that replace a node where it stands. */
export function parentsOf(tree: Root): Map<Element, Root | Element> {
  const parents = new Map<Element, Root | Element>();
  const walk = (parent: Root | Element) => {
    for (const c of parent.children) {
      if (c.type !== 'element') continue;
      parents.set(c, parent);
      walk(c);
    }
  };
  walk(tree);
  return parents;
}

/** Replaces `node` in its parent by `replacement` (nothing when empty). */
export function replaceNode(parents: Map<Element, Root | Element>, node: Element, replacement: ElementContent[]): void {
  const parent = parents.get(node);
  if (!parent) return;
  const index = parent.children.indexOf(node);
  if (index < 0) return;
  (parent.children as ElementContent[]).splice(index, 1, ...replacement);
  for (const r of replacement) if (r.type === 'element') parents.set(r, parent);
}
