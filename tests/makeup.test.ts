/**
 * Page makeup (src/output/print/makeup.ts) on generated sections: the hard rules always hold
 * (no row lost or repeated, no page over its height, widows and orphans of 2, no heading last
 * on a page, no recto ending in a hyphen), and the goals (facing pages ending on one line, no
 * thin last page) are met wherever the paragraphs allow it. With footnotes: every line of every
 * note once and in order, each note starting on its call's page, split only between lines that
 * may part (two lines or more either side, never after a hyphen), and only the last note of a
 * page running on, to stand first on the next.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fill,
  type MadePage,
  type MadeSection,
  type MakeupRules,
  type MakeupSection,
  type MakeupUnit,
  makeUpSection,
} from '../src/output/print/makeup.ts';
import type { MakeupNote } from '../src/output/print/page-notes.ts';

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

  it('sets a paragraph a line longer rather than run a spread a line short', () => {
    // As above, but the 29-line paragraph may take 30 lines: page 2 is then full, and so is its recto.
    const units = [
      paragraph(30),
      paragraph(29, { looser: true }),
      paragraph(3),
      ...Array.from({ length: 8 }, () => paragraph(10)),
    ];
    const made = makeUpSection({ units, firstRecto: true }, RULES);
    expect(made.choice[1]).toBe(1);
    expect(made.pages.slice(0, -1).map((p) => p.used)).toEqual(made.pages.slice(0, -1).map(() => RULES.page));
  });

  it('fills short pages one after another through a long section, as far as its paragraphs allow', () => {
    // Every third paragraph of 29 lines that may take 30, each followed by one of 3 (no orphan):
    // each page is full only if its 29-line paragraph is set a line longer.
    const units = Array.from({ length: 12 }, () => [paragraph(29, { looser: true }), paragraph(3)]).flat();
    units.unshift(paragraph(30));
    const made = makeUpSection({ units, firstRecto: true }, RULES);
    const short = made.pages.slice(0, -1).filter((p) => p.used < RULES.page);
    expect(short).toEqual([]);
  });

  it('never ends a page in a hyphen, and keeps a heading with what follows', () => {
    const units = [paragraph(29, { hyphens: [28] }), paragraph(4), heading(), paragraph(40)];
    const made = makeUpSection({ units, firstRecto: true }, RULES);
    checkHardRules({ units, firstRecto: true }, made);
    expect(made.pages[1]?.start).not.toEqual({ unit: 0, line: 29 });
  });
});

describe('page makeup with footnotes', () => {
  /** A note of `lines` lines, on the body's grid, that may not be split after the lines in `hyphens`. */
  const note = (lines: number, hyphens: number[] = []): MakeupNote => ({
    height: lines * LINE,
    lines: Array.from({ length: lines }, (_, i): [number, number, boolean] => [i * LINE, (i + 1) * LINE, !hyphens.includes(i)]),
  });
  /** A paragraph of `lines` lines calling note `n` from line `at`. */
  const calling = (lines: number, calls: Array<[number, number]>): MakeupUnit => {
    const unit = paragraph(lines);
    const perLine = Array.from({ length: lines }, (_, line) => calls.filter(([at]) => at === line).map(([, n]) => n));
    return { ...unit, settings: (unit.settings ?? []).map((s) => ({ ...s, calls: perLine })) };
  };

  /** The page each row falls on: the last page starting at or before it (a page of notes alone starts where the next does). */
  function rowPage(made: MadeSection, unit: number, line: number): number {
    let found = 0;
    made.pages.forEach((p, k) => {
      if (p.start.unit < unit || (p.start.unit === unit && p.start.line <= line)) found = k;
    });
    return found;
  }

  function checkNotes(section: MakeupSection, made: MadeSection, fromCallPage = true): void {
    const notes = section.notes ?? [];
    const seen = notes.map((): number[] => []);
    made.pages.forEach((page, k) => {
      expect(page.used, `page ${k} over its height`).toBeLessThanOrEqual(RULES.page + 0.5);
      page.notes.forEach((part, i) => {
        const n = notes[part.note]?.lines.length ?? 0;
        // Only the first part on a page continues a note, only the last runs on.
        if (part.from > 0) expect(i, `page ${k}: a continued note first`).toBe(0);
        if (part.to < n) expect(i, `page ${k}: the note that runs on last`).toBe(page.notes.length - 1);
        if (part.from > 0 || part.to < n) expect(part.to - part.from, `page ${k}: a part of one line`).toBeGreaterThanOrEqual(2);
        if (part.to < n) expect(notes[part.note]?.lines[part.to - 1]?.[2], `page ${k}: split after a hyphen`).toBe(true);
        for (let line = part.from; line < part.to; line++) seen[part.note]?.push(line);
      });
      // A page of notes alone holds a note run on from the page before.
      if (page.notes[0]?.from === 0 || !page.notes.length) {
        const next = made.pages[k + 1]?.start;
        const alone =
          page.start.unit >= section.units.length || (next?.unit === page.start.unit && next.line === page.start.line);
        expect(alone, `page ${k} holds no rows`).toBe(false);
      }
    });
    // Every line of every note, once, in order; each note's first lines on its call's page.
    notes.forEach((n, i) => {
      expect(seen[i], `note ${i}`).toEqual(Array.from({ length: n.lines.length }, (_, line) => line));
    });
    section.units.forEach((unit, u) => {
      const calls = unit.settings?.[made.choice[u] ?? 0]?.calls ?? [];
      calls.forEach((ids, line) => {
        for (const id of ids) {
          const page = made.pages[rowPage(made, u, line)] as MadePage;
          const at = made.pages.findIndex((p) => p.notes.some((n) => n.note === id && n.from === 0));
          if (fromCallPage) expect(at, `note ${id} starts on its call's page`).toBe(made.pages.indexOf(page));
          else expect(at, `note ${id} starts before its call's page`).toBeGreaterThanOrEqual(made.pages.indexOf(page));
        }
      });
    });
  }

  const notedArb: fc.Arbitrary<MakeupSection> = fc
    .record({
      units: fc.array(fc.record({ lines: fc.integer({ min: 1, max: 12 }), looser: fc.boolean(), tighter: fc.boolean() }), {
        minLength: 4,
        maxLength: 60,
      }),
      notes: fc.array(
        fc.record({
          lines: fc.integer({ min: 1, max: 70 }),
          hyphens: fc.array(fc.integer({ min: 0, max: 69 }), { maxLength: 8 }),
          unit: fc.nat(),
          line: fc.nat(),
        }),
        { maxLength: 5 },
      ),
      firstRecto: fc.boolean(),
    })
    .map(({ units, notes, firstRecto }) => {
      const calls = units.map((): Array<[number, number]> => []);
      // Notes are numbered in the order they are called, one paragraph calling one at most.
      const placed = notes
        .map((n) => ({ ...n, unit: n.unit % units.length }))
        .filter((n, i, all) => all.findIndex((m) => m.unit === n.unit) === i)
        .map((n) => ({ ...n, line: n.line % (units[n.unit]?.lines ?? 1) }))
        .sort((a, b) => a.unit - b.unit || a.line - b.line);
      placed.forEach((n, i) => {
        calls[n.unit]?.push([n.line, i]);
      });
      return {
        units: units.map((p, u) => {
          const unit = paragraph(p.lines, p);
          return {
            ...unit,
            settings: (unit.settings ?? []).map((s) => ({
              ...s,
              calls: Array.from({ length: s.hyphenated.length }, (_, line) =>
                (calls[u] ?? []).filter(([at]) => Math.min(at, s.hyphenated.length - 1) === line).map(([, n]) => n),
              ),
            })),
          };
        }),
        notes: placed.map((n) => note(n.lines, n.hyphens)),
        firstRecto,
      };
    });

  it('sets every line of every note once, in order, from its call’s page, split only as a note may be', () => {
    let split = 0;
    fc.assert(
      fc.property(notedArb, (section) => {
        const made = makeUpSection(section, RULES);
        checkNotes(section, made);
        if (made.pages.some((p) => p.carried.length)) split++;
      }),
      { seed: 17, numRuns: 300 },
    );
    // The sections tried run notes on often.
    expect(split).toBeGreaterThan(60);
  });

  it('starts a note too long for the room left on its call’s page there, and runs it on to the next', () => {
    // The call on line 20 of 30: room for 9 of the note's 15 lines below the rule.
    const units = [calling(24, [[19, 0]]), ...Array.from({ length: 6 }, () => paragraph(10))];
    const section = { units, firstRecto: true, notes: [note(15)] };
    const made = makeUpSection(section, RULES);
    checkNotes(section, made);
    const [first, second] = made.pages;
    expect(first?.notes).toEqual([{ note: 0, from: 0, to: expect.any(Number) }]);
    expect(second?.notes[0]).toEqual({ note: 0, from: first?.notes[0]?.to, to: 15 });
    expect(first?.used).toBeCloseTo(RULES.page);
  });

  it('runs a note longer than a page over as many pages as it needs, and past the body’s end', () => {
    const long = [calling(12, [[2, 0]]), ...Array.from({ length: 8 }, () => paragraph(10))];
    const made = makeUpSection({ units: long, firstRecto: false, notes: [note(70)] }, RULES);
    checkNotes({ units: long, firstRecto: false, notes: [note(70)] }, made);
    expect(made.pages.filter((p) => p.notes.some((n) => n.note === 0)).length).toBeGreaterThanOrEqual(3);
    const late = [paragraph(10), calling(6, [[4, 0]])];
    const past = makeUpSection({ units: late, firstRecto: true, notes: [note(70)] }, RULES);
    checkNotes({ units: late, firstRecto: true, notes: [note(70)] }, past);
    expect(past.pages.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a note called on a page a note runs on to below the rest of that note', () => {
    const units = [calling(24, [[19, 0]]), calling(8, [[3, 1]]), ...Array.from({ length: 4 }, () => paragraph(10))];
    const section = { units, firstRecto: true, notes: [note(15), note(3)] };
    const made = makeUpSection(section, RULES);
    checkNotes(section, made);
    const page = made.pages.find((p) => p.notes.some((n) => n.note === 1));
    expect(page?.notes.map((n) => n.note)).toEqual([0, 1]);
  });

  it('sets two long notes called from one line, the second after the rest of the first, losing nothing', () => {
    const units = [
      paragraph(10),
      calling(1, [
        [0, 0],
        [0, 1],
      ]),
      ...Array.from({ length: 5 }, () => paragraph(10)),
    ];
    const section = { units, firstRecto: true, notes: [note(26), note(12)] };
    const made = makeUpSection(section, RULES);
    checkNotes(section, made, false);
  });
});
