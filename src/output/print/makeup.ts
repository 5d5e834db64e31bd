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
 *   verso's, over the spread).
 * And the goals, weighed by `cost`:
 * - facing pages (a verso and the recto after it, neither the section's first nor last page) end
 *   on the same line: where one must run short, the other is made as short (`fill`);
 * - a section's last page holds at least `minLastLines` lines;
 * - short pages are avoided first by paragraph looseness (TeX's \looseness): one paragraph set a
 *   line tighter or looser, the cheapest change that mends most (`improve`).
 */

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
  settings?: Array<{ hyphenated: boolean[]; cost: number; notes?: number[] | undefined }>;
  keepNext: boolean;
  keepTogether: boolean;
}

export interface MakeupSection {
  units: MakeupUnit[];
  /** Whether the section's first page is a recto. */
  firstRecto: boolean;
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
  /** The height its rows take. */
  used: number;
}

export interface MadeSection {
  pages: MadePage[];
  /** The setting each unit takes (index into its settings; 0 for solid units). */
  choice: number[];
  cost: number;
}

const EPS = 0.5;

/** How many of a page's fullest endings the makeup weighs. */
const TRIES = 5;

/** What a line short on a page costs, a pair of facing pages ending apart, and a thin last page. */
const SHORT_LINE = 10;
const MISMATCH = 400;
const THIN_LAST = 1000;

type Ending = { at: Position; used: number };

/** The room a text unit's minimum height keeps below its last line. */
function tailOf(unit: MakeupUnit, choice: number): number {
  if (!unit.minHeight || unit.solid !== undefined) return 0;
  return Math.max(0, unit.minHeight - linesOf(unit, choice) * (unit.line ?? 0) - (unit.padding ?? 0));
}

function linesOf(unit: MakeupUnit, choice: number): number {
  return unit.settings ? (unit.settings[choice]?.hyphenated.length ?? 0) : 1;
}

/**
 * Where a page that starts at `start` may end, fullest first: its `TRIES` last allowed breaks
 * within `cap`. The page is filled a unit at a time; then its rows are walked back from the
 * fullest point, so the cost is the units on the page and a few rows, not every row.
 */
function endings(
  section: MakeupSection,
  choice: number[],
  rules: MakeupRules,
  start: Position,
  k: number,
  cap: number,
): Ending[] {
  const { units } = section;
  const end = units.length;
  /** The units on the page: first line, lines taken, the height before them and before their first line. */
  const runs: Array<{ unit: number; line: number; lines: number; before: number; head: number; extra?: number }> = [];
  let used = 0;
  let rows = 0;
  let noted = false;
  let at = start;
  while (at.unit < end) {
    const unit = units[at.unit] as MakeupUnit;
    const gap = at.line === 0 && (rows > 0 || (k === 0 && at.unit === 0)) ? unit.gap : 0;
    const head = gap + (unit.solid ?? (at.line === 0 ? (unit.padding ?? 0) : 0));
    const step = unit.solid === undefined ? (unit.line ?? 0) : 0;
    const count = linesOf(unit, choice[at.unit] ?? 0);
    const left = count - at.line;
    const tail = tailOf(unit, choice[at.unit] ?? 0);
    const notes = unit.settings?.[choice[at.unit] ?? 0]?.notes;
    if (notes?.some((h, line) => h > 0 && line >= at.line)) {
      // Lines that call notes bring them (and, the page's first, the rule above them): row by row.
      let line = at.line;
      for (; line < count; line++) {
        const first = line === at.line ? head : 0;
        const extra =
          ((notes[line] ?? 0) > 0 ? (notes[line] ?? 0) + (noted ? 0 : rules.noteGap) : 0) + (line === count - 1 ? tail : 0);
        if (rows > 0 && used + first + step + extra > cap + EPS) break;
        runs.push({ unit: at.unit, line, lines: 1, before: used, head: first, extra });
        used += first + step + extra;
        rows++;
        if ((notes[line] ?? 0) > 0) noted = true;
      }
      if (line < count) {
        at = { unit: at.unit, line };
        break;
      }
      at = { unit: at.unit + 1, line: 0 };
      continue;
    }
    let lines = step > 0 ? Math.min(left, Math.floor((cap + EPS - used - head) / step)) : used + head <= cap + EPS ? 1 : 0;
    // A paragraph's last line brings the room its minimum height keeps below it.
    if (lines === left && step > 0 && used + head + lines * step + tail > cap + EPS) lines--;
    if (rows === 0) lines = Math.max(1, lines);
    if (lines <= 0) break;
    runs.push({ unit: at.unit, line: at.line, lines, before: used, head });
    used += head + lines * step + (lines === left ? tail : 0);
    rows += lines;
    if (lines < left) {
      at = { unit: at.unit, line: at.line + lines };
      break;
    }
    at = { unit: at.unit + 1, line: 0 };
  }
  const found: Ending[] = [];
  for (let r = runs.length - 1; r >= 0 && found.length < TRIES; r--) {
    const run = runs[r] as (typeof runs)[number];
    const unit = units[run.unit] as MakeupUnit;
    const count = linesOf(unit, choice[run.unit] ?? 0);
    const step = unit.solid === undefined ? (unit.line ?? 0) : 0;
    for (let j = run.lines - 1; j >= 0 && found.length < TRIES; j--) {
      const row: Position = { unit: run.unit, line: run.line + j };
      const next: Position = row.line + 1 < count ? { unit: row.unit, line: row.line + 1 } : { unit: row.unit + 1, line: 0 };
      const tail = run.extra ?? (next.unit !== row.unit ? tailOf(unit, choice[run.unit] ?? 0) : 0);
      if (next.unit >= end || allowed(units, choice, row, next, rules))
        found.push({ at: next, used: run.before + run.head + (j + 1) * step + tail });
    }
  }
  // Nothing may end the page within its height (a block that keeps together and is taller than a
  // page): it ends where the room does.
  if (found.length === 0) found.push({ at, used });
  return found;
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
): { pages: MadePage[]; mismatched: number; cost: number; memo: PlanMemo } {
  const end = section.units.length;
  const memo: PlanMemo = new Map();
  if (reuse) for (const [key, plan] of reuse.memo) if (plan.unit > reuse.after) memo.set(key, plan);
  const shortfall = (ending: Ending) =>
    ending.at.unit >= end ? 0 : SHORT_LINE * Math.max(0, Math.round((rules.page - ending.used) / rules.line - 0.25));
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
  const thin = (ending: Ending, k: number) =>
    ending.at.unit >= end && k > 0 && ending.used < rules.minLastLines * rules.line - EPS ? THIN_LAST : 0;
  const best = (pos: Position, k: number): Plan | undefined => {
    if (pos.unit >= end) return undefined;
    const key = `${pos.unit}:${pos.line}:${k === 0 ? 'first' : k % 2}`;
    const known = memo.get(key);
    if (known) return known;
    const verso = (k % 2 === 0) !== section.firstRecto;
    let found: Plan | undefined;
    const consider = (cost: number, mismatched: number, pages: MadePage[], rest: Plan | undefined) => {
      const total = cost + (rest?.cost ?? 0);
      if (!found || total < found.cost)
        found = { cost: total, mismatched: mismatched + (rest?.mismatched ?? 0), pages, rest, unit: pos.unit };
    };
    for (const first of endings(section, choice, rules, pos, k, rules.page).slice(0, TRIES)) {
      const one = shortfall(first) + thin(first, k);
      if (!verso || k === 0 || first.at.unit >= end) {
        consider(one, 0, [{ start: pos, used: first.used }], best(first.at, k + 1));
        continue;
      }
      // The recto's fullest endings, and its fullest within the verso's height (the likeliest match).
      const rectos = endings(section, choice, rules, first.at, k + 1, rules.page).slice(0, TRIES);
      const within = endings(section, choice, rules, first.at, k + 1, first.used)[0];
      if (within && !rectos.some((r) => r.at.unit === within.at.unit && r.at.line === within.at.line)) rectos.push(within);
      for (const second of rectos) {
        const apart = second.at.unit < end && Math.abs(second.used - first.used) > EPS;
        const cost = one + shortfall(second) + thin(second, k + 1) + (apart ? MISMATCH : 0);
        consider(
          cost,
          apart ? 1 : 0,
          [
            { start: pos, used: first.used },
            { start: first.at, used: second.used },
          ],
          best(second.at, k + 2),
        );
      }
    }
    memo.set(key, found as Plan);
    return found;
  };
  const from = reuse && prefix.length ? (reuse.made[kept] as MadePage).start : { unit: 0, line: 0 };
  const plan = best(from, kept);
  const pages: MadePage[] = [...prefix];
  for (let step = plan; step; step = step.rest) pages.push(...step.pages);
  return { pages, mismatched: prefixMismatched + (plan?.mismatched ?? 0), cost: prefixCost + (plan?.cost ?? 0), memo };
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

/** Whether a page may end after row `at` with `next` starting the next page. */
function allowed(units: MakeupUnit[], choice: number[], at: Position, next: Position, rules: MakeupRules): boolean {
  const unit = units[at.unit] as MakeupUnit;
  if (next.unit !== at.unit) return !unit.keepNext;
  if (unit.keepTogether) return false;
  const count = linesOf(unit, choice[at.unit] ?? 0);
  if (next.line < rules.orphans || count - next.line < rules.widows) return false;
  // No page ends inside a word: not at a page turn (a recto's foot), and not across a spread
  // either, where a word cut in two would no longer be found by search or read whole aloud.
  return !(unit.settings?.[choice[at.unit] ?? 0]?.hyphenated[at.line] ?? false);
}

/**
 * The section made up: every paragraph at its best setting, then, while facing pages end apart
 * or the last page is thin, the one paragraph change (a line tighter or looser, near the
 * trouble) that lowers the cost most. (Pages that run short in matching pairs are left: the
 * makeup chose them as the least short that keeps every rule.)
 */
export function makeUpSection(section: MakeupSection, rules: MakeupRules, rounds = 3): MadeSection {
  let choice = section.units.map(() => 0);
  let made = fill(section, choice, rules);
  let total = made.cost;
  for (let round = 0; round < rounds && troubles(section, made.pages, rules).length > 0; round++) {
    let found: { choice: number[]; made: ReturnType<typeof fill>; total: number } | undefined;
    for (const i of candidates(section, made.pages, rules)) {
      const unit = section.units[i] as MakeupUnit;
      for (let s = 0; s < (unit.settings?.length ?? 0); s++) {
        if (s === choice[i]) continue;
        const tried = [...choice];
        tried[i] = s;
        const again = fill(section, tried, rules, { memo: made.memo, after: i, made: made.pages });
        const cost = again.cost + costOfChoices(section, tried);
        if (cost < (found?.total ?? total)) found = { choice: tried, made: again, total: cost };
      }
    }
    if (!found) break;
    ({ choice, made, total } = found);
  }
  return { pages: made.pages, choice, cost: total };
}

function costOfChoices(section: MakeupSection, choice: number[]): number {
  return section.units.reduce((sum, unit, i) => sum + (unit.settings?.[choice[i] ?? 0]?.cost ?? 0), 0);
}

/**
 * The pages looseness should mend: a thin last page, facing pages that end apart, and pages
 * (other than the last) two lines short or more.
 */
function troubles(section: MakeupSection, pages: MadePage[], rules: MakeupRules): number[] {
  const found: number[] = [];
  pages.forEach((page, k) => {
    const next = pages[k + 1];
    const verso = (k % 2 === 0) !== section.firstRecto;
    if (verso && k > 0 && next && k + 1 < pages.length - 1 && Math.abs(next.used - page.used) > EPS) found.push(k + 1);
    else if (next && page.used < rules.page - 2 * rules.line + EPS) found.push(k);
  });
  const last = pages.length - 1;
  if (last > 0 && (pages[last] as MadePage).used < rules.minLastLines * rules.line - EPS) found.push(last);
  return found;
}

/** The paragraphs worth trying: those on the troubled pages and the two before each. */
function candidates(section: MakeupSection, pages: MadePage[], rules: MakeupRules): number[] {
  const units = section.units;
  const found = new Set<number>();
  for (const k of troubles(section, pages, rules).slice(-3)) {
    const first = pages[Math.max(0, k - 2)]?.start.unit ?? 0;
    const last = k + 1 < pages.length ? (pages[k + 1] as MadePage).start.unit : units.length - 1;
    for (let i = first; i <= last; i++) if ((units[i]?.settings?.length ?? 0) > 1) found.add(i);
  }
  return [...found];
}
