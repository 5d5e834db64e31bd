/**
 * From a character of a text node to its line and column in the manuscript. A text node's value
 * is not always its source (escapes, entities, a block quote's `>` markers, plain text's joined
 * lines), so the value is aligned with the source: equal characters step together, any space
 * matches any space, and source characters the value lacks are skipped.
 */
import type { Text } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

export class SourcePlaces {
  private readonly source: string;
  private readonly locate: ReturnType<typeof location>;

  constructor(file: VFile) {
    this.source = String(file.value);
    this.locate = location(file);
  }

  /** The place of `node.value[index]` (the value as parsed, before any change). */
  of(node: Text, index: number, value = node.value): Point | undefined {
    const start = node.position?.start;
    const end = node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) return start;
    const src = this.source;
    let offset: number;
    if (end.offset - start.offset === value.length && src.startsWith(value, start.offset)) {
      offset = start.offset + index;
    } else {
      offset = align(value, src, start.offset, end.offset, index);
    }
    return this.locate.toPoint(offset) ?? start;
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

function align(value: string, src: string, from: number, to: number, index: number): number {
  let i = 0;
  let j = from;
  while (i < index && j < to) {
    const a = value.charCodeAt(i);
    const b = src.charCodeAt(j);
    if (a === b || (isSpace(a) && isSpace(b))) {
      i++;
      j++;
    } else {
      j++;
    }
  }
  // Skip source characters the value lacks (an escape, a `>` marker) up to the character itself.
  const target = value.charCodeAt(index);
  let k = j;
  while (k < to && k - j < 8 && src.charCodeAt(k) !== target) k++;
  return k < to && src.charCodeAt(k) === target ? k : j;
}
