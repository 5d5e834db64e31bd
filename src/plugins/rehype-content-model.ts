/**
 * rehype plugin: every element the author's HTML puts somewhere it may not stand in EPUB 3
 * XHTML is kept, as a `<span>` or `<div>`, with a warning (`html/misnested`). The HTML parser
 * accepts `<pre>` holding a `<p>`, a `<span>` holding a list, or an `<li>` with no list around
 * it; EPUBCheck rejects the whole book for it (RSC-005). So, walking the tree:
 * - inside an element that may hold only phrasing content (`p`, `pre`, `h1`–`h6`, `span`, `em` …;
 *   `a`, `ins` and `del` take their parent's), an element that is not phrasing becomes a `<span>`
 *   (a `<summary>` may also hold one heading);
 * - an element that needs a certain parent (`li` a list, `dt`/`dd` a `dl`, `figcaption` a
 *   `figure`, `summary` a `details`, `rt`/`rp` a `ruby`) and has another becomes a `<div>`, or a
 *   `<span>` where only phrasing may stand.
 * The element keeps its text, children, id, class, language and title; an `<hr>` where only
 * phrasing may stand, which has no text, is taken out.
 */
import type { Element, ElementContent, Parent, Properties, Root } from 'hast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { warn } from './messages.ts';

type Context = 'flow' | 'phrasing' | 'summary';

export const PHRASING = new Set(
  'a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q ruby s samp small span strong sub sup time u var wbr'.split(
    ' ',
  ),
);
/** Elements whose content may be phrasing only. */
const PHRASING_ONLY = new Set(
  'p pre h1 h2 h3 h4 h5 h6 span em strong small s cite q dfn abbr ruby data time code var samp kbd sub sup i b u mark bdi bdo'.split(
    ' ',
  ),
);
/** Elements whose content model is their parent's. */
const TRANSPARENT = new Set(['a', 'ins', 'del']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PARENTS: Record<string, string[]> = {
  li: ['ul', 'ol', 'menu'],
  dt: ['dl', 'div'],
  dd: ['dl', 'div'],
  figcaption: ['figure'],
  summary: ['details'],
  rt: ['ruby'],
  rp: ['ruby'],
};
const KEPT_PROPERTIES = ['id', 'className', 'lang', 'dir', 'title'];

export const rehypeContentModel: Plugin<[], Root> = () => (tree, file) => {
  walk(tree, 'flow', file);
};

function walk(parent: Root | Element, context: Context, file: VFile): void {
  const parentName = parent.type === 'element' ? parent.tagName : '';
  const children: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    const name = child.tagName;
    const needs = PARENTS[name];
    const placed = needs ? needs.includes(parentName) : allowedIn(name, context);
    if (!placed) {
      if (name === 'hr' && context !== 'flow') {
        report(file, child, `\`<hr>\` cannot stand inside \`<${parentName}>\`: it is taken out (it has no text)`);
        continue;
      }
      const as = context === 'flow' ? 'div' : 'span';
      report(
        file,
        child,
        needs
          ? `\`<${name}>\` belongs in ${needs.map((n) => `\`<${n}>\``).join(' or ')}: it is made a \`<${as}>\`, its text kept`
          : `\`<${name}>\` cannot stand inside \`<${parentName}>\`: it is made a \`<${as}>\`, its text kept`,
      );
      child.tagName = as;
      child.properties = kept(child.properties);
    }
    walk(child, inner(child.tagName, context), file);
    children.push(child);
  }
  (parent as Parent).children = children;
}

function allowedIn(name: string, context: Context): boolean {
  if (context === 'flow') return true;
  return PHRASING.has(name) || (context === 'summary' && HEADINGS.has(name));
}

function inner(name: string, context: Context): Context {
  if (TRANSPARENT.has(name)) return context === 'summary' ? 'phrasing' : context;
  if (name === 'summary') return 'summary';
  return PHRASING_ONLY.has(name) ? 'phrasing' : context === 'flow' ? 'flow' : 'phrasing';
}

function kept(properties: Properties): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([key]) => KEPT_PROPERTIES.includes(key)));
}

function report(file: VFile, node: Element, reason: string): void {
  warn(file, 'html/misnested', node.position?.start, {
    reason,
    hint: 'Close the element before the block begins, or use a <div> to group blocks.',
  });
}
