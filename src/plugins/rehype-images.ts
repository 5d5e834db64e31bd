/**
 * rehype plugin: notes every image the text refers to and points it at its place in the built
 * book, `images/<name>`. The name is stable (derived from the path the author wrote), so builds
 * are reproducible. Nothing is read here: the list goes on `file.data.images`, and the build
 * loads each image from the book's folder — and only from there — or reports it at its place.
 * An image without a text alternative is noted (`image/missing-alt`).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';

export interface ImageReference {
  /** The `src` as the author wrote it. */
  src: string;
  /** Where the built book refers to it: `images/<name>`. */
  target: string;
  place: Position | undefined;
}

declare module 'vfile' {
  interface DataMap {
    images: ImageReference[];
  }
}

export interface ImagesOptions {
  /** Folder the images go to inside the built book (default `images`). */
  folder?: string;
}

export const rehypeImages: Plugin<[ImagesOptions?], Root> = (options = {}) => {
  const folder = options.folder ?? 'images';
  return (tree, file) => {
    file.data.images ??= [];
    const images = file.data.images;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      if (missingAlt(node, String(file.value ?? ''))) {
        // Readers get an empty text alternative (the image is skipped), and the author a note.
        node.properties.alt = '';
        file.message('image without a text alternative: describe what it shows, as in ![A map of the bay](map.png)', {
          place: node.position,
          ruleId: 'image/missing-alt',
          source: 'galley',
        });
      }
      const src = String(node.properties.src ?? '');
      const target = `${folder}/${imageName(src)}`;
      images.push({ src, target, place: node.position });
      node.properties.src = target;
    });
  };
};

/**
 * An image with no text alternative: no `alt` at all, or an empty one written in Markdown
 * (`![](map.png)`). An `alt=""` typed in HTML is the author saying the image is decorative.
 */
function missingAlt(node: Element, source: string): boolean {
  const alt = node.properties.alt;
  if (alt === undefined || alt === null) return true;
  if (String(alt).trim() !== '') return false;
  const offset = node.position?.start.offset;
  return offset === undefined || source.charAt(offset) !== '<';
}

/** `art/Map of the Bay.png` → `map-of-the-bay-1a2b3c4d.png`: readable, stable and unique. */
export function imageName(src: string): string {
  const ext = path.posix.extname(src.split(/[?#]/)[0] ?? '').toLowerCase();
  const stem = path.posix
    .basename(src, path.posix.extname(src))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const hash = createHash('sha1').update(src).digest('hex').slice(0, 8);
  return `${stem || 'image'}-${hash}${ext}`;
}
