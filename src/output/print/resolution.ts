/**
 * `print/low-resolution`: an image that prints at under 300 pixels to the inch, which print on
 * demand asks for, with its place (the image in the manuscript, or its reference in book.yaml).
 * The printed size is worked out from the page geometry (image-size.ts), as the print CSS sizes
 * it: exact for a fixed `print.inner`; for `auto`, with the gutter of the page count guessed from
 * the amount of text (as the PDF's first estimate), which moves the text block by at most an
 * eighth of an inch. Vector images (SVG) have no resolution and are not checked.
 */
import type { Element } from 'hast';
import type { ImageRequest } from '../../book/images.ts';
import type { Book, Section } from '../../book/model.ts';
import { parseLength } from '../../config/trim.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { kdpGutter, pageGeometry } from './geometry.ts';
import { isBlockImage, naturalSize, printedPpi, printedSize, type TextBlock } from './image-size.ts';

/** What print on demand asks of an image, in pixels to the inch. */
export const PRINT_PPI = 300;

/** A warning for each image (each place it is used) that prints under PRINT_PPI. */
export function lowResolutionNotes(book: Book, requests: ImageRequest[]): Diagnostic[] {
  const text = printTextBlock(book);
  if (!text) return [];
  const notes: Diagnostic[] = [];
  for (const section of [...book.front, ...book.body, ...book.back]) {
    for (const { img, parents } of images(section.hast)) {
      const src = String(img.properties.src ?? '');
      const image = book.images.get(src);
      if (!image?.width || !image.height || image.mediaType === 'image/svg+xml') continue;
      const natural = naturalSize(img, image);
      if (!natural) continue;
      const printed = printedSize(natural, text, isBlockImage(parents));
      const ppi = printedPpi({ width: image.width, height: image.height }, printed);
      if (ppi >= PRINT_PPI - 0.5) continue;
      const request = placeOf(section, img, src, requests);
      const inches = (pt: number) => (pt / 72).toFixed(2);
      const across = Math.ceil((PRINT_PPI * printed.width) / 72);
      notes.push({
        file: request.file,
        line: request.line,
        column: request.column,
        ruleId: 'print/low-resolution',
        severity: 'warning',
        message: `\`${request.src}\` prints at ${Math.floor(ppi)} ppi (${image.width} × ${image.height} px on ${inches(printed.width)} × ${inches(printed.height)} in); print needs ${PRINT_PPI}`,
        hint: `Use the image at ${across} px across or more, or give it a \`width\` so it prints smaller.`,
      });
    }
  }
  return notes;
}

/** The print edition's text block, from book.yaml's `print:` and the theme's line; undefined when the settings do not make one. */
export function printTextBlock(book: Book): TextBlock | undefined {
  const print = book.config.print;
  const line = parseLength(book.theme.print['line-height']);
  const size = parseLength(book.theme.print['font-size']);
  if (!line || !size) return undefined;
  const furniture = { heads: print['running-heads'] !== 'none', folios: print.folios };
  const fixed = print.inner === 'auto' ? undefined : parseLength(print.inner);
  try {
    const guess = pageGeometry(print, fixed ?? kdpGutter(300), line, furniture);
    const gutter = fixed ?? kdpGutter(pagesFromText(book, guess.recto.width, guess.recto.height / line, size));
    const { recto } = pageGeometry(print, gutter, line, furniture);
    return { width: recto.width, height: recto.height, line };
  } catch {
    // Margins that leave no text block: the print build says so, with what to do.
    return undefined;
  }
}

/** About how many pages the book takes (about 0.4 em a character, each section on a new page). */
function pagesFromText(book: Book, width: number, lines: number, size: number): number {
  const perPage = (width / (0.4 * size)) * lines;
  const sections = [...book.body, ...book.back];
  const characters = sections.reduce((sum, s) => sum + textLength(s.hast), 0);
  return Math.ceil(characters / perPage) + Math.ceil(1.5 * sections.length) + 8;
}

function textLength(node: Element): number {
  let length = 0;
  for (const child of node.children) {
    if (child.type === 'text') length += child.value.length;
    else if (child.type === 'element') length += textLength(child);
  }
  return length;
}

function* images(root: Element, parents: Element[] = []): Generator<{ img: Element; parents: Element[] }> {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img') yield { img: child, parents: [...parents, root] };
    else yield* images(child, [...parents, root]);
  }
}

/** Where the image is given: its node in a manuscript file, or (front and back matter) its reference. */
function placeOf(section: Section, img: Element, src: string, requests: ImageRequest[]) {
  const start = section.source ? img.position?.start : undefined;
  const same = (r: ImageRequest) =>
    r.file === section.source && r.place?.line === start?.line && r.place?.column === start?.column;
  const request = requests.find((r) => r.target === src && (!start || same(r))) ?? requests.find((r) => r.target === src);
  const place = start ?? request?.place;
  return { file: section.source ?? request?.file ?? '', line: place?.line, column: place?.column, src: request?.src ?? src };
}
