/**
 * The measures of a print PDF's lines (see print-measures.ts for the report): word spacing in
 * justified lines, and where and how words are hyphenated at line ends. Read over the running
 * text of openers and body pages (print-pages.ts), footnotes included, headings left out.
 *
 * - A justified line has 6 words or more, reaches its block's right edge and is not a
 *   paragraph's last line (a design set ragged right has none); its word gaps run from one
 *   word's right edge to the next one's left. A gap is judged against the median gap of text of
 *   its kind: a gap between two words set at one size, or in one face, other than the body's (a
 *   lead-in's small caps, tracked, at the body's size or not; a footnote's smaller type) against
 *   the median of such gaps when the book has 50 or more of them. With fewer, a line that also
 *   has body gaps is judged by those (one line's spaces all take the same justification), and a
 *   line all of that kind by the body's median scaled to its size. A book too short to make a
 *   median of its own (a few pages) is judged by the median of a longer book in the same design,
 *   when the caller gives it.
 * - A line ends in a hyphenation when its last word ends in the hyphen of a soft hyphen (the
 *   browser's break, drawn over the invisible U+00AD; pdf-read.ts tells it from a typed hyphen).
 * - Words run together when a line holds a run of 25 letters or more (no English word is that
 *   long): the words were drawn without a space or a gap between them.
 * - The letters either side of a break are the letters of the fragment before it and the
 *   letters that start the next line (the next page's first line after a page's last).
 */
import type { Book, BookLine, BookPage } from './print-pages.ts';
import { median } from './print-pages.ts';

export interface Place {
  /** 1-based page number. */
  page: number;
  text: string;
}

export interface Count {
  count: number;
  /** Up to 20 places, for a message. */
  at: Place[];
}

export interface LineMeasures {
  /** Lines of running text (the denominator of `hyphenated`). */
  lines: number;
  justified: number;
  medianGap: number;
  /** Justified lines with a gap over 2 × and over 1.5 × the median. */
  over2: Count;
  over15: Count;
  /** Lines ending in a soft-hyphen break. */
  hyphenated: Count;
  capitalisedHyphenated: Count;
  /** Breaks leaving fewer than 3 letters before or after. */
  shortFragments: Count;
  /** Hyphenated words of fewer than 6 letters. */
  shortWords: Count;
  /** A paragraph's last word hyphenated (the last line is the word's end alone). */
  lastWordHyphenated: Count;
  /** Runs of 3 or more lines in a row ending in a hyphen (soft or typed). */
  hyphenRuns: Count;
  /** Lines inside a paragraph that start with an em dash. */
  emDashStarts: Count;
  /** A title (Mr., Mrs., Miss, Dr. …) at a line's end, its name on the next line. */
  titleSplits: Count;
  /** Lines with a run of 25 letters or more: words drawn without a space between (text search breaks). */
  runTogether: Count;
}

export function counter(): Count & { add(page: BookPage, text: string): void } {
  const c = {
    count: 0,
    at: [] as Place[],
    add(page: BookPage, text: string) {
      c.count++;
      if (c.at.length < 20) c.at.push({ page: page.index + 1, text: text.length > 72 ? `${text.slice(0, 69)}...` : text });
    },
  };
  return c;
}

/** A count without its `add`, for a report. */
export const plain = (c: Count): Count => ({ count: c.count, at: c.at });

export const running = (page: BookPage) => page.role === 'body' || page.role === 'opener';

/** The running text's lines in reading order, each with its page (headings left out). */
export function flow(book: Book): { page: BookPage; line: BookLine }[] {
  return book.pages.filter(running).flatMap((page) => page.lines.filter((l) => !l.display).map((line) => ({ page, line })));
}

export function gapsOf(line: BookLine): number[] {
  return line.words.slice(1).map((w, k) => w.xMin - (line.words[k] as BookLine['words'][number]).xMax);
}

export const isJustified = (line: BookLine) => line.words.length >= 6 && line.full && !line.last && !line.display && !line.ragged;

const lastWord = (line: BookLine) => line.words.at(-1)?.text ?? '';
const hyphenEnd = (line: BookLine) => /[-\u2010]$/.test(lastWord(line).replace(/\u00ad/g, ''));
// An abbreviated title with or without its point; a title that is a word only without one ("let
// me not interrupt you, Sir. You will…" ends a sentence).
const TITLE = /^[“‘"'(]*(?:(?:Mr|Mrs|Ms|Messrs|Dr|St)\.?|Sir|Lady|Lord|Miss|Captain|Colonel)$/u;

type Word = BookLine['words'][number];

/** A size to 0.1 pt. */
const tenth = (size: number) => Math.round(size * 10) / 10;

/** A gap's kind, `size|face`: the size (to 0.1 pt) and face of the two words it stands between when they share them, else the body's. */
function gapKinds(line: BookLine, body: string): string[] {
  const kind = (w: Word) => `${tenth(w.size)}|${w.font ?? ''}`;
  return line.words.slice(1).map((w, k) => (kind(w) === kind(line.words[k] as Word) ? kind(w) : body));
}

const sizeOf = (kind: string) => Number.parseFloat(kind);

/** The body's kind: its size, and the face most of the words at that size are set in. */
function bodyKind(lines: BookLine[], bodySize: number): string {
  const size = tenth(bodySize);
  const faces = new Map<string, number>();
  for (const w of lines.flatMap((l) => l.words))
    if (tenth(w.size) === size) faces.set(w.font ?? '', (faces.get(w.font ?? '') ?? 0) + w.text.length);
  const face = [...faces].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return `${size}|${face}`;
}

/** Gaps of a kind that make a median of their own. */
const OWN_MEDIAN = 50;

/** Each line's widest gap as a multiple of the median gap of its kind (see the header). */
function relativeWidest(lines: BookLine[], bodySize: number, given?: number): { medianGap: number; widest: number[] } {
  const body = bodyKind(lines, bodySize);
  const gapped = lines.map((line) => ({ gaps: gapsOf(line), kinds: gapKinds(line, body) }));
  const byKind = new Map<string, number[]>();
  for (const { gaps, kinds } of gapped) {
    gaps.forEach((g, i) => {
      const kind = kinds[i] as string;
      const list = byKind.get(kind);
      if (list) list.push(g);
      else byKind.set(kind, [g]);
    });
  }
  const medianGap = given ?? median(byKind.get(body) ?? gapped.flatMap((l) => l.gaps));
  const medians = new Map(
    [...byKind].flatMap(([kind, gaps]) => (gaps.length >= OWN_MEDIAN ? [[kind, median(gaps)] as const] : [])),
  );
  medians.set(body, medianGap);
  const widest = gapped.map(({ gaps, kinds }) => {
    const bodyGaps = kinds.includes(body);
    return Math.max(
      0,
      ...gaps.map((g, i) => {
        const kind = kinds[i] as string;
        const own = medians.get(kind);
        if (own !== undefined) return g / own;
        // Too few to make a median: beside the body's gaps (a lead-in) the line's spacing shows
        // in those; a line all of one other kind (a note's) goes by the body's, scaled to its size.
        return bodyGaps ? 0 : g / ((medianGap * sizeOf(kind)) / sizeOf(body));
      }),
    );
  });
  return { medianGap, widest };
}

/** `givenGap`: the body's median word gap, read off a longer book in the same design (else this one's). */
export function lineMeasures(book: Book, givenGap?: number): LineMeasures {
  const lines = flow(book);
  const justified = lines.filter(({ line }) => isJustified(line));
  const { medianGap, widest } = relativeWidest(
    justified.map(({ line }) => line),
    book.geometry.bodySize,
    givenGap,
  );
  const [over2, over15, hyphenated, capitalised, fragments, shortWords, lastWords, runs, dashes, titles, together] = [
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
    counter(),
  ];
  justified.forEach(({ page, line }, k) => {
    const relative = widest[k] as number;
    if (relative > 2) over2.add(page, line.text);
    if (relative > 1.5) over15.add(page, line.text);
  });
  let run = 0;
  lines.forEach(({ page, line }, k) => {
    const next = lines
      .slice(k + 1)
      .find((n) => n.line.size < 0.95 * book.geometry.bodySize === line.size < 0.95 * book.geometry.bodySize);
    const samePage = lines[k + 1]?.page === page;
    run = hyphenEnd(line) ? run + 1 : 0;
    if (run === 3) runs.add(page, line.text);
    if (!samePage) run = 0;
    if (line.words.some((w) => /\p{L}{25,}/u.test(w.text))) together.add(page, line.text);
    const first = line.words[0]?.text ?? '';
    // A line of text, not an ornament drawn in dashes (a scene break's “— • —”).
    if (!line.start && /^[“‘"'(]*\u2014/u.test(first) && /\p{L}/u.test(line.text)) dashes.add(page, line.text);
    const nextFirst = next?.line.words[0]?.text ?? '';
    if (!line.last && TITLE.test(lastWord(line)) && /^[“‘"'(]*\p{Lu}/u.test(nextFirst)) titles.add(page, line.text);
    if (!line.words.at(-1)?.softHyphen) return;
    hyphenated.add(page, line.text);
    const piece =
      lastWord(line)
        .slice(0, -1)
        .split(/[\u2014\u2013/]/)
        .at(-1) ?? '';
    const before = /\p{L}+$/u.exec(piece)?.[0].length ?? 0;
    const after = /^\p{L}+/u.exec(nextFirst)?.[0].length ?? 0;
    if (/^[^\p{L}]*\p{Lu}/u.test(piece)) capitalised.add(page, line.text);
    if (before < 3 || after < 3) fragments.add(page, `${lastWord(line)} ${nextFirst}`);
    if (before + after < 6) shortWords.add(page, `${lastWord(line)} ${nextFirst}`);
    if (next?.line.last && next.line.words.length === 1) lastWords.add(page, `${lastWord(line)} ${nextFirst}`);
  });
  return {
    lines: lines.length,
    justified: justified.length,
    medianGap,
    over2: plain(over2),
    over15: plain(over15),
    hyphenated: plain(hyphenated),
    capitalisedHyphenated: plain(capitalised),
    shortFragments: plain(fragments),
    shortWords: plain(shortWords),
    lastWordHyphenated: plain(lastWords),
    hyphenRuns: plain(runs),
    emDashStarts: plain(dashes),
    titleSplits: plain(titles),
    runTogether: plain(together),
  };
}
