/**
 * Front matter made from the metadata: a title page, a copyright page (src/book/copyright-page.ts)
 * and, when given, a dedication and an epigraph. Metadata text is typeset as the manuscript is,
 * through the same pieces (src/book/metadata-text.ts); the words Galley adds are the book's
 * language's (src/i18n/).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { BookConfig, Creator } from '../config/schema.ts';
import { fill, texts } from '../i18n/index.ts';
import { sectionHtml } from '../pipeline/to-html.ts';
import { copyrightLines } from './copyright-page.ts';
import { type MetadataText, typesetBlocks, typesetInline } from './metadata-text.ts';
import type { Section } from './model.ts';

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
  const t = texts(config.language);
  const sections: Section[] = [];
  const authors = authorsOf(config.creators);
  const others = config.creators.filter((c) => c.role !== 'aut');
  sections.push(
    section('titlepage', t.titlePage, [
      h('h1.book-title', inline(config.title, 'title')),
      config.subtitle ? h('p.subtitle', inline(config.subtitle, 'subtitle')) : undefined,
      h('p.author', inline(names(authors), 'author')),
      ...[...new Set(others.map((c) => c.role))].map((role) =>
        h(
          'p.contributor',
          fill(t.credits[role as keyof typeof t.credits] ?? t.credits.other, {
            names: names(others.filter((c) => c.role === role)),
          }),
        ),
      ),
      config.publisher ? h('p.publisher', inline(config.publisher, 'publisher')) : undefined,
    ]),
  );
  sections.push(section('copyright', t.copyrightPage, copyrightLines(config, identifier, inline)));
  if (config.dedication) {
    sections.push(section('dedication', t.dedication, typesetBlocks(config.dedication, 'dedication', context)));
  }
  if (config.epigraph) {
    const { text, attribution } = config.epigraph as { text: string; attribution?: string };
    sections.push(
      section('epigraph', t.epigraph, [
        h('blockquote', typesetBlocks(text, 'epigraph', context)),
        attribution ? h('p.attribution', ['— ', ...inline(attribution, 'epigraph.attribution')]) : undefined,
      ]),
    );
  }
  return sections;
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
