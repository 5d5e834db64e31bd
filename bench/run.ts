/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or those whose name contains one of
 * the arguments). Benchmarks read the corpus from ../shared when it is there, or from the
 * folder in GALLEY_SHARED; without it they say so and measure what they can.
 * Results are medians of several runs, with ratios against a peer run in the same process.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchContext {
  /** The shared material folder (corpus, seed, tools), if present. */
  shared: string | undefined;
  /** Prints one line of results. */
  log: (line: string) => void;
}

export type Bench = (context: BenchContext) => Promise<void>;

const here = import.meta.dirname;
const sharedCandidates = [process.env.GALLEY_SHARED, path.join(here, '..', '..', 'shared')];
const shared = sharedCandidates.find((dir): dir is string => dir !== undefined && existsSync(path.join(dir, 'corpus')));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort();

if (!shared) console.log('(no ../shared corpus found; set GALLEY_SHARED to its folder for the full benchmarks)');
for (const file of files) {
  console.log(`\n# ${file.replace('.bench.ts', '')}`);
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as { default: Bench };
  await module.default({ shared, log: (line) => console.log(line) });
}
