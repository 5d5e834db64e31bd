/**
 * The text pipeline against remark-parse alone, on the corpus (Gatsby, Pride and Prejudice, War
 * and Peace): what Galley's plugins add to parsing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { createProcessor } from '../src/pipeline/processor.ts';
import type { Bench } from './run.ts';
import { median, seconds, timeRuns } from './stats.ts';

const books = ['gatsby', 'pride-and-prejudice', 'war-and-peace'];

const bench: Bench = async ({ shared, log }) => {
  if (!shared) {
    log('skipped: needs the corpus');
    return;
  }
  log('book                  remark-parse   galley parse+plugins   ratio');
  for (const book of books) {
    const text = readFileSync(path.join(shared, 'corpus', book, 'manuscript.md'), 'utf8');
    const bare = unified().use(remarkParse);
    const galley = createProcessor({ language: 'en', parts: [] });
    const runs = book === 'war-and-peace' ? 3 : 5;
    const parseOnly = median(await timeRuns(runs, () => bare.parse(text)));
    const full = median(
      await timeRuns(runs, () => {
        const file = new VFile({ path: `${book}.md`, value: text });
        return galley.runSync(galley.parse(file), file);
      }),
    );
    log(
      `${book.padEnd(22)}${seconds(parseOnly).padStart(12)}${seconds(full).padStart(23)}${(full / parseOnly).toFixed(2).padStart(8)}×`,
    );
  }
};

export default bench;
