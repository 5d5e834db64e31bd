/**
 * CSS inside an SVG image (a `<style>` element, a `style` attribute, or a presentation attribute
 * such as `fill="url(#g)"`) made unable to reach outside the image: `@import` and every other
 * at-rule that is not plain layout go, and so does each declaration that refers to anything but
 * a fragment of the image itself (`url(…)`, `image-set(…)`, `src(…)`). Parsed with css-tree; CSS
 * escapes in names (`@\69mport`, `u\72l(`) are decoded before they are judged, and a piece of CSS
 * the parser could not read is dropped when it could hide a reference. CSS with nothing to remove
 * is kept exactly as written.
 */
import { createRequire } from 'node:module';
import type * as CssTree from 'css-tree';

const load = createRequire(import.meta.url);

/** css-tree, loaded the first time an SVG has CSS to clean: a book whose images have none never loads it. */
function cssTree(): typeof CssTree {
  return load('css-tree') as typeof CssTree;
}

export interface CleanCss {
  css: string;
  /** What was taken out, as written (shortened), for the author's notes. */
  removed: string[];
}

type Context = 'stylesheet' | 'declarationList' | 'value';

/** At-rules that only lay out or select: anything else (`@import` above all) is removed. */
const KEPT_AT_RULES = new Set([
  'media',
  'supports',
  'keyframes',
  '-webkit-keyframes',
  'font-face',
  'charset',
  'layer',
  'container',
]);
/** Functions that load something. */
const LOADING_FUNCTIONS = new Set(['url', 'image-set', '-webkit-image-set', 'image', 'cross-fade', 'element', 'src']);

/** A CSS name with its escapes decoded, in lower case: `\69mport` → `import`. */
export function cssName(name: string): string {
  return name
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\(.)/gis, (_, hex: string | undefined, char: string | undefined) =>
      hex ? String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff) || 0xfffd) : (char ?? ''),
    )
    .toLowerCase();
}

/** True for a reference to a part of the image itself (`#gradient`). */
export function isFragment(reference: string): boolean {
  return reference.trim().startsWith('#');
}

/** True when a value (a declaration's or an attribute's) could load something from outside. */
function reachesOut(node: CssTree.CssNode): boolean {
  const csstree = cssTree();
  let found = false;
  csstree.walk(node, (child) => {
    if (child.type === 'Url' && !isFragment(child.value)) found = true;
    else if (child.type === 'Function' && LOADING_FUNCTIONS.has(cssName(child.name))) found = true;
    // Unparsed text: an escaped name or a function call in it could be a disguised url().
    else if (child.type === 'Raw' && /[\\(]|url|@/i.test(child.value)) found = true;
  });
  return found;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** The last word on what is left: with escapes decoded, nothing may still load from outside. */
function stillReachesOut(css: string): boolean {
  const plain = cssName(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  return /@import|(?:url|image-set|image|src|cross-fade|element)\s*\(\s*(?!["']?\s*#)/i.test(plain);
}

/** Removes from `css` what could load anything from outside the image. */
export function cleanCss(css: string, context: Context): CleanCss {
  try {
    return clean(css, context);
  } catch (error) {
    // Rules nested thousands deep overflow the parser: such CSS is no drawing's, and goes whole.
    if (error instanceof RangeError) return { css: '', removed: [shorten(css)] };
    throw error;
  }
}

function clean(css: string, context: Context): CleanCss {
  const csstree = cssTree();
  const removed: string[] = [];
  let ast: CssTree.CssNode;
  try {
    ast = csstree.parse(css, { context, parseValue: true, parseCustomProperty: false });
  } catch {
    return stillReachesOut(css) ? { css: '', removed: [shorten(css)] } : { css, removed };
  }
  if (context === 'value') {
    return reachesOut(ast) || stillReachesOut(css) ? { css: '', removed: [shorten(css)] } : { css, removed };
  }
  const doomed: { item: CssTree.ListItem<CssTree.CssNode>; list: CssTree.List<CssTree.CssNode> }[] = [];
  csstree.walk(ast, {
    enter(node: CssTree.CssNode, item: CssTree.ListItem<CssTree.CssNode>, list: CssTree.List<CssTree.CssNode>) {
      if (!list) return;
      const drop =
        (node.type === 'Atrule' && !KEPT_AT_RULES.has(cssName(node.name))) ||
        (node.type === 'Declaration' && reachesOut(node.value)) ||
        (node.type === 'Raw' && /[\\(@]|url/i.test(node.value));
      if (!drop) return;
      removed.push(shorten(csstree.generate(node)));
      doomed.push({ item, list });
      return csstree.walk.skip;
    },
  });
  if (doomed.length === 0) {
    // Nothing the parser saw; make sure nothing it did not see is left either.
    return stillReachesOut(css) ? { css: '', removed: [shorten(css)] } : { css, removed };
  }
  for (const { item, list } of doomed) list.remove(item);
  const cleaned = csstree.generate(ast);
  if (stillReachesOut(cleaned)) return { css: '', removed: [...removed, shorten(cleaned)] };
  return { css: cleaned, removed };
}
