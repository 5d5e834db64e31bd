/**
 * remark plugin for `galley check`: rules on the text of each block as the author wrote it (run
 * before the typographic pass). A block is read whole across emphasis and links; code, URLs and
 * images stand in it as one object character, so they never trip a rule.
 * - `typo/missing-space`: a sentence end with no space after it (`home.Then`); not `e.g.`,
 *   `U.S.`, `Ph.D.`, decimals, or anything in a URL.
 * - `typo/repeated-word`: the same word twice in a row (`the the`), except pairs English uses
 *   (`had had`, `that that`).
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { type Block, collectBlock, segmentAt } from '../plugins/typography/block.ts';
import { SourcePlaces } from '../plugins/typography/places.ts';

/** A lower-case letter, a sentence end, maybe a closing quote, then a capitalised word. */
const MISSING_SPACE = /(?<=\p{Ll})[.!?]+["”’')]?(?=\p{Lu}\p{Ll})/gu;
const REPEATED = /(?<![\p{L}\p{N}'’-])(\p{L}+)\s+\1(?![\p{L}\p{N}'’-])/giu;
/** Words English doubles on purpose. */
const DOUBLED = new Set([
  'had',
  'that',
  'is',
  'do',
  'no',
  'so',
  'very',
  'bye',
  'tut',
  'ha',
  'la',
  'boo',
  'knock',
  'now',
  'there',
  'well',
  'yes',
  'oh',
  'ah',
  'go',
  'ho',
  'hey',
  'chop',
  'tick',
  'hush',
  'ta',
  'night',
  'pooh',
  'there',
]);
const SKIPPED = new Set(['code', 'html', 'yaml', 'thematicBreak', 'definition', 'math']);

export const remarkLintText: Plugin<[], Root> = () => (tree, file) => {
  const places = new SourcePlaces(file);
  walk(tree, (parent) => {
    const block = collectBlock(parent, []);
    for (const match of block.text.matchAll(MISSING_SPACE)) {
      const at = match.index + match[0].length;
      report(file, places, block, at, 'typo/missing-space', `No space after “${match[0]}” before “${wordAt(block.text, at)}”`);
    }
    for (const match of block.text.matchAll(REPEATED)) {
      const word = match[1] as string;
      if (DOUBLED.has(word.toLowerCase())) continue;
      const second = match.index + match[0].length - word.length;
      report(file, places, block, second, 'typo/repeated-word', `“${word}” twice in a row`);
    }
  });
};

function walk(parent: Parent, visit: (block: Parent) => void): void {
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell') visit(child);
    else if (!SKIPPED.has(child.type) && 'children' in child) walk(child as Parent, visit);
  }
}

function wordAt(text: string, at: number): string {
  return /^[\p{L}\p{N}]+/u.exec(text.slice(at, at + 40))?.[0] ?? '';
}

function report(file: VFile, places: SourcePlaces, block: Block, pos: number, ruleId: string, reason: string): void {
  const segment = segmentAt(block, pos);
  const place = segment?.node ? places.of(segment.node, segment.offset + (pos - segment.start)) : block.parent.position?.start;
  file.message(reason, { ...(place ? { place } : {}), ruleId, source: 'galley' });
}
