/**
 * The package metadata of the EPUB (content.opf): identifier, titles, creators with roles and
 * sort names, series, subjects, publisher, rights, dates, and the accessibility metadata of
 * EPUB Accessibility 1.1 — access modes, features, hazards, a summary and the conformance claim
 * (WCAG 2.2 AA, checked with DAISY Ace in Galley's tests) with who certifies it.
 */
import { rightsText } from '../../book/copyright-page.ts';
import type { Book } from '../../book/model.ts';
import { compactIsbn } from '../../config/rights-schema.ts';
import { fill, texts } from '../../i18n/index.ts';

export interface PackageMetadata {
  identifier: string;
  /** ONIX code list 5 type of the identifier: 15 for an ISBN-13. */
  identifierType: string | undefined;
  title: string;
  subtitle: string | undefined;
  creators: { name: string; fileAs: string; role: string; element: 'creator' | 'contributor' }[];
  publisher: string | undefined;
  date: string | undefined;
  rights: string;
  description: string | undefined;
  subjects: string[];
  series: { name: string; position: number | undefined } | undefined;
  modified: string;
  accessModes: string[];
  accessModesSufficient: string[];
  features: string[];
  hazards: string[];
  summary: string;
  conformsTo: string;
  certifiedBy: string;
  /** `pageBreakSource`: the print edition the page list comes from. */
  pageSource: string | undefined;
  specifiedFonts: boolean;
}

export interface MetadataFacts {
  hasImages: boolean;
  hasPageList: boolean;
  hasFootnotes: boolean;
  embedsFonts: boolean;
}

export const CONFORMANCE = 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA';

export function packageMetadata(book: Book, facts: MetadataFacts): PackageMetadata {
  const { config } = book;
  const isbn = book.identifier.startsWith('urn:isbn:');
  const features = [
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'ARIA',
    'displayTransformability',
    ...(facts.hasImages ? ['alternativeText'] : []),
    ...(facts.hasPageList ? ['pageBreakMarkers', 'pageNavigation'] : []),
  ];
  // In the book's language, as the package's other metadata.
  const said = texts(config.language).accessibility;
  const summary = [
    said.reflowable,
    said.navigation,
    facts.hasFootnotes ? said.notes : '',
    facts.hasImages ? said.images : '',
    facts.hasPageList ? said.pageList : said.noPageList,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    identifier: book.identifier,
    identifierType: isbn && book.identifier.length === 9 + 13 ? '15' : undefined,
    title: config.title,
    subtitle: config.subtitle,
    creators: config.creators.map((c) => ({ ...c, element: c.role === 'aut' ? 'creator' : 'contributor' })),
    publisher: config.publisher,
    date: config.date,
    rights: rightsText(config),
    description: config.description,
    subjects: config.subjects,
    series: config.series ? { name: config.series.name, position: config.series.position } : undefined,
    modified: book.modified,
    accessModes: ['textual', ...(facts.hasImages ? ['visual'] : [])],
    accessModesSufficient: ['textual'],
    features,
    hazards: ['none'],
    summary,
    conformsTo: CONFORMANCE,
    certifiedBy: config.publisher ?? config.author.join(', '),
    pageSource: facts.hasPageList ? printEdition(book) : undefined,
    specifiedFonts: facts.embedsFonts,
  };
}

/** Names the print edition: its ISBN when given, else its title, publisher and trim. */
function printEdition(book: Book): string {
  const { config } = book;
  const isbn = config.isbn?.print ?? config.epub['print-isbn'];
  if (isbn) return `urn:isbn:${compactIsbn(isbn)}`;
  // The publisher follows the title as a name of its own, which reads the same in every language.
  const title = config.publisher ? `${config.title}, ${config.publisher}` : config.title;
  return fill(texts(config.language).printEditionSource, { title, trim: config.print.trim });
}
