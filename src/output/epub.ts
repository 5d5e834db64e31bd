/**
 * EPUB 3 through epub-gen-memory (the only module that imports it), with Galley's own package
 * templates (templates/epub/). Galley makes every document itself (src/output/epub/): the
 * library gets them as finished XHTML it does not re-parse or filter, and renders the package
 * templates. It never fetches: images and fonts are the files Galley loaded from the book's
 * folder and the theme, under stable names. The ZIP is written by src/output/epub/zip.ts in a
 * fixed order with fixed dates, so the same manuscript gives the same bytes.
 *
 * When the print edition was made in the same run, its page breaks are marked in the text and
 * listed in a page list (src/output/epub/page-breaks.ts). The documents and resources handed to
 * the library: src/output/epub/documents.ts.
 */
import type { EPub } from 'epub-gen-memory';
import type JSZip from 'jszip';
import type { Element as XastElement } from 'xast';
import type { Book, Section } from '../book/model.ts';
import { GalleyError } from '../errors.ts';
import { texts } from '../i18n/index.ts';
import { designCss, designedTrees, ornamentResources } from './epub/design.ts';
import { coverDocument, fileNames, imageResource, matterOf, type Page, page, type Resource } from './epub/documents.ts';
import { codePointsOf, type EmbeddedFont, embedFonts } from './epub/fonts.ts';
import { epubImages } from './epub/images.ts';
import { packageMetadata } from './epub/metadata.ts';
import { flatten, type Landmark, type TocEntry, tableOfContents, tocDepth } from './epub/navigation.ts';
import { type PageTarget, pageBreaks } from './epub/page-breaks.ts';
import { type EpubTarget, targetCss, targetProfile } from './epub/targets.ts';
import { sectionXast, serializeXhtml, textOf } from './epub/xhtml.ts';
import { type ZipEntry, zipEntries } from './epub/zip.ts';
import { loadOrnaments } from './ornaments.ts';
import { readTemplate, themeCss } from './theme.ts';
import { themeDesign } from './theme-design.ts';

export type { EpubTarget };

export interface EpubOptions {
  /** Store the EPUB is made for (default `generic`). */
  target?: EpubTarget | undefined;
  /**
   * The print edition made in the same run: its pages are marked in the EPUB. Given as a promise,
   * the EPUB is made while the print edition is, and its pages marked when it comes.
   */
  print?: PrintEdition | Promise<PrintEdition | undefined> | undefined;
  /** Told about what could not be done (the EPUB is still made). */
  warn?: (message: string) => void;
}

/**
 * What the EPUB's page list is made from: the print edition's folios and its layout's page map,
 * each page's first words ('' for a page with no text the EPUB has there: its marker stands
 * beside the next page's); without a page map, the EPUB has no page list.
 */
export interface PrintEdition {
  pageLabels?: string[] | undefined;
  pageTexts?: string[] | undefined;
}

type EPubOptions = ConstructorParameters<typeof EPub>[0];

/** The EPUB's files as epub-gen-memory assembled them (its templates, container and file map), not yet archived. */
export interface AssembledEpub {
  /** The library's JSZip holding them (bench/zip.bench.ts archives it with JSZip's own writer). */
  readonly container: JSZip;
  /** The entries kept uncompressed: the mimetype (as OCF requires), images and fonts (compressed already). */
  storedNames(): Set<string>;
  /** The files, in the order the library added them (the mimetype first). */
  entries(): Promise<ZipEntry[]>;
}

/**
 * epub-gen-memory with downloads replaced by Galley's own files. The library is loaded here, when
 * an EPUB is made: a PDF-only build, `galley check` and the preview never load it.
 */
async function assemble(options: EPubOptions, pages: Page[], resources: Resource[]): Promise<AssembledEpub> {
  const { EPub } = await import('epub-gen-memory');
  class OfflineEPub extends EPub implements AssembledEpub {
    constructor() {
      super(options, pages);
      if (this.images.length > 0) {
        throw new GalleyError('EPUB_FAILED', `the EPUB library found images Galley did not load: ${this.images[0]?.url}`);
      }
    }

    protected override async downloadAllImages(): Promise<void> {
      const oebps = this.zip.folder('OEBPS');
      for (const item of resources) oebps?.file(item.href, item.data);
    }

    protected override async downloadAllFonts(): Promise<void> {}

    protected override async makeCover(): Promise<void> {}

    get container(): JSZip {
      return this.zip;
    }

    storedNames(): Set<string> {
      return new Set(['mimetype', ...resources.map((r) => `OEBPS/${r.href}`)]);
    }

    async entries(): Promise<ZipEntry[]> {
      const stored = this.storedNames();
      const files = Object.values(this.zip.files).filter((file) => !file.dir);
      return Promise.all(
        files.map(async (file) => ({ name: file.name, data: await file.async('nodebuffer'), store: stored.has(file.name) })),
      );
    }
  }
  const epub = new OfflineEPub();
  await epub.render();
  return epub;
}

export async function renderEpub(book: Book, options: EpubOptions = {}): Promise<Buffer> {
  const epub = await assembleEpub(book, options);
  // Every entry carries the book's modified date: the same manuscript gives the same bytes.
  return zipEntries(await epub.entries(), new Date(book.modified));
}

/** The EPUB's files, assembled by the library, before they are archived (bench/zip.bench.ts times the archive). */
export async function assembleEpub(book: Book, options: EpubOptions = {}): Promise<AssembledEpub> {
  const { config } = book;
  const profile = targetProfile(options.target);
  const images = await epubImages(book.images, book.cover);
  const imagePaths = new Map(images.map((image) => [image.source, image.href]));
  const cover = images.find((image) => image.cover);

  const files = fileNames([...book.front, ...book.body, ...book.back]);
  // The theme's chapter heads, lead-ins and ornaments, on copies of the sections (src/output/epub/design.ts).
  const design = themeDesign(book.theme.layers);
  const ornaments = ornamentResources(await loadOrnaments(design));
  const designed = designedTrees(book, { design, language: config.language, images: ornaments.hrefs });
  const documents: Array<{ section: Section; file: string } & ReturnType<typeof sectionXast>> = [];
  for (const section of [...book.front, ...book.body, ...book.back]) {
    // Made beside the print edition: the browser's messages are answered between sections.
    if (options.print) await new Promise((resolve) => setImmediate(resolve));
    documents.push({
      section,
      file: files.get(section) as string,
      ...sectionXast(designed.has(section) ? { ...section, hast: designed.get(section) as Section['hast'] } : section, {
        images: imagePaths,
        subheadingLevels: config.epub['toc-depth'] - 1,
      }),
    });
  }
  // The text the page list is placed in, indexed while the print edition is still being made.
  const breaks = options.print && pageBreaks(documents.map((d) => ({ file: d.file, root: d.root })));
  const embed = config.epub['embed-fonts'] ?? profile.embedFontsByDefault;
  let css = `${await themeCss(book.theme, 'epub')}\n${designCss(design)}\n${targetCss(profile)}`;
  let fonts: EmbeddedFont[] = [];
  if (embed) {
    // The page break markers add no text: the fonts are subset before they go in.
    const embedding = await embedFonts(book.theme, css, codePointsOf(documents.map((d) => textOf(d.root))));
    css = `${embedding.css}\n\n${css}`;
    fonts = embedding.files;
  }
  const print = await options.print;
  const pageList = print && breaks ? printPageList(print, breaks, options.warn) : [];

  const coverPage = cover ? [coverDocument(book, cover, profile.coverInReadingOrder)] : [];
  const pages: Page[] = [
    ...coverPage,
    ...documents.map((d) => page(d.section, d.file, serializeXhtml(d.root), matterOf(book, d.section))),
  ];
  const toc = tableOfContents(documents, profile.maxTocLevels);
  // Every word the EPUB's own pages and labels say, in the book's language (src/i18n/).
  const words = texts(config.language);
  const landmarks: Landmark[] = [
    ...(cover ? [{ type: 'cover', href: 'cover.xhtml', title: words.cover }] : []),
    { type: 'toc', href: 'toc.xhtml#toc', title: words.contents },
    { type: 'bodymatter', href: files.get(book.body[0] as Section) as string, title: words.startOfText },
  ];
  const resources = [
    ...images.map(imageResource),
    ...ornaments.resources,
    ...fonts.map((f, i) => ({ ...f, id: `font_${i + 1}` })),
  ];
  const hasNotes = documents.some((d) => hasRole(d.root, 'doc-footnote'));
  const galley = {
    meta: packageMetadata(book, {
      hasImages: images.some((i) => !i.cover),
      hasPageList: pageList.length > 0,
      hasFootnotes: hasNotes,
      embedsFonts: fonts.length > 0,
    }),
    cover: cover !== undefined,
    resources,
    toc,
    ncx: ncxPoints(toc),
    tocDepth: Math.max(1, tocDepth(toc)),
    landmarks,
    labels: { landmarks: words.landmarks, pageList: words.pageList },
    pages: pageList,
  };
  const [contentOPF, tocXHTML, tocNCX, chapterXHTML] = (await Promise.all(
    ['content.opf.ejs', 'toc.xhtml.ejs', 'toc.ncx.ejs', 'chapter.xhtml.ejs'].map((name) => readTemplate('epub', name)),
  )) as [string, string, string, string];
  try {
    return await assemble(
      {
        title: config.title,
        author: config.author,
        lang: config.language,
        tocTitle: words.contents,
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
      resources,
    );
  } catch (cause) {
    if (cause instanceof GalleyError) throw cause;
    throw new GalleyError('EPUB_FAILED', `could not make the EPUB: ${(cause as Error).message}`, { cause });
  }
}

/** The page list: each page's first words, from the print layout's page map, marked in the text. */
function printPageList(
  print: PrintEdition,
  breaks: ReturnType<typeof pageBreaks>,
  warn: ((message: string) => void) | undefined,
): PageTarget[] {
  const pages = print.pageTexts;
  if (!pages?.length) {
    warn?.('the print layout did not tell where each page begins, so the EPUB has no print page numbers');
    return [];
  }
  const labels = print.pageLabels ?? [];
  return breaks.insert(
    pages,
    pages.map((_, i) => labels[i] ?? String(i + 1)),
  );
}

interface NcxPoint extends TocEntry {
  order: number;
  children: NcxPoint[];
}

/** The table of contents with the NCX's play order (reading order, from 1). */
function ncxPoints(toc: TocEntry[]): NcxPoint[] {
  const order = new Map(flatten(toc).map(({ entry }, i) => [entry, i + 1]));
  const convert = (entries: TocEntry[]): NcxPoint[] =>
    entries.map((entry) => ({ ...entry, order: order.get(entry) as number, children: convert(entry.children) }));
  return convert(toc);
}

function hasRole(root: XastElement, role: string): boolean {
  return root.children.some((c) => c.type === 'element' && (c.attributes.role === role || hasRole(c, role)));
}
