import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadInWordCount } from '../src/book/lead-in-phrase.ts';
import { autoInner, BINDING, kdpGutter } from '../src/output/print/geometry.ts';
import { printedPpi, printedSize } from '../src/output/print/image-size.ts';

describe('printed image sizes and their resolution', () => {
  const text = { width: 288, height: 29 * 14.5, line: 14.5 };

  it('prints a block image on whole lines inside the text block, and an inline one at its own size', () => {
    // 1200 × 800 px: 900 × 600 pt at 96 to the inch, so the text block's width decides.
    const wide = printedSize({ width: 900, height: 600 }, text, true);
    expect(wide.height).toBe(13 * 14.5);
    expect(wide.width).toBeCloseTo((13 * 14.5 * 900) / 600, 6);
    expect(printedPpi({ width: 1200, height: 800 }, wide)).toBeCloseTo(1200 / (wide.width / 72), 6);
    // A tall one: the text block less two lines.
    expect(printedSize({ width: 300, height: 3000 }, text, true).height).toBe(27 * 14.5);
    // A small one keeps its size, rounded down to lines (at least one).
    expect(printedSize({ width: 150, height: 112.5 }, text, true).height).toBe(7 * 14.5);
    expect(printedSize({ width: 30, height: 6 }, text, true).height).toBe(14.5);
    expect(printedSize({ width: 150, height: 112.5 }, text, false)).toEqual({ width: 150, height: 112.5 });
    // 200 px across on 150 pt (2.08 in): 96 ppi.
    expect(printedPpi({ width: 200, height: 150 }, printedSize({ width: 150, height: 112.5 }, text, false))).toBeCloseTo(96, 6);
  });

  it('never prints a block image outside the text block or off the grid (generated sizes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 150, max: 400 }),
        fc.integer({ min: 20, max: 45 }),
        (w, h, width, lines) => {
          const block = { width, height: lines * 14.5, line: 14.5 };
          const size = printedSize({ width: w * 0.75, height: h * 0.75 }, block, true);
          expect(size.width).toBeLessThanOrEqual(width + 1e-9);
          expect(size.height).toBeLessThanOrEqual(Math.max(14.5, block.height - 29) + 1e-9);
          expect(Math.abs(size.height / 14.5 - Math.round(size.height / 14.5))).toBeLessThan(1e-9);
          // The shape is kept unless the image is too wide even at one line.
          if (size.width < width - 1e-9) expect(size.width / size.height).toBeCloseTo(w / h, 6);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('lead-in phrases', () => {
  const lead = (text: string) =>
    text
      .split(/\s+/)
      .slice(0, leadInWordCount(text.split(/\s+/)))
      .join(' ');

  it('keeps a title with its name, and a name whole', () => {
    expect(lead('Mrs. Halloway came up the lane at noon')).toBe('Mrs. Halloway came up');
    expect(lead('When Dr. Anselm opened the door she')).toBe('When Dr. Anselm opened');
    expect(lead('I saw old Mr. Pellow by the quay')).toBe('I saw old Mr. Pellow');
    expect(lead('Then she met Lady Brantwood at last')).toBe('Then she met Lady Brantwood');
    expect(lead('Later they found Tamsin Orrell asleep')).toBe('Later they found Tamsin Orrell');
    expect(lead('Mr. Quill, said the clerk, was out')).toBe('Mr. Quill,');
    expect(lead('They sat by the fire all evening')).toBe('They sat by the');
    expect(lead('Yes. Then she left the room')).toBe('Yes.');
    // A name too long to take whole: the lead-in stops before it.
    expect(lead('He met Sir John Arthur Henry Pellow Smith')).toBe('He met');
  });

  it('never ends between a title and the capitalised word after it (generated openings)', () => {
    const words = ['the', 'quay', 'Mr.', 'Mrs.', 'Lady', 'Sir', 'Dr.', 'Pellow', 'Anne', 'sat', 'said,', 'dawn.', 'J.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 9 }), (opening) => {
        const n = leadInWordCount(opening);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(6);
        const last = opening[n - 1] as string;
        const next = opening[n];
        // Only a name that runs through every word looked at is cut (at the last of them).
        if (next && /^\p{Lu}/u.test(next) && n < 6) expect(/^(Mr\.|Mrs\.|Lady|Sir|Dr\.|J\.)$/.test(last)).toBe(false);
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

describe('the default inside margin', () => {
  it('is KDP’s minimum for the page count and 0.125 in for the binding', () => {
    expect(BINDING).toBe(9);
    for (const pages of [24, 150, 151, 300, 420, 600, 800]) expect(autoInner(pages)).toBe(kdpGutter(pages) + 0.125 * 72);
  });
});
