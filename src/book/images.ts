/**
 * Loads the images a book refers to, from the book's own folder only. A URL, an absolute path
 * or a path that leaves the folder is refused, and so is a file that is missing or of a type
 * EPUB readers cannot show; each error names the file and line of the reference.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GalleyError, type Place } from '../errors.ts';

export interface BookImage {
  /** Path inside the built book, e.g. `images/map-1a2b3c4d.png`. */
  target: string;
  mediaType: string;
  data: Buffer;
}

export interface ImageRequest {
  src: string;
  target: string;
  /** Where the reference stands, for error messages. */
  file: string;
  place: Place | undefined;
  /** Folder relative paths start from. */
  from: string;
}

const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** Loads each distinct image once; `root` is the book's folder. */
export async function loadImages(requests: ImageRequest[], root: string): Promise<Map<string, BookImage>> {
  const images = new Map<string, BookImage>();
  for (const request of requests) {
    if (images.has(request.target)) continue;
    const where = { file: request.file, place: request.place };
    const absolute = checkedPath(request, root);
    const mediaType = MEDIA_TYPES[path.extname(absolute).toLowerCase()];
    if (!mediaType) {
      throw new GalleyError('IMAGE_UNSUPPORTED', `\`${request.src}\` is not a JPEG, PNG, GIF, SVG or WebP image`, {
        ...where,
        hint: 'Convert the image to PNG or JPEG.',
      });
    }
    const data = await readFile(absolute).catch((cause: NodeJS.ErrnoException) => {
      throw new GalleyError('IMAGE_MISSING', `image \`${request.src}\` not found (${cause.code ?? cause.message})`, {
        ...where,
        hint: `Put the image at ${path.relative(process.cwd(), absolute)} or fix the path.`,
        cause,
      });
    });
    images.set(request.target, { target: request.target, mediaType, data });
  }
  return images;
}

function checkedPath(request: ImageRequest, root: string): string {
  const where = { file: request.file, place: request.place };
  const src = request.src.trim();
  if (src === '') {
    throw new GalleyError('IMAGE_MISSING', 'image without a path', {
      ...where,
      hint: 'Write the image as ![description](path/to/image.png).',
    });
  }
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
    throw new GalleyError('IMAGE_REMOTE', `image \`${src}\` is not a file in the book's folder`, {
      ...where,
      hint: 'Download the image into the book folder and refer to it by a relative path; Galley never fetches from the network.',
    });
  }
  let decoded = src;
  try {
    decoded = decodeURI(src);
  } catch {
    // A path with a stray `%` is taken as written.
  }
  const absolute = path.resolve(request.from, decoded);
  const relative = path.relative(root, absolute);
  if (path.isAbsolute(decoded) || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new GalleyError('IMAGE_OUTSIDE_BOOK', `image \`${src}\` is outside the book's folder`, {
      ...where,
      hint: `Move the image into ${path.relative(process.cwd(), root) || '.'} and refer to it by a relative path.`,
    });
  }
  return absolute;
}
