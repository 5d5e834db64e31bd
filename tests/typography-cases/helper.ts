/**
 * Runs one golden case of the typographic pass: Markdown in, the HTML of each top-level block out
 * (a paragraph's inner HTML, any other block whole), one block a line. Invisible spaces are
 * written as {nbsp}, {nnbsp} (narrow no-break) and {hair} so the tables can show them.
 */
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parsePlainText } from '../../src/manuscript/plain-text.ts';
import { remarkSceneBreaks, type SceneBreakOptions } from '../../src/plugins/remark-scene-breaks.ts';
import { remarkTypography, type TypographyOptions } from '../../src/plugins/remark-typography.ts';

/** A case: name, input, expected output, options (`plainText` reads the input as a .txt file). */
export type Case = [name: string, input: string, expected: string, options?: CaseOptions];

export interface CaseOptions extends TypographyOptions {
  sceneBreaks?: SceneBreakOptions;
  plainText?: boolean;
}

export function typeset(input: string, options: CaseOptions = {}): string {
  const { sceneBreaks, plainText, ...typography } = options;
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm, { singleTilde: false })
    .use(remarkSceneBreaks, sceneBreaks ?? {})
    .use(remarkTypography, typography);
  const file = new VFile(input);
  const tree = processor.runSync(plainText ? parsePlainText(input) : processor.parse(file), file) as Root;
  const hast = unified().use(remarkRehype, { allowDangerousHtml: true }).runSync(tree) as HastRoot;
  const blocks = hast.children.filter((node) => node.type === 'element');
  return blocks
    .map((block) => (block.tagName === 'p' ? toHtml(block.children, { allowDangerousHtml: true }) : toHtml(block)))
    .join('\n')
    .replace(/\u00a0/g, '{nbsp}')
    .replace(/\u202f/g, '{nnbsp}')
    .replace(/\u200a/g, '{hair}');
}
