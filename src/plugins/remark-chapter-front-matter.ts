/**
 * remark plugin for the chapter files of a folder: their front matter is not the book's metadata
 * (that is book.yaml), and nothing else reads it, so it would vanish. Markdown takes a `---`
 * first line and the next `---` line for front matter whatever lies between:
 * - YAML keys (`title: The Storm`, an editor's `tags:`) are not text: a warning at the front
 *   matter (`structure/chapter-front-matter`) says they are not read, and they stay out of the
 *   book;
 * - anything else — prose between two `---` scene breaks — would be lost: an error at the first
 *   `---` (`structure/chapter-front-matter-text`), saying to delete that line.
 */
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { parse } from 'yaml';
import { fatal, warn } from './messages.ts';

export const remarkChapterFrontMatter: Plugin<[], Root> = () => (tree, file) => {
  const yaml = tree.children.find((node: RootContent) => node.type === 'yaml');
  if (yaml?.type !== 'yaml' || yaml.value.trim() === '') return;
  const place = yaml.position?.start;
  if (isMapping(yaml.value)) {
    warn(file, 'structure/chapter-front-matter', place, {
      reason:
        "a chapter file's front matter is not read: the book's metadata is in book.yaml, a chapter's title is its # heading",
      hint: 'Move what the book needs into book.yaml, and delete the front matter.',
    });
    return;
  }
  fatal(file, 'structure/chapter-front-matter-text', place, {
    reason: 'the `---` on the first line and the next `---` line make front matter, so the text between them would be lost',
    hint: 'Delete the `---` on the first line: a scene break cannot open a chapter.',
  });
};

/** YAML keys that look like settings (`title`, `tags`, `draft-of`): not `He wrote: the end.` */
function isMapping(value: string): boolean {
  try {
    const data: unknown = parse(value);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
    return Object.keys(data).every((key) => /^[A-Za-z_][\w.-]*$/.test(key));
  } catch {
    return false;
  }
}
