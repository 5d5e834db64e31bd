/**
 * rehype plugin: makes the HTML an author typed into a manuscript safe for a book, with
 * rehype-sanitize (hast-util-sanitize) and a schema for EPUB 3 XHTML, and leaves a warning
 * (`html/removed`) at the place of everything it took out — a script, an event handler, an
 * iframe, a form, an object, a `javascript:` link, an element or attribute a reading system
 * would reject — so nothing disappears silently. Only code goes with its element (`<script>`,
 * `<style>`): the words inside any other element it cannot keep — a form, a player's fallback,
 * an inline `<svg>` or `<math>` — are kept in its place (html-kept-text.ts). An element that
 * would take the text after it (`He said <style> and left.`) must be closed where it was typed:
 * remark-unclosed and remark-known-html, which run before, make one left open an error.
 *
 * Everything Galley's own Markdown pipeline makes (sections, footnotes, scene breaks, classes,
 * ids, `ol start`, `th scope`, `alt=""`) is allowed by the schema and passes unchanged.
 */
import type { Element, Properties, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { keepRemovedText } from './html-kept-text.ts';
import { fatalAt } from './messages.ts';

export interface SafeHtmlOptions {
  /** Link protocols kept in `href` (default `http`, `https`, `mailto`, `tel`). */
  linkProtocols?: string[];
}

/** Elements removed with everything inside them: their content is code, or they have none. */
const STRIP = 'script style base embed link meta source track param keygen'.split(' ');

/** Removed elements that have no content, so no end tag. */
const VOID = new Set('base embed link meta source track param keygen'.split(' '));

/** Elements valid in EPUB 3 XHTML that a manuscript may use. */
const TAGS = (
  'a abbr aside b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt ' +
  'em figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr i img ins kbd li mark ol p pre q ' +
  'rp rt ruby s samp section small span strong sub summary sup table tbody td tfoot th thead time ' +
  'tr u ul var wbr'
).split(' ');

/** Properties allowed on every element (`data*`: every data attribute). */
const GLOBAL = 'id className lang dir title role ariaLabel ariaLabelledBy ariaDescribedBy ariaHidden data* epub:type'.split(' ');

function schemaFor(options: SafeHtmlOptions): Schema {
  return {
    ...defaultSchema,
    tagNames: TAGS,
    strip: STRIP,
    ancestors: defaultSchema.ancestors ?? {},
    attributes: {
      '*': GLOBAL,
      a: ['href', 'hrefLang', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      ol: ['start', 'reversed', 'type'],
      li: ['value'],
      th: ['scope', 'colSpan', 'rowSpan', 'headers', 'abbr'],
      td: ['colSpan', 'rowSpan', 'headers'],
      col: ['span'],
      colgroup: ['span'],
      blockquote: ['cite'],
      q: ['cite'],
      del: ['cite', 'dateTime'],
      ins: ['cite', 'dateTime'],
      time: ['dateTime'],
      details: ['open'],
    },
    protocols: {
      href: options.linkProtocols ?? ['http', 'https', 'mailto', 'tel'],
      cite: ['http', 'https'],
      // Remote and absolute images are refused later with an error that says what to do.
      src: ['http', 'https'],
    },
    required: {},
    // Ids are made unique by the pipeline (footnote ids carry the chapter's id); keep them as they are.
    clobber: [],
    clobberPrefix: '',
    allowComments: false,
    allowDoctypes: false,
  };
}

export const rehypeSafeHtml: Plugin<[SafeHtmlOptions?], Root> = (options = {}) => {
  const schema = schemaFor(options);
  const strip = new Set(schema.strip);
  const allowed = allowedProperties(schema);
  return (tree, file) => {
    // Most chapters hold nothing to remove: check quickly before rebuilding the whole tree.
    if (isClean(tree, schema, allowed)) return;
    const tags = new Set(schema.tagNames);
    const before = file.messages.length;
    const holders = paragraphsHoldingElements(tree);
    keepRemovedText(tree, file, (name) => tags.has(name));
    const safe = sanitize(tree, schema) as Root;
    const kept = elementsByPlace(safe);
    visit(tree, 'element', (node: Element) => {
      if (!node.position) return;
      const match = kept.get(placeKey(node))?.shift();
      const where = { place: node.position, ruleId: 'html/removed', source: 'galley' };
      // One left open is reported as that (remark-unclosed), not as removed too.
      if (!match && fatalAt(file, node.position)) return SKIP;
      if (!match) {
        file.message(
          strip.has(node.tagName)
            ? `removed \`<${node.tagName}>\`${VOID.has(node.tagName) ? '' : ' and its content'}: a book cannot hold ${what(node.tagName)}`
            : `removed the \`<${node.tagName}>\` tag (its text is kept): EPUB readers do not support it`,
          where,
        );
        return strip.has(node.tagName) ? SKIP : undefined;
      }
      for (const key of Object.keys(node.properties)) {
        if (key in match.properties || node.properties[key] === undefined || node.properties[key] === null) continue;
        file.message(removedAttribute(node.tagName, key, node.properties), where);
      }
      return undefined;
    });
    removeEmptied(safe, holders);
    tree.children = safe.children;
    // What was removed, in the order it stands in the file.
    const added = file.messages.splice(before).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    file.messages.push(...added);
  };
};

/** The places of the paragraphs that hold an element, before anything is taken out. */
function paragraphsHoldingElements(tree: Root): Set<string> {
  const places = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'p' && node.position && node.children.some((c) => c.type === 'element')) places.add(placeKey(node));
  });
  return places;
}

/** Removes paragraphs left empty by what was taken out of them (`<p><object …></p>`). */
function removeEmptied(safe: Root, holders: Set<string>): void {
  visit(safe, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'p' || !parent || index === undefined || !node.position) return;
    if (node.children.some((c) => c.type !== 'text' || c.value.trim() !== '')) return;
    if (!holders.has(placeKey(node))) return;
    parent.children.splice(index, 1);
    return index;
  });
}

/** Allowed property names per element (`*` for all), `data*` standing for every data attribute. */
function allowedProperties(schema: Schema): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [tag, list] of Object.entries(schema.attributes ?? {})) {
    map.set(tag, new Set(list.map((entry) => (Array.isArray(entry) ? String(entry[0]) : String(entry)))));
  }
  return map;
}

/**
 * True when sanitising would change nothing: only allowed elements (in the ancestors they need),
 * allowed properties, and URLs without a protocol or with an allowed one. Conservative: when in
 * doubt it says no, and the sanitiser decides.
 */
function isClean(tree: Root, schema: Schema, allowed: Map<string, Set<string>>): boolean {
  const tags = new Set(schema.tagNames);
  const global = allowed.get('*') ?? new Set();
  const ancestors = schema.ancestors ?? {};
  const stack: string[] = [];
  const check = (node: Root | Element): boolean => {
    for (const child of node.children) {
      if (child.type === 'text') continue;
      if (child.type !== 'element') return false;
      const name = child.tagName;
      if (!tags.has(name)) return false;
      const needs = ancestors[name];
      if (needs && !needs.some((a) => stack.includes(a))) return false;
      const own = allowed.get(name);
      for (const key in child.properties) {
        if (!(global.has(key) || own?.has(key) || (/^data[A-Z]/.test(key) && global.has('data*')))) return false;
        if (key in (schema.protocols ?? {})) {
          const value = String(child.properties[key]);
          const colon = value.indexOf(':');
          const protocols = schema.protocols?.[key] ?? [];
          // A colon before any `/`, `?` or `#` is a protocol, as hast-util-sanitize reads it.
          if (colon !== -1 && !/[/?#]/.test(value.slice(0, colon)) && !protocols.includes(value.slice(0, colon))) {
            return false;
          }
        }
      }
      stack.push(name);
      const clean = check(child);
      stack.pop();
      if (!clean) return false;
    }
    return true;
  };
  return check(tree);
}

function elementsByPlace(tree: Root): Map<string, Element[]> {
  const map = new Map<string, Element[]>();
  visit(tree, 'element', (node: Element) => {
    if (!node.position) return;
    const key = placeKey(node);
    const list = map.get(key);
    if (list) list.push(node);
    else map.set(key, [node]);
  });
  return map;
}

function placeKey(node: Element): string {
  const start = node.position?.start;
  return `${start?.line}:${start?.column}:${node.tagName}`;
}

function what(tag: string): string {
  if (tag === 'script') return 'scripts';
  if (tag === 'style' || tag === 'link') return 'style sheets of its own (use the theme)';
  if (['embed', 'param'].includes(tag)) return 'embedded pages or plug-ins';
  if (['source', 'track'].includes(tag)) return 'media players';
  return `\`<${tag}>\` elements`;
}

function removedAttribute(tag: string, key: string, properties: Properties): string {
  const value = String(properties[key]);
  if (key === 'href' || key === 'src' || key === 'cite') {
    return `removed the link \`${value.slice(0, 40)}\` from \`<${tag}>\`: only web, mail and phone links (and paths in the book) are kept`;
  }
  if (/^on/i.test(key))
    return `removed the event handler \`${attributeName(key)}\` from \`<${tag}>\`: scripts cannot run in a book`;
  return `removed the attribute \`${attributeName(key)}\` from \`<${tag}>\`: EPUB readers do not support it here`;
}

/** `onClick` → `onclick`, `ariaFoo` → `aria-foo`: the name as the author typed it. */
function attributeName(property: string): string {
  if (/^on/i.test(property)) return property.toLowerCase();
  return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
