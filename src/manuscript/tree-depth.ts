/**
 * The depth of a parsed manuscript: every node that is a level of nesting (block quotes, lists,
 * emphasis, links, footnotes) and every raw HTML element, measured without recursion, so that it
 * can run before any recursive pass over the tree (see depth.ts).
 */
import type { Nodes, Parents } from 'mdast';
import type { Place } from '../errors.ts';
import { MAX_NESTING, type TooDeep } from './depth.ts';

/** Nodes that are a level of nesting, and how the author would name them. */
const LEVELS: Partial<Record<Nodes['type'], string>> = {
  blockquote: 'a block quote',
  list: 'a list',
  emphasis: 'emphasis',
  strong: 'strong emphasis',
  delete: 'strikethrough',
  link: 'a link',
  linkReference: 'a link',
  footnoteDefinition: 'a footnote',
};

/** Elements that never hold others (`<br>`), or that the HTML parser closes at their next sibling (`<p>`, `<li>`). */
const FLAT_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup rt rp tr td th thead tbody tfoot colgroup caption'.split(
    ' ',
  ),
);

/**
 * The first node nested more than `max` levels deep, walking the tree without recursion. Raw
 * HTML elements open in a parent count for the siblings after them, until closed or until the
 * parent ends (where the HTML parser closes them too).
 */
export function treeDepth(tree: Nodes, max = MAX_NESTING): TooDeep | undefined {
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, depth } = item;
    if (!('children' in node)) continue;
    const html: string[] = [];
    const children: { node: Nodes; depth: number }[] = [];
    for (const child of (node as Parents).children) {
      const level = LEVELS[child.type];
      const childDepth = depth + html.length + (level ? 1 : 0);
      if (level && childDepth > max) return { what: level, depth: childDepth, place: startOf(child) };
      if (child.type === 'html') {
        const deep = openElements(child.value, html, max - depth, startOf(child));
        if (deep) return { ...deep, depth: depth + deep.depth };
      }
      children.push({ node: child, depth: childDepth });
    }
    stack.push(...children.reverse());
  }
  return undefined;
}

/**
 * Updates `open` with the tags in `html`; the first element that makes more than `room` open is
 * returned. `element` says which names are elements (default: all; in raw text, which is not yet
 * parsed, Galley's known HTML elements, as the others are text).
 */
export function openElements(
  html: string,
  open: string[],
  room: number,
  start: Place,
  element: (name: string) => boolean = () => true,
): TooDeep | undefined {
  // Comments hold no tags; blank them out at the same length so offsets stay right.
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' '));
  for (const tag of text.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>/g)) {
    const name = (tag[2] as string).toLowerCase();
    if (FLAT_ELEMENTS.has(name) || !element(name)) continue;
    if (tag[1]) {
      const index = open.lastIndexOf(name);
      if (index !== -1) open.length = index;
    } else if (!tag[0].endsWith('/>')) {
      open.push(name);
      if (open.length > room) return { what: `<${name}>`, depth: open.length, place: offsetPlace(text, tag.index, start) };
    }
  }
  return undefined;
}

/** The place of `offset` in a node's value that starts at `start` (columns after a line break count from its start). */
function offsetPlace(text: string, offset: number, start: Place): Place {
  const before = text.slice(0, offset);
  const lineBreaks = before.split('\n').length - 1;
  if (lineBreaks === 0) return { line: start.line, column: start.column + offset };
  return { line: start.line + lineBreaks, column: offset - before.lastIndexOf('\n') };
}

function startOf(node: Nodes): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
