/**
 * What Galley's text work costs next to Markdown parsing, on the corpus (Gatsby, Pride and
 * Prejudice, War and Peace). The issue's measure: remark-parse alone, against remark-parse with
 * our scene-break detection (the line-level pre-scan that runs before parsing, and the tree
 * pass) and our typographic pass. GFM, front matter and book structure are not counted there;
 * the full Galley chain (with them) is shown beside it for information.
 * Runs are interleaved (bare, ours, bare, ours…) so machine noise hits both alike; medians.
 * "added" is the difference of the two totals; "ours/parse" is our own work timed directly (the
 * pre-scan plus the tree passes) over remark-parse alone — steadier when the machine is busy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { scanSceneMarkers } from '../src/manuscript/scene-markers.ts';
import { createProcessor } from '../src/pipeline/processor.ts';
import { remarkSceneBreaks } from '../src/plugins/remark-scene-breaks.ts';
import { remarkTypography } from '../src/plugins/remark-typography.ts';
import type { Bench } from './run.ts';
import { median, seconds } from './stats.ts';

const books = ['gatsby', 'pride-and-prejudice', 'war-and-peace'];

const bench: Bench = async ({ shared, log }) => {
  if (!shared) {
    log('skipped: needs the corpus');
    return;
  }
  log('remark-parse alone vs remark-parse + Galley scene breaks (pre-scan + tree) + typographic pass; medians');
  log('book                  remark-parse   + ours      added   pre-scan  tree passes  ours/parse   full chain with GFM');
  for (const book of books) {
    const text = readFileSync(path.join(shared, 'corpus', book, 'manuscript.md'), 'utf8');
    const bare = unified().use(remarkParse);
    const ours = unified().use(remarkParse).use(remarkSceneBreaks).use(remarkTypography, { language: 'en' });
    const full = createProcessor({ language: 'en', parts: [] });
    const runs = book === 'war-and-peace' ? 7 : 9;
    const times = {
      bare: [] as number[],
      ours: [] as number[],
      scan: [] as number[],
      passes: [] as number[],
      full: [] as number[],
    };
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      bare.parse(text);
      times.bare.push(performance.now() - started);

      started = performance.now();
      const file = new VFile({ path: `${book}.md`, value: text });
      const tree = ours.parse(file);
      const parsed = performance.now();
      ours.runSync(tree, file);
      const done = performance.now();
      times.ours.push(done - started);
      times.passes.push(done - parsed);

      started = performance.now();
      scanSceneMarkers(text);
      times.scan.push(performance.now() - started);

      if (run < 3) {
        started = performance.now();
        const fullFile = new VFile({ path: `${book}.md`, value: text });
        full.runSync(full.parse(fullFile), fullFile);
        times.full.push(performance.now() - started);
      }
    }
    const bareMs = median(times.bare);
    const oursMs = median(times.ours);
    const added = `${(((oursMs - bareMs) / bareMs) * 100).toFixed(0)}%`;
    const scanMs = median(times.scan);
    const passesMs = median(times.passes);
    const direct = `${(((scanMs + passesMs) / bareMs) * 100).toFixed(1)}%`;
    log(
      `${book.padEnd(22)}${seconds(bareMs).padStart(12)}${seconds(oursMs).padStart(10)}${added.padStart(9)}` +
        `${`${scanMs.toFixed(0)} ms`.padStart(10)}${`${passesMs.toFixed(0)} ms`.padStart(13)}${direct.padStart(12)}` +
        `${seconds(median(times.full)).padStart(22)}`,
    );
  }
  log('target (issue 3): our work ≤ 50% of remark-parse alone on war-and-peace');
};

export default bench;
