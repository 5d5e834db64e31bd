/**
 * Front matter made from the metadata: a title page, a copyright page and, when given, a
 * dedication. Metadata text goes through the same typographic pass as the manuscript.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { BookConfig } from '../config/schema.ts';
import { sectionHtml } from '../pipeline/to-html.ts';
import { remarkTypography } from '../plugins/remark-typography.ts';
import type { Section } from './model.ts';

export function frontMatter(config: BookConfig, identifier: string): Section[] {
  const lang = config.language;
  const inline = (text: string) => typesetInline(text, lang);
  const sections: Section[] = [];
  sections.push({
    id: 'titlepage',
    kind: 'titlepage',
    title: 'Title Page',
    inToc: false,
    html: sectionHtml(
      h('section.titlepage', { id: 'titlepage' }, [
        h('h1.book-title', inline(config.title)),
        config.subtitle ? h('p.subtitle', inline(config.subtitle)) : undefined,
        h('p.author', inline(config.author.join(' & '))),
        config.publisher ? h('p.publisher', inline(config.publisher)) : undefined,
      ]),
    ),
  });
  const year = (config.date ?? new Date().toISOString()).slice(0, 4);
  const isbn = identifier.startsWith('urn:isbn:') ? identifier.slice(9) : undefined;
  sections.push({
    id: 'copyright',
    kind: 'copyright',
    title: 'Copyright',
    inToc: false,
    html: sectionHtml(
      h('section.copyright', { id: 'copyright' }, [
        h('p', [h('em', inline(config.title)), config.subtitle ? ': ' : '', ...(config.subtitle ? inline(config.subtitle) : [])]),
        h('p', config.rights ? inline(config.rights) : `Copyright © ${year} ${config.author.join(', ')}. All rights reserved.`),
        config.publisher ? h('p', ['Published by ', ...inline(config.publisher)]) : undefined,
        isbn ? h('p', `ISBN ${isbn}`) : undefined,
        config.date ? h('p', `First published ${config.date}`) : undefined,
      ]),
    ),
  });
  if (config.dedication) {
    sections.push({
      id: 'dedication',
      kind: 'dedication',
      title: 'Dedication',
      inToc: false,
      html: sectionHtml(h('section.dedication', { id: 'dedication' }, [h('p', inline(config.dedication))])),
    });
  }
  return sections;
}

/** Markdown inline text (emphasis, quotes) typeset and turned into HTML nodes. */
export function typesetInline(text: string, language: string): ElementContent[] {
  const processor = unified().use(remarkParse).use(remarkTypography, { language }).use(remarkRehype);
  const tree = processor.runSync(processor.parse(text)) as Root;
  const paragraph = tree.children.find((n): n is Element => n.type === 'element');
  return paragraph ? paragraph.children : [{ type: 'text', value: text }];
}
