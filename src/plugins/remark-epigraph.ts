/**
 * remark plugin: an epigraph, `:::epigraph`, at the head of a chapter or part (or anywhere a
 * quotation stands apart). Its attribution is the label (`:::epigraph[Ada Garrow, *The
 * Weather Book*]`, set after a dash) or a last paragraph that starts with a dash (`— Ada
 * Garrow`, typed `-- Ada Garrow`). It becomes `<div class="chapter-epigraph" role="doc-epigraph"
 * epub:type="epigraph">` holding the quotation as a `<blockquote>` and `<p class="attribution">`:
 * the markup of the book's own epigraph page, so themes set both alike. The print edition puts
 * one that follows a chapter's title into the chapter head; the paragraph after it starts
 * flush left.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as plainText } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { addParagraphClass, authorClasses, classedParagraph, fictionBlock, splitLabel } from './fiction-nodes.ts';

const DASHED = /^(?:—|–|--?)\s*\S/;

export const remarkEpigraph: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
    if (node.name !== 'epigraph' || !parent || index === undefined) return undefined;
    const { label, blocks } = splitLabel(node);
    const quote = [...blocks];
    let attribution: Paragraph | undefined;
    if (label) {
      attribution = classedParagraph(['attribution'], dashed(label.children), label.position);
    } else {
      const last = quote[quote.length - 1];
      if (quote.length > 1 && last?.type === 'paragraph' && DASHED.test(plainText(last).trim())) {
        quote.pop();
        attribution = last;
        addParagraphClass(last, 'attribution');
      }
    }
    const children = [
      fictionBlock('epigraph-quote', 'blockquote', {}, quote, node.position),
      ...(attribution ? [attribution] : []),
    ];
    const properties = { className: ['chapter-epigraph', ...authorClasses(node)], role: 'doc-epigraph', 'epub:type': 'epigraph' };
    parent.children[index] = fictionBlock('epigraph', 'div', properties, children, node.position);
    const next = parent.children[index + 1];
    if (next?.type === 'paragraph') addParagraphClass(next, 'flush');
    return index;
  });
};

/** The label as an attribution: after a dash, unless it starts with one. */
function dashed(children: PhrasingContent[]): PhrasingContent[] {
  const first = children[0];
  if (first?.type === 'text' && DASHED.test(first.value.trim())) return children;
  return [{ type: 'text', value: '— ' }, ...children];
}
