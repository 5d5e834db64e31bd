/**
 * remark plugin for `galley check`: rules on the book's structure, run after book structure has
 * split the file into divisions. (An image without a description, `image/missing-alt`, is noted by
 * the build itself: plugins/rehype-images.ts.)
 * - `structure/heading-skip`: a heading more than one level below the one before it (`#`, then
 *   `###`); a file's text counts as under a chapter heading.
 * - `structure/empty-chapter`: a chapter with a title and no text (a part title needs none).
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { Division } from '../plugins/remark-book-structure.ts';

const NOT_TEXT = new Set(['heading', 'definition', 'footnoteDefinition', 'yaml', 'thematicBreak']);

export const remarkLintStructure: Plugin<[], Root> = () => (tree, file) => {
  let previous = 1;
  for (const node of tree.children as RootContent[]) {
    if (node.type !== 'division') continue;
    const division = node as Division;
    const heading = division.children[0]?.type === 'heading' ? (division.children[0] as Heading) : undefined;
    if (heading) previous = heading.depth;
    for (const child of division.children) {
      if (child.type !== 'heading' || child === heading) continue;
      if (child.depth > previous + 1) {
        file.message(`Heading level ${child.depth} follows level ${previous}: a level is skipped`, {
          ...(child.position ? { place: child.position } : {}),
          ruleId: 'structure/heading-skip',
          source: 'galley',
        });
      }
      previous = child.depth;
    }
    if (division.kind === 'chapter' && heading && !division.children.some((c) => !NOT_TEXT.has(c.type))) {
      file.message(`Chapter “${division.title ?? ''}” has no text`, {
        ...(heading.position ? { place: heading.position } : {}),
        ruleId: 'structure/empty-chapter',
        source: 'galley',
      });
    }
  }
};
