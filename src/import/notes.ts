/**
 * Footnotes in converted HTML, as mammoth writes them (and pandoc and most sites do): a call is a
 * link to `#id` inside `<sup>` (or with a `footnote-ref` class), its note the `<li id>` of a list,
 * with a link back. Each call becomes a `galley-note-ref` element naming its note, each note's
 * content is taken out of the list (without the link back), and a list left empty goes.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export const NOTE_REF = 'galley-note-ref';

export interface ExtractedNotes {
  /** Note id → its content (block elements). */
  notes: Map<string, ElementContent[]>;
}

const classes = (el: Element): string[] => {
  const value = el.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? String(value).split(/\s+/) : [];
};

function hrefTarget(el: Element): string | undefined {
  const href = el.properties.href;
  return typeof href === 'string' && href.startsWith('#') ? decodeURIComponent(href.slice(1)) : undefined;
}

export function extractNotes(tree: Root): ExtractedNotes {
  const items = new Map<string, Element>();
  visit(tree, 'element', (el) => {
    if (el.tagName === 'li' && typeof el.properties.id === 'string') items.set(el.properties.id, el);
  });
  const calls = new Map<string, number>();
  visit(tree, 'element', (el, index, parent) => {
    if (!parent || index === undefined) return;
    const link = noteLink(el);
    const target = link ? hrefTarget(link) : undefined;
    if (!target || !items.has(target)) return;
    calls.set(target, (calls.get(target) ?? 0) + 1);
    const ref: Element = { type: 'element', tagName: NOTE_REF, properties: { dataNote: target }, children: [] };
    parent.children.splice(index, 1, ref);
    return [SKIP, index + 1];
  });
  const notes = new Map<string, ElementContent[]>();
  for (const [id, li] of items) {
    if (!calls.has(id)) continue;
    notes.set(id, withoutBackLinks(li.children, id));
    li.tagName = 'galley-removed';
  }
  removeEmptyLists(tree);
  return { notes };
}

/** The link of a note call: `<sup><a href="#n">1</a></sup>`, or `<a class="footnote-ref" href="#n">`. */
function noteLink(el: Element): Element | undefined {
  if (el.tagName === 'a' && classes(el).some((c) => /footnote-?ref|noteref/i.test(c))) return el;
  if (el.tagName !== 'sup') return undefined;
  const kids = el.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = kids[0];
  return kids.length === 1 && only?.type === 'element' && only.tagName === 'a' ? only : undefined;
}

/** A note's content without its links back to the call (`↑`, `↩`). */
function withoutBackLinks(children: ElementContent[], id: string): ElementContent[] {
  const root: Root = { type: 'root', children: structuredClone(children) };
  visit(root, 'element', (el, index, parent) => {
    if (!parent || index === undefined || el.tagName !== 'a') return;
    const target = hrefTarget(el);
    const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    const backLink =
      classes(el).some((c) => /back|footnote-back|reversefootnote/i.test(c)) || /^(?:\s|↑|↩|⤴|\ufe0e|\ufe0f|\^)*$/u.test(text);
    if (target !== undefined && target !== id && backLink) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
  });
  return root.children as ElementContent[];
}

function removeEmptyLists(tree: Root): void {
  const blank = (c: ElementContent) => c.type === 'text' && !c.value.trim();
  const gone = (c: ElementContent) => c.type === 'element' && c.tagName === 'galley-removed';
  // Twice: a notes section is empty only once its list has gone.
  for (let pass = 0; pass < 2; pass++)
    visit(tree, 'element', (el, index, parent) => {
      if (!parent || index === undefined) return;
      const list = el.tagName === 'ol' || el.tagName === 'ul';
      const notesSection =
        (el.tagName === 'section' || el.tagName === 'div') && classes(el).some((c) => /^(foot|end)notes?$/.test(c));
      const emptied = el.children.some(gone) && el.children.every((c) => blank(c) || gone(c));
      const emptySection = notesSection && el.children.every((c) => blank(c) || (c.type === 'element' && c.tagName === 'hr'));
      if (gone(el) || (list && emptied) || emptySection) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    });
}
