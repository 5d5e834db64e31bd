/**
 * One chapter's HTML as Galley Markdown, through unified: rehype-remark (hast → mdast) with
 * handlers for Galley's pieces — a note call becomes a GFM footnote reference and its note a
 * definition at the chapter's end, a scene break `* * *`, small caps a `<span class="small-caps">`,
 * headings shifted so the chapter's own is `#` — then remark-stringify with remark-gfm, which
 * escapes every character that would otherwise make Markdown (`#`, `1.`, `>` at a line's start,
 * `*` and `_` in text, `<grin>`). A line Galley would still read as a scene-break marker (a line
 * of `oOo` after a hard break) has its first character written as a character reference.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import type { FootnoteDefinition, Heading, PhrasingContent, Root, RootContent } from 'mdast';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isSceneMarker } from '../manuscript/scene-markers.ts';
import type { Chapter } from './chapters.ts';
import { NOTE_REF } from './notes.ts';

export interface MarkdownOptions {
  /** The heading level that starts a chapter. */
  level: number;
  /** Note id → the label it is called by in the book (`1`, `2`, …). */
  labels: Map<string, string>;
  notes: Map<string, ElementContent[]>;
}

export interface ChapterMarkdown {
  markdown: string;
  /** The mdast it was written from. */
  tree: Root;
}

const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);

function handlers(options: MarkdownOptions): Record<string, Handle> {
  const heading: Handle = (state, node) => {
    const result = defaultHandlers.h1?.(state, node) as Heading | undefined;
    if (!result) return undefined;
    const level = Number(node.tagName.slice(1));
    result.depth = Math.min(6, Math.max(1, level - options.level + 1)) as Heading['depth'];
    return result;
  };
  const span: Handle = (state: State, node) => {
    const inner = state.all(node) as PhrasingContent[];
    if (!classes(node).includes('small-caps') || inner.length === 0) return inner;
    return [{ type: 'html', value: '<span class="small-caps">' }, ...inner, { type: 'html', value: '</span>' }];
  };
  const link: Handle = (state, node) => {
    const href = String(node.properties.href ?? '');
    // Links inside the source document (bookmarks, a contents list) and a site's own pages lead nowhere in the book.
    if (!/^(https?:|mailto:)/i.test(href)) return state.all(node);
    return defaultHandlers.a?.(state, node);
  };
  return {
    h1: heading,
    h2: heading,
    h3: heading,
    h4: heading,
    h5: heading,
    h6: heading,
    span,
    a: link,
    [NOTE_REF]: (_state, node) => {
      const label = options.labels.get(String(node.properties.dataNote)) ?? '?';
      return { type: 'footnoteReference', identifier: label, label };
    },
  };
}

function processor(options: MarkdownOptions) {
  return unified()
    .use(rehypeRemark, { handlers: handlers(options) })
    .use(remarkGfm)
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '*',
      strong: '*',
      rule: '*',
      ruleSpaces: true,
      ruleRepetition: 3,
      fences: true,
      listItemIndent: 'one',
    });
}

export async function chapterMarkdown(chapter: Chapter, options: MarkdownOptions): Promise<ChapterMarkdown> {
  const convert = processor(options);
  const toMdast = async (children: ElementContent[]) => (await convert.run({ type: 'root', children } as HastRoot)) as Root;
  const tree = await toMdast(chapter.heading ? [chapter.heading, ...chapter.blocks] : chapter.blocks);
  const called: string[] = [];
  visit(tree, 'footnoteReference', (ref) => {
    if (!called.includes(ref.identifier)) called.push(ref.identifier);
  });
  const byLabel = new Map([...options.labels].map(([id, label]) => [label, id]));
  for (const label of called) {
    const content = options.notes.get(byLabel.get(label) ?? '') ?? [];
    const body = await toMdast(content);
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: label,
      label,
      children: body.children as FootnoteDefinition['children'],
    };
    tree.children.push(definition as RootContent);
  }
  return { markdown: guardMarkerLines(String(convert.stringify(tree))), tree };
}

/** A line that is only a scene-break marker but is not one of the chapter's breaks is written so Galley reads it as text. */
function guardMarkerLines(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced || line === '* * *' || !isSceneMarker(line)) return line;
      const at = line.search(/\S/);
      const first = line.replace(/^\s*\\?/, '').codePointAt(0) ?? 32;
      const rest = line.slice(at).replace(/^\\?./u, '');
      return `${line.slice(0, at)}&#x${first.toString(16).toUpperCase()};${rest}`;
    })
    .join('\n');
}
