/**
 * remark plugin: gives a manuscript file its book structure. The file's top-level content is
 * split at `#` headings into divisions — chapters, or parts when the heading's text is one of
 * `options.parts` — each a `division` node rendered as `<section>`. Text before the first `#`
 * heading becomes an untitled chapter, so nothing the author wrote is lost. `##` and deeper stay
 * inside their chapter. The YAML front matter node is removed: it is metadata, not text.
 * Classes on a `#` heading (`# Interlude {.interlude}`, read by remark-heading-attributes) go
 * to its section; `interlude` and `unnumbered` make a chapter that takes no number.
 */
import type { Data, Heading, Parent, Root, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { Plugin } from 'unified';

export interface BookStructureOptions {
  /** Texts of `#` headings that are part titles (default: none). */
  parts?: string[];
}

export type DivisionKind = 'chapter' | 'part';

export interface Division extends Parent {
  type: 'division';
  kind: DivisionKind;
  /** The heading's plain text; undefined for text before the first heading. */
  title: string | undefined;
  children: RootContent[];
  data?: Data;
}

declare module 'mdast' {
  interface RootContentMap {
    division: Division;
  }
}

export const remarkBookStructure: Plugin<[BookStructureOptions?], Root> = (options = {}) => {
  const partTitles = new Set((options.parts ?? []).map(normalise));

  return (tree) => {
    const divisions: Division[] = [];
    let current: Division | undefined;
    for (const node of tree.children) {
      if (node.type === 'yaml') continue;
      if (node.type === 'heading' && node.depth === 1) {
        const title = plainText(node).trim();
        const kind: DivisionKind = partTitles.has(normalise(title)) ? 'part' : 'chapter';
        current = division(kind, title, node);
        divisions.push(current);
        continue;
      }
      if (!current) {
        current = division('chapter', undefined);
        divisions.push(current);
      }
      current.children.push(node);
    }
    tree.children = divisions;
  };
};

function division(kind: DivisionKind, title: string | undefined, heading?: Heading): Division {
  const classes = heading ? headingClasses(heading) : [];
  return {
    type: 'division',
    kind,
    title,
    children: heading ? [heading] : [],
    data: { hName: 'section', hProperties: { className: [kind, ...classes] } },
  };
}

/** The class of a chapter that takes no number (an interlude, a prologue): it is not counted. */
export const UNNUMBERED = 'unnumbered';

/** Whether a section's classes (hast `className`) make it a chapter with no number. */
export function isUnnumbered(className: unknown): boolean {
  return Array.isArray(className) && className.includes(UNNUMBERED);
}

/** The heading's classes, taken from it for its section. */
function headingClasses(heading: Heading): string[] {
  const own = heading.data?.hProperties?.className;
  if (!Array.isArray(own) || !heading.data?.hProperties) return [];
  delete heading.data.hProperties.className;
  const list = own.map(String);
  return list.includes('interlude') && !list.includes(UNNUMBERED) ? [...list, UNNUMBERED] : list;
}

/** Compares titles without regard to case, curly or straight quotes, or spacing. */
function normalise(title: string): string {
  return title.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}
