/**
 * How big an image prints, worked out in Node from the page geometry so that the print CSS and
 * the resolution check agree exactly. An image's own size is CSS's: its pixels at 96 to the inch
 * (or the `width` and `height` the author gave, in CSS pixels). Then, in the print CSS
 * (templates/default/print.css, from the variables set by print-images.ts):
 *
 * - a block image (alone in its paragraph, or in a figure) is as tall as a whole number of lines
 *   (at least one), its own height rounded down: never taller than the text block less two lines
 *   (its paragraph's or figure's space above and below), never wider than the text block;
 * - an inline image (in a line of text) keeps its own size, within the same bounds.
 *
 * A figure's caption takes its lines from the image's height when the figure would not fit the
 * text block (the figure is a column whose image shrinks); the size worked out here is the
 * image's before that, the largest it can print.
 */
import type { Element } from 'hast';
import type { BookImage } from '../../book/images.ts';

/** Points per CSS pixel. */
export const PX = 0.75;

export interface TextBlock {
  /** The text block's width and height, and the line, in points. */
  width: number;
  height: number;
  line: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The image's own size in points (CSS's), from its pixels or the author's `width`/`height`. */
export function naturalSize(img: Element, image: Pick<BookImage, 'width' | 'height'>): Size | undefined {
  const own = image.width && image.height ? { width: image.width, height: image.height } : undefined;
  const attribute = (name: 'width' | 'height') => {
    const value = Number.parseFloat(String(img.properties[name] ?? ''));
    return Number.isFinite(value) && value > 0 && /^\s*[\d.]+\s*(px)?\s*$/.test(String(img.properties[name])) ? value : undefined;
  };
  const [w, h] = [attribute('width'), attribute('height')];
  if (w && h) return { width: w * PX, height: h * PX };
  if (!own) return undefined;
  if (w) return { width: w * PX, height: (w * own.height * PX) / own.width };
  if (h) return { width: (h * own.width * PX) / own.height, height: h * PX };
  return { width: own.width * PX, height: own.height * PX };
}

/** The size the image prints at (see the module's comment). */
export function printedSize(natural: Size, text: TextBlock, block: boolean): Size {
  const ratio = natural.height / natural.width;
  const room = text.height - 2 * text.line;
  if (block) {
    const wanted = Math.min(natural.height, text.width * ratio, room);
    const height = Math.max(text.line, Math.floor(wanted / text.line + 1e-6) * text.line);
    return { width: Math.min(height / ratio, text.width), height };
  }
  const width = Math.min(natural.width, text.width, room / ratio);
  return { width, height: width * ratio };
}

/** The image's resolution where it prints, in pixels to the inch (the lower of across and down). */
export function printedPpi(pixels: Size, printed: Size): number {
  return Math.min(pixels.width / (printed.width / 72), pixels.height / (printed.height / 72));
}

/**
 * True for an image set as a block: alone in its paragraph (links and spans around it allowed)
 * or in a figure. `parents` runs from the root down to the image's parent.
 */
export function isBlockImage(parents: Element[]): boolean {
  const parent = parents.at(-1);
  if (parent?.tagName === 'figure' || parent?.tagName === 'picture') return true;
  const paragraph = [...parents].reverse().find((p) => p.tagName === 'p' || p.tagName === 'figure');
  if (paragraph?.tagName === 'figure') return true;
  return paragraph !== undefined && onlyImage(paragraph);
}

/** The element holds one image and no text. */
function onlyImage(node: Element): boolean {
  let images = 0;
  const visit = (el: Element): boolean =>
    el.children.every((child) => {
      if (child.type === 'text') return !/\S/.test(child.value);
      if (child.type !== 'element') return true;
      if (child.tagName === 'img') return ++images === 1;
      return ['a', 'span', 'picture', 'br'].includes(child.tagName) && visit(child);
    });
  return visit(node) && images === 1;
}
