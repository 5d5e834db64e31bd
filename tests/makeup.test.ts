/**
 * Page makeup (src/output/print/makeup.ts) on generated sections: the hard rules always hold
 * (no row lost or repeated, no page over its height, widows and orphans of 2, no heading last
 * on a page, no recto ending in a hyphen), and the goals (facing pages ending on one line, no
 * thin last page) are met wherever the paragraphs allow it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fill,
  type MadeSection,
  type MakeupRules,
  type MakeupSection,
  type MakeupUnit,
  makeUpSection,
} from '../src/output/print/makeup.ts';

const LINE = 10;
const RULES: MakeupRules = { page: 30 * LINE, line: LINE, widows: 2, orphans: 2, minLastLines: 3, noteGap: LINE };

const paragraph = (
  lines: number,
  options: { hyphens?: number[]; looser?: boolean; tighter?: boolean; gap?: number } = {},
): MakeupUnit => {
  const setting = (n: number) => ({
    hyphenated: Array.from({ length: n }, (_, i) => options.hyphens?.includes(i) ?? false),
    cost: 0,
  });
  const settings = [setting(lines)];
  if (options.tighter && lines > 1) settings.push({ ...setting(lines - 1), cost: 3 });
  if (options.looser) settings.push({ ...setting(lines + 1), cost: 3 });
  return { gap: options.gap ?? 0, line: LINE, padding: 0, settings, keepNext: false, keepTogether: false };
};
const heading = (): MakeupUnit => ({
  gap: LINE,
  line: LINE,
  padding: 0,
  settings: [{ hyphenated: [false], cost: 0 }],
  keepNext: true,
  keepTogether: true,
});
const sceneBreak = (): MakeupUnit => ({ gap: 0, solid: LINE, keepNext: false, keepTogether: true });

const unitArb: fc.Arbitrary<MakeupUnit> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        lines: fc.integer({ min: 1, max: 14 }),
        hy: fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 3 }),
        looser: fc.boolean(),
        tighter: fc.boolean(),
      })
      .map((p) => paragraph(p.lines, { hyphens: p.hy, looser: p.looser, tighter: p.tighter })),
  },
  { weight: 1, arbitrary: fc.constant(null).map(sceneBreak) },
  { weight: 1, arbitrary: fc.constant(null).map(heading) },
);
const sectionArb: fc.Arbitrary<MakeupSection> = fc.record({
  units: fc.array(unitArb, { minLength: 1, maxLength: 70 }),
  firstRecto: fc.boolean(),
});

/** Every row of the section, in order, as (unit, line) with the page it fell on. */
function rows(section: MakeupSection, made: MadeSection) {
  const out: Array<{ unit: number; line: number; page: number }> = [];
  const starts = made.pages.map((p) => p.start);
  let page = -1;
  section.units.forEach((unit, u) => {
    const count = unit.settings ? (unit.settings[made.choice[u] ?? 0]?.hyphenated.length ?? 0) : 1;
    for (let line = 0; line < count; line++) {
      if (starts[page + 1]?.unit === u && starts[page + 1]?.line === line) page++;
      out.push({ unit: u, line, page });
    }
  });
  return out;
}

function checkHardRules(section: MakeupSection, made: MadeSection): void {
  const all = rows(section, made);
  // Every page starts at a row, in order, the first at the section's start.
  expect(made.pages[0]?.start).toEqual({ unit: 0, line: 0 });
  expect(new Set(all.map((r) => r.page)).size).toBe(made.pages.length);
  made.pages.forEach((page, k) => {
    const mine = all.filter((r) => r.page === k);
    expect(mine.length, `page ${k} holds rows`).toBeGreaterThan(0);
    const first = mine[0] as (typeof all)[number];
    const last = mine.at(-1) as (typeof all)[number];
    const lastUnit = section.units[last.unit] as MakeupUnit;
    const isLastPage = k === made.pages.length - 1;
    if (mine.length > 1) expect(page.used).toBeLessThanOrEqual(RULES.page + 0.5);
    if (!isLastPage) {
      const count = lastUnit.settings?.[made.choice[last.unit] ?? 0]?.hyphenated.length ?? 1;
      const splits = last.line + 1 < count;
      if (!lastUnit.keepTogether || mine.length > 1) {
        expect(lastUnit.keepNext && !splits, `page ${k} ends with a heading`).toBe(false);
        if (splits) {
          expect(last.line + 1, `orphan on page ${k}`).toBeGreaterThanOrEqual(2);
          expect(count - last.line - 1, `widow after page ${k}`).toBeGreaterThanOrEqual(2);
          const hyphenated = lastUnit.settings?.[made.choice[last.unit] ?? 0]?.hyphenated[last.line];
          expect(hyphenated, `page ${k} ends in a hyphen`).toBe(false);
        }
      }
    }
    void first;
  });
}

describe('page makeup', () => {
  it('keeps every hard rule on generated sections, and reports its mismatches truly', () => {
    fc.assert(
      fc.property(sectionArb, (section) => {
        const made = makeUpSection(section, RULES);
        checkHardRules(section, made);
        // The facing pages it says match do match.
        const plain = fill(section, made.choice, RULES);
        let apart = 0;
        plain.pages.forEach((p, k) => {
          const verso = (k % 2 === 0) !== section.firstRecto;
          const next = plain.pages[k + 1];
          if (verso && k > 0 && next && k + 1 < plain.pages.length - 1 && Math.abs(next.used - p.used) > 0.5) apart++;
        });
        expect(apart).toBe(plain.mismatched);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('meets the goals on almost every generated section of plain paragraphs', () => {
    let sections = 0;
    let failed = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc
            .record({ lines: fc.integer({ min: 1, max: 12 }), looser: fc.boolean(), tighter: fc.boolean() })
            .map((p) => paragraph(p.lines, p)),
          { minLength: 30, maxLength: 120 },
        ),
        fc.boolean(),
        (units, firstRecto) => {
          const section = { units, firstRecto };
          const made = makeUpSection(section, RULES);
          const plain = fill(section, made.choice, RULES);
          const last = made.pages.at(-1);
          sections++;
          if (plain.mismatched > 0 || (made.pages.length > 1 && (last?.used ?? 0) < 3 * LINE)) failed++;
        },
      ),
      { seed: 5, numRuns: 200 },
    );
    expect(failed / sections).toBeLessThan(0.05);
  });

  it('sets a paragraph a line looser rather than leave two lines on a last page', () => {
    // 31 lines: page one can end only at line 29 (no widow), leaving 2 alone on page two.
    const units = [paragraph(10), paragraph(10, { tighter: true }), paragraph(11)];
    const made = makeUpSection({ units, firstRecto: true }, RULES);
    expect(made.choice).toEqual([0, 1, 0]);
    expect(made.pages).toHaveLength(1);
  });

  it('runs a verso short with its recto, so the spread ends on one line', () => {
    // Page 2 (a verso) cannot end at line 30 without an orphan; its recto ends on the same line.
    const units = [paragraph(30), paragraph(29), paragraph(3), ...Array.from({ length: 8 }, () => paragraph(10))];
    const made = makeUpSection({ units, firstRecto: true }, RULES);
    const [, verso, recto] = made.pages;
    expect(made.pages.length).toBeGreaterThan(3);
    expect(verso?.used).toBe(recto?.used);
  });

  it('never ends a page in a hyphen, and keeps a heading with what follows', () => {
    const units = [paragraph(29, { hyphens: [28] }), paragraph(4), heading(), paragraph(40)];
    const made = makeUpSection({ units, firstRecto: true }, RULES);
    checkHardRules({ units, firstRecto: true }, made);
    expect(made.pages[1]?.start).not.toEqual({ unit: 0, line: 29 });
  });
});
