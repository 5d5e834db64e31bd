/**
 * remark plugin: a chapter heading image, `::chapter-image[What it shows]{src=images/lamp.png}`
 * on a line of its own right after a chapter's (or part's) `#` heading. It becomes `<figure
 * class="chapter-image">` holding the image, which then goes through the book's image pipeline
 * as any other (read from the book's folder, converted for the stores); the label is its text
 * alternative, required as for every image (`image/missing-alt`). The print edition sets it in
 * the chapter head, above the number and title; the paragraph after it starts flush left. One
 * that does not follow a heading is set where it stands, with a note; one with no `src` is kept
 * as the text it was typed as, with a note (`directive/invalid`).
 */
import type { Heading, Image, Parent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString as plainText } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { directiveAsPhrasing } from './directive-source.ts';
import { addParagraphClass, type FictionBlock, fictionBlock } from './fiction-nodes.ts';
import { warn } from './messages.ts';

export const remarkChapterImage: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value ?? '');
  visit(tree, 'leafDirective', (node: LeafDirective, index, parent) => {
    if (node.name !== 'chapter-image' || !parent || index === undefined) return undefined;
    const siblings = parent.children as RootContent[];
    const src = node.attributes?.src?.trim();
    if (!src) {
      warn(file, 'directive/invalid', node.position?.start, {
        reason: '`::chapter-image` names no image file: it is kept as text',
        hint: 'Give the file from the book’s folder, and say what it shows: `::chapter-image[A lighthouse at dusk]{src=images/light.png}`.',
      });
      siblings.splice(index, 1, { type: 'paragraph', children: directiveAsPhrasing(node, source), ...place(node) });
      return index + 1;
    }
    if (!afterHeading(parent, index)) {
      warn(file, 'directive/invalid', node.position?.start, {
        reason: '`::chapter-image` does not follow a chapter heading: it is set as a picture where it stands',
        hint: 'Put it on the line right after the chapter’s `#` heading (a blank line between) to set it in the chapter head.',
      });
    }
    const image: Image = { type: 'image', url: src, alt: plainText(node).trim(), ...place(node) };
    const figure = fictionBlock(
      'chapter-image',
      'figure',
      { className: ['chapter-image'] },
      [image as unknown as FictionBlock['children'][number]],
      node.position,
    );
    siblings.splice(index, 1, figure);
    const next = siblings[index + 1];
    if (next?.type === 'paragraph') addParagraphClass(next, 'flush');
    return index + 1;
  });
};

/** Right after a `#` heading (an epigraph may come between). */
function afterHeading(parent: Parent, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const node = parent.children[i] as RootContent;
    if (node.type === 'heading') return (node as Heading).depth === 1;
    if (!(node.type === 'containerDirective' && node.name === 'epigraph') && node.type !== 'fictionBlock') return false;
  }
  return false;
}

function place(node: LeafDirective) {
  return node.position ? { position: node.position } : {};
}
