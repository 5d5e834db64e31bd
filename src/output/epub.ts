/**
 * EPUB 3 through epub-gen-memory (the only module that imports it), with Galley's own package
 * templates (templates/epub/). epub-gen-memory never fetches: every image it finds in the text
 * is served from the images Galley already loaded from the book's folder, under stable names,
 * and zip entries get the book's modified date, so the same manuscript gives the same file.
 */
import { EPub } from 'epub-gen-memory';
import type { BookImage } from '../book/images.ts';
import type { Book, Section } from '../book/model.ts';
import { GalleyError } from '../errors.ts';
import { readTemplate, themeCss } from './theme.ts';

interface Page {
  id: string;
  title: string;
  filename: string;
  content: string;
  beforeToc: boolean;
  kind: string;
  matter: 'cover' | 'frontmatter' | 'bodymatter';
}

interface TocEntry {
  title: string;
  href: string;
  children: TocEntry[];
}

const SEMANTICS: Record<Section['kind'], string> = {
  titlepage: 'epub:type="titlepage"',
  copyright: 'epub:type="copyright-page"',
  dedication: 'epub:type="dedication" role="doc-dedication"',
  part: 'epub:type="part" role="doc-part"',
  chapter: 'epub:type="chapter" role="doc-chapter"',
};

/** epub-gen-memory with downloads replaced by Galley's loaded images. */
class OfflineEPub extends EPub {
  constructor(
    options: ConstructorParameters<typeof EPub>[0],
    pages: Page[],
    private readonly assets: Map<string, BookImage>,
  ) {
    super(options, pages);
    for (const image of this.images) {
      if (!assets.has(image.url)) {
        throw new GalleyError('EPUB_FAILED', `the text refers to \`${image.url}\`, which Galley did not load`);
      }
      // Point the text back at the stable name instead of the library's random one.
      const random = `images/${image.id}.${image.extension}`;
      for (const chapter of this.content) chapter.content = chapter.content.split(random).join(image.url);
    }
  }

  protected override async downloadAllImages(): Promise<void> {
    const oebps = this.zip.folder('OEBPS');
    for (const image of this.images) oebps?.file(image.url, (this.assets.get(image.url) as BookImage).data);
  }

  protected override async downloadAllFonts(): Promise<void> {}

  protected override async makeCover(): Promise<void> {}

  /** Gives every zip entry the same date, so rebuilding the same book gives the same bytes. */
  stampDates(date: Date): void {
    this.zip.forEach((_path, entry) => {
      entry.date = date;
    });
  }
}

export async function renderEpub(book: Book): Promise<Buffer> {
  const { config } = book;
  const assets = new Map(book.images);
  if (book.cover) assets.set(book.cover.target, book.cover);
  const pages = [...coverPage(book), ...book.front.map((s) => page(s, true)), ...book.body.map((s) => page(s, false))];
  const [css, contentOPF, tocXHTML, tocNCX, chapterXHTML] = await Promise.all([
    themeCss('epub'),
    readTemplate('epub', 'content.opf.ejs'),
    readTemplate('epub', 'toc.xhtml.ejs'),
    readTemplate('epub', 'toc.ncx.ejs'),
    readTemplate('epub', 'chapter.xhtml.ejs'),
  ]);
  const toc = tocEntries(book.body);
  const galley = {
    identifier: book.identifier,
    title: config.title,
    subtitle: config.subtitle,
    authors: config.author.map((name) => ({ name, fileAs: fileAs(name) })),
    publisher: config.publisher,
    date: config.date,
    rights: config.rights,
    description: config.description,
    modified: book.modified,
    cover: book.cover ? { id: 'cover-image' } : undefined,
    hasImages: assets.size > 0,
    images: [...assets.values()].map((image) => ({
      id: image === book.cover ? 'cover-image' : `img-${image.target.replace(/^images\//, '').replace(/[^A-Za-z0-9-]/g, '-')}`,
      href: image.target,
      mediaType: image.mediaType,
      cover: image === book.cover,
    })),
    toc,
    tocDepth: toc.some((e) => e.children.length) ? 2 : 1,
    landmarks: [
      ...(book.cover ? [{ type: 'cover', href: 'cover.xhtml', title: 'Cover' }] : []),
      { type: 'toc', href: 'toc.xhtml#toc', title: 'Contents' },
      { type: 'bodymatter', href: `${book.body[0]?.id}.xhtml`, title: 'Start of Content' },
    ],
  };
  try {
    const epub = new OfflineEPub(
      {
        title: config.title,
        author: config.author,
        lang: config.language,
        tocTitle: 'Contents',
        prependChapterTitles: false,
        css,
        contentOPF,
        tocXHTML,
        tocNCX,
        chapterXHTML,
        verbose: false,
        ...{ galley },
      },
      pages,
      assets,
    );
    await epub.render();
    epub.stampDates(new Date(book.modified));
    return await epub.generateAsync({
      type: 'nodebuffer',
      mimeType: 'application/epub+zip',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
  } catch (cause) {
    if (cause instanceof GalleyError) throw cause;
    throw new GalleyError('EPUB_FAILED', `could not make the EPUB: ${(cause as Error).message}`, { cause });
  }
}

function coverPage(book: Book): Page[] {
  if (!book.cover) return [];
  const alt = `Cover of ${book.config.title} by ${book.config.author.join(' and ')}`;
  return [
    {
      id: 'cover',
      title: 'Cover',
      filename: 'cover.xhtml',
      content: `<section epub:type="cover" class="cover"><img src="${book.cover.target}" alt="${escapeXml(alt)}"/></section>`,
      beforeToc: true,
      kind: 'cover',
      matter: 'cover',
    },
  ];
}

function page(section: Section, front: boolean): Page {
  return {
    id: section.id,
    title: section.title,
    filename: `${section.id}.xhtml`,
    content: section.html.replace(/^<section\b/, `<section ${SEMANTICS[section.kind]}`),
    beforeToc: front,
    kind: section.kind,
    matter: front ? 'frontmatter' : 'bodymatter',
  };
}

/** Parts, with the chapters that follow each nested under it. */
function tocEntries(body: Section[]): TocEntry[] {
  const entries: TocEntry[] = [];
  let part: TocEntry | undefined;
  for (const section of body.filter((s) => s.inToc)) {
    const entry = { title: section.title, href: `${section.id}.xhtml`, children: [] };
    if (section.kind === 'part') {
      part = entry;
      entries.push(entry);
    } else if (part) part.children.push(entry);
    else entries.push(entry);
  }
  return entries;
}

/** "Maren Tolliver" → "Tolliver, Maren"; a single name stays as it is. */
function fileAs(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.length < 2 ? name : `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
