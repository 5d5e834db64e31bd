/**
 * remark plugin: centred and right-aligned blocks, `:::center` and `:::right` (`:::centre` is
 * taken for `:::center`). Their paragraphs are set flush, not justified and not indented: a
 * `<div class="align-center">` or `<div class="align-right">` around the blocks as written.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { authorClasses, fictionBlock } from './fiction-nodes.ts';

const ALIGN: Record<string, string> = { center: 'align-center', centre: 'align-center', right: 'align-right' };

export const remarkAlign: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
    const align = ALIGN[node.name];
    if (!align || !parent || index === undefined) return undefined;
    const properties = { className: [align, ...authorClasses(node)] };
    // A label (`:::center[…]`) is a paragraph of its own, first.
    const children = node.children.map((child) => {
      if (child.type === 'paragraph' && child.data?.directiveLabel) delete child.data.directiveLabel;
      return child;
    });
    parent.children[index] = fictionBlock(node.name, 'div', properties, children, node.position);
    return index;
  });
};
