/**
 * Front matter made from the metadata: a title page, a copyright page and, when given, a
 * dedication and an epigraph. Metadata text is typeset as the manuscript is, through the same
 * pieces (src/book/metadata-text.ts).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { BookConfig, Creator } from '../config/schema.ts';
import { sectionHtml } from '../pipeline/to-html.ts';
import { type MetadataText, typesetBlocks, typesetInline } from './metadata-text.ts';
import type { Section } from './model.ts';

/** How the title page credits a creator who is not an author. */
const CREDITS: Record<string, string> = {
  edt: 'Edited by',
  trl: 'Translated by',
  ill: 'Illustrated by',
  aui: 'Introduction by',
  aft: 'Afterword by',
  nrt: 'Read by',
  pht: 'Photographs by',
  ctb: 'With contributions by',
};

/**
 * The front matter pages, in reading order. The context's report collects problems in the
 * metadata's Markdown and the images it refers to.
 */
export function frontMatter(config: BookConfig, identifier: string, context: MetadataText): Section[] {
  // The title and subtitle are set twice (title page, copyright page): typeset, and reported, once.
  const typeset = new Map<string, ElementContent[]>();
  const inline = (text: string, key: string): ElementContent[] => {
    const id = `${key}\n${text}`;
    const nodes = typeset.get(id) ?? typesetInline(text, key, context);
    typeset.set(id, nodes);
    return structuredClone(nodes);
  };
  const sections: Section[] = [];
  const authors = authorsOf(config.creators);
  const others = config.creators.filter((c) => c.role !== 'aut');
  sections.push(
    section('titlepage', 'Title Page', [
      h('h1.book-title', inline(config.title, 'title')),
      config.subtitle ? h('p.subtitle', inline(config.subtitle, 'subtitle')) : undefined,
      h('p.author', inline(names(authors), 'author')),
      ...[...new Set(others.map((c) => c.role))].map((role) =>
        h('p.contributor', `${CREDITS[role] ?? 'With'} ${names(others.filter((c) => c.role === role))}`),
      ),
      config.publisher ? h('p.publisher', inline(config.publisher, 'publisher')) : undefined,
    ]),
  );
  const year = (config.date ?? new Date().toISOString()).slice(0, 4);
  const isbn = identifier.startsWith('urn:isbn:') ? identifier.slice(9) : undefined;
  const printIsbn = config.epub['print-isbn'];
  sections.push(
    section('copyright', 'Copyright', [
      h('p', [
        h('em', inline(config.title, 'title')),
        ...(config.subtitle ? [': ', ...inline(config.subtitle, 'subtitle')] : []),
      ]),
      h('p', config.rights ? inline(config.rights, 'rights') : defaultRights(config, year)),
      config.publisher ? h('p', ['Published by ', ...inline(config.publisher, 'publisher')]) : undefined,
      isbn ? h('p', printIsbn ? `ISBN ${isbn} (ebook)` : `ISBN ${isbn}`) : undefined,
      printIsbn ? h('p', `ISBN ${printIsbn} (print)`) : undefined,
      config.date ? h('p', `First published ${config.date}`) : undefined,
    ]),
  );
  if (config.dedication) {
    sections.push(section('dedication', 'Dedication', typesetBlocks(config.dedication, 'dedication', context)));
  }
  if (config.epigraph) {
    const { text, attribution } = config.epigraph as { text: string; attribution?: string };
    sections.push(
      section('epigraph', 'Epigraph', [
        h('blockquote', typesetBlocks(text, 'epigraph', context)),
        attribution ? h('p.attribution', ['— ', ...inline(attribution, 'epigraph.attribution')]) : undefined,
      ]),
    );
  }
  return sections;
}

/** The copyright line when `rights` is not given. */
export function defaultRights(config: BookConfig, year = (config.date ?? new Date().toISOString()).slice(0, 4)): string {
  return `Copyright © ${year} ${authorsOf(config.creators)
    .map((c) => c.name)
    .join(', ')}. All rights reserved.`;
}

/** The authors proper; everyone when no one has the author role. */
export function authorsOf(creators: Creator[]): Creator[] {
  const authors = creators.filter((c) => c.role === 'aut');
  return authors.length ? authors : creators;
}

function names(creators: Creator[]): string {
  return creators.map((c) => c.name).join(' & ');
}

/** A section of matter made from metadata: its hast and its HTML. */
export function section(kind: Section['kind'], title: string, children: (ElementContent | undefined)[], inToc = false): Section {
  const hast: Element = h(`section.${kind}`, { id: kind }, children);
  return { id: kind, kind, title, inToc, html: sectionHtml(hast), hast };
}
