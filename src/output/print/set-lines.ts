/**
 * Setting the body's lines and pages, in a loaded print page, before it is printed:
 *
 * 1. Measure (page-measure.ts): each section's units, their gaps, and each text unit's tokens
 *    with the real fonts; with page footnotes, each note's lines. Section by section: the page
 *    measures the next while the lines of one are broken and its pages made up here.
 * 2. Break (linebreak/): each justified paragraph by total fit (Knuth–Plass), at its best and, where
 *    feasible, a line tighter and a line looser; text set ragged (headings, verse, centred blocks)
 *    first fit (ragged.ts).
 * 3. Make up (makeup.ts): each section's pages, choosing among those settings, from the parity
 *    of its first page (sections open on a new page, and on a recto when their block says so).
 * 4. Set: the chosen lines, one line box each (cut-lines.ts, as they are chosen, while the next
 *    section's are broken), and a forced break where each page starts (lines-set.js), so
 *    Chromium prints the makeup's pages as they are; then each page's notes, a note that runs on
 *    cut into its parts (notes-set.js). What the measure kept in the page for the setting goes.
 *
 * What comes back is the page map: for each page, its section and the words it starts with.
 */
import type { BookPage } from '../browser.ts';
import type { PrintBlock } from './blocks.ts';
import { type CutUnit, lineCutter, type SetLine } from './cut-lines.ts';
import type { BreakRules, LineSetting, LineWidths, Setting } from './linebreak/index.ts';
import { type Breaker, createBreaker } from './linebreak/knuth-plass.ts';
import { type MakeupRules, type MakeupUnit, makeUpSection } from './makeup.ts';
import { collectPageGarbage } from './memory.ts';
import { startWords, WORDS } from './page-map.ts';
import { type MeasuredUnit, measureSections } from './page-measure.ts';
import { callsPerLine, notesAlone, type PlacedNotes, placeNotes } from './page-notes.ts';
import { pageScript, runScript } from './page-script.ts';
import { blankBefore } from './plan.ts';
import { raggedSetting } from './ragged.ts';

const SET = pageScript('lines-set.js');
const NOTES_SET = pageScript('notes-set.js');

/** A space's stretch and shrink, as fractions of its width: TeX's interword stretch (½), and a little more shrink than its ⅓ (a tight line reads better than a gaping one). */
const STRETCH = 1 / 2;
const SHRINK = 0.4;

export interface PageStart {
  /** The section (index among the blocks printed) the page belongs to. */
  section: number;
  /** Its first words, as the book's text reads (soft hyphens and line breaks aside). */
  words: string;
}

export interface LinesResult {
  /** Every page, in order. */
  pages: PageStart[];
  /** The body position after the last page (pages and blanks from the first, for parity). */
  end: number;
}

export interface SetLinesJob {
  blocks: PrintBlock[];
  rules: BreakRules;
  makeup: Omit<MakeupRules, 'page' | 'line' | 'noteGap'>;
  /** Notes at the foot of the page that calls them (else at the chapter's end, as the HTML has them). */
  footnotes: boolean;
  /** The text block's height and the body's line, in points. */
  pageHeight: number;
  line: number;
  /** The body position (pages and blanks so far) of the first block's first page. */
  start: number;
  /** Collect the page's garbage while the lines are broken (a long block's measure leaves much: memory.ts). */
  collect?: boolean | undefined;
}

const PX = 4 / 3;

export async function setLines(page: BookPage, job: SetLinesJob): Promise<LinesResult> {
  const measuring = await measureSections(
    page,
    { footnotes: job.footnotes, pageHeight: job.pageHeight * PX },
    { stretch: STRETCH, shrink: SHRINK },
  );
  // Asked for after every section: the page collects once it has measured them all.
  const collected = job.collect ? collectPageGarbage(page) : undefined;
  const rules: MakeupRules = { ...job.makeup, page: job.pageHeight * PX, line: job.line * PX, noteGap: job.line * PX };
  const units: CutUnit[] = [];
  /** Units set whole (images, tables, ornaments), which lines-set.js paints in reading order with the lines. */
  const solids: number[] = [];
  const starts: Array<[number, number]> = [];
  const notes: PlacedNotes[] = [];
  const pages: PageStart[] = [];
  /** The pages of notes alone, in the order of their notes among `notes`' alone ones. */
  const notesOnly: number[] = [];
  let position = job.start;
  // One breaker for the run: the rules resolved once, its buffers reused paragraph after paragraph.
  const breaker = createBreaker(job.rules);
  // Each section's lines are cut in the page (cut-lines.ts) while the next section's are broken.
  const cutter = lineCutter(page);
  let cutTo = 0;
  const cut = () => {
    cutter.add(units.slice(cutTo));
    cutTo = units.length;
  };
  for await (const [s, section] of measuring.sections(cut)) {
    const block = job.blocks[s];
    if (block && blankBefore(block.start, position)) position++;
    const options = section.units.map((unit) => alternatives(unit, breaker));
    const sectionNotes = section.notes;
    const index = new Map(sectionNotes.map((n, i) => [n.id, i]));
    const calls = section.units.map((unit, i) => options[i]?.map((o) => callsPerLine(o.setting, unit.calls, index)));
    const makeupUnits: MakeupUnit[] = section.units.map((unit, i) => {
      const found = options[i];
      if (!found) return { gap: unit.gap, solid: unit.height, keepNext: unit.keepNext, keepTogether: true };
      return {
        gap: unit.gap,
        line: unit.line ?? rules.line,
        padding: unit.padding ?? 0,
        minHeight: unit.minHeight ?? 0,
        settings: found.map((o, k) => ({
          hyphenated: o.setting.lines.map((l) => l.hyphenated),
          cost: o.cost,
          calls: sectionNotes.length ? calls[i]?.[k] : undefined,
        })),
        keepNext: unit.keepNext,
        keepTogether: unit.keepTogether ?? false,
      };
    });
    const made = makeUpSection({ units: makeupUnits, firstRecto: position % 2 === 0, notes: sectionNotes }, rules);
    section.units.forEach((unit, i) => {
      const chosen = options[i]?.[made.choice[i] ?? 0]?.setting;
      if (!chosen) return;
      const lines = chosen.lines.map((l, k) => setLine(unit, l, k));
      // The last break ends the paragraph: nothing to cut there.
      units.push([unit.id, chosen.breaks.slice(0, -1).map((b) => [b.token, b.piece ?? -1]), lines]);
    });
    for (const unit of section.units) if (unit.kind === 'solid') solids.push(unit.id);
    const unitId = (u: number) => (section.units[u] as MeasuredUnit).id;
    const noteRules = { line: rules.line, gap: rules.noteGap, page: rules.page };
    const placing = { index: s, units: section.units.length, notes: sectionNotes, rules: noteRules };
    made.pages.forEach((p, k) => {
      // A page of notes run on past the body starts with them (notes-set.js breaks before them).
      const alone = notesAlone(made.pages, k, section.units.length);
      if (k > 0 && !alone) starts.push([unitId(p.start.unit), p.start.line]);
      const placed = placeNotes(made.pages, k, placing, unitId);
      if (placed) notes.push(placed);
      // A page of notes alone starts with their words, which notes-set.js reads where it puts them.
      if (placed && alone) notesOnly.push(pages.length);
      pages.push({
        section: s,
        words: alone ? '' : startWords(section.units, p.start, (u) => options[u]?.[made.choice[u] ?? 0]?.setting),
      });
    });
    position += made.pages.length;
  }
  await cutter.done();
  await collected;
  // A face the canvas lacked took another's widths: everything again, with it loaded.
  if (await measuring.again()) return setLines(page, job);
  await runScript(page, SET, { starts, solids });
  if (job.footnotes) {
    const set = await runScript<{ alone: string[] }>(page, NOTES_SET, { notes, noteGap: rules.noteGap, words: WORDS });
    notesOnly.forEach((n, i) => {
      const start = pages[n];
      if (start) start.words = set.alone[i] ?? '';
    });
  }
  // The measure's places of the tokens, kept for the setting, go.
  await page.evaluate(`(() => {
    for (const el of window.galleyFlow ?? []) if (el) delete el.galleyPlaces;
    window.galleyFlow = window.galleyNotes = window.galleyNoteLines = window.galleySections = undefined;
    window.galleyLineBoxes = window.galleyMeasure = window.galleyLinesStyled = undefined;
  })()`);
  return { pages, end: position };
}

/** A chosen line as lines-cut.js sets it (cut-lines.ts `SetLine`): its spacing, and its glyphs' scale if expanded. */
function setLine(unit: MeasuredUnit, l: LineSetting, k: number): SetLine {
  const scale = 1 + l.expansion;
  const letter = l.letterSpacing / scale;
  // CSS letter spacing falls after spaces too: it comes off the word spacing. A justified line is
  // set a little tight and then justified: kerning between words, which the measure does not
  // see, can then never push it past the margin.
  const tight = l.justified ? 0.2 : 0;
  if (Math.abs(l.expansion) < 1e-4) return [l.wordSpacing - l.letterSpacing - tight, l.letterSpacing, l.hyphenated, l.justified];
  const space = unit.tokens?.find((t) => t.kind === 'space')?.width ?? 0;
  const word = (space + l.wordSpacing) / scale - space;
  const float = unit.float && k < unit.float.lines ? unit.float.width : 0;
  const width = unit.width ?? 0;
  const indent = k === 0 ? (unit.indent ?? 0) / scale : 0;
  return [word - letter - tight, letter, l.hyphenated, l.justified, scale, float + (width - float) / scale, float, indent];
}

interface Alternative {
  setting: Setting;
  cost: number;
}

/** A text unit's settings: the best first, then a line tighter and a line looser when feasible. */
function alternatives(unit: MeasuredUnit, breaker: Breaker): Alternative[] | undefined {
  if (unit.kind !== 'text' || !unit.tokens?.length) return undefined;
  const width = unit.width ?? 0;
  const float = unit.float;
  const widths: LineWidths = (line) => ({
    width: float && line < float.lines ? width - float.width : width,
    indent: line === 0 ? (unit.indent ?? 0) : 0,
  });
  if (!unit.justify || unit.pre) return [{ setting: raggedSetting(unit.tokens, widths), cost: 0 }];
  const found = breaker.settings(unit.tokens, widths);
  const list: Alternative[] = [{ setting: found.best, cost: 0 }];
  const loose = (setting: Setting) => setting.lines.filter((l) => l.justified && l.ratio > LOOSE_RATIO).length;
  for (const other of [found.tight, found.loose]) {
    if (!other || other.lines.length === found.best.lines.length) continue;
    const worse = Math.max(0, other.demerits - found.best.demerits);
    const looser = Math.max(0, loose(other) - loose(found.best));
    list.push({ setting: other, cost: 3 + Math.min(5, worse / 20000) + LOOSE_LINE * looser });
  }
  return list;
}

/**
 * A line set looser than this ratio (more than half its stretch) shows its gaps beside its
 * neighbours'; each such line a paragraph's other setting adds costs LOOSE_LINE, so a paragraph
 * set a line longer or shorter to fill a page (a page a line short costs 10, makeup.ts) is one
 * whose lines stay even, and one that would open a gap fills a pair of pages only.
 */
const LOOSE_RATIO = 0.5;
const LOOSE_LINE = 8;
