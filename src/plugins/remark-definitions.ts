/**
 * remark plugin: a definition nothing refers to is kept, not dropped. Markdown prints a footnote
 * only where it is called and a link definition only through its links, so a note whose call was
 * deleted, or a second note with the same label, vanishes from the book. Here, in each file:
 * - a footnote definition that no `[^label]` calls, or that repeats a label already defined, is
 *   kept where it stands, as a note set apart in the text (an `<aside class="note">`), with a
 *   warning (`footnote/uncalled`, `footnote/duplicate`);
 * - a link definition that no link uses, or that repeats a label, is kept as the paragraph it
 *   was typed as, with a warning (`link/unused-definition`) — except one whose target is `#`,
 *   `[//]: # (like this)`, the Markdown idiom for a comment, which stays hidden as a comment.
 */
import type { BlockContent, Blockquote, Definition, FootnoteDefinition, Paragraph, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from './messages.ts';

export const remarkDefinitions: Plugin<[], Root> = () => (tree, file) => {
  const called = new Set<string>();
  const linked = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'footnoteReference') called.add(node.identifier);
    else if (node.type === 'linkReference' || node.type === 'imageReference') linked.add(node.identifier);
  });
  const notes = new Set<string>();
  const links = new Set<string>();
  const source = String(file.value);
  visit(tree, (node, index, parent) => {
    if (index === undefined || !parent) return;
    if (node.type === 'footnoteDefinition') {
      const duplicate = notes.has(node.identifier);
      notes.add(node.identifier);
      if (duplicate || !called.has(node.identifier)) {
        (parent as Parent).children[index] = keptNote(node, duplicate, file);
      }
    } else if (node.type === 'definition') {
      const duplicate = links.has(node.identifier);
      links.add(node.identifier);
      if ((duplicate || !linked.has(node.identifier)) && node.url !== '#') {
        (parent as Parent).children[index] = keptDefinition(node, duplicate, source, file);
      }
    }
  });
};

function keptNote(node: FootnoteDefinition, duplicate: boolean, file: VFile): Blockquote {
  const label = node.label ?? node.identifier;
  warn(
    file,
    duplicate ? 'footnote/duplicate' : 'footnote/uncalled',
    node.position,
    duplicate
      ? {
          reason: `a second note \`[^${label}]\`: its calls go to the first; this one is kept where it stands`,
          hint: 'Give one of the two notes another label.',
        }
      : {
          reason: `the note \`[^${label}]\` is never called: it is kept where it stands`,
          hint: `Put \`[^${label}]\` in the text where the note belongs, or delete the note.`,
        },
  );
  return {
    type: 'blockquote',
    children: node.children as BlockContent[],
    data: { hName: 'aside', hProperties: { className: ['note'] } },
    ...(node.position ? { position: node.position } : {}),
  };
}

function keptDefinition(node: Definition, duplicate: boolean, source: string, file: VFile): Paragraph {
  const label = node.label ?? node.identifier;
  warn(
    file,
    'link/unused-definition',
    node.position,
    duplicate
      ? {
          reason: `a second link definition \`[${label}]\`: links use the first; this one is kept as text`,
          hint: 'Delete one of the two, or give it another label.',
        }
      : {
          reason: `the link definition \`[${label}]\` is used by no link: it is kept as text`,
          hint: `Link to it with [words][${label}], or delete it.`,
        },
  );
  const { start, end } = node.position ?? {};
  const typed =
    start?.offset !== undefined && end?.offset !== undefined
      ? source.slice(start.offset, end.offset).replace(/\n[ \t>]*/g, ' ')
      : `[${label}]: ${node.url}`;
  const position = node.position ? { position: node.position } : {};
  return { type: 'paragraph', children: [{ type: 'text', value: typed, ...position }], ...position };
}
