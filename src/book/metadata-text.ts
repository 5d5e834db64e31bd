/**
 * Markdown written in the metadata (dedication, epigraph, acknowledgements, about the author…)
 * typeset as the manuscript is, through the same pieces: GFM, the guards that keep every word
 * (a construct left open, an unknown tag, an extra table cell, a definition nothing uses: see
 * pipeline/processor.ts), scene breaks, the typographic pass with the book's settings, raw HTML
 * made safe and put where EPUB lets it stand, images noted for loading from the book's folder.
 * Problems go on the metadata's VFile, under the key's name, at their place in the metadata file
 * when it can be found (metadata-places.ts); an error there stops the build as one in a chapter.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Point } from 'unist';
import { VFile } from 'vfile';
import type { PipelineOptions } from '../pipeline/processor.ts';
import { textGuards } from '../pipeline/processor.ts';
import { rehypeContentModel } from '../plugins/rehype-content-model.ts';
import { rehypeImages } from '../plugins/rehype-images.ts';
import { rehypeSafeHtml } from '../plugins/rehype-safe-html.ts';
import { remarkLookBackLimit } from '../plugins/remark-look-back-limit.ts';
import { remarkNestingLimit } from '../plugins/remark-nesting-limit.ts';
import { remarkSceneBreaks } from '../plugins/remark-scene-breaks.ts';
import { remarkTypography } from '../plugins/remark-typography.ts';
import type { MetadataLocator } from './metadata-places.ts';

/** How the metadata's Markdown is typeset, and where its problems go. */
export interface MetadataText {
  /** The book's settings for the chain: language, typographic pass, scene breaks. */
  options: Pick<PipelineOptions, 'language' | 'typography' | 'sceneBreaks'>;
  /** The metadata's file, which collects problems and images. */
  report?: VFile | undefined;
  /** Where a place in a key's text is in that file. */
  locate?: MetadataLocator | undefined;
}

/** Markdown blocks (paragraphs, lists, block quotes) as HTML nodes. */
export function typesetBlocks(text: string, key: string, context: MetadataText): ElementContent[] {
  const { options, report, locate } = context;
  const file = new VFile({ path: report?.path, value: text });
  const processor = unified()
    .use(remarkParse)
    .use(remarkNestingLimit, { key })
    .use(remarkGfm, { singleTilde: false })
    .use(remarkLookBackLimit, { key })
    .use(textGuards)
    .use(remarkSceneBreaks, options.sceneBreaks ?? {})
    .use(remarkTypography, { ...options.typography, language: options.language })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSafeHtml)
    .use(rehypeContentModel)
    .use(rehypeImages);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  if (report) {
    const placeOf = (point: Point | undefined) =>
      locate?.(key, text, point ? { line: point.line, column: point.column } : undefined);
    for (const message of file.messages) {
      const place = placeOf(message.place && 'start' in message.place ? message.place.start : (message.place ?? undefined));
      const copy = report.message(`in \`${key}\`: ${message.reason}`, {
        ...(place ? { place } : {}),
        ruleId: message.ruleId ?? 'message',
        source: 'galley',
      });
      copy.fatal = message.fatal;
      if (message.note) copy.note = message.note;
    }
    report.data.images = [
      ...(report.data.images ?? []),
      ...(file.data.images ?? []).map((ref) => {
        const place = placeOf(ref.place?.start);
        return { ...ref, place: place ? { start: place, end: place } : undefined };
      }),
    ];
  }
  return tree.children.filter((node): node is ElementContent => node.type === 'element' || node.type === 'text');
}

/**
 * Markdown inline text (emphasis, quotes) as HTML nodes: the children of its one paragraph. Text
 * that made other blocks (two paragraphs, a list) keeps them all, a line break between each.
 */
export function typesetInline(text: string, key: string, context: MetadataText): ElementContent[] {
  const blocks = typesetBlocks(text, key, context).filter((n) => n.type === 'element' || n.value.trim() !== '');
  const only = blocks[0];
  if (blocks.length === 1 && only?.type === 'element' && only.tagName === 'p') return only.children;
  if (blocks.length === 0) return [{ type: 'text', value: text }];
  return blocks.flatMap((block, i): ElementContent[] => [
    ...(i > 0 ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } as Element] : []),
    ...(block.type === 'element' && /^(?:p|h[1-6])$/.test(block.tagName)
      ? block.children
      : [{ type: 'text' as const, value: textOf(block) }]),
  ]);
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  // Blocks made by Markdown have line breaks between them.
  return node.children.map(textOf).join('');
}
