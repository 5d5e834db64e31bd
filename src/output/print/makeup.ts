/**
 * Page makeup: where each page of a section starts, and which setting each paragraph takes, so
 * that the pages read as a book designer sets them. Pure: it works on the heights the page
 * measured and the settings the line breaker made, and the page applies the result.
 *
 * A section (a chapter, a part, back matter) starts on a new page, so each is made up alone. Its
 * rows are the lines of its text units and its solid units (images, rules, scene breaks), each
 * after its gap (dropped at the top of a page). The rules, all hard:
 * - widows and orphans: a paragraph split over a page keeps `orphans` lines before and `widows`
 *   after the break (default 2 and 2);
 * - what keeps with the next (a heading) is never last on a page; what keeps together is never split;
 * - no page ends in a hyphenated line (a recto's would split a word over the page turn; a
 *   verso's, over the spread);
 * - a footnote stands at the foot of the page that calls it, and runs on to the next page's foot
 *   (above its own notes) when it must, split between its lines (page-notes.ts).
 * Where each page may end is page-endings.ts's. And the goals, weighed by `cost`:
 * - facing pages (a verso and the recto after it, neither the section's first nor last page) end
 *   on the same line: where one must run short, the other is made as short (`fill`);
 * - a section's last page holds at least `minLastLines` lines;
 * - short pages are avoided first by paragraph looseness (TeX's \looseness): one paragraph set a
 *   line tighter or looser, the cheapest change that mends most (`improve`).
 */

import { type Ending, endings, TRIES } from './page-endings.ts';
import type { Carry, MakeupNote, NotePart } from './page-notes.ts';

export interface MakeupRow {
  height: number;
}

/** A unit as the makeup sees it: a solid block, or lines in one of a few settings. */
export interface MakeupUnit {
  gap: number;
  /** A solid unit's height. */
  solid?: number;
  /** A text unit's line height and padding, and per setting: its hyphenated lines. */
  line?: number;
  padding?: number;
  /** A text unit's minimum height (CSS min-height: a drop cap taller than its paragraph). */
  minHeight?: number;
  /** Per setting: its hyphenated lines, its cost, and the notes each line calls (indices into the section's notes). */
  settings?: Array<{ hyphenated: boolean[]; cost: number; calls?: number[][] | undefined }>;
  keepNext: boolean;
  keepTogether: boolean;
}

export interface MakeupSection {
  units: MakeupUnit[];
  /** Whether the section's first page is a recto. */
  firstRecto: boolean;
  /** Its footnotes, in the order they are called. */
  notes?: MakeupNote[] | undefined;
}

export interface MakeupRules {
  /** The text block's height (px). */
  page: number;
  /** The body's line (px): how far a page may fall short and still be full. */
  line: number;
  widows: number;
  orphans: number;
  minLastLines: number;
  /** The room above a page's first footnote: the rule and its space (px). */
  noteGap: number;
}

export interface Position {
  unit: number;
  line: number;
}

export interface MadePage {
  start: Position;
  /** The height its rows and notes take. */
  used: number;
  /** Its notes, in order: the first may be the rest of a note run on from the page before. */
  notes: NotePart[];
  /** What ran on to its notes from the page before. */
  carried: Carry;
}

export interface MadeSection {
  pages: MadePage[];
  /** The setting each unit takes (index into its settings; 0 for solid units). */
  choice: number[];
  cost: number;
}

const EPS = 0.5;

/** What a line short on a page costs, a pair of facing pages ending apart, and a thin last page. */
const SHORT_LINE = 10;
const MISMATCH = 400;
const THIN_LAST = 1000;

/** The whole lines a page whose rows take `used` falls short by (a part of a line under ¾ is none). */
function linesShort(used: number, rules: MakeupRules): number {
  return Math.max(0, Math.round((rules.page - used) / rules.line - 0.25));
}

/** The best makeup from a position on: this step's pages (one, or a facing pair), then the rest. */
interface Plan {
  cost: number;
  mismatched: number;
  pages: MadePage[];
  rest: Plan | undefined;
  /** The unit the step starts in: the plan holds for any choice of the units before it. */
  unit: number;
}

export type PlanMemo = Map<string, Plan>;

/**
 * Makes up the section's pages from its start, by dynamic programming over where each page ends
 * (each page weighs its `TRIES` fullest endings): a page costs the lines it runs short (not the
 * last page), a thin last page costs more, and a verso and the recto facing it (neither the
 * section's first nor its last page) are made together and cost most when they end apart.
 * `reuse`: the plans of a makeup whose choices differ only up to unit `after` (they still hold
 * from any later unit on).
 */
export function fill(
  section: MakeupSection,
  choice: number[],
  rules: MakeupRules,
  reuse?: { memo: PlanMemo; after: number; made: MadePage[] },
): { pages: MadePage[]; mismatched: number; cost: number; memo: () => PlanMemo } {
  const end = section.units.length;
  // The plans made here, over those of the makeup reused that still hold (from a unit after the
  // change on): looked up there, not copied, since most tried changes are not taken (`memo()`
  // merges the two for one that is).
  const memo: PlanMemo = new Map();
  const held = (key: string): Plan | undefined => {
    const plan = reuse?.memo.get(key);
    return plan && reuse && plan.unit > reuse.after ? plan : undefined;
  };
  const merged = (): PlanMemo => {
    if (!reuse) return memo;
    const all: PlanMemo = new Map();
    for (const [key, plan] of reuse.memo) if (plan.unit > reuse.after) all.set(key, plan);
    for (const [key, plan] of memo) all.set(key, plan);
    return all;
  };
  const shortfall = (ending: Pick<Ending, 'at' | 'used'>) =>
    ending.at.unit >= end ? 0 : SHORT_LINE * linesShort(ending.used, rules);
  // With a makeup to reuse, its pages before the change stand (but for the step just before):
  // only the rest is made again.
  const kept = reuse ? keptPages(section, reuse.made, reuse.after) : 0;
  const prefix = reuse ? reuse.made.slice(0, kept) : [];
  let prefixCost = 0;
  let prefixMismatched = 0;
  prefix.forEach((page, k) => {
    const next = reuse?.made[k + 1] as MadePage;
    prefixCost += shortfall({ at: next.start, used: page.used });
    const verso = (k % 2 === 0) !== section.firstRecto;
    if (verso && k > 0 && k + 1 < kept && Math.abs((prefix[k + 1] as MadePage).used - page.used) > EPS) {
      prefixCost += MISMATCH;
      prefixMismatched++;
    }
  });
  // A last page with body rows on it (a page of notes run on past the body is none).
  const thin = (pos: Position, ending: Ending, k: number) =>
    ending.at.unit >= end &&
    !ending.carry.length &&
    pos.unit < end &&
    k > 0 &&
    ending.used < rules.minLastLines * rules.line - EPS
      ? THIN_LAST
      : 0;
  const page = (start: Position, carried: Carry, ending: Ending): MadePage => ({
    start,
    used: ending.used,
    notes: ending.notes,
    carried,
  });
  const best = (pos: Position, k: number, carry: Carry): Plan | undefined => {
    if (pos.unit >= end && !carry.length) return undefined;
    const key = `${pos.unit}:${pos.line}:${k === 0 ? 'first' : k % 2}${carry.map((c) => `:${c.note}.${c.from}`).join('')}`;
    const known = memo.get(key) ?? held(key);
    if (known) return known;
    const verso = (k % 2 === 0) !== section.firstRecto;
    let found: Plan | undefined;
    const consider = (cost: number, mismatched: number, pages: MadePage[], rest: Plan | undefined) => {
      const total = cost + (rest?.cost ?? 0);
      if (!found || total < found.cost)
        found = { cost: total, mismatched: mismatched + (rest?.mismatched ?? 0), pages, rest, unit: pos.unit };
    };
    for (const first of endings(section, choice, rules, pos, carry, k, rules.page).slice(0, TRIES)) {
      const one = shortfall(first) + thin(pos, first, k);
      if (!verso || k === 0 || first.at.unit >= end) {
        consider(one, 0, [page(pos, carry, first)], best(first.at, k + 1, first.carry));
        continue;
      }
      // The recto's fullest endings, and its fullest within the verso's height (the likeliest match).
      const rectos = endings(section, choice, rules, first.at, first.carry, k + 1, rules.page).slice(0, TRIES);
      const within = endings(section, choice, rules, first.at, first.carry, k + 1, first.used)[0];
      if (within && !rectos.some((r) => r.at.unit === within.at.unit && r.at.line === within.at.line)) rectos.push(within);
      for (const second of rectos) {
        const apart = second.at.unit < end && Math.abs(second.used - first.used) > EPS;
        const cost = one + shortfall(second) + thin(first.at, second, k + 1) + (apart ? MISMATCH : 0);
        consider(
          cost,
          apart ? 1 : 0,
          [page(pos, carry, first), page(first.at, first.carry, second)],
          best(second.at, k + 2, second.carry),
        );
      }
    }
    memo.set(key, found as Plan);
    return found;
  };
  const restart = reuse && prefix.length ? (reuse.made[kept] as MadePage) : undefined;
  const plan = best(restart?.start ?? { unit: 0, line: 0 }, kept, restart?.carried ?? []);
  const pages: MadePage[] = [...prefix];
  for (let step = plan; step; step = step.rest) pages.push(...step.pages);
  return { pages, mismatched: prefixMismatched + (plan?.mismatched ?? 0), cost: prefixCost + (plan?.cost ?? 0), memo: merged };
}

/**
 * How many of a makeup's pages stand when unit `changed` is set otherwise: those before the page
 * the unit starts on, less one, and less a verso whose recto would be made again (a facing pair
 * is made together).
 */
function keptPages(section: MakeupSection, pages: MadePage[], changed: number): number {
  let page = pages.findIndex((_, k) => {
    const next = pages[k + 1]?.start;
    return !next || next.unit > changed || (next.unit === changed && next.line > 0);
  });
  page = Math.max(0, page - 1);
  const verso = (k: number) => (k % 2 === 0) !== section.firstRecto;
  if (page > 0 && !verso(page) && verso(page - 1) && page - 1 > 0) page--;
  return page;
}

/**
 * The section made up: every paragraph at its best setting, then looseness, trouble by trouble
 * from the section's start: for each page that runs short, a facing pair that ends apart or a
 * thin last page, the one paragraph change near it (a line tighter or looser) that lowers the
 * cost most, while one does; a trouble no change mends is passed. A page a line short costs more
 * than any one change (SHORT_LINE against `alternatives`' 3 to 8), so a paragraph is set a line
 * longer or shorter wherever that fills the pages; pages run short only where no single change
 * can fill them (and then in facing pairs).
 */
export function makeUpSection(section: MakeupSection, rules: MakeupRules): MadeSection {
  let choice = section.units.map(() => 0);
  let made = fill(section, choice, rules);
  let plans = made.memo();
  let total = made.cost;
  // Each accepted change lowers the cost, so this ends; the bound keeps a long section's cheap.
  let changes = 2 * made.pages.length + 4;
  let from = 0;
  for (;;) {
    const trouble = troubles(section, made.pages, rules).find((k) => k >= from);
    if (trouble === undefined || changes <= 0) break;
    let found: { choice: number[]; made: ReturnType<typeof fill>; total: number } | undefined;
    for (const i of candidates(section, made.pages, trouble)) {
      const unit = section.units[i] as MakeupUnit;
      for (let s = 0; s < (unit.settings?.length ?? 0); s++) {
        if (s === choice[i]) continue;
        const tried = [...choice];
        tried[i] = s;
        const again = fill(section, tried, rules, { memo: plans, after: i, made: made.pages });
        const cost = again.cost + costOfChoices(section, tried);
        if (cost < (found?.total ?? total)) found = { choice: tried, made: again, total: cost };
      }
    }
    if (found) {
      ({ choice, made, total } = found);
      plans = made.memo();
      changes--;
      // A change may move troubles before this one (a pair made again): look again from its verso.
      from = Math.max(0, trouble - 2);
    } else from = trouble + 1;
  }
  return { pages: made.pages, choice, cost: total };
}

function costOfChoices(section: MakeupSection, choice: number[]): number {
  return section.units.reduce((sum, unit, i) => sum + (unit.settings?.[choice[i] ?? 0]?.cost ?? 0), 0);
}

/**
 * The pages looseness should mend, in order: a page (other than the last) that runs a line short
 * or more, the recto of facing pages that end apart, and a thin last page.
 */
function troubles(section: MakeupSection, pages: MadePage[], rules: MakeupRules): number[] {
  const found: number[] = [];
  pages.forEach((page, k) => {
    const next = pages[k + 1];
    const verso = (k % 2 === 0) !== section.firstRecto;
    if (next && linesShort(page.used, rules) > 0) found.push(k);
    else if (verso && k > 0 && next && k + 1 < pages.length - 1 && Math.abs(next.used - page.used) > EPS) found.push(k + 1);
  });
  const last = pages.length - 1;
  if (last > 0 && (pages[last] as MadePage).used < rules.minLastLines * rules.line - EPS) found.push(last);
  return found;
}

/** The paragraphs worth trying for the trouble on page `k`: those on it and the two pages before. */
function candidates(section: MakeupSection, pages: MadePage[], k: number): number[] {
  const units = section.units;
  const first = pages[Math.max(0, k - 2)]?.start.unit ?? 0;
  const last = k + 1 < pages.length ? (pages[k + 1] as MadePage).start.unit : units.length - 1;
  const found: number[] = [];
  for (let i = first; i <= last; i++) if ((units[i]?.settings?.length ?? 0) > 1) found.push(i);
  return found;
}
