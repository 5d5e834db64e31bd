/**
 * Where each printed page begins in the book's text. The text and each page are compared as
 * words (case, punctuation, hyphens and ligatures set aside; a word print hyphenated at a line
 * end joined again). A page's candidate places are where a run of its first words matches the
 * text; then one place per page is chosen so that the places go forward with the pages and match
 * as many words as possible in all.
 */

/** Leading page words that may be print's own (a chapter number, spaced out) and not the text's. */
const MAX_SKIP = 6;
/** Words that must match to place a page (fewer when the page has fewer). */
const MIN_RUN = 4;
/** Words compared at most. */
const MAX_RUN = 40;
/** Places kept for each page: its best matches. */
const MAX_CANDIDATES = 8;

/** Words as compared: case, punctuation, hyphens and ligatures set aside. */
export function comparableWords(text: string): string[] {
  return text
    .replace(/(\p{L})[-\u00AD\u2010]\s*\n\s*(\p{L})/gu, '$1$2')
    .split(/[\s\u2012-\u2015]+/)
    .map(comparable)
    .filter(Boolean);
}

export function comparable(word: string): string {
  // Printable ASCII (most words): NFKC leaves it as it is, and its letters and digits are a–z and 0–9.
  if (ASCII.test(word)) return word.toLowerCase().replace(/[^a-z0-9]/g, '');
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const ASCII = /^[ -~]*$/;

interface Candidate {
  page: number;
  /** Index of the word the marker goes before. */
  start: number;
  /** Index just after the words matched: the next page starts there or later. */
  end: number;
  value: number;
}

/**
 * For each page, the index of the word it starts with (undefined when it has none). Each page's
 * candidate places are where a run of its first words matches the text (the first few words may
 * be skipped: a chapter number print generates, or the end of a word hyphenated across the page
 * break); then the places are chosen so that they go forward with the pages and match as many
 * words as possible. A page print has elsewhere (an "Also by" page in the front) or not at all
 * (its table of contents) is left out rather than pulling the pages after it out of place.
 */
export function placePages(text: string[] | TextIndex, pages: string[][]): (number | undefined)[] {
  const { stream, index } = Array.isArray(text) ? textIndex(text) : text;
  const candidates = pages.flatMap((page, n) => pageCandidates(stream, index, page, n));
  const chosen = chooseForward(candidates, pages.length);
  // A page without a place of its own stands beside the next page that has one.
  for (let n = chosen.length - 2; n >= 0; n--) chosen[n] ??= chosen[n + 1];
  return chosen;
}

function pageCandidates(stream: string[], index: RunIndex, page: string[], n: number): Candidate[] {
  const found = new Map<number, Candidate>();
  for (let skip = 0; skip <= MAX_SKIP && skip < page.length; skip++) {
    const needed = Math.min(MIN_RUN, page.length - skip);
    const places = page.length - skip === 1 ? unigramPlaces(stream, page[skip] as string) : index.places(page, skip, needed);
    for (const at of places) {
      const run = runLength(stream, at, page, skip);
      if (run < needed) continue;
      // The page opened inside a word print hyphenated: the marker goes before the whole word.
      const fragment = page[0] as string;
      const broken = skip === 1 && at > 0 && stream[at - 1] !== fragment && (stream[at - 1] as string).endsWith(fragment);
      const start = broken ? at - 1 : at;
      // Each skipped word costs a little, so the plain reading wins a tie.
      const value = run - skip / 2;
      if ((found.get(start)?.value ?? Number.NEGATIVE_INFINITY) < value)
        found.set(start, { page: n, start, end: at + run, value });
    }
  }
  return [...found.values()].sort((a, b) => b.value - a.value || a.start - b.start).slice(0, MAX_CANDIDATES);
}

/** The text's words, indexed for placePages (made once, before the pages are known). */
export interface TextIndex {
  stream: string[];
  index: RunIndex;
}

export function textIndex(stream: string[]): TextIndex {
  const index = new RunIndex(stream);
  index.prepare();
  return { stream, index };
}

/** Bits of a run's hash, and of a word's position (67 million words), in an index entry: hash × 2^POSITION_BITS + position, exact in a double. */
const HASH_BITS = 26;
const POSITION_BITS = 26;

/**
 * Where runs of words stand in the text: for runs of two words and of MIN_RUN, every position,
 * ordered by the run's hash and then by position (so a page's places come in the text's order).
 * A hash may stand for more than one run: each place found is checked word by word.
 */
export class RunIndex {
  readonly #ids = new Map<string, number>();
  readonly #words: Int32Array;
  readonly #sorted = new Map<number, Float64Array>();

  constructor(stream: string[]) {
    this.#words = Int32Array.from(stream, (word) => {
      const known = this.#ids.get(word);
      if (known !== undefined) return known;
      this.#ids.set(word, this.#ids.size);
      return this.#ids.size - 1;
    });
  }

  /** Makes the index of runs of MIN_RUN words (the one nearly every page looks in). */
  prepare(): void {
    this.#entries(MIN_RUN);
  }

  /** Positions where the page's words from `skip` may start the text's, `length` (2 to MIN_RUN) of them compared. */
  places(page: string[], skip: number, length: number): number[] {
    const size = length >= MIN_RUN ? MIN_RUN : 2;
    const ids: number[] = [];
    for (let k = 0; k < size; k++) {
      const id = this.#ids.get(page[skip + k] as string);
      if (id === undefined) return [];
      ids.push(id);
    }
    const entries = this.#entries(size);
    const hash = runHash(ids, 0, size);
    const low = hash * 2 ** POSITION_BITS;
    const high = low + 2 ** POSITION_BITS;
    const places: number[] = [];
    for (let i = lowerBound(entries, low); i < entries.length && (entries[i] as number) < high; i++) {
      places.push((entries[i] as number) - low);
    }
    return places;
  }

  #entries(size: number): Float64Array {
    let entries = this.#sorted.get(size);
    if (!entries) {
      const words = this.#words;
      const count = Math.max(0, words.length - size + 1);
      entries = new Float64Array(count);
      for (let at = 0; at < count; at++) entries[at] = runHash(words, at, size) * 2 ** POSITION_BITS + at;
      entries.sort();
      this.#sorted.set(size, entries);
    }
    return entries;
  }
}

/** A hash of `size` word ids from `at`, in HASH_BITS bits. */
function runHash(ids: ArrayLike<number>, at: number, size: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < size; k++) hash = Math.imul(hash ^ (ids[at + k] as number), 0x01000193);
  return (hash >>> 0) % 2 ** HASH_BITS;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function unigramPlaces(stream: string[], word: string): number[] {
  const places: number[] = [];
  for (let i = 0; i < stream.length && places.length < MAX_CANDIDATES * 4; i++) if (stream[i] === word) places.push(i);
  return places;
}

/**
 * One candidate or none per page, with places that never go back as the pages go on, and the
 * most words matched in all (a heaviest non-decreasing chain, with a Fenwick tree of maxima).
 */
function chooseForward(candidates: Candidate[], pageCount: number): (number | undefined)[] {
  // Fenwick tree over word positions: the best chain whose last page's words end at or before a place.
  const places = [...new Set(candidates.flatMap((c) => [c.start, c.end]))].sort((a, b) => a - b);
  const rank = new Map(places.map((s, i) => [s, i + 1]));
  const tree: { value: number; node: number }[] = Array.from({ length: places.length + 1 }, () => ({ value: 0, node: -1 }));
  const best = (position: number) => {
    let result = { value: 0, node: -1 };
    for (let i = position; i > 0; i -= i & -i) {
      if ((tree[i] as { value: number }).value > result.value) result = tree[i] as typeof result;
    }
    return result;
  };
  const nodes: { candidate: Candidate; total: number; previous: number }[] = [];
  let n = 0;
  for (let page = 0; page < pageCount; page++) {
    const own: number[] = [];
    for (; n < candidates.length && (candidates[n] as Candidate).page === page; n++) {
      const candidate = candidates[n] as Candidate;
      // A page starts after the words the page before it matched.
      const before = best(rank.get(candidate.start) as number);
      nodes.push({ candidate, total: before.value + candidate.value, previous: before.node });
      own.push(nodes.length - 1);
    }
    // A page's candidates enter the tree together, so that a chain holds one of them at most.
    for (const id of own) {
      const node = nodes[id] as (typeof nodes)[number];
      for (let i = rank.get(node.candidate.end) as number; i < tree.length; i += i & -i) {
        if ((tree[i] as { value: number }).value < node.total) tree[i] = { value: node.total, node: id };
      }
    }
  }
  const chosen: (number | undefined)[] = new Array(pageCount).fill(undefined);
  for (let id = best(places.length).node; id >= 0; id = (nodes[id] as (typeof nodes)[number]).previous) {
    const { candidate } = nodes[id] as (typeof nodes)[number];
    chosen[candidate.page] = candidate.start;
  }
  return chosen;
}

/** How many of the page's words, from `skip` on, match the text from `at` on (at most MAX_RUN). */
function runLength(stream: string[], at: number, page: string[], skip: number): number {
  let n = 0;
  while (n < MAX_RUN && skip + n < page.length && stream[at + n] === page[skip + n]) n++;
  return n;
}
