/**
 * rehype plugin: notes every image the text refers to and points it at its place in the built
 * book, `images/<name>`. The name is stable (derived from the path the author wrote), so builds
 * are reproducible. Nothing is read here: the list goes on `file.data.images`, and the build
 * loads each image from the book's folder — and only from there — or reports it at its place.
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
      const src = String(node.properties.src ?? '');
      const target = `${folder}/${imageName(src)}`;
      images.push({ src, target, place: node.position });
      node.properties.src = target;
    });
  };
};

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
