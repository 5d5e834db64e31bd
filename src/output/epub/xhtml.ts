/**
 * A typeset section as EPUB 3 XHTML. The shared hast tree is converted to xast (a copy, so the
 * book itself is never changed) with hast-util-to-xast, given its EPUB semantics — `epub:type`
 * and DPUB-ARIA roles on the section, footnotes as pop-up notes (`noteref` → `footnote` asides
 * with a back link), ids on the headings the table of contents lists, image paths of the EPUB —
 * and serialised by xast-util-to-xml. Every attribute Galley wrote survives (`ol start`,
 * `th scope`, `alt=""`): nothing here filters.
 */
import GithubSlugger from 'github-slugger';
import type { Element as HastElement } from 'hast';
import { toXast } from 'hast-util-to-xast';
import type { Element, ElementContent, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import type { Section } from '../../book/model.ts';

/** `epub:type` and role of each kind of section. */
const SEMANTICS: Record<Section['kind'], { type?: string; role?: string }> = {
  titlepage: { type: 'titlepage' },
  copyright: { type: 'copyright-page' },
  dedication: { type: 'dedication', role: 'doc-dedication' },
  epigraph: { type: 'epigraph', role: 'doc-epigraph' },
  part: { type: 'part', role: 'doc-part' },
  chapter: { type: 'chapter', role: 'doc-chapter' },
  acknowledgements: { type: 'acknowledgments', role: 'doc-acknowledgments' },
  'about-the-author': {},
  'also-by': {},
};

/** A heading inside a section that the table of contents lists. */
export interface SectionHeading {
  level: number;
  id: string;
  title: string;
}

export interface XhtmlOptions {
  /** Image paths in the book → their paths in the EPUB (when converted). */
  images: Map<string, string>;
  /** Heading levels below the section's own to give ids and list (0 = none, 1 = `##`, 2 = `##` and `###`). */
  subheadingLevels: number;
}

export interface XhtmlSection {
  root: Element;
  headings: SectionHeading[];
}

/** Converts a section to xast with its EPUB semantics. */
export function sectionXast(section: Section, options: XhtmlOptions): XhtmlSection {
  const root = toXast(section.hast) as Element;
  delete root.attributes.xmlns;
  const { type, role } = SEMANTICS[section.kind];
  root.attributes = { ...(type ? { 'epub:type': type } : {}), ...(role ? { role } : {}), ...root.attributes };
  const headings: SectionHeading[] = [];
  const slugger = new GithubSlugger();
  const walk = (node: Element, inNotes: boolean) => {
    for (const child of node.children) {
      if (child.type === 'text') {
        if (INVALID_XML.test(child.value)) child.value = child.value.replace(INVALID_XML_ALL, '');
        continue;
      }
      if (child.type !== 'element') continue;
      const { name, attributes } = child;
      const notes = inNotes || (name === 'section' && classes(child).includes('footnotes'));
      if (name === 'a' && 'data-footnote-ref' in attributes) noteref(child);
      else if (name === 'img' && attributes.src) attributes.src = options.images.get(attributes.src) ?? attributes.src;
      else if (!notes && /^h[2-6]$/.test(name) && Number(name[1]) - 1 <= options.subheadingLevels) {
        const title = textOf(child).trim();
        if (title) {
          attributes.id ??= `${section.id}-${slugger.slug(title)}`;
          headings.push({ level: Number(name[1]) - 1, id: attributes.id, title });
        }
      }
      if (name === 'section' && notes && !inNotes) popUpNotes(child);
      walk(child, notes);
    }
  };
  walk(root, false);
  return { root, headings };
}

/** The section as XHTML markup (the chapter template wraps it in a document). */
export function serializeXhtml(root: Element): string {
  return toXml(root, { closeEmptyElements: true, tightClose: true });
}

/** The reference to a note: an EPUB 3 `noteref` that reading systems open as a pop-up. */
function noteref(link: Element): void {
  const { 'data-footnote-ref': _ref, 'aria-describedby': _label, ...rest } = link.attributes;
  link.attributes = { ...rest, 'epub:type': 'noteref', role: 'doc-noteref' };
}

/**
 * The notes at the end of a chapter: each list item becomes `<aside epub:type="footnote"
 * role="doc-footnote">` with its number, and its back link gets the `doc-backlink` role.
 */
function popUpNotes(notes: Element): void {
  delete notes.attributes.role;
  notes.attributes['epub:type'] = 'footnotes';
  notes.children = notes.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element' || child.name !== 'ol') return [child];
    let number = Number(child.attributes.start ?? 1);
    return child.children.flatMap((item): ElementContent[] => {
      if (item.type !== 'element' || item.name !== 'li') return [];
      const aside: Element = {
        type: 'element',
        name: 'aside',
        attributes: { id: item.attributes.id, 'epub:type': 'footnote', role: 'doc-footnote', class: 'footnote' },
        children: item.children,
      };
      const label: Element = {
        type: 'element',
        name: 'span',
        attributes: { class: 'note-number' },
        children: [{ type: 'text', value: `${number++}. ` }],
      };
      const first = aside.children.find((c): c is Element => c.type === 'element');
      if (first?.name === 'p') first.children.unshift(label);
      else aside.children.unshift(label);
      visitElements(aside, (e) => {
        if ('data-footnote-backref' in e.attributes) {
          const { 'data-footnote-backref': _backref, class: _class, ...rest } = e.attributes;
          e.attributes = { ...rest, role: 'doc-backlink', class: 'note-back' };
        }
      });
      return [{ type: 'text', value: '\n' }, aside];
    });
  });
}

function visitElements(node: Element, fn: (e: Element) => void): void {
  fn(node);
  for (const child of node.children) if (child.type === 'element') visitElements(child, fn);
}

export function textOf(node: Element | Root): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') text += textOf(child);
  }
  return text;
}

function classes(node: Element): string[] {
  return (node.attributes.class ?? '').split(/\s+/);
}

// Characters XML 1.0 does not allow, not even as references.
const INVALID_XML_CHARS = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]';
const INVALID_XML = new RegExp(INVALID_XML_CHARS);
const INVALID_XML_ALL = new RegExp(INVALID_XML_CHARS, 'g');

/** Converts a hast element on its own (used for pages Galley makes, like the cover). */
export function hastToXhtml(element: HastElement): string {
  const root = toXast(element) as Element;
  delete root.attributes.xmlns;
  return serializeXhtml(root);
}
