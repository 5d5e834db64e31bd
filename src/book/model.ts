/**
 * The typeset book: what every output format (EPUB, PDF, preview) is made from. Built once per
 * build by core/typeset.ts; outputs only read it.
 */
import type { Element } from 'hast';
import type { BookConfig } from '../config/schema.ts';
import type { Theme } from '../output/theme.ts';
import type { DivisionKind } from '../plugins/remark-book-structure.ts';
import type { BookImage } from './images.ts';

export interface Section {
  /** Stable id, also the EPUB file name. */
  id: string;
  /** What the section is: front-matter pages, parts and chapters, back-matter pages. */
  kind: FrontMatterKind | DivisionKind | BackMatterKind;
  /** Label for tables of contents (plain text). */
  title: string;
  /** Whether the section is listed in tables of contents. */
  inToc: boolean;
  /** The section as HTML: one `<section>` element. */
  html: string;
  /** The same section as a hast tree (read-only: outputs that change it work on a copy). */
  hast: Element;
  /** The manuscript file a part or chapter came from, as diagnostics name it. */
  source?: string;
}

export type FrontMatterKind = 'titlepage' | 'copyright' | 'dedication' | 'epigraph';
export type BackMatterKind = 'acknowledgements' | 'about-the-author' | 'also-by';

export interface Book {
  config: BookConfig;
  /** Unique identifier: `urn:isbn:…` or a `urn:uuid:…` derived from title and author. */
  identifier: string;
  /** Last modification, ISO 8601 to the second (from SOURCE_DATE_EPOCH or the manuscript). */
  modified: string;
  /** Base name of the output files. */
  slug: string;
  /** Front matter pages in reading order. */
  front: Section[];
  /** Parts and chapters in reading order. */
  body: Section[];
  /** Back matter pages (acknowledgements, about the author, also by) in reading order. */
  back: Section[];
  /** Images the text refers to, by their path inside the built book. */
  images: Map<string, BookImage>;
  cover: BookImage | undefined;
  /** The theme (book.yaml `theme:` or `--theme`, default `default`) with the book's own stylesheets. */
  theme: Theme;
}
