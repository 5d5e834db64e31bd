/**
 * Back matter made from the metadata, when given: acknowledgements, about the author, and the
 * author's other books. Each is Markdown, typeset like the manuscript, on a page of its own with
 * a heading in the book's language (src/i18n/), and listed in the table of contents.
 */
import { h } from 'hastscript';
import type { BookConfig } from '../config/schema.ts';
import { fill, listNames, texts } from '../i18n/index.ts';
import { authorsOf, section } from './front-matter.ts';
import { type MetadataText, typesetBlocks } from './metadata-text.ts';
import type { Section } from './model.ts';

export function backMatter(config: BookConfig, context: MetadataText): Section[] {
  const t = texts(config.language);
  const authors = authorsOf(config.creators).map((c) => c.name);
  const many = authors.length > 1;
  const pages: [Section['kind'], string, string | undefined][] = [
    ['acknowledgements', t.acknowledgements, config.acknowledgements],
    ['about-the-author', many ? t.aboutTheAuthors : t.aboutTheAuthor, config['about-the-author']],
    ['also-by', fill((many && t.alsoByMany) || t.alsoBy, { authors: listNames(authors, config.language) }), config['also-by']],
  ];
  return pages
    .filter((page): page is [Section['kind'], string, string] => page[2] !== undefined)
    .map(([kind, title, text]) =>
      section(kind, title, [h('h1', { id: `${kind}-title` }, title), ...typesetBlocks(text, kind, context)], true),
    );
}
