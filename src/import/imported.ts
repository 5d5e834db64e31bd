/**
 * What a reader (.docx, .html) hands on: the book's metadata, its body as a flat run of HTML
 * blocks (hast) with Galley's markers in it, the footnotes' content by id, the pictures, and the
 * problems found so far. Everything after this is the same for every kind of source.
 */
import type { ElementContent, Root } from 'hast';
import type { ImportProblem } from './problems.ts';

export interface ImportedMeta {
  title?: string | undefined;
  subtitle?: string | undefined;
  authors: string[];
  language?: string | undefined;
  description?: string | undefined;
}

export interface ImportedImage {
  /** File name inside the book's `images/` folder. */
  name: string;
  data: Uint8Array;
}

export interface ImportedDocument {
  meta: ImportedMeta;
  tree: Root;
  notes: Map<string, ElementContent[]>;
  images: ImportedImage[];
  problems: ImportProblem[];
}

/** The class a reader puts on a paragraph that is a scene break, or a page break. */
export const SCENE_BREAK_CLASS = 'galley-scene-break';
export const PAGE_BREAK_CLASS = 'galley-page-break';
/** An image that could not be carried over: the property holds the message. */
export const IMAGE_PROBLEM = 'dataGalleyProblem';

/** A BCP 47 tag such as Galley takes, or undefined (`x-none` and the like are not languages). */
export function languageTag(value: string | undefined): string | undefined {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(tag) && !/^x-/i.test(tag) ? tag : undefined;
}
