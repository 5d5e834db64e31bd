/**
 * The print line breaker over a whole novel (Pride and Prejudice from ../shared, or the generated
 * book without it): time to break every paragraph by total fit, against first fit run in the
 * same process (medians of 3, wall and CPU), and how the lines come out for each: loose lines (ratio over 1,
 * and over 1.5), lines ending in a hyphenation, capitalised words hyphenated, the passes needed.
 * Widths come from a table, not the real font (bench/linebreak-text.ts); the tokens are built
 * before timing. Then the three settings page makeup asks for (settings()), with one breaker
 * for the book (createBreaker) and with a call each.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createBreaker, settings } from '../src/output/print/linebreak/knuth-plass.ts';
import { DEFAULT_RULES } from '../src/output/print/linebreak/rules.ts';
import type { Setting, Token } from '../src/output/print/linebreak/tokens.ts';
import { writeGeneratedBook } from './generated-book.ts';
import { MEASURE_PX, paragraphTokens, proseParagraphs } from './linebreak-text.ts';
import type { Bench } from './run.ts';
import { median, timeRuns } from './stats.ts';

const widths = () => ({ width: MEASURE_PX });

function summary(paragraphs: Token[][], settings: Setting[]): string {
  let lines = 0;
  let justified = 0;
  let loose = 0;
  let veryLoose = 0;
  let hyphenated = 0;
  let capitals = 0;
  let maxRatio = 0;
  const passes = new Map<string, number>();
  settings.forEach((setting, p) => {
    passes.set(setting.pass, (passes.get(setting.pass) ?? 0) + 1);
    for (const line of setting.lines) {
      lines++;
      if (line.hyphenated) {
        hyphenated++;
        const word = paragraphs[p]?.[line.to];
        if (word?.kind === 'word' && /^\P{L}*\p{Lu}/u.test(word.text)) capitals++;
      }
      if (!line.justified) continue;
      justified++;
      if (line.ratio > 1) loose++;
      if (line.ratio > 1.5) veryLoose++;
      maxRatio = Math.max(maxRatio, line.ratio);
    }
  });
  const share = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(2)}%`;
  const passList = [...passes].map(([name, n]) => `${name} ${n}`).join(', ');
  return (
    `${lines} lines; ratio > 1: ${share(loose, justified)}, > 1.5: ${share(veryLoose, justified)} (max ${maxRatio.toFixed(2)}); ` +
    `hyphenated ${share(hyphenated, lines)}, capitalised ${capitals}; passes: ${passList}`
  );
}

const bench: Bench = async ({ shared, log }) => {
  const source = shared ? path.join(shared, 'corpus', 'pride-and-prejudice', 'manuscript.md') : writeGeneratedBook();
  const markdown = readFileSync(source, 'utf8');
  const paragraphs = proseParagraphs(markdown).map((text) => paragraphTokens(text));
  const words = paragraphs.reduce((sum, tokens) => sum + tokens.filter((t) => t.kind === 'word').length, 0);
  log(
    `${shared ? 'Pride and Prejudice' : 'generated book'}: ${paragraphs.length} paragraphs, ${words} words, measure ${MEASURE_PX} px`,
  );
  const breaker = createBreaker(DEFAULT_RULES);
  let total: Setting[] = [];
  let greedy: Setting[] = [];
  let alternatives = { tight: 0, loose: 0 };
  /** Median wall and CPU ms of 3 runs (CPU: this process's user time, less noisy on a busy machine). */
  const measure = async (task: () => void) => {
    const cpu: number[] = [];
    const wall = await timeRuns(3, () => {
      const started = process.cpuUsage();
      task();
      cpu.push(process.cpuUsage(started).user / 1000);
    });
    return { wall: median(wall), cpu: median(cpu) };
  };
  const cell = (m: { wall: number; cpu: number }) =>
    `${m.wall.toFixed(0).padStart(5)} ms (CPU ${m.cpu.toFixed(0).padStart(4)} ms)`;
  const t = await measure(() => {
    total = paragraphs.map((tokens) => breaker.breakParagraph(tokens, widths) as Setting);
  });
  const g = await measure(() => {
    greedy = paragraphs.map((tokens) => breaker.greedy(tokens, widths));
  });
  const three = await measure(() => {
    alternatives = { tight: 0, loose: 0 };
    for (const tokens of paragraphs) {
      const found = breaker.settings(tokens, widths);
      if (found.tight) alternatives.tight++;
      if (found.loose) alternatives.loose++;
    }
  });
  const free = await measure(() => {
    for (const tokens of paragraphs) settings(tokens, widths, DEFAULT_RULES);
  });
  log(`total fit            ${cell(t)}   ${summary(paragraphs, total)}`);
  log(`first fit            ${cell(g)}   ${summary(paragraphs, greedy)}`);
  log(
    `total fit / first fit: ×${(t.wall / g.wall).toFixed(2)} wall, ×${(t.cpu / g.cpu).toFixed(2)} CPU (target: the whole book well under 1 s)`,
  );
  log(
    `settings (best, a line tighter, a line looser): ${cell(three)} with one breaker, ${cell(free)} a call each; ` +
      `${alternatives.tight} paragraphs can be set a line tighter, ${alternatives.loose} a line looser`,
  );
};

export default bench;
