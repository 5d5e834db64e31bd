/**
 * The print line breaker's entry point: tokens of one paragraph (measured in the page, see tokens.ts) in,
 * the lines to set out. Pure and synchronous; one call per paragraph.
 *
 * `breakParagraph(tokens, lines, rules?, looseness?)` runs TeX's passes until one succeeds:
 * 1. pretolerance (100), no hyphenation; 2. tolerance (200) with hyphenation; 3. emergency:
 * the same plus letter spacing within ±1%; 4. last resort: any looseness, and overfull lines
 * only where one unbreakable stretch of text is wider than the line. With looseness 0 it always
 * returns a setting. With looseness ±k (TeX's \looseness) it returns the best setting with
 * exactly k lines more or fewer, found by the first two passes, or undefined.
 * `settings(tokens, lines, rules?)` gives the best setting and, when feasible, the ones a line
 * tighter and a line looser, for page makeup, from one run of the passes.
 * `greedySetting` is first fit (what a browser does), for comparison.
 * Rules: rules.ts (`rulesFromPrint` reads book.yaml's `print:` keys).
 */
import type { PassOptions } from './fit.ts';
import { greedyBreaks } from './greedy.ts';
import { buildItems, type Items } from './items.ts';
import { buildSetting } from './lines.ts';
import { type BreakRules, resolveRules } from './rules.ts';
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
}

/** A paragraph's items and widths, and its passes, run on demand and run once each. */
class Paragraph {
  readonly items: Items;
  readonly rules: BreakRules;
  private readonly widths: number[] = [];
  private readonly runs = new Map<Pass, Run | undefined>();
  readonly passes: Array<{ name: Pass; options: PassOptions }> = [];

  constructor(
    readonly tokens: Token[],
    private readonly lines: LineWidths,
    rules: Partial<BreakRules> | undefined,
  ) {
    this.rules = resolveRules(rules);
    this.items = buildItems(tokens, this.rules);
    const r = this.rules;
    if (r.pretolerance >= 0) this.add('pretolerance', { hyphens: false, tolerance: r.pretolerance, letters: 0, last: false });
    this.add('tolerance', { hyphens: r.hyphenate, tolerance: r.tolerance, letters: 0, last: false });
    if (r.maxLetterSpacing > 0)
      this.add('emergency', { hyphens: r.hyphenate, tolerance: r.tolerance, letters: r.maxLetterSpacing, last: false });
    this.add('last-resort', { hyphens: r.hyphenate, tolerance: r.tolerance, letters: r.maxLetterSpacing, last: true });
  }

  private add(name: Pass, options: PassOptions) {
    this.passes.push({ name, options });
  }

  readonly avail = (line: number): number => {
    let w = this.widths[line];
    if (w === undefined) {
      const spec = this.lines(line);
      w = spec.width - (spec.indent ?? 0);
      this.widths[line] = w;
    }
    return w;
  };

  /** The first line from which every line has the same width, up to the most lines there can be. */
  private sameFrom(): number {
    let most = 1;
    for (let i = 0; i < this.items.n; i++) if (this.items.breaks[i]) most++;
    let from = most;
    while (from > 0 && this.avail(from - 1) === this.avail(most)) from--;
    return from;
  }

  run(index: number): Run | undefined {
    const pass = this.passes[index];
    if (!pass) return undefined;
    if (!this.runs.has(pass.name)) {
      const sameFrom = pass.options.last ? this.sameFrom() : Number.POSITIVE_INFINITY;
      const nodes = runPass(this.items, this.avail, this.rules, pass.options, sameFrom);
      this.runs.set(pass.name, nodes && { ...pass, nodes });
    }
    return this.runs.get(pass.name);
  }

  /** The first pass that succeeds, with its index. */
  first(): { run: Run; index: number } {
    for (let index = 0; index < this.passes.length; index++) {
      const run = this.run(index);
      if (run) return { run, index };
    }
    // The last resort cannot fail (knuth-plass.ts); this is its guarantee made visible.
    throw new Error('line breaker: the last-resort pass found no setting');
  }

  setting(run: Run, node: Node): Setting {
    return buildSetting(this.tokens, this.items, chain(node), this.avail, this.rules, run.options, run.name);
  }

  /** The best setting with `lines` lines, from pass `from` on, not past the tolerance pass. */
  withLines(lines: number, from: number): Setting | undefined {
    for (let index = from; index < this.passes.length; index++) {
      const pass = this.passes[index] as { name: Pass };
      if (pass.name === 'last-resort' || (index > from && pass.name !== 'tolerance')) break;
      const run = this.run(index);
      const node = run && bestNode(run.nodes, lines);
      if (run && node) return this.setting(run, node);
    }
    return undefined;
  }
}

const empty = (): Setting => ({ breaks: [], lines: [], demerits: 0, pass: 'pretolerance' });

/** The paragraph's best setting (looseness 0), or the best with `looseness` more lines. */
export function breakParagraph(
  tokens: Token[],
  lines: LineWidths,
  rules?: Partial<BreakRules>,
  looseness = 0,
): Setting | undefined {
  if (tokens.length === 0) return looseness === 0 ? empty() : undefined;
  const paragraph = new Paragraph(tokens, lines, rules);
  const { run, index } = paragraph.first();
  const best = bestNode(run.nodes) as Node;
  if (looseness === 0) return paragraph.setting(run, best);
  return paragraph.withLines(best.line + looseness, index);
}

/** The best setting, and the settings one line shorter and one line longer when feasible. */
export function settings(
  tokens: Token[],
  lines: LineWidths,
  rules?: Partial<BreakRules>,
): { tight?: Setting; best: Setting; loose?: Setting } {
  if (tokens.length === 0) return { best: empty() };
  const paragraph = new Paragraph(tokens, lines, rules);
  const { run, index } = paragraph.first();
  const best = bestNode(run.nodes) as Node;
  const result: { tight?: Setting; best: Setting; loose?: Setting } = { best: paragraph.setting(run, best) };
  const tight = best.line > 1 ? paragraph.withLines(best.line - 1, index) : undefined;
  const loose = paragraph.withLines(best.line + 1, index);
  if (tight) result.tight = tight;
  if (loose) result.loose = loose;
  return result;
}

/** First fit with the same rules, for comparison; no letter spacing, any looseness. */
export function greedySetting(tokens: Token[], lines: LineWidths, rules?: Partial<BreakRules>, hyphens = true): Setting {
  if (tokens.length === 0) return empty();
  const paragraph = new Paragraph(tokens, lines, rules);
  const options: PassOptions = {
    hyphens: hyphens && paragraph.rules.hyphenate,
    tolerance: paragraph.rules.tolerance,
    letters: 0,
    last: true,
  };
  const positions = greedyBreaks(paragraph.items, paragraph.avail, paragraph.rules, options.hyphens);
  return buildSetting(tokens, paragraph.items, positions, paragraph.avail, paragraph.rules, options, 'last-resort');
}
