/**
 * How deeply emphasis nests, found before parsing. The Markdown parser resolves each emphasis by
 * re-reading everything between its marks, so emphasis nested to a depth D costs D times the
 * length of the text: thousands of levels take minutes. This scan pairs the marks much as
 * CommonMark does — runs of `*`, `_` or `~~`, each able to open or close by the characters
 * around it (left- and right-flanking) — and measures how many pairs enclose a place, in one
 * pass. Marks that never close count for nothing, so prose with stray asterisks is not taken
 * for nesting. Paragraphs end at blank lines.
 */
import type { TooDeep } from './depth.ts';

interface Opener {
  char: string;
  /** Where the run starts in the text. */
  offset: number;
  /** Marks of the run not yet used by a closer. */
  left: number;
}

/** One enclosing pair's effect on the depth: `levels` from `open` to `close`. */
interface Pair {
  /** Offset of its outermost opening mark. */
  open: number;
  close: number;
  levels: number;
  /** Marks a level takes: 2 for strong emphasis and `~~`, 1 for emphasis. */
  step: number;
}

const RUN = /\*+|_+|~~/g;

/** The first place where more than `max` levels of emphasis are open. */
export function emphasisDepth(text: string, max: number): TooDeep | undefined {
  for (const { start, end } of paragraphs(text)) {
    const pairs = pairMarks(text, start, end);
    const deep = deepest(pairs, max);
    if (deep) return { what: 'emphasis', depth: deep.depth, place: placeOf(text, deep.offset) };
  }
  return undefined;
}

/** Stretches of text between blank lines. */
function* paragraphs(text: string): Generator<{ start: number; end: number }> {
  const blank = /(?:\r\n|\r|\n)[ \t]*(?=\r\n|\r|\n|$)/g;
  let start = 0;
  for (const match of text.matchAll(blank)) {
    yield { start, end: match.index };
    start = match.index + match[0].length;
  }
  yield { start, end: text.length };
}

/** The pairs of marks that enclose text, with how many levels each gives. */
function pairMarks(text: string, start: number, end: number): Pair[] {
  const open: Record<string, Opener[]> = { '*': [], _: [], '~': [] };
  const pairs: Pair[] = [];
  const paragraph = text.slice(start, end);
  for (const match of paragraph.matchAll(RUN)) {
    const char = match[0][0] as string;
    const before = paragraph[match.index - 1] ?? ' ';
    const after = paragraph[match.index + match[0].length] ?? ' ';
    const { canOpen, canClose } = flanking(char, before, after);
    let left = match[0].length;
    const stack = open[char] as Opener[];
    while (canClose && left > 0 && stack.length > 0) {
      const opener = stack.at(-1) as Opener;
      const used = Math.min(opener.left, left);
      // Two marks a level (strong) while both runs have two, then one (emphasis); `~~` is one level.
      const levels = char === '~' ? 1 : Math.ceil(used / 2);
      // Closers use an opener's marks from its end (nearest the text): this pair's are before those.
      const first = opener.offset + opener.left - used;
      pairs.push({ open: first, close: start + match.index, levels, step: used > levels ? 2 : 1 });
      opener.left -= used;
      left -= used;
      if (opener.left === 0) stack.pop();
    }
    if (canOpen && left > 0) stack.push({ char, offset: start + match.index, left });
  }
  return pairs;
}

/** CommonMark's rules for whether a run of marks may open or close emphasis. */
function flanking(char: string, before: string, after: string): { canOpen: boolean; canClose: boolean } {
  const space = (c: string) => /\s/u.test(c);
  const punctuation = (c: string) => /[\p{P}\p{S}]/u.test(c);
  const leftFlanking = !space(after) && (!punctuation(after) || space(before) || punctuation(before));
  const rightFlanking = !space(before) && (!punctuation(before) || space(after) || punctuation(after));
  if (char !== '_') return { canOpen: leftFlanking, canClose: rightFlanking };
  return {
    canOpen: leftFlanking && (!rightFlanking || punctuation(before)),
    canClose: rightFlanking && (!leftFlanking || punctuation(after)),
  };
}

/** The mark that opens level `max + 1`, if the pairs ever nest that deep. */
function deepest(pairs: Pair[], max: number): { offset: number; depth: number } | undefined {
  const changes: { offset: number; levels: number; pair?: Pair }[] = [];
  for (const pair of pairs)
    changes.push({ offset: pair.open, levels: pair.levels, pair }, { offset: pair.close, levels: -pair.levels });
  changes.sort((a, b) => a.offset - b.offset || a.levels - b.levels);
  let depth = 0;
  for (const { levels, pair } of changes) {
    if (pair && depth + levels > max) return { offset: pair.open + (max - depth) * pair.step, depth: max + 1 };
    depth += levels;
  }
  return undefined;
}

function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
