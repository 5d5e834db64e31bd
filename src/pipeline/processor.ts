/**
 * The one unified chain every manuscript file goes through: remark-parse (with front matter and
 * GFM footnotes and tables), then Galley's own plugins in a fixed order — scene breaks first
 * (they need the blank lines between blocks), then the typographic pass, then book structure
 * (chapter titles are taken from typeset headings).
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { parsePlainText } from '../manuscript/plain-text.ts';
import { remarkBookStructure } from '../plugins/remark-book-structure.ts';
import { remarkSceneBreaks, type SceneBreakOptions } from '../plugins/remark-scene-breaks.ts';
import { remarkTypography, type TypographyOptions } from '../plugins/remark-typography.ts';

export interface PipelineOptions {
  /** BCP 47 language of the book. */
  language: string;
  /** `#` heading texts that are part titles. */
  parts: string[];
  typography?: Omit<TypographyOptions, 'language'>;
  sceneBreaks?: SceneBreakOptions;
}

export function createProcessor(options: PipelineOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm, { singleTilde: false })
    .use(remarkSceneBreaks, options.sceneBreaks ?? {})
    .use(remarkTypography, { ...options.typography, language: options.language })
    .use(remarkBookStructure, { parts: options.parts });
}

export type Processor = ReturnType<typeof createProcessor>;

/** Parses a file: Markdown, or plain text without any Markdown meaning. */
export function parseFile(processor: Processor, file: VFile, plainText: boolean): Root {
  return plainText ? parsePlainText(String(file.value)) : processor.parse(file);
}
