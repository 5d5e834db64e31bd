/**
 * The print edition's front matter, as blocks: half title (recto), "also by" (its verso), title
 * page (recto), copyright (its verso), dedication (recto), epigraph (recto) and the table of
 * contents (recto). The pages come from the book's own front-matter sections; the half title and
 * the table of contents are made here. The contents' page numbers sit in fixed-width slots, so
 * the contents take the same room before and after the numbers are known.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Book, Section } from '../../book/model.ts';
import { isNumberTitle, texts } from '../../i18n/index.ts';
import { type BlockKind, openDetails, type PrintBlock } from './blocks.ts';
import { marker } from './markers.ts';

/**
 * Whether the book gets a table of contents: `print.toc`, or on `auto` when it has two or more
 * chapters and each has a title of its own (a heading that is more than a number: a list of
 * "I, II, III…" tells a reader nothing).
 */
export function wantsToc(book: Book): boolean {
  const setting = book.config.print.toc;
  if (setting !== 'auto') return setting;
  const chapters = book.body.filter((s) => s.kind === 'chapter');
  const titled = chapters.filter(
    (s) => s.hast.children.find((c) => c.type === 'element')?.tagName === 'h1' && !isNumberTitle(s.title, book.config.language),
  );
  return chapters.length >= 2 && titled.length === chapters.length;
}

export interface ContentsEntry {
  id: string;
  title: string;
  kind: BlockKind;
  depth: number;
  /** The folio, when known. */
  page: string | undefined;
}

/** The front-matter blocks, the table of contents last (when there is one). */
export function frontBlocks(book: Book, contents: ContentsEntry[] | undefined, links: boolean): PrintBlock[] {
  const byKind = (kind: Section['kind']) => [...book.front, ...book.back].find((s) => s.kind === kind);
  const blocks: { kind: BlockKind; start: PrintBlock['start']; tree: Element; title: string }[] = [];
  const titlepage = byKind('titlepage');
  const bookTitle = titlepage?.hast ? findClass(titlepage.hast, 'book-title') : undefined;
  blocks.push({
    kind: 'half-title',
    start: 'recto',
    title: book.config.title,
    tree: h('section.half-title', { id: 'half-title' }, [
      h('p.half-title-text', bookTitle ? structuredClone(bookTitle.children) : book.config.title),
    ]),
  });
  const add = (kind: Section['kind'], as: BlockKind, start: PrintBlock['start']) => {
    const section = byKind(kind);
    if (!section) return;
    const tree = structuredClone(section.hast);
    // The metadata's Markdown may hold a `<details>` too: printed open, as in a chapter.
    openDetails(tree);
    blocks.push({ kind: as, start, title: section.title, tree });
  };
  add('also-by', 'also-by', 'verso');
  add('titlepage', 'titlepage', 'recto');
  add('copyright', 'copyright', 'verso');
  add('dedication', 'dedication', 'recto');
  add('epigraph', 'epigraph', 'recto');
  if (contents) {
    blocks.push({ kind: 'toc', start: 'recto', title: contentsTitle(book.config.language), tree: toc(book, contents, links) });
  }
  return blocks.map((block, index) => {
    block.tree.properties.dataBlock = String(index);
    block.tree.children.unshift(marker('block', index));
    return {
      id: String(block.tree.properties.id ?? block.kind),
      kind: block.kind,
      start: block.start,
      title: block.title,
      inToc: false,
      depth: 0,
      html: toHtml(block.tree),
      breaks: { first: 0, count: 0 },
    };
  });
}

/** The contents' heading in the book's language (src/i18n/). */
export function contentsTitle(language: string): string {
  return texts(language).contents;
}

function toc(book: Book, entries: ContentsEntry[], links: boolean): Element {
  const item = (entry: ContentsEntry): Element => {
    const label: ElementContent = links ? h('a', { href: `#${entry.id}` }, entry.title) : { type: 'text', value: entry.title };
    return h(`li.toc-${entry.kind}${entry.depth ? '.toc-nested' : ''}`, [
      h('span.toc-label', [label]),
      h('span.toc-page', entry.page ?? ''),
    ]);
  };
  return h('section.toc', { id: 'contents', role: 'doc-toc' }, [
    h('h1.toc-title', contentsTitle(book.config.language)),
    h('ol.toc-list', entries.map(item)),
  ]);
}

function findClass(tree: Element, name: string): Element | undefined {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    const classes = child.properties.className;
    if (Array.isArray(classes) && classes.includes(name)) return child;
    const inner = findClass(child, name);
    if (inner) return inner;
  }
  return undefined;
}

/** The contents' entries; their page numbers when the body pages' `starts` are known. */
export function contentsEntries(body: PrintBlock[], starts?: number[]): ContentsEntry[] {
  return body.flatMap((block, i) =>
    block.inToc
      ? [
          {
            id: block.id,
            title: block.title,
            kind: block.kind,
            depth: block.depth,
            page: starts ? String((starts[i] ?? 0) + 1) : undefined,
          },
        ]
      : [],
  );
}
