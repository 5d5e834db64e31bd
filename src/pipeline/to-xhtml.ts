/**
 * Turns a division's Markdown tree into XHTML: remark-rehype (footnotes kept inside the
 * division, ids prefixed by the division's id so they stay unique in one print document), raw
 * HTML parsed by rehype-raw, image references collected, then serialised as well-formed XML.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toXast } from 'hast-util-to-xast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit, EXIT } from 'unist-util-visit';
import { toXml } from 'xast-util-to-xml';
import type { BookDivision } from './divisions.ts';
import { rehypeImages } from '../plugins/rehype-images.ts';

export function divisionToHast(division: BookDivision): HastRoot {
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: `${division.id}-`,
      footnoteLabel: 'Notes',
      footnoteLabelProperties: { className: ['notes-title'] },
      footnoteBackContent: '↑',
      footnoteBackLabel: (n: number) => `Back to the text of note ${n + 1}`,
    })
    .use(hasRawHtml(division.tree) ? [rehypeRaw] : [])
    .use(rehypeImages);
  const hast = processor.runSync(division.tree, division.file) as HastRoot;
  return nestFootnotes(hast, division.id);
}

/** Serialises a tree (or a fragment of one) as XHTML markup, without namespace declarations. */
export function toXhtml(tree: HastRoot | Element): string {
  const root: HastRoot = tree.type === 'root' ? tree : { type: 'root', children: [tree] };
  return toXml(toXast(root)).replace(/ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '');
}

/** Moves remark-rehype's footnote section into the division's own section and sets its id. */
function nestFootnotes(tree: HastRoot, id: string): HastRoot {
  const elements = tree.children.filter((n): n is Element => n.type === 'element');
  const section = elements.find((e) => e.tagName === 'section' && !('dataFootnotes' in e.properties));
  if (!section) return tree;
  section.properties.id = id;
  const notes = elements.find((e) => e !== section && 'dataFootnotes' in e.properties);
  if (notes) {
    delete notes.properties.dataFootnotes;
    notes.properties.className = ['footnotes'];
    notes.properties.role = 'doc-endnotes';
    section.children.push(notes);
  }
  tree.children = [section];
  return tree;
}

function hasRawHtml(tree: Root): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}
