/**
 * Back matter made from the metadata, when given: acknowledgements, about the author, and the
 * author's other books. Each is Markdown, typeset like the manuscript, on a page of its own with
 * a heading, and listed in the table of contents.
 */
import { h } from 'hastscript';
import type { BookConfig } from '../config/schema.ts';
import { authorsOf, section } from './front-matter.ts';
import { type MetadataText, typesetBlocks } from './metadata-text.ts';
import type { Section } from './model.ts';

export function backMatter(config: BookConfig, context: MetadataText): Section[] {
  const authors = authorsOf(config.creators).map((c) => c.name);
  const pages: [Section['kind'], string, string | undefined][] = [
    ['acknowledgements', 'Acknowledgements', config.acknowledgements],
    ['about-the-author', authors.length > 1 ? 'About the Authors' : 'About the Author', config['about-the-author']],
    ['also-by', `Also by ${authors.join(' & ')}`, config['also-by']],
  ];
  return pages
    .filter((page): page is [Section['kind'], string, string] => page[2] !== undefined)
    .map(([kind, title, text]) =>
      section(kind, title, [h('h1', { id: `${kind}-title` }, title), ...typesetBlocks(text, kind, context)], true),
    );
}
