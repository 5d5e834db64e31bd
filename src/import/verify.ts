/**
 * The last check of an import: each chapter's Markdown is read back (remark with GFM, as Galley
 * reads it) and its words compared with those of the chapter it was written from — the text, then
 * the notes in the order they are called. A difference is reported at the chapter and paragraph
 * where it begins, so nothing is lost without a word.
 */
import type { ElementContent } from 'hast';
import type { FootnoteDefinition, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Chapter } from './chapters.ts';
import { NOTE_REF } from './notes.ts';
import { excerpt, type ImportProblem } from './problems.ts';
import { type Block, compareWords, hastText, mdastText, words } from './words.ts';

export function verifyChapter(
  chapter: Chapter,
  n: number,
  markdown: string,
  notes: ElementContent[][],
  file: string,
): ImportProblem[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const problems: ImportProblem[] = [];
  const blocks: Block[] = (chapter.heading ? [chapter.heading, ...chapter.blocks] : chapter.blocks).map((b, i) => ({
    text: hastText(b, (tag) => tag === NOTE_REF),
    where: `chapter ${n}, para ${chapter.heading ? i : i + 1}`,
  }));
  const report = (found: ReturnType<typeof compareWords>) => {
    if (!found) return;
    problems.push({
      where: found.where,
      id: 'text-differs',
      message: `${file} does not say what the document says here: expected ${excerpt(found.expected.join(' '))}, found ${excerpt(found.found.join(' '))}; compare them and correct ${file}`,
    });
  };
  report(compareWords(blocks, words(mdastText(tree))));
  const definitions = tree.children.filter((c): c is FootnoteDefinition => c.type === 'footnoteDefinition');
  const noteBlocks = notes.map((content, i) => ({
    text: hastText({ type: 'root', children: content }),
    where: `chapter ${n}, note ${i + 1}`,
  }));
  report(compareWords(noteBlocks, words(definitions.map((d) => mdastText(d, true)).join(' '))));
  return problems;
}
