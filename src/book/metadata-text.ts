/**
 * Markdown written in the metadata (dedication, epigraph, acknowledgements, about the author…)
 * typeset like the manuscript: the typographic pass, GFM, raw HTML made safe, images noted for
 * loading from the book's folder. Problems go on the VFile given, under the key's name.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeImages } from '../plugins/rehype-images.ts';
import { rehypeSafeHtml } from '../plugins/rehype-safe-html.ts';
import { remarkNestingLimit } from '../plugins/remark-nesting-limit.ts';
import { remarkTypography } from '../plugins/remark-typography.ts';

/** Markdown blocks (paragraphs, lists, block quotes) as HTML nodes. */
export function typesetBlocks(text: string, language: string, key: string, report?: VFile): ElementContent[] {
  const file = new VFile({ path: report?.path, value: text });
  const processor = unified()
    .use(remarkParse)
    .use(remarkNestingLimit, { key })
    .use(remarkGfm, { singleTilde: false })
    .use(remarkTypography, { language })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSafeHtml)
    .use(rehypeImages);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  if (report) {
    // Places inside a YAML value do not match lines in the file: name the key instead.
    for (const message of file.messages) {
      const copy = report.message(`in \`${key}\`: ${message.reason}`, { ruleId: message.ruleId ?? 'message', source: 'galley' });
      copy.fatal = message.fatal;
    }
    report.data.images = [
      ...(report.data.images ?? []),
      ...(file.data.images ?? []).map((ref) => ({ ...ref, place: undefined })),
    ];
  }
  return tree.children.filter((node): node is ElementContent => node.type === 'element' || node.type === 'text');
}

/** Markdown inline text (emphasis, quotes) as HTML nodes: the children of its one paragraph. */
export function typesetInline(text: string, language: string, key = 'metadata', report?: VFile): ElementContent[] {
  const blocks = typesetBlocks(text, language, key, report);
  const paragraph = blocks.find((n): n is Element => n.type === 'element' && n.tagName === 'p');
  return paragraph ? paragraph.children : [{ type: 'text', value: text }];
}
