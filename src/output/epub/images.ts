/**
 * The book's images as the EPUB carries them, made with sharp: WebP becomes JPEG (or PNG when it
 * has transparency) so older readers and Kindle can show it; an image over Apple Books' limit of
 * 4 million pixels is scaled down; the cover is made a JPEG or PNG no larger than KDP's ideal
 * 1600 × 2560. Anything already within the limits is carried byte for byte. Names stay stable
 * (only the extension changes, to the one of the format the content really has), so rebuilding
 * gives the same file.
 */
import path from 'node:path';
import type { BookImage } from '../../book/images.ts';
import { convertImage, svgSize } from '../../book/raster.ts';

/** Apple Books' limit for an image inside a book. */
export const MAX_PIXELS = 4_000_000;
/** KDP's ideal cover, the largest worth shipping. */
export const COVER_BOX = { width: 1600, height: 2560 };

export interface EpubImage {
  /** Path the book's text uses (`images/…`). */
  source: string;
  /** Path inside the EPUB (differs from `source` when the format changed). */
  href: string;
  mediaType: string;
  data: Buffer;
  cover: boolean;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
};
const SAME_TYPE: Record<string, string> = { '.jpeg': '.jpg' };

/** `images/photo-1a2b.png` holding a JPEG → `images/photo-1a2b.jpg`; unchanged when it matches. */
export function hrefFor(target: string, mediaType: string): string {
  const ext = path.posix.extname(target);
  const wanted = EXTENSIONS[mediaType];
  if (!wanted || (SAME_TYPE[ext.toLowerCase()] ?? ext.toLowerCase()) === wanted) return target;
  return target.slice(0, target.length - ext.length) + wanted;
}

export async function epubImages(images: Map<string, BookImage>, cover: BookImage | undefined): Promise<EpubImage[]> {
  const all = [...(cover ? [cover] : []), ...images.values()];
  if (all.length === 0) return [];
  const result: EpubImage[] = [];
  for (const image of all) {
    const isCover = image === cover;
    const href = hrefFor(image.target, image.mediaType);
    const kept = { source: image.target, href, mediaType: image.mediaType, data: image.data, cover: isCover };
    if (image.mediaType === 'image/svg+xml' && !isCover) {
      result.push(kept);
      continue;
    }
    const vector = image.mediaType === 'image/svg+xml';
    const size = vector ? await svgSize(image.data) : image;
    const width = size?.width ?? 0;
    const height = size?.height ?? 0;
    const convert = image.mediaType === 'image/webp' || (isCover && !['image/jpeg', 'image/png'].includes(image.mediaType));
    const scale = isCover
      ? Math.min(vector ? Number.POSITIVE_INFINITY : 1, COVER_BOX.width / width, COVER_BOX.height / height)
      : Math.min(1, Math.sqrt(MAX_PIXELS / Math.max(1, width * height)));
    if (!convert && scale >= 1) {
      result.push(kept);
      continue;
    }
    // Vector art is drawn at the size it is needed; everything else is resized from its pixels.
    const density = vector ? Math.min(2400, 72 * scale) : undefined;
    const format = convert ? (image.hasAlpha && !isCover ? 'image/png' : 'image/jpeg') : image.mediaType;
    const data = await convertImage(image.data, {
      width: Math.max(1, Math.round(width * scale)),
      height: Math.max(1, Math.round(height * scale)),
      format: format as 'image/jpeg' | 'image/png' | 'image/gif',
      density,
    });
    result.push({ source: image.target, href: hrefFor(image.target, format), mediaType: format, data, cover: isCover });
  }
  return result;
}
