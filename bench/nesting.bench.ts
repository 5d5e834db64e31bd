/**
 * How parsing time grows with the depth of hostile nesting (refused past 100 levels, so the time
 * should stay flat as the input doubles). Each row is one pattern at doubling sizes, medians of
 * 3 parses through Galley's processor (an error counts as the end of the parse), and the ratio
 * of the last to the first. The look-back patterns that are not nesting: look-back.bench.ts.
 */
import { VFile } from 'vfile';
import { GalleyError } from '../src/errors.ts';
import { createProcessor } from '../src/pipeline/processor.ts';
import type { Bench } from './run.ts';
import { median, timeRuns } from './stats.ts';

const rep = (text: string, n: number) => text.repeat(n);

/** Patterns by name: `n` repetitions of the pattern. */
const NESTINGS: Record<string, (n: number) => string> = {
  'block quotes': (n) => `${rep('> ', n)}deep`,
  'lists, indented a line each': (n) => Array.from({ length: n }, (_, i) => `${rep('  ', i)}- item`).join('\n'),
  'lists on one line': (n) => `${rep('- ', n)}deep`,
  'footnotes in footnotes': (n) => `a[^0]\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: `).join('')}deep`,
  emphasis: (n) => `${rep('*a **a ', n)}b${rep(' a** a*', n)}`,
  'a run of asterisks': (n) => `${rep('*', n)}deep${rep('*', n)}`,
  '<span>': (n) => `${rep('<span>', n)}deep${rep('</span>', n)}`,
};

const bench: Bench = async ({ log }) => {
  const processor = createProcessor({ language: 'en', parts: [] });
  const parse = (text: string) => {
    try {
      processor.parse(new VFile({ path: 'bench.md', value: `# Bench\n\n${text}\n` }));
    } catch (error) {
      if (!(error instanceof GalleyError)) throw error;
    }
  };
  const row = async (name: string, make: (n: number) => string, sizes: number[]) => {
    const times: number[] = [];
    const lengths: number[] = [];
    for (const n of sizes) {
      const text = make(n);
      lengths.push(text.length);
      times.push(median(await timeRuns(3, () => parse(text))));
    }
    const cells = sizes.map((n, i) => `${n}: ${(times[i] as number).toFixed(0)} ms`.padEnd(16)).join('');
    const ratio = (times.at(-1) as number) / Math.max(1, times[0] as number);
    const grown = (lengths.at(-1) as number) / (lengths[0] as number);
    log(`${name.padEnd(32)}${cells}time ×${ratio.toFixed(1)} for input ×${grown.toFixed(0)}`);
  };
  log('nestings (levels; refused past 100): time to parse or refuse');
  for (const [name, make] of Object.entries(NESTINGS)) await row(name, make, [250, 500, 1000, 2000]);
};

export default bench;
