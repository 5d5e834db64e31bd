/**
 * The print edition's images, readied for the print CSS: each `<img>` gets its own height in
 * points (`--img-h`) and its shape (`--img-ratio`, height over width), from which the CSS sizes
 * it inside the text block and, for a block image, to a whole number of lines (image-size.ts
 * says how, and the resolution check uses the same rules). A block image gets the class
 * `block-image`, and a paragraph that holds only an image the class `image-block`. Works on the
 * print copy of a section's tree; the EPUB's images are left as they are.
 */
import type { Element } from 'hast';
import type { BookImage } from '../../book/images.ts';
import { isBlockImage, naturalSize } from './image-size.ts';

export function printImages(tree: Element, images: Map<string, BookImage>): void {
  const visit = (node: Element, parents: Element[]) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'img') readyImage(child, [...parents, node], images);
      else visit(child, [...parents, node]);
    }
  };
  visit(tree, []);
}

function readyImage(img: Element, parents: Element[], images: Map<string, BookImage>): void {
  const image = images.get(String(img.properties.src ?? ''));
  const natural = image && naturalSize(img, image);
  if (!natural) return;
  const vars = `--img-h:${round(natural.height)}pt;--img-ratio:${round(natural.height / natural.width, 6)}`;
  const own = img.properties.style ? `${String(img.properties.style).replace(/;?\s*$/, ';')}` : '';
  img.properties.style = `${own}${vars}`;
  if (!isBlockImage(parents)) return;
  addClass(img, 'block-image');
  const paragraph = [...parents].reverse().find((p) => p.tagName === 'p' || p.tagName === 'figure');
  if (paragraph?.tagName === 'p') addClass(paragraph, 'image-block');
}

function round(value: number, places = 3): number {
  return Number(value.toFixed(places));
}

function addClass(node: Element, name: string): void {
  const classes = node.properties.className;
  if (Array.isArray(classes) && classes.includes(name)) return;
  node.properties.className = Array.isArray(classes) ? [...classes, name] : [name];
}
