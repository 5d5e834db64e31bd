/**
 * Which printed page each line went to, from the markers before and after each container and the
 * lines' tops on screen (src/output/print/page-lines.ts). The preview's real pages are tested in
 * a browser against the PDF in tests/preview.test.ts; these are the placements on their own.
 */
import { describe, expect, it } from 'vitest';
import type { Mark } from '../src/output/print/markers.ts';
import { type ContainerLines, pageStarts } from '../src/output/print/page-lines.ts';

// A text block of 10 lines of 15 pt, 50 pt from the page top.
const box = { top: 50, height: 150, line: 15 };

function lines(first: number, count: number): ContainerLines {
  return { first, tops: Array.from({ length: count }, (_, i) => i * 15) };
}

function marks(list: [kind: 'line' | 'end', n: number, page: number, line: number][]): Mark[] {
  return list.map(([kind, n, page, line]) => ({ kind, n, page, top: box.top + line * 15 }));
}

describe('page starts from container markers', () => {
  it('puts containers that sit on one page wholly there', () => {
    const containers = [lines(0, 4), lines(4, 6), lines(10, 3)];
    const found = marks([
      ['line', 0, 0, 0],
      ['end', 0, 0, 3],
      ['line', 1, 0, 4],
      ['end', 1, 0, 9],
      ['line', 2, 1, 0],
      ['end', 2, 1, 2],
    ]);
    expect(pageStarts(containers, found, box, 2)).toEqual([0, 10]);
  });

  it('splits a paragraph where the lines after its end marker begin', () => {
    // Eight lines from line 6 of page 0: a widow rule left line 9 empty, so three went over.
    const containers = [lines(0, 6), lines(6, 8)];
    const found = marks([
      ['line', 0, 0, 0],
      ['end', 0, 0, 5],
      ['line', 1, 0, 6],
      ['end', 1, 1, 4],
    ]);
    // Line 13 (the paragraph's last) stands 4 lines down page 1, so lines 9–13 are there.
    expect(pageStarts(containers, found, box, 2)).toEqual([0, 9]);
  });

  it('fills the pages between the first and last page of a long paragraph', () => {
    const containers = [lines(0, 25)];
    const found = marks([
      ['line', 0, 0, 3],
      ['end', 0, 2, 7],
    ]);
    // Page 2 holds the last 8 lines (17–24), page 1 a full 10 (7–16), page 0 the rest.
    expect(pageStarts(containers, found, box, 3)).toEqual([0, 7, 17]);
  });

  it('moves a marker caught at the foot of a page to the next page', () => {
    // An image's marker, placed before it at the page break, reports the foot of page 0.
    const containers = [lines(0, 10), lines(10, 1)];
    const found = marks([
      ['line', 0, 0, 0],
      ['end', 0, 0, 9],
      ['line', 1, 0, 10],
    ]);
    expect(pageStarts(containers, found, box, 2)).toEqual([0, 10]);
  });

  it('leaves a page no line starts on empty, and never goes back a page', () => {
    const containers = [lines(0, 2), lines(2, 2)];
    const found = marks([
      ['line', 0, 2, 0],
      ['end', 0, 2, 1],
      ['line', 1, 1, 0],
      ['end', 1, 1, 1],
    ]);
    expect(pageStarts(containers, found, box, 3)).toEqual([undefined, undefined, 0]);
  });
});
