/**
 * The EPUB's documents and resources as epub-gen-memory takes them (epub.ts gives them to it):
 * each section's page with its file name and its place in the book (front, body or back
 * matter), the cover as a page of its own, and the images as resources.
 */
import { authorsOf } from '../../book/front-matter.ts';
import type { Book, Section } from '../../book/model.ts';
import { fill, listNames, texts } from '../../i18n/index.ts';
import type { EpubImage } from './images.ts';
import { hastToXhtml } from './xhtml.ts';

export interface Page {
  id: string;
  title: string;
  filename: string;
  /** Empty: the library's HTML filter has nothing to do. The document is `xhtml`. */
  content: string;
  xhtml: string;
  beforeToc: boolean;
  linear: boolean;
  kind: string;
  matter: 'cover' | 'frontmatter' | 'bodymatter' | 'backmatter';
}

export interface Resource {
  id: string;
  href: string;
  mediaType: string;
  data: Buffer;
  properties?: string | undefined;
}

/** Document file names: the section ids, made unique. */
export function fileNames(sections: Section[]): Map<Section, string> {
  // File names double as manifest ids: keep clear of the package's own files and ids.
  const taken = new Set(['cover', 'toc', 'style', 'content', 'nav', 'ncx', 'css', 'cover-image']);
  const names = new Map<Section, string>();
  for (const section of sections) {
    let name = section.id;
    for (let n = 2; taken.has(name); n++) name = `${section.id}-${n}`;
    taken.add(name);
    names.set(section, `${name}.xhtml`);
  }
  return names;
}

export function matterOf(book: Book, section: Section): Page['matter'] {
  if (book.front.includes(section)) return 'frontmatter';
  return book.back.includes(section) ? 'backmatter' : 'bodymatter';
}

export function page(section: Section, file: string, xhtml: string, matter: Page['matter']): Page {
  return {
    id: file.replace(/\.xhtml$/, ''),
    title: section.title,
    filename: file,
    content: '',
    xhtml,
    beforeToc: matter === 'frontmatter',
    linear: true,
    kind: section.kind,
    matter,
  };
}

/** The cover as a page of its own: the image, described for readers who cannot see it. */
export function coverDocument(book: Book, cover: EpubImage, linear: boolean): Page {
  const { config } = book;
  const words = texts(config.language);
  const authors = listNames(
    authorsOf(config.creators).map((c) => c.name),
    config.language,
  );
  const alt = fill(authors ? words.coverAlt : words.coverAltNoAuthor, { title: config.title, authors });
  const xhtml = hastToXhtml({
    type: 'element',
    tagName: 'section',
    properties: { 'epub:type': 'cover', className: ['cover'] },
    children: [{ type: 'element', tagName: 'img', properties: { src: cover.href, alt }, children: [] }],
  });
  return {
    id: 'cover',
    title: words.cover,
    filename: 'cover.xhtml',
    content: '',
    xhtml,
    beforeToc: true,
    linear,
    kind: 'cover',
    matter: 'cover',
  };
}

export function imageResource(image: EpubImage, index: number): Resource {
  return {
    // Section ids never hold `_`, so these cannot clash with a chapter's.
    id: image.cover ? 'cover-image' : `img_${index + 1}`,
    href: image.href,
    mediaType: image.mediaType,
    data: image.data,
    properties: image.cover ? 'cover-image' : undefined,
  };
}
