/**
 * What the author puts at the head of a chapter, after its `#` heading, that belongs in the
 * chapter head as the theme sets it: a chapter image (`::chapter-image`, a `figure.chapter-image`)
 * and an epigraph (`:::epigraph`, a `div.chapter-epigraph`), in either order. In the head the
 * image stands first, above the number and title, and the epigraph last, under them; the
 * opening paragraph is then the first paragraph after them.
 */
import type { Element } from 'hast';

const IMAGE = 'chapter-image';
const EPIGRAPH = 'chapter-epigraph';

/**
 * Moves the chapter image and epigraph that follow `head` in `tree` into it (image first,
 * epigraph last). Only elements right after the head are taken; text between them stays.
 */
export function takeHeadItems(tree: Element, head: Element): void {
  const at = tree.children.indexOf(head);
  if (at === -1) return;
  let end = at + 1;
  const taken: Element[] = [];
  for (; end < tree.children.length; end++) {
    const node = tree.children[end];
    if (node?.type === 'text' && node.value.trim() === '') continue;
    if (node?.type !== 'element' || !(hasClass(node, IMAGE) || hasClass(node, EPIGRAPH))) break;
    taken.push(node);
  }
  if (taken.length === 0) return;
  tree.children.splice(at + 1, end - at - 1);
  const images = taken.filter((e) => hasClass(e, IMAGE));
  head.children.unshift(...images);
  head.children.push(...taken.filter((e) => !images.includes(e)));
}

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}
