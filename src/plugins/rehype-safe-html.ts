/**
 * rehype plugin: makes the HTML an author typed into a manuscript safe for a book, with
 * rehype-sanitize (hast-util-sanitize) and a schema for EPUB 3 XHTML, and leaves a warning
 * (`html/removed`) at the place of everything it took out — a script, an event handler, an
 * iframe, a form, an object, a `javascript:` link, an element or attribute a reading system
 * would reject — so nothing disappears silently. An element removed with its content must have
 * been closed where the author wrote it: `He said <style> and left.` would take the rest of the
 * paragraph with it, so an element of that kind with no end tag in the source is an error at
 * its start (`html/unclosed`), not a removal.
 *
 * Everything Galley's own Markdown pipeline makes (sections, footnotes, scene breaks, classes,
 * ids, `ol start`, `th scope`, `alt=""`) is allowed by the schema and passes unchanged.
 */
import type { Element, Properties, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fatal } from './messages.ts';

export interface SafeHtmlOptions {
  /** Link protocols kept in `href` (default `http`, `https`, `mailto`, `tel`). */
  linkProtocols?: string[];
}

/** Elements removed with everything inside them: their content is code, not text. */
const STRIP = (
  'script style template noscript iframe frame frameset object embed applet form input button ' +
  'select textarea datalist canvas audio video source track link meta base title head math svg'
).split(' ');

/** Removed elements that have no content, so no end tag. */
const VOID = new Set('base embed input link meta source track'.split(' '));

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
    const safe = sanitize(tree, schema) as Root;
    const kept = elementsByPlace(safe);
    const source = String(file.value);
    visit(tree, 'element', (node: Element) => {
      if (!node.position) return;
      const match = kept.get(placeKey(node))?.shift();
      const where = { place: node.position, ruleId: 'html/removed', source: 'galley' };
      if (!match && strip.has(node.tagName) && !VOID.has(node.tagName) && !closedInSource(node, source)) {
        reportUnclosed(node, file);
        return SKIP;
      }
      if (!match) {
        file.message(
          strip.has(node.tagName)
            ? `removed \`<${node.tagName}>\` and its content: a book cannot hold ${what(node.tagName)}`
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
    removeEmptied(safe, tree);
    tree.children = safe.children;
  };
};

/** Whether the element's text in the source ends with its end tag (or is self-closed, `<svg/>`). */
function closedInSource(node: Element, source: string): boolean {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return true;
  const text = source.slice(start.offset, end.offset);
  return new RegExp(`</${node.tagName}\\s*>$`, 'i').test(text) || /\/>$/.test(text);
}

function reportUnclosed(node: Element, file: VFile): void {
  const start = node.position?.start;
  // An HTML block left open is already reported at the same place (remark-unclosed).
  if (file.messages.some((m) => m.fatal && m.line === start?.line && m.column === start?.column)) return;
  const tag = node.tagName;
  fatal(file, 'html/unclosed', start, {
    reason: `\`<${tag}>\` is never closed: everything after it would be removed with it (${what(tag).replace(/ \(.*\)$/, '')} cannot go in a book)`,
    hint: `Close it with \`</${tag}>\`, or write \`\\<${tag}>\` to show the tag as text.`,
  });
}

/** Removes paragraphs left empty by what was taken out of them (`<p><object …></p>`). */
function removeEmptied(safe: Root, original: Root): void {
  const before = elementsByPlace(original);
  visit(safe, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'p' || !parent || index === undefined) return;
    if (node.children.some((c) => c.type !== 'text' || c.value.trim() !== '')) return;
    const was = before.get(placeKey(node))?.[0];
    if (!was?.children.some((c) => c.type === 'element')) return;
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
  if (tag === 'script' || tag === 'noscript' || tag === 'template') return 'scripts';
  if (tag === 'style' || tag === 'link') return 'style sheets of its own (use the theme)';
  if (['form', 'input', 'button', 'select', 'textarea', 'datalist'].includes(tag)) return 'forms';
  if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet'].includes(tag)) return 'embedded pages or plug-ins';
  if (['audio', 'video', 'source', 'track', 'canvas'].includes(tag)) return 'media players';
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
