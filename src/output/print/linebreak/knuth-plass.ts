/**
 * The print line breaker's entry point: tokens of one paragraph (measured in the page, see tokens.ts) in,
 * the lines to set out. Pure and synchronous; one call per paragraph. In every pass a line's
 * glyphs may expand or condense with its spaces, within `maxExpansion` (fit.ts).
 *
 * `breakParagraph(tokens, lines, rules?, looseness?)` runs TeX's passes until one succeeds:
 * 1. pretolerance (100), no hyphenation; 2. tolerance (200) with hyphenation; 3. emergency:
 * the same plus letter spacing within ±1%; 4. last resort: any looseness, and overfull lines
 * only where one unbreakable stretch of text is wider than the line. With looseness 0 it always
 * returns a setting. With looseness ±k (TeX's \looseness) it returns the best setting with
 * exactly k lines more or fewer, found by the first two passes, or undefined (always for a
 * paragraph of more than 4,000 break points, some 2,000 words: see LOOSENESS_LIMIT).
 * `settings(tokens, lines, rules?)` gives the best setting and, when feasible, the ones a line
 * tighter and a line looser, for page makeup, from one run of the passes.
 * `greedySetting` is first fit (what a browser does), for comparison. For many paragraphs under
 * the same rules, `createBreaker(rules)` gives the same three, faster (rules resolved once, buffers
 * reused).
 * Rules: rules.ts (`rulesFromPrint` reads book.yaml's `print:` keys).
 */
import type { PassOptions } from './fit.ts';
import { greedyBreaks } from './greedy.ts';
import { buildItems, ItemBuffers, type Items } from './items.ts';
import { buildSetting } from './lines.ts';
import { type BreakRules, resolveRules, titleSet } from './rules.ts';
import type { LineWidths, Pass, Setting, Token } from './tokens.ts';
import { bestNode, chain, type Node, runPass } from './total-fit.ts';

export { greedyBreaks } from './greedy.ts';
export { buildItems } from './items.ts';
export { type BreakRules, DEFAULT_RULES, type PrintBreakKeys, resolveRules, rulesFromPrint, TITLES } from './rules.ts';
export type * from './tokens.ts';

interface Run {
  name: Pass;
  options: PassOptions;
  nodes: Node[];
  /** Whether its nodes keep every line count (for looseness). */
  exact: boolean;
}

/**
 * Break points past which a paragraph is set without looseness: keeping every line count costs
 * time that grows with the square of the paragraph (a paragraph of 37,000 words took 11 s); this
 * many (some 2,000 words) take a few milliseconds. Novels' longest paragraphs are well under.
 */
const LOOSENESS_LIMIT = 4000;

interface Context {
  rules: BreakRules;
  titles: ReadonlySet<string>;
  buffers: ItemBuffers;
  passes: Array<{ name: Pass; options: PassOptions }>;
}

function passesFor(r: BreakRules): Context['passes'] {
  const passes: Context['passes'] = [];
  const expansion = Math.max(0, r.maxExpansion);
  if (r.pretolerance >= 0)
    passes.push({
      name: 'pretolerance',
      options: { hyphens: false, tolerance: r.pretolerance, letters: 0, expansion, last: false },
    });
  passes.push({
    name: 'tolerance',
    options: { hyphens: r.hyphenate, tolerance: r.tolerance, letters: 0, expansion, last: false },
  });
  if (r.maxLetterSpacing > 0) {
    const options = { hyphens: r.hyphenate, tolerance: r.tolerance, letters: r.maxLetterSpacing, expansion, last: false };
    passes.push({ name: 'emergency', options });
  }
  const last = { hyphens: r.hyphenate, tolerance: r.tolerance, letters: Math.max(0, r.maxLetterSpacing), expansion, last: true };
  passes.push({ name: 'last-resort', options: last });
  return passes;
}

/** A paragraph's items and widths, and its passes, each run on demand and at most once. */
class Paragraph {
  readonly items: Items;
  private readonly widths: number[] = [];
  private readonly runs: Array<Run | undefined | null> = [];

  constructor(
    readonly tokens: Token[],
    private readonly lines: LineWidths,
    readonly context: Context,
  ) {
    this.items = buildItems(tokens, context.rules, context.titles, context.buffers);
    let points = 0;
    for (let i = 0; i < this.items.n; i++) if (this.items.breaks[i]) points++;
    this.breakPoints = points;
  }

  /** How many places the paragraph may break (hyphenation points included). */
  private readonly breakPoints: number;

  readonly avail = (line: number): number => {
    let w = this.widths[line];
    if (w === undefined) {
      const spec = this.lines(line);
      w = spec.width - (spec.indent ?? 0);
      // A width that is not a number (a measuring slip in the page) sets as no room at all.
      if (!Number.isFinite(w) || w < 0) w = 0;
      this.widths[line] = w;
    }
    return w;
  };

  /** The first line from which every line has the same width, up to the most lines there can be. */
  private sameFrom(): number {
    const most = this.breakPoints + 1;
    let from = most;
    while (from > 0 && this.avail(from - 1) === this.avail(most)) from--;
    return from;
  }

  run(index: number): Run | undefined {
    const pass = this.context.passes[index];
    if (!pass) return undefined;
    let run = this.runs[index];
    if (run === undefined) {
      const exact = !pass.options.last && this.breakPoints <= LOOSENESS_LIMIT;
      const sameFrom = exact ? Number.POSITIVE_INFINITY : this.sameFrom();
      const nodes = runPass(this.items, this.avail, this.context.rules, pass.options, sameFrom);
      run = nodes ? { ...pass, nodes, exact } : null;
      this.runs[index] = run;
    }
    return run ?? undefined;
  }

  /** The first pass that succeeds, with its index. */
  first(): { run: Run; index: number } {
    for (let index = 0; index < this.context.passes.length; index++) {
      const run = this.run(index);
      if (run) return { run, index };
    }
    // The last resort cannot fail (total-fit.ts); this is that guarantee made visible.
    throw new Error('line breaker: the last-resort pass found no setting');
  }

  setting(run: Run, node: Node): Setting {
    return buildSetting(this.tokens, this.items, chain(node), this.avail, this.context.rules, run.options, run.name);
  }

  /** The best setting with `lines` lines, from pass `from` on, not past the tolerance pass. */
  withLines(lines: number, from: number): Setting | undefined {
    for (let index = from; index < this.context.passes.length; index++) {
      const pass = this.context.passes[index] as { name: Pass };
      if (pass.name === 'last-resort' || (index > from && pass.name !== 'tolerance')) break;
      const run = this.run(index);
      const node = run?.exact ? bestNode(run.nodes, lines) : undefined;
      if (run && node) return this.setting(run, node);
    }
    return undefined;
  }
}

const empty = (): Setting => ({ breaks: [], lines: [], demerits: 0, pass: 'pretolerance' });

export interface Breaker {
  /** The paragraph's best setting (looseness 0, always), or the best with `looseness` more lines. */
  breakParagraph(tokens: Token[], lines: LineWidths, looseness?: number): Setting | undefined;
  /** The best setting, and the settings one line shorter and one line longer when feasible. */
  settings(tokens: Token[], lines: LineWidths): { tight?: Setting; best: Setting; loose?: Setting };
  /** First fit with the same rules, for comparison: no letter spacing, any looseness. */
  greedy(tokens: Token[], lines: LineWidths, hyphens?: boolean): Setting;
}

/** A breaker for many paragraphs under the same rules (it reuses its buffers: one paragraph at a time). */
export function createBreaker(rules?: Partial<BreakRules>): Breaker {
  const resolved = resolveRules(rules);
  const context: Context = {
    rules: resolved,
    titles: titleSet(resolved),
    buffers: new ItemBuffers(),
    passes: passesFor(resolved),
  };
  return {
    breakParagraph(tokens, lines, looseness = 0) {
      if (tokens.length === 0) return looseness === 0 ? empty() : undefined;
      const paragraph = new Paragraph(tokens, lines, context);
      const { run, index } = paragraph.first();
      const best = bestNode(run.nodes) as Node;
      if (looseness === 0) return paragraph.setting(run, best);
      return paragraph.withLines(best.line + looseness, index);
    },
    settings(tokens, lines) {
      if (tokens.length === 0) return { best: empty() };
      const paragraph = new Paragraph(tokens, lines, context);
      const { run, index } = paragraph.first();
      const best = bestNode(run.nodes) as Node;
      const result: { tight?: Setting; best: Setting; loose?: Setting } = { best: paragraph.setting(run, best) };
      const tight = best.line > 1 ? paragraph.withLines(best.line - 1, index) : undefined;
      const loose = paragraph.withLines(best.line + 1, index);
      if (tight) result.tight = tight;
      if (loose) result.loose = loose;
      return result;
    },
    greedy(tokens, lines, hyphens = true) {
      if (tokens.length === 0) return empty();
      const paragraph = new Paragraph(tokens, lines, context);
      const r = context.rules;
      const options: PassOptions = {
        hyphens: hyphens && r.hyphenate,
        tolerance: r.tolerance,
        letters: 0,
        expansion: 0,
        last: true,
      };
      const positions = greedyBreaks(paragraph.items, paragraph.avail, r, options.hyphens);
      return buildSetting(tokens, paragraph.items, positions, paragraph.avail, r, options, 'last-resort');
    },
  };
}

/** One paragraph's best setting (see createBreaker, which is faster for many paragraphs). */
export function breakParagraph(
  tokens: Token[],
  lines: LineWidths,
  rules?: Partial<BreakRules>,
  looseness = 0,
): Setting | undefined {
  return createBreaker(rules).breakParagraph(tokens, lines, looseness);
}

/** One paragraph's best setting and the ones a line tighter and a line looser, when feasible. */
export function settings(
  tokens: Token[],
  lines: LineWidths,
  rules?: Partial<BreakRules>,
): { tight?: Setting; best: Setting; loose?: Setting } {
  return createBreaker(rules).settings(tokens, lines);
}

/** First fit with the same rules, for comparison. */
export function greedySetting(tokens: Token[], lines: LineWidths, rules?: Partial<BreakRules>, hyphens = true): Setting {
  return createBreaker(rules).greedy(tokens, lines, hyphens);
}
