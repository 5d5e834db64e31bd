/**
 * What an image file really is, and changing its pixels: the only importer of sharp. An image's
 * type comes from its content (its first bytes and its decoder), never from its file name. A
 * raster image is decoded in full once, so a damaged or truncated file is found when the book is
 * read rather than shown half-drawn in a reader.
 */
import type { FailOnOptions } from 'sharp';

/** The media types a book may hold, by sharp's name for the format. */
const FORMATS: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/** Names for formats sharp can read but EPUB readers cannot show, for the message. */
const OTHER_FORMATS: Record<string, string> = {
  tiff: 'TIFF',
  heif: 'HEIF',
  avif: 'AVIF',
  jp2: 'JPEG 2000',
  jxl: 'JPEG XL',
  pdf: 'PDF',
  magick: 'BMP',
  raw: 'raw',
  fits: 'FITS',
  vips: 'VIPS',
  openslide: 'slide',
  ppm: 'PPM',
};

/** sharp's default limit on the pixels it reads (16383 × 16383). */
export const PIXEL_LIMIT = 268_402_689;

export interface ImageFacts {
  mediaType: string;
  width: number;
  height: number;
  hasAlpha: boolean;
}

export type ImageFault =
  | { fault: 'not-an-image' }
  | { fault: 'unsupported'; format: string }
  | { fault: 'too-large'; width: number; height: number }
  | { fault: 'damaged'; reason: string };

const DECODE: { failOn: FailOnOptions } = { failOn: 'truncated' };

async function loadSharp() {
  return (await import('sharp')).default;
}

/** Reads what `data` is and, for a raster image, decodes it in full to be sure it is whole. */
export async function probeImage(data: Buffer): Promise<ImageFacts | ImageFault> {
  const sharp = await loadSharp();
  const meta = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch((error: Error) => error);
  if (meta instanceof Error) {
    if (/unsupported image format/i.test(meta.message)) return { fault: 'not-an-image' };
    return { fault: 'damaged', reason: meta.message.trim() };
  }
  const format = meta.format as string;
  const mediaType = FORMATS[format];
  if (!mediaType) return { fault: 'unsupported', format: OTHER_FORMATS[format] ?? format.toUpperCase() };
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const facts = { mediaType, width, height, hasAlpha: meta.hasAlpha ?? false };
  // Vector art is drawn at whatever size it is needed; its declared size is not a pixel count.
  if (mediaType === 'image/svg+xml') return facts;
  if (width * height > PIXEL_LIMIT) return { fault: 'too-large', width, height };
  if (width === 0 || height === 0) return { fault: 'damaged', reason: 'it has no pixels' };
  const decoded = await sharp(data, DECODE)
    .resize(64, 64, { fit: 'inside' })
    .raw()
    .toBuffer()
    .then(
      () => undefined,
      (error: Error) => error,
    );
  return decoded ? { fault: 'damaged', reason: decoded.message.trim() } : facts;
}

/** Size of an SVG drawn by sharp (librsvg), or undefined when it cannot be drawn. */
export async function svgSize(data: Buffer): Promise<{ width: number; height: number } | undefined> {
  const sharp = await loadSharp();
  const meta = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  return meta?.width && meta.height ? { width: meta.width, height: meta.height } : undefined;
}

export interface Conversion {
  width: number;
  height: number;
  format: 'image/jpeg' | 'image/png' | 'image/gif';
  /** For vector art: the density to draw it at (72 draws it at its own size). */
  density?: number | undefined;
}

/** Redraws an image at a new size and format (JPEG on white, PNG, or GIF). */
export async function convertImage(data: Buffer, to: Conversion): Promise<Buffer> {
  const sharp = await loadSharp();
  let pipeline = sharp(data, to.density ? { ...DECODE, density: to.density } : DECODE).resize(to.width, to.height, {
    fit: 'fill',
  });
  if (to.format === 'image/jpeg') pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 90, mozjpeg: true });
  else if (to.format === 'image/png') pipeline = pipeline.png({ compressionLevel: 9 });
  else pipeline = pipeline.gif();
  return pipeline.toBuffer();
}
