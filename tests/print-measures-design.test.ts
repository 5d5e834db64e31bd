/**
 * The print measures read the design they measure (helpers/print-measures.ts), on pages of word
 * boxes made up here (helpers/synthetic-pages.ts): text set ragged right in block paragraphs is
 * read as such — no justified lines, no widow where a paragraph ends at a page's foot, the text
 * block's right edge where the measure ends — and a real widow or orphan there is still found;
 * a block set apart at a page's top (verse) begins anew; the flow runs on below a page's notes;
 * a page's last line after a line of space is the text's, not a folio; a chapter with no title
 * in a design with no drop cap opens where its text is sunk; and an opener is held to its
 * design's lead-in, a big numeral being no drop cap.
 */
import { describe, expect, it } from 'vitest';
import { GOALS, type MeasureOptions, measureBook, type PrintMeasures } from './helpers/print-measures.ts';
import {
  BODY,
  full,
  type LineSpec,
  type PageSpec,
  PITCH,
  paragraph,
  ROWS,
  ragged,
  raggedPages,
  sourceOf,
  TOP,
  word,
} from './helpers/synthetic-pages.ts';

const measure = (pages: PageSpec[], options: MeasureOptions = {}): PrintMeasures => measureBook(sourceOf(pages), options);

/** The goals not met, with their places. */
const unmet = (m: PrintMeasures) =>
  GOALS.filter((g) => !g.met(m)).map((g) => `${g.key}: ${m[g.key].at.map((p) => `p. ${p.page} ${p.text}`).join('; ')}`);

/** A ragged chapter of block paragraphs: an opener of 20 rows, two full pages, a last page. */
const RAGGED_ROOMS = [20, 32, 32, 32];
const raggedBook = (sizes: number[]) => raggedPages(sizes, RAGGED_ROOMS);
/** Paragraph sizes whose page turns fall inside paragraphs, two lines or more either side. */
const CLEAN = [4, 4, 4, 8, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 6, 4, 4];

describe('print measures on a design set ragged right, in block paragraphs', () => {
  it('read it as ragged: every goal met, no line justified, the right edge where the measure ends', () => {
    const pages = raggedBook(CLEAN);
    const m = measure(pages, { leadIn: 'none' });
    expect(unmet(m)).toEqual([]);
    expect(m.geometry.ragged).toBe(true);
    expect(m.justified).toBe(0);
    // The margins mirror: the measure's end on a recto is the verso's outside margin in from the trim.
    expect(m.geometry.right).toEqual({ recto: 351, verso: 369 });
    // The turns fall inside paragraphs: each page's first line runs on, none alone.
    expect(pages.slice(1).map((p) => p.lines[0]?.words.length)).toEqual([10, 10, 10]);
  });

  it('find a widow there: a paragraph’s last line alone atop a page, its line before filled', () => {
    // The paragraph across the turn from page 4 to 5 a line shorter: its last line alone on page 5.
    const sizes = [4, 4, 4, 8, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 6, 4, 4];
    const pages = raggedBook(sizes);
    expect(pages[2]?.lines[0]?.words).toEqual(['stones', 'at', 'last.']);
    expect(measure(pages, { leadIn: 'none' }).widows.at.map((p) => p.page)).toEqual([5]);
  });

  it('find an orphan there: a paragraph’s first line alone at a page’s foot', () => {
    const m = measure(raggedBook([4, 4, 8, 8, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 6, 4]), { leadIn: 'none' });
    expect(m.orphans.at.map((p) => p.page)).toEqual([3]);
  });

  it('read a paragraph ending at a page’s foot and a one-line paragraph atop the next as no widow', () => {
    // The fourth paragraph ends on the opener's last row; the next page opens with a paragraph of one line.
    const pages = raggedBook([4, 4, 4, 5, 1, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 6, 4, 4]);
    expect(pages[0]?.lines.at(-1)?.words).toEqual(['stones', 'at', 'last.']);
    expect(pages[1]?.lines[0]?.words).toEqual(['stones', 'at', 'last.']);
    expect(measure(pages, { leadIn: 'none' }).widows.count).toBe(0);
    // The same line after a line that is filled: the fourth paragraph's end, alone atop page 4.
    const widowed = raggedBook([4, 4, 4, 6, 1, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 6, 4, 4]);
    expect(measure(widowed, { leadIn: 'none' }).widows.at.map((p) => p.page)).toEqual([4]);
  });

  it('read a one-line paragraph after a line of space at a page’s foot as the text’s last line, not furniture', () => {
    // Each body page ends with a short paragraph of one line after a line of space, on row 32.
    const body = (recto: boolean): PageSpec => ({
      recto,
      lines: [
        ...Array.from({ length: 29 }, (_, k) => ragged(k)),
        { words: ['stones', 'at', 'last.'] },
        { words: ['one', 'line', 'alone.'], space: 1 },
      ],
    });
    const pages = [
      { recto: true, opener: true, dropCap: false, lines: Array.from({ length: 20 }, (_, k) => ragged(k)) },
      body(false),
      body(true),
      body(false),
      body(true),
      { recto: false, lines: [ragged(1), ragged(2), ragged(3), { words: ['the', 'end.'] }] },
    ];
    const m = measure(pages, { leadIn: 'none' });
    expect(Math.abs(m.geometry.bottom - (TOP + (ROWS - 1) * PITCH))).toBeLessThan(0.5);
    expect(unmet(m)).toEqual([]);
  });

  it('find a figure past the measure, not a rule across it', () => {
    const rule = { left: 27, right: 351, top: 300, bottom: 301 };
    const pages = raggedBook(CLEAN).map((p, i) =>
      i === 2 ? { ...p, figures: [rule] } : i === 3 ? { ...p, figures: [{ ...rule, left: 45, right: 380 }] } : p,
    );
    const m = measure(pages, { leadIn: 'none' });
    expect(m.figuresOutsideBlock.at.map((p) => p.page)).toEqual([6]);
  });
});

/** A justified chapter: an opener and four body pages of five-line paragraphs, a short last page. */
function justifiedBook(): PageSpec[] {
  const body = (recto: boolean): PageSpec => ({ recto, lines: [5, 5, 5, 5, 6, 6].flatMap((n) => paragraph(n)) });
  return [
    { recto: true, opener: true, lines: [5, 5, 5, 5].flatMap((n) => paragraph(n)) },
    body(false),
    body(true),
    body(false),
    body(true),
    { recto: false, lines: paragraph(5) },
  ];
}

const with_ = (pages: PageSpec[], edits: Record<number, LineSpec[]>) =>
  pages.map((p, i) => (edits[i] ? { ...p, lines: edits[i] as LineSpec[] } : p));

describe('print measures across page turns in a justified design', () => {
  it('read verse set in at a page’s top, after a full line, as a block of its own: no widow', () => {
    const pages = justifiedBook();
    const verse = (k: number): LineSpec => ({ words: ['one', 'for', 'the', 'boat'], indent: 20 + (k % 2) * 10 });
    const six = [...(pages[3]?.lines ?? []).slice(0, 31), full()];
    const seven = [verse(0), verse(1), verse(2), verse(3), ...paragraph(5).map((l, k) => (k === 0 ? { ...l, space: 1 } : l))];
    const m = measure(with_(pages, { 3: six, 4: [...seven, ...(pages[4]?.lines ?? []).slice(10)] }));
    expect(m.geometry.ragged).toBe(false);
    expect(m.widows.count).toBe(0);
    // Set at the text's edge, the same line alone would be a paragraph's end: a widow.
    const flush = [{ words: ['one', 'for', 'the', 'boat'] }, ...seven.slice(4)];
    expect(measure(with_(pages, { 3: six, 4: [...flush, ...(pages[4]?.lines ?? []).slice(7)] })).widows.count).toBe(1);
  });

  it('run the flow on below a page’s notes: a widow and an orphan there are found', () => {
    const pages = justifiedBook();
    const notes: LineSpec[] = [
      { words: ['1.', 'A', 'note', 'set', 'small.'], size: 9, space: 1 },
      { words: ['It', 'runs', 'two', 'lines.'], size: 9 },
    ];
    // Page 4 ends a full line above its notes; page 5 opens with that paragraph's last line alone.
    const four = [...(pages[1]?.lines ?? []).slice(0, 28), full(), ...notes];
    const five = [{ words: ['the', 'end.'] }, ...(pages[2]?.lines ?? []).slice(1)];
    // Page 6 ends with a paragraph's first line above its notes.
    const six = [...(pages[3]?.lines ?? []).slice(0, 27), full({ indent: 16.9 }), ...notes];
    const seven = [full(), { words: ['it', 'ended.'] }, ...(pages[4]?.lines ?? []).slice(2)];
    const m = measure(with_(pages, { 1: four, 2: five, 3: six, 4: seven }));
    expect(m.widows.at.map((p) => p.page)).toEqual([5]);
    expect(m.orphans.at.map((p) => p.page)).toEqual([6]);
  });
});

describe('print measures find a chapter with no title', () => {
  it('by its sink alone in a design with no drop cap, and hold its last page as the chapter’s', () => {
    const pages = justifiedBook();
    const untitled = [{ ...(pages[0] as PageSpec), title: false, dropCap: false }, ...pages.slice(1)];
    const m = measure(untitled, { leadIn: 'none' });
    expect([m.roles.opener, m.chapters]).toEqual([1, 1]);
    // Its last page, a verso of five lines, is not held to the recto before it.
    expect(unmet(m)).toEqual([]);
  });

  it('but not on a page holding only a note run on, set at its foot', () => {
    const pages = justifiedBook();
    const note = paragraph(20, { space: 8 }).map((l) => ({ ...l, size: 0.9 * BODY }));
    const m = measure([...pages.slice(0, 5), { recto: false, lines: note }]);
    expect([m.roles.opener, m.chapters]).toEqual([1, 1]);
  });
});

describe('print measures hold an opener to its design’s lead-in', () => {
  /** The opener with a big numeral above its title (not beside its lines), its first words as given. */
  function numbered(first: string[], dropCap: boolean): PageSpec[] {
    const pages = justifiedBook();
    const opener = pages[0] as PageSpec;
    const numeral = word('1', 180, 85.5 + 5 * 14.25, 4 * BODY);
    const lines = [
      { ...full({ indent: 16.9 }), words: [...first, ...full().words.slice(first.length)] },
      ...opener.lines.slice(1),
    ];
    return [{ ...opener, dropCap, lines, extra: [numeral] }, ...pages.slice(1)];
  }

  it('read a big numeral above the title as no drop cap', () => {
    const m = measure(numbered(['The', 'harbor'], false));
    expect(m.roles.opener).toBe(1);
    expect(m.openersWithoutLeadIn.at.map((p) => p.page)).toEqual([3]);
    expect(measure(numbered(['The', 'harbor'], true)).openersWithoutLeadIn.count).toBe(0);
  });

  it('hold each design to its own: capitals for small caps, none for none, a drop cap for both', () => {
    const caps = numbered(['THE', 'HARBOR'], false);
    const plain = numbered(['The', 'harbor'], false);
    const capped = numbered(['The', 'harbor'], true);
    const count = (pages: PageSpec[], leadIn: MeasureOptions['leadIn']) => measure(pages, { leadIn }).openersWithoutLeadIn.count;
    expect([count(caps, 'small-caps'), count(plain, 'small-caps'), count(capped, 'small-caps')]).toEqual([0, 1, 1]);
    expect([count(plain, 'none'), count(capped, 'none')]).toEqual([0, 1]);
    expect([count(capped, 'both'), count(caps, 'both'), count(caps, 'drop-cap')]).toEqual([0, 1, 1]);
  });
});

describe('print measures read the elements of fiction as set, not as running text', () => {
  /** A body page whose last two rows are `lines`, after paragraphs that end above them. */
  const endingWith = (recto: boolean, lines: LineSpec[]): PageSpec => ({
    recto,
    lines: [...[5, 5, 5, 5, 6, 4].flatMap((n) => paragraph(n)), ...lines],
  });

  it('read a signature set apart in the middle of the measure as a line of its own: no em dash starts a line in a paragraph', () => {
    const pages = justifiedBook();
    const m = measure(with_(pages, { 3: endingWith(false, [{ words: ['—', 'O.'], indent: 150 }, full()]).lines }));
    expect(m.emDashStarts.count).toBe(0);
    // The same words run on at the text's edge, after a filled line, do start a line inside a paragraph.
    const runOn = measure(with_(pages, { 3: endingWith(false, [full(), { words: ['—', 'O.', 'it', 'ended.'] }]).lines }));
    expect(runOn.emDashStarts.count).toBe(1);
  });

  it('read a message set to the right, a line apart from its next, as no justified line', () => {
    const pages = justifiedBook();
    const message: LineSpec[] = [
      { words: ['21:05', 'Where', 'else', 'would', 'I', 'be', 'at', 'high', 'water'], indent: 140, gap: 9, full: true },
      { words: ['the', 'almanac', 'was', 'wrong'], indent: 215, full: true },
    ];
    const m = measure(with_(pages, { 2: endingWith(true, message).lines }));
    expect([m.over2.count, m.over15.count]).toEqual([0, 0]);
    // Set at the text's edge, the same loose line in a paragraph is found.
    const loose = measure(with_(pages, { 2: endingWith(true, [{ ...(message[0] as LineSpec), indent: 0 }, full()]).lines }));
    expect(loose.over2.count).toBe(1);
  });

  it('hold no lead-in to a chapter that opens with a letter set in from the text’s edge, and one that opens with text', () => {
    const pages = justifiedBook();
    const letter: LineSpec[] = [
      { words: ['Falmouth,', '2', 'March'], indent: 200 },
      { words: ['Dear', 'Mrs', 'Penhale,'], indent: 17, space: 1 },
      ...Array.from({ length: 8 }, () => full({ indent: 17, inset: 17 })),
      { words: ['it', 'ended', 'there.'], indent: 17 },
    ];
    const opener = { ...(pages[0] as PageSpec), dropCap: false };
    const opensWith = (lines: LineSpec[]) => measure([{ ...opener, lines }, ...pages.slice(1)]).openersWithoutLeadIn.count;
    expect(opensWith(letter)).toBe(0);
    expect(opensWith(opener.lines)).toBe(1);
  });

  it('read a part page that holds an epigraph as a part where the caller names it', () => {
    const pages = justifiedBook();
    const epigraph: LineSpec[] = [
      { words: ['What', 'the', 'light', 'keeps,', 'the', 'dark', 'returns.'], indent: 22 },
      { words: ['—', 'the', 'keeper’s', 'song'], indent: 200 },
    ];
    const book = [
      ...pages,
      { recto: true, opener: true, dropCap: false, lines: epigraph },
      { recto: false, furniture: false, lines: [] },
      ...pages.slice(0, 2),
    ];
    expect([measure(book).roles.opener, measure(book).chapters]).toEqual([3, 3]);
    const part = sourceOf(book).pages.findIndex((p) => p.words.some((w) => w.text === 'keeper’s'));
    const m = measure(book, { parts: [part] });
    expect([m.roles.part, m.roles.opener, m.chapters]).toEqual([1, 2, 2]);
  });

  it('judge a short book by the text block and word space of a longer one in its design, where given', () => {
    const long = measure(justifiedBook());
    const short = justifiedBook().slice(0, 2);
    const given = measure(short, { design: long });
    expect(given.geometry).toEqual(long.geometry);
    expect(given.medianGap).toBe(long.medianGap);
    expect(given.over15.count).toBe(0);
    // The same lines, judged by a word space a third of theirs, are all loose.
    const tight = measure(short, { design: { ...long, medianGap: long.medianGap / 3 } });
    expect(tight.over2.count).toBe(given.justified);
  });
});
