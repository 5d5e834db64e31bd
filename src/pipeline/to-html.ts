/**
 * Turns a division's Markdown tree into HTML: remark-rehype (footnotes kept inside the division,
 * ids prefixed by the division's id so they stay unique in one print document), raw HTML parsed
 * by rehype-raw, the author's rehype plugins, made safe (rehype-safe-html) and put where EPUB lets it stand
 * (rehype-content-model), image references collected. The EPUB writer re-serialises it as XHTML.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { fill, texts } from '../i18n/index.ts';
import { rehypeContentModel } from '../plugins/rehype-content-model.ts';
import { rehypeImages } from '../plugins/rehype-images.ts';
import { rehypeSafeHtml } from '../plugins/rehype-safe-html.ts';
import type { BookDivision } from './divisions.ts';

/**
 * `rehypePlugins`: the author's own (`plugins.rehype`), run before the HTML is made safe.
 * `language`: the book's, for the notes' heading and back links' labels.
 */
export async function divisionToHast(
  division: BookDivision,
  rehypePlugins: PluggableList = [],
  language = 'en',
): Promise<Element> {
  const t = texts(language);
  const raw = hasRawHtml(division.tree);
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: `${division.id}-`,
      footnoteLabel: t.notes,
      footnoteLabelProperties: { className: ['notes-title'] },
      footnoteBackContent: '↑',
      footnoteBackLabel: (n: number) => fill(t.backToNote, { n: n + 1 }),
    })
    .use(raw ? [rehypeRaw] : [])
    .use(rehypePlugins)
    .use(rehypeSafeHtml)
    .use(raw ? [rehypeContentModel] : [])
    .use(rehypeImages);
  const hast = (await processor.run(division.tree, division.file)) as HastRoot;
  return nestFootnotes(hast, division.id);
}

/** Serialises a section as HTML. */
export function sectionHtml(section: Element): string {
  return toHtml(section, { allowDangerousHtml: false });
}

/**
 * The division's section, with remark-rehype's footnote section moved inside it and the notes'
 * label given an id of the division's own.
 */
function nestFootnotes(tree: HastRoot, id: string): Element {
  const elements = tree.children.filter((n): n is Element => n.type === 'element');
  const section = elements.find((e) => e.tagName === 'section' && !('dataFootnotes' in e.properties));
  if (!section) throw new Error(`division ${id} produced no section`);
  section.properties.id = id;
  const notes = elements.find((e) => e !== section && 'dataFootnotes' in e.properties);
  if (notes) {
    const label = `${id}-footnote-label`;
    delete notes.properties.dataFootnotes;
    notes.properties.className = ['footnotes'];
    notes.properties.role = 'doc-endnotes';
    notes.properties.ariaLabelledBy = [label];
    visit(notes, 'element', (e: Element) => {
      if (e.properties.id === 'footnote-label') e.properties.id = label;
    });
    visit(section, 'element', (e: Element) => {
      if (e.properties.ariaDescribedBy !== undefined) e.properties.ariaDescribedBy = [label];
    });
    section.children.push(notes);
  }
  return section;
}

function hasRawHtml(tree: Root): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}
