/**
 * The print measures (tests/helpers/print-measures.ts) on pages of word boxes made up here
 * (helpers/synthetic-pages.ts), whose answers are known: a clean book meets every goal, and
 * each fault put in is counted, once, at its page — so a measure that always says 0 fails. Then
 * the page roles read off the sample's print PDF are those its screen edition's bookmarks give.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from './helpers/novel.ts';
import { GOALS, measureBook, type PrintMeasures } from './helpers/print-measures.ts';
import { readBook, type SourceBook } from './helpers/print-pages.ts';
import { bookmarkPages, readPrintPdf } from './helpers/print-source.ts';
import { BODY, full, type LineSpec, type PageSpec, page, paragraph, sourceOf } from './helpers/synthetic-pages.ts';
import { REPO } from './helpers/tmp.ts';

/** A chapter's pages from a recto, each given as its paragraphs' line counts (the first an opener). */
function chapter(pages: number[][]): PageSpec[] {
  return pages.map((sizes, i) => ({ recto: i % 2 === 0, opener: i === 0, lines: sizes.flatMap((n) => paragraph(n)) }));
}

/** Two chapters: openers on pages 3 and 9, body pages between, a blank before the second opener. */
function cleanBook(): PageSpec[] {
  const one = chapter([
    [5, 5, 5, 5],
    [5, 5, 5, 5, 6, 6],
    [6, 6, 5, 5, 5, 5],
    [5, 5, 5, 5, 6, 6],
    [6, 6, 5, 5, 5, 5],
    [5, 5],
  ]);
  const two = chapter([
    [5, 5, 5, 5],
    [5, 5, 5, 5, 6, 6],
    [5, 5],
  ]);
  return [...one, ...two];
}

function measure(pages: PageSpec[], openers?: number[]): PrintMeasures {
  return measureBook(sourceOf(pages), openers ? { openers } : {});
}

/** Replaces line `k` of page `p` (0-based in the body) with `line`. */
function edit(pages: PageSpec[], p: number, k: number, line: LineSpec): PageSpec[] {
  const target = pages[p] as PageSpec;
  return pages.map((spec, i) => (i === p ? { ...target, lines: target.lines.map((l, j) => (j === k ? line : l)) } : spec));
}

describe('print measures on made-up pages', () => {
  it('find every goal met on a clean book, and read its pages as they were made', () => {
    const m = measure(cleanBook());
    for (const goal of GOALS) expect(goal.met(m), `${goal.measure}: ${goal.value(m)}`).toBe(true);
    expect(m.roles).toEqual({ front: 2, blank: 0, part: 0, opener: 2, body: 7 });
    expect(m.chapters).toBe(2);
    expect(m.spreads).toBe(2);
    expect(m.medianGap).toBeCloseTo(3, 1);
    // Every line of every paragraph but its last is justified; the furniture is no line.
    const lines = cleanBook().flatMap((p) => p.lines);
    expect(m.lines).toBe(lines.length);
    expect(m.justified).toBe(lines.filter((l) => l.full).length);
  });

  it('count loose lines: over 2× the median gap, and over 1.5×', () => {
    const loose = { ...full(), words: full().words.slice(0, 9), gap: 7.5 };
    const fairly = { ...full(), words: full().words.slice(0, 9), gap: 5 };
    const m = measure(edit(edit(cleanBook(), 1, 3, loose), 2, 7, fairly));
    expect(m.over2.count).toBe(1);
    expect(m.over2.at[0]?.page).toBe(4);
    expect(m.over15.count).toBe(2);
  });

  it('judge the gaps of text set at another size against that text’s own median gap', () => {
    const words = full().words.slice(0, 9);
    // A lead-in: three tracked words a little larger than the body, their gaps wider by design.
    const led = { ...full(), lead: { words: 3, size: 1.1 * BODY, gap: 5 } };
    // Smaller type (a footnote's) with its own narrower gaps, and one line twice as loose as they.
    const small = { ...full(), words, size: 0.85 * BODY, gap: 2 };
    let pages = cleanBook();
    for (const k of [1, 2, 3]) pages = edit(pages, 1, k, led);
    for (const k of [1, 2, 3, 4, 7, 8, 9, 10]) pages = edit(pages, 2, k, small);
    for (const k of [1, 2, 3]) pages = edit(pages, 3, k, small);
    expect(measure(pages).over15.count).toBe(0);
    const m = measure(edit(pages, 2, 8, { ...small, gap: 4.5 }));
    // 4.5 pt is under 2 × the body's 3 pt, but over 2 × the small type's 2 pt.
    expect(m.over2.count).toBe(1);
    expect(m.over2.at[0]?.page).toBe(5);
    // A loose lead-in line shows in its body gaps; the same gaps between body words are loose.
    expect(measure(edit(pages, 1, 2, { ...led, gap: 5 })).over15.count).toBe(1);
    expect(measure(edit(pages, 1, 7, { ...full(), gap: 5 })).over15.count).toBe(1);
  });

  it('judge the gaps of a lead-in set at the body’s size in another face as that face’s', () => {
    // Tracked small caps of their own face, at the body's size: their gaps wider by design.
    const led = { ...full(), lead: { words: 3, size: BODY, gap: 5, font: 'TextSC-Regular' } };
    let pages = cleanBook();
    for (const k of [1, 2, 3]) pages = edit(pages, 1, k, led);
    expect(measure(pages).over15.count).toBe(0);
    // The same gaps in the body's face are loose.
    const { font: _, ...bodyFace } = led.lead;
    expect(measure(edit(pages, 1, 2, { ...led, lead: bodyFace })).over15.count).toBe(1);
  });

  it('count hyphenated line ends, capitalised words, short fragments and words, not typed hyphens', () => {
    let pages = edit(cleanBook(), 1, 1, { ...full(), words: [...full().words.slice(0, 9), 'Eliza-'], soft: true });
    pages = edit(pages, 1, 2, { ...full(), words: ['beth', ...full().words.slice(1)] });
    pages = edit(pages, 1, 6, { ...full(), words: [...full().words.slice(0, 9), 'wo-'], soft: true });
    pages = edit(pages, 1, 7, { ...full(), words: ['man', ...full().words.slice(1)] });
    pages = edit(pages, 1, 11, { ...full(), words: [...full().words.slice(0, 9), 'sixty-'] });
    const m = measure(pages);
    expect(m.hyphenated.count).toBe(2);
    expect(m.capitalisedHyphenated.count).toBe(1);
    expect(m.capitalisedHyphenated.at[0]?.text).toMatch(/Eliza-$/);
    expect(m.shortFragments.count).toBe(1);
    expect(m.shortWords.count).toBe(1);
    expect(m.hyphenRuns.count).toBe(0);
  });

  it('count runs of three hyphenated lines, a paragraph’s last word broken, a title split from its name, words run together', () => {
    const soft = (w: string) => ({ ...full(), words: [...full().words.slice(0, 9), w], soft: true });
    let pages = edit(cleanBook(), 2, 0, soft('abcd-'));
    pages = edit(pages, 2, 1, soft('efgh-'));
    pages = edit(pages, 2, 2, soft('ijkl-'));
    pages = edit(pages, 2, 3, soft('gar-'));
    pages = edit(pages, 2, 4, { words: ['dener.'] });
    pages = edit(pages, 3, 1, { ...full(), words: [...full().words.slice(0, 9), 'Mr.'] });
    pages = edit(pages, 3, 2, { ...full(), words: ['Ashworth', ...full().words.slice(2)] });
    pages = edit(pages, 3, 12, { ...full(), words: ['gardenharborwindowsilverstones', ...full().words.slice(5)] });
    const m = measure(pages);
    expect(m.hyphenRuns.count).toBe(1);
    expect(m.lastWordHyphenated.count).toBe(1);
    expect(m.titleSplits.count).toBe(1);
    expect(m.runTogether.at).toEqual([{ page: 6, text: expect.stringMatching(/^gardenharbor/) }]);
  });

  it('count a recto whose last line ends in a hyphenation, not a verso', () => {
    const soft = { ...full(), words: [...full().words.slice(0, 9), 'gar-'], soft: true };
    const body = cleanBook();
    const m = measure(edit(edit(body, 1, 31, soft), 2, 31, soft));
    expect(m.rectoTurnHyphens.count).toBe(1);
    expect(m.rectoTurnHyphens.at[0]?.page).toBe(5);
  });

  it('count facing body pages ending on different lines, not a spread with a chapter’s last page', () => {
    // Page 11, chapter two's last, ends 22 lines short of page 10 facing it: no fault.
    const pages = cleanBook();
    const shortVerso = { ...(pages[1] as PageSpec), lines: (pages[1] as PageSpec).lines.slice(0, 27) };
    const m = measure(pages.map((p, i) => (i === 1 ? shortVerso : p)));
    expect(m.facingDiffer.count).toBe(1);
    expect(m.facingDiffer.at[0]?.page).toBe(4);
  });

  it('count chapters whose last page holds one or two lines, and openers without a drop cap', () => {
    const pages = cleanBook();
    const two = { ...(pages[5] as PageSpec), lines: paragraph(2) };
    const bare = { ...(pages[6] as PageSpec), dropCap: false };
    const m = measure(pages.map((p, i) => (i === 5 ? two : i === 6 ? bare : p)));
    expect(m.shortLastPages.count).toBe(1);
    expect(m.shortLastPages.at[0]?.page).toBe(8);
    expect(m.openers).toBe(2);
    expect(m.openersWithoutLeadIn.count).toBe(1);
    expect(m.openersWithoutLeadIn.at[0]?.page).toBe(9);
  });

  it('count words inside the gutter and outside the safe area, and figures past the text block', () => {
    let pages = edit(cleanBook(), 2, 4, { ...full(), shift: -2 });
    pages = edit(pages, 1, 4, { ...full(), shift: 2 });
    pages = edit(pages, 3, 8, { ...full(), shift: -30 });
    const figures = [{ left: 30, right: 300, top: 300, bottom: 560 }];
    pages = pages.map((p, i) =>
      i === 4 ? { ...p, figures } : i === 2 ? { ...p, figures: [{ ...figures[0], bottom: 500 }] } : p,
    ) as PageSpec[];
    const m = measure(pages);
    expect(m.inGutter.at.map((p) => p.page)).toEqual([4, 5]);
    expect(m.inGutter.deepest).toBeCloseTo(2, 1);
    expect(new Set(m.outsideSafeArea.at.map((p) => p.page))).toEqual(new Set([6]));
    expect(m.figuresOutsideBlock.count).toBe(1);
    expect(m.figuresOutsideBlock.at[0]?.page).toBe(7);
  });

  it('count a widow and an orphan across page turns, not a paragraph ending with its page', () => {
    const pages = cleanBook();
    // Page 4 ends with a paragraph's first line, its other three lines at the top of page 5.
    const four = { ...(pages[1] as PageSpec), lines: [...(pages[1] as PageSpec).lines.slice(0, 31), full({ indent: 16.9 })] };
    const five = {
      ...(pages[2] as PageSpec),
      lines: [full(), full(), { words: ['it', 'ended.'] }, ...(pages[2] as PageSpec).lines.slice(3)],
    };
    // Page 6 ends with a paragraph's last line but one; its last line alone atop page 7.
    const six = { ...(pages[3] as PageSpec), lines: [...(pages[3] as PageSpec).lines.slice(0, 31), full()] };
    const seven = { ...(pages[4] as PageSpec), lines: [{ words: ['the', 'end.'] }, ...(pages[4] as PageSpec).lines.slice(1)] };
    const m = measure(pages.map((p, i) => [p, four, five, six, seven][i] ?? p));
    expect(m.orphans.at.map((p) => p.page)).toEqual([4]);
    expect(m.widows.at.map((p) => p.page)).toEqual([7]);
  });

  it('read a block quote running on from a verso to a recto, one line at its edge there, as no widow', () => {
    const pages = cleanBook();
    const quote = (extra: Partial<LineSpec> = {}) => full({ indent: 16.9, inset: 16.9, ...extra });
    const six = {
      ...(pages[3] as PageSpec),
      lines: [...(pages[3] as PageSpec).lines.slice(0, 26), quote({ space: 1 }), quote(), quote(), quote(), quote()],
    };
    const seven = {
      ...(pages[4] as PageSpec),
      lines: [
        quote(),
        { words: ['it', 'ended.'], indent: 16.9 },
        ...(pages[4] as PageSpec).lines.slice(3).map((l, k) => (k === 0 ? { ...l, space: 1 } : l)),
      ],
    };
    const m = measure(pages.map((p, i) => (i === 3 ? six : i === 4 ? seven : p)));
    expect(m.widows.count).toBe(0);
    expect(m.facingDiffer.count).toBe(0);
    // Page 7 loses three justified lines and gains the quote's first: justified, at its edge.
    expect(m.justified).toBe(measure(pages).justified - 2);
  });

  it('count lines inside a paragraph that start with an em dash, not a paragraph that does', () => {
    let pages = edit(cleanBook(), 1, 2, { ...full(), words: ['—and', ...full().words.slice(1)] });
    pages = edit(pages, 1, 5, { ...full({ indent: 16.9 }), words: ['—Well', ...full({ indent: 16.9 }).words.slice(1)] });
    const m = measure(pages);
    expect(m.emDashStarts.count).toBe(1);
    expect(m.emDashStarts.at[0]?.page).toBe(4);
  });

  it('join a raised footnote call to its word, and read lines beside a drop cap as one paragraph', () => {
    const source: SourceBook = { pages: cleanBook().map(page), bodyStart: 0 };
    const line = source.pages[1]?.words.filter((w) => w.base === source.pages[1]?.words[3]?.base) ?? [];
    const host = line[2];
    if (!host) throw new Error('no word');
    source.pages[1]?.words.push({ ...host, text: '1', xMin: host.xMax, xMax: host.xMax + 3, base: host.base - 4, size: 7.9 });
    const book = readBook(source);
    const lines = book.pages[1]?.lines ?? [];
    expect(lines).toHaveLength(32);
    expect(lines.find((l) => l.text.includes('1'))?.words.length).toBe(line.length);
    const opener = book.pages[0]?.lines.filter((l) => !l.display) ?? [];
    expect(opener.slice(0, 5).map((l) => l.start)).toEqual([true, false, false, false, false]);
  });

  it('find the body’s first page by its folios when the PDF has no page labels', () => {
    const m = measureBook(sourceOf(cleanBook(), false));
    expect(m.bodyStart).toBe(2);
    expect(m.roles).toEqual(measure(cleanBook()).roles);
  });

  it('take the chapters’ openings when given (from bookmarks) over what the pages show', () => {
    const m = measure(cleanBook(), [2]);
    expect(m.openersFrom).toBe('given');
    expect(m.roles.opener).toBe(1);
    expect(m.chapters).toBe(1);
  });
});

describe('page roles read off a print PDF', () => {
  it('are those of the screen edition’s bookmarks (the sample)', async () => {
    const input = path.join(REPO, 'manuscript');
    const [print, screen] = [await buildPdf(input), await buildPdf(input, 'screen')];
    const book = readBook(await readPrintPdf(print.file));
    const marks = await bookmarkPages(screen.file);
    const openers = book.pages.filter((p) => p.role === 'opener').map((p) => p.index);
    expect(openers).toEqual(marks.filter((b) => !b.parent).map((b) => b.page));
    expect(book.bodyStart).toBe(print.pageLabels.indexOf('1'));
  }, 120_000);
});
