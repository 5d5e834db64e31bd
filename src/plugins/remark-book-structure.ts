/**
 * remark plugin: gives a manuscript file its book structure. The file's top-level content is
 * split at `#` headings into divisions — chapters, or parts when the heading's text is one of
 * `options.parts` — each a `division` node rendered as `<section>`. Text before the first `#`
 * heading becomes an untitled chapter, so nothing the author wrote is lost. `##` and deeper stay
 * inside their chapter. The YAML front matter node is removed: it is metadata, not text.
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
  return {
    type: 'division',
    kind,
    title,
    children: heading ? [heading] : [],
    data: { hName: 'section', hProperties: { className: [kind] } },
  };
}

/** Compares titles without regard to case, curly or straight quotes, or spacing. */
function normalise(title: string): string {
  return title.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}
