/**
 * micromark looks up each link label and footnote call among the file's definitions with
 * `Array.prototype.includes` (`parser.defined`, and GFM's `parser.gfmFootnotes`): (calls) ×
 * (definitions), which grows with the square of a file that has many of both — 50,000 footnotes
 * and their calls took seconds. Those lists are micromark's own, read afresh at each look-up; this
 * gives each an index, so that a look-up is one step and answers exactly as `includes` does
 * (the same strings, compared by value). Entries added later (`push`) are indexed too.
 */
import type { ParseContext } from 'micromark-util-types';

/** Lists already indexed. */
const INDEXED = Symbol('galley.indexed');

type Lookups = string[] & { [INDEXED]?: true };

/**
 * Indexes the parser's lists of definitions and, with GFM, of footnote labels (making that list
 * as GFM would, empty, when no footnote has made it yet). Once done, a no-op.
 */
export function indexDefinitions(parser: ParseContext & { gfmFootnotes?: string[] }, gfm: boolean): void {
  index(parser.defined);
  if (gfm) parser.gfmFootnotes ??= [];
  if (parser.gfmFootnotes) index(parser.gfmFootnotes);
}

function index(list: Lookups): void {
  if (list[INDEXED]) return;
  const known = new Set(list);
  const push = list.push;
  Object.defineProperties(list, {
    [INDEXED]: { value: true },
    includes: { value: (value: string) => known.has(value) },
    push: {
      value: (...items: string[]) => {
        for (const item of items) known.add(item);
        return push.apply(list, items);
      },
    },
  });
}
