/**
 * The print line breaker over a whole novel (Pride and Prejudice from ../shared, or the generated
 * book without it): time to break every paragraph by total fit, against first fit run in the
 * same process (medians of 3), and how the lines come out for each: loose lines (ratio over 1,
 * and over 1.5), lines ending in a hyphenation, capitalised words hyphenated, the passes needed.
 * Widths come from a table, not the real font (bench/linebreak-text.ts); the tokens are built
 * before timing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createBreaker } from '../src/output/print/linebreak/knuth-plass.ts';
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
  const totalTimes = await timeRuns(3, () => {
    total = paragraphs.map((tokens) => breaker.breakParagraph(tokens, widths) as Setting);
  });
  const greedyTimes = await timeRuns(3, () => {
    greedy = paragraphs.map((tokens) => breaker.greedy(tokens, widths));
  });
  const t = median(totalTimes);
  const g = median(greedyTimes);
  log(`total fit   ${t.toFixed(0).padStart(6)} ms   ${summary(paragraphs, total)}`);
  log(`first fit   ${g.toFixed(0).padStart(6)} ms   ${summary(paragraphs, greedy)}`);
  log(`total fit / first fit: ×${(t / g).toFixed(2)} (target: the whole book well under 1 s)`);
};

export default bench;
