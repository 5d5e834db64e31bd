/**
 * Loads the images a book refers to, from the book's own folder only. A URL, an absolute path
 * or a path that leaves the folder is refused, and so is a link that leads outside it
 * (src/book/book-files.ts). An image's type is read from its content, not its name; a file that
 * is not an image, is damaged or truncated, or is too large to read is refused, and an SVG is
 * made safe (src/book/svg-sanitize.ts), each removal a warning at the reference. Every error
 * names the file and line of the reference. The cover is checked against what the stores ask for
 * (KDP: 1.6:1, at least 625 × 1000 px).
 */
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { GalleyError, type Place } from '../errors.ts';
import { fileScope, readBookFile } from './book-files.ts';
import { type ImageFault, PIXEL_LIMIT, probeImage, svgSize } from './raster.ts';
import { sanitizeSvg } from './svg-sanitize.ts';

export interface BookImage {
  /** Path inside the built book, e.g. `images/map-1a2b3c4d.png` (its extension as written). */
  target: string;
  /** From the content: `image/jpeg`, `image/png`, `image/gif`, `image/webp`, `image/svg+xml`. */
  mediaType: string;
  data: Buffer;
  /** Size in pixels (an SVG's own size), when known. */
  width?: number | undefined;
  height?: number | undefined;
  hasAlpha?: boolean | undefined;
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

export interface LoadedImages {
  images: Map<string, BookImage>;
  /** Warnings: what was taken out of SVG images (`image/svg-removed`), at each reference. */
  diagnostics: Diagnostic[];
}

/** Loads each distinct image once; `root` is the book's folder. */
export async function loadImages(requests: ImageRequest[], root: string): Promise<LoadedImages> {
  const images = new Map<string, BookImage>();
  const diagnostics: Diagnostic[] = [];
  const scope = await fileScope(root, "the book's folder");
  for (const request of requests) {
    if (images.has(request.target)) continue;
    const absolute = checkedPath(request, root);
    const { data } = await readBookFile(scope, absolute, {
      file: request.file,
      place: request.place,
      what: `image \`${request.src}\``,
      noun: 'image',
      outside: 'IMAGE_OUTSIDE_BOOK',
      missing: 'IMAGE_MISSING',
    });
    images.set(request.target, await readImage(data, request, diagnostics));
  }
  return { images, diagnostics };
}

/** What the file holds, checked whole; an SVG made safe, with a warning for each removal. */
async function readImage(data: Buffer, request: ImageRequest, diagnostics: Diagnostic[]): Promise<BookImage> {
  const where = { file: request.file, place: request.place };
  const name = `\`${request.src}\``;
  let bytes = data;
  if (looksLikeXml(data)) {
    if (!isUtf8(data)) {
      throw new GalleyError('IMAGE_INVALID', `${name} is an SVG image that is not UTF-8 text`, {
        ...where,
        hint: 'Save it again as UTF-8 SVG (most editors do by default).',
      });
    }
    const clean = sanitizeSvg(data.toString('utf8'));
    if (!clean.ok) {
      throw new GalleyError(
        'IMAGE_INVALID',
        `${name} is not a well-formed SVG image: ${clean.reason}${clean.line ? ` (its line ${clean.line})` : ''}`,
        {
          ...where,
          hint: 'Open it in a vector editor and save it again as plain SVG, or export it as PNG.',
        },
      );
    }
    for (const { what, line, why } of clean.removed.sort((x, y) => (x.line ?? 0) - (y.line ?? 0))) {
      diagnostics.push({
        ...where,
        line: request.place?.line,
        column: request.place?.column,
        ruleId: 'image/svg-removed',
        severity: 'warning',
        message: `removed \`${what}\` from the SVG ${name}${line ? ` (its line ${line})` : ''}: ${why ?? "a book's images may not run scripts or load anything from outside"}`,
      });
    }
    bytes = Buffer.from(clean.svg, 'utf8');
  }
  const facts = await probeImage(bytes);
  if ('fault' in facts) throw imageFault(facts, name, where);
  if (facts.mediaType === 'image/svg+xml' && bytes === data) {
    // sharp saw an SVG our XML sniffing missed (e.g. a UTF-16 file): refuse rather than pass it unsanitised.
    throw new GalleyError('IMAGE_INVALID', `${name} is an SVG image in an encoding Galley cannot check`, {
      ...where,
      hint: 'Save it again as UTF-8 SVG.',
    });
  }
  return { target: request.target, ...facts, data: bytes };
}

/** An SVG (or any XML) starts, after an optional BOM and white space, with `<`. */
function looksLikeXml(data: Buffer): boolean {
  return /^(?:\uFEFF)?\s*</.test(data.subarray(0, 256).toString('utf8'));
}

function imageFault(fault: ImageFault, name: string, where: object): GalleyError {
  const convert = 'Convert the image to PNG or JPEG.';
  switch (fault.fault) {
    case 'not-an-image':
      return new GalleyError(
        'IMAGE_UNSUPPORTED',
        `${name} is not a JPEG, PNG, GIF, SVG or WebP image (its content is none of these)`,
        {
          ...where,
          hint: 'Check that the file is the image you meant; an image of another kind must be converted to PNG or JPEG.',
        },
      );
    case 'unsupported':
      return new GalleyError('IMAGE_UNSUPPORTED', `${name} is a ${fault.format} image; books take JPEG, PNG, GIF, SVG or WebP`, {
        ...where,
        hint: convert,
      });
    case 'too-large':
      return new GalleyError(
        'IMAGE_INVALID',
        `${name} is ${fault.width} × ${fault.height} px, more than the ${Math.round(PIXEL_LIMIT / 1e6)} million pixels Galley reads`,
        { ...where, hint: 'Scale it down in an image editor: stores take at most 4 million pixels (e.g. 2000 × 2000).' },
      );
    case 'damaged':
      return new GalleyError('IMAGE_INVALID', `${name} is damaged or cut short and cannot be read (${fault.reason})`, {
        ...where,
        hint: 'Open it in an image editor and save it again, or export it anew from the original.',
      });
  }
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
  if (image.mediaType === 'image/svg+xml') return svgSize(image.data);
  return image.width && image.height ? { width: image.width, height: image.height } : undefined;
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
