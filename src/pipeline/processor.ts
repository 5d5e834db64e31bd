/**
 * The one unified chain every manuscript file goes through: remark-parse (with front matter and
 * GFM footnotes and tables, and raw HTML only for known elements), then Galley's own plugins in a
 * fixed order — the guards that keep every word (constructs left open, extra table cells,
 * definitions nothing refers to), scene breaks (their marker lines are found before parsing, and
 * they need the blank lines between blocks), the author's own remark plugins, then the typographic pass, then book structure
 * (chapter titles are taken from typeset headings). `galley check` adds its rules before the
 * typographic pass and after book structure.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type PluggableList, unified } from 'unified';
import type { VFile } from 'vfile';
import { parsePlainText } from '../manuscript/plain-text.ts';
import { remarkAlign } from '../plugins/remark-align.ts';
import { remarkBookStructure } from '../plugins/remark-book-structure.ts';
import { remarkChapterFrontMatter } from '../plugins/remark-chapter-front-matter.ts';
import { remarkChapterImage } from '../plugins/remark-chapter-image.ts';
import { remarkChat } from '../plugins/remark-chat.ts';
import { remarkDefinitions } from '../plugins/remark-definitions.ts';
import { remarkEpigraph } from '../plugins/remark-epigraph.ts';
import { remarkHeadingAttributes } from '../plugins/remark-heading-attributes.ts';
import { remarkKnownHtml } from '../plugins/remark-known-html.ts';
import { remarkLetter } from '../plugins/remark-letter.ts';
import { remarkLookBackLimit } from '../plugins/remark-look-back-limit.ts';
import { remarkNestingLimit } from '../plugins/remark-nesting-limit.ts';
import { remarkSceneBreaks, type SceneBreakOptions } from '../plugins/remark-scene-breaks.ts';
import { remarkTableCells } from '../plugins/remark-table-cells.ts';
import { remarkTypography, type TypographyOptions } from '../plugins/remark-typography.ts';
import { remarkUnclosed } from '../plugins/remark-unclosed.ts';
import { remarkUnclosedDirectives } from '../plugins/remark-unclosed-directives.ts';
import { remarkUnknownDirectives } from '../plugins/remark-unknown-directives.ts';
import { remarkVerse } from '../plugins/remark-verse.ts';

export interface PipelineOptions {
  /** BCP 47 language of the book. */
  language: string;
  /** `#` heading texts that are part titles. */
  parts: string[];
  typography?: Omit<TypographyOptions, 'language'>;
  sceneBreaks?: SceneBreakOptions;
  /** The author's remark plugins (`plugins.remark`): after the scene breaks, before the typographic pass. */
  remarkPlugins?: PluggableList;
  /** Plugins that read the text as written, before the typographic pass (`galley check`'s text rules). */
  beforeTypography?: PluggableList;
  /** Plugins run last, on the book's structure (`galley check`'s structure rules). */
  afterStructure?: PluggableList;
  /** Parse GFM (footnotes, tables, autolinks…); `false` only when the text has none (see mayUseGfm). Default true. */
  gfm?: boolean;
  /** The files are a folder's chapters: their front matter is not the book's metadata (default false). */
  chapterFiles?: boolean;
}

/**
 * The guards that keep every word, in their order (constructs left open, known HTML only, extra
 * table cells, definitions nothing refers to): the metadata's Markdown goes through them too.
 */
export const textGuards: PluggableList = [remarkUnclosed, remarkKnownHtml, remarkTableCells, remarkDefinitions];

/**
 * The elements fiction needs, each made from its `:::` container by a plugin of its own (README,
 * *Elements fiction needs*): after the scene breaks, before the author's plugins, which may make
 * elements of their own from other directives; what no plugin made into an element is then
 * given back as the text it was typed as (remark-unknown-directives), before the typographic pass.
 */
export const fictionElements: PluggableList = [
  remarkHeadingAttributes,
  remarkVerse,
  remarkLetter,
  remarkChat,
  remarkEpigraph,
  remarkAlign,
  remarkChapterImage,
];

/** The whole chain: parsing and the text's plugins, then the book's (see textProcessor and bookPlugins). */
export function createProcessor(options: PipelineOptions) {
  return textProcessor(options).use(bookPlugins(options));
}

/**
 * The first part of the chain: parsing, and the plugins that each read one stretch of the text
 * (a block, a `:::` container, a run of top-level blocks between `#` headings) — up to the
 * typographic pass. The preview's memo (core/typeset-memo.ts) runs it on one chapter at a time.
 */
export function textProcessor(options: PipelineOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkNestingLimit)
    .use(remarkFrontmatter, ['yaml'])
    .use(options.gfm === false ? [] : [[remarkGfm, { singleTilde: false }]])
    .use(remarkDirective)
    .use(remarkLookBackLimit)
    .use(options.chapterFiles ? [remarkChapterFrontMatter] : [])
    .use(textGuards)
    .use(remarkUnclosedDirectives)
    .use(remarkSceneBreaks, options.sceneBreaks ?? {})
    .use(fictionElements)
    .use(options.remarkPlugins ?? [])
    .use(remarkUnknownDirectives)
    .use(options.beforeTypography ?? []);
}

/**
 * The rest of the chain, which reads a file as a whole: the typographic pass (a quotation left
 * open runs on into the next paragraph, even past a chapter heading; a file's number ranges are
 * set by one convention), book structure, and what `galley check` adds after it.
 */
export function bookPlugins(options: PipelineOptions): PluggableList {
  return [
    [remarkTypography, { ...options.typography, language: options.language }],
    [remarkBookStructure, { parts: options.parts }],
    ...(options.afterStructure ?? []),
  ];
}

export type Processor = ReturnType<typeof createProcessor>;
export type TextProcessor = ReturnType<typeof textProcessor>;

/**
 * Whether a text may hold GFM syntax: a footnote (`[^`), a table (`|`), strikethrough (`~`), a
 * task list item (`[ ]`, `[x]`) or an autolink literal (`www.`, `http://`, `https://`, an
 * e-mail address with `@`). When it holds none of these characters, parsing it with GFM gives
 * the same tree, and skipping GFM halves the time micromark takes on a long novel.
 */
export function mayUseGfm(text: string): boolean {
  return /\[\^|\||~|\[[ \txX]\]|www\.|https?:\/\/|@/i.test(text);
}

/** Parses a file: Markdown, or plain text without any Markdown meaning. */
export function parseFile(processor: Processor, file: VFile, plainText: boolean): Root {
  return plainText ? parsePlainText(String(file.value)) : processor.parse(file);
}
