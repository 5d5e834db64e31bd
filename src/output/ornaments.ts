/**
 * A theme's ornaments that are image files (theme.json `chapter.ornament`, `scene-break.ornament`
 * naming `ornament.svg` or a PNG or JPEG), read from inside the folder of the theme that names
 * them. An SVG is made safe as the book's own are (src/book/svg-sanitize.ts); a raster image must
 * be what its name says. The EPUB ships each as a file of its own; print draws it from a `data:`
 * address, so nothing outside the book's files loads.
 */
import { fileScope, readBookFile } from '../book/book-files.ts';
import { probeImage } from '../book/raster.ts';
import { sanitizeSvg } from '../book/svg-sanitize.ts';
import { GalleyError } from '../errors.ts';
import type { OrnamentFile, ResolvedDesign } from './theme-design.ts';

export interface OrnamentImage {
  /** The file's name in its theme (`ornament.svg`). */
  name: string;
  data: Buffer;
  mediaType: 'image/svg+xml' | 'image/png' | 'image/jpeg';
}

export interface OrnamentImages {
  head?: OrnamentImage | undefined;
  sceneBreak?: OrnamentImage | undefined;
}

const TYPES: Record<string, OrnamentImage['mediaType']> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

export async function loadOrnaments(design: ResolvedDesign): Promise<OrnamentImages> {
  const [head, sceneBreak] = await Promise.all([design.files.head, design.files.sceneBreak].map((f) => f && loadOrnament(f)));
  return { head, sceneBreak };
}

async function loadOrnament(ornament: OrnamentFile): Promise<OrnamentImage> {
  const ext = ornament.name.split('.').pop()?.toLowerCase() ?? '';
  const mediaType = TYPES[ext];
  const fail = (why: string) =>
    new GalleyError('THEME_INVALID', `the theme's ornament ${ornament.name} ${why}`, {
      file: ornament.file,
      hint: 'Give the ornament as text (`❦`), or as an SVG, PNG or JPEG file in the theme’s folder.',
    });
  if (!mediaType) throw fail('is not an SVG, PNG or JPEG image');
  const scope = await fileScope(ornament.dir, `the theme's folder`);
  const { data } = await readBookFile(scope, ornament.name, { file: ornament.file, what: `the ornament ${ornament.name}` });
  if (mediaType === 'image/svg+xml') {
    const safe = sanitizeSvg(data.toString('utf8'));
    if (!safe.ok) throw fail(`cannot be read as SVG: ${safe.reason}`);
    if (safe.removed.length) throw fail(`holds what an image in a book may not: ${safe.removed.map((r) => r.what).join(', ')}`);
    return { name: ornament.name, data: Buffer.from(safe.svg), mediaType };
  }
  const facts = await probeImage(data);
  if ('fault' in facts || facts.mediaType !== mediaType) throw fail(`is not the ${ext.toUpperCase()} image its name says`);
  return { name: ornament.name, data, mediaType };
}

/** The image as a `data:` address (for print, which loads nothing from outside the book). */
export function dataUrl(image: OrnamentImage): string {
  return `data:${image.mediaType};base64,${image.data.toString('base64')}`;
}
