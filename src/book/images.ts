/**
 * Loads the images a book refers to, from the book's own folder only. A URL, an absolute path
 * or a path that leaves the folder is refused, and so is a file that is missing or of a type
 * EPUB readers cannot show; each error names the file and line of the reference. The cover is
 * checked against what the stores ask for (KDP: 1.6:1, at least 625 × 1000 px).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
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

/** KDP's cover rules: height 1.6 times the width (ideal 1600 × 2560 px), at least 625 × 1000 px. */
export const COVER = { ratio: 1.6, tolerance: 0.02, minWidth: 625, minHeight: 1000, idealWidth: 1600, idealHeight: 2560 };

/** Pixel size of an image (SVG at its own size), or undefined when it cannot be read. */
export async function imageSize(image: BookImage): Promise<{ width: number; height: number } | undefined> {
  const { default: sharp } = await import('sharp');
  const meta = await sharp(image.data)
    .metadata()
    .catch(() => undefined);
  return meta?.width && meta.height ? { width: meta.width, height: meta.height } : undefined;
}

/** Warnings (`cover/size`, `cover/shape`) for a cover the stores would reject or letterbox. */
export async function checkCover(cover: BookImage, request: ImageRequest): Promise<Diagnostic[]> {
  const size = await imageSize(cover);
  const note = (ruleId: string, message: string): Diagnostic => ({
    file: request.file,
    line: request.place?.line,
    column: request.place?.column,
    ruleId,
    severity: 'warning',
    message,
  });
  if (!size) return [note('cover/size', `cannot read the size of the cover \`${request.src}\`; is it a valid image?`)];
  const notes: Diagnostic[] = [];
  const { width, height } = size;
  // A vector cover is drawn at whatever size the EPUB needs; only its shape matters.
  if (cover.mediaType !== 'image/svg+xml' && (width < COVER.minWidth || height < COVER.minHeight)) {
    notes.push(
      note(
        'cover/size',
        `the cover is ${width} × ${height} px; KDP needs at least ${COVER.minWidth} × ${COVER.minHeight} (ideally ${COVER.idealWidth} × ${COVER.idealHeight})`,
      ),
    );
  }
  const ratio = height / width;
  if (Math.abs(ratio - COVER.ratio) / COVER.ratio > COVER.tolerance) {
    notes.push(
      note(
        'cover/shape',
        `the cover's height is ${ratio.toFixed(2)} times its width; KDP asks for 1.6 (e.g. ${COVER.idealWidth} × ${COVER.idealHeight} px), or stores add borders`,
      ),
    );
  }
  return notes;
}
