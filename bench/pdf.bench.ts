/**
 * The print PDF against one bare Chromium print of the same book's HTML (the theme's print CSS,
 * the fonts and the page size, no layout passes), on Pride and Prejudice: both launch a browser,
 * load the book and print it. Medians of alternating runs in this process, their ratio, and the
 * peak memory of Node and the browser together (in a run of its own). Then War and Peace built
 * as EPUB and PDF with the page list, from the manuscript to the files written (goal: under 25 s
 * and 1.2 GB summed over all processes): three runs here for the time, and one in a process of
 * its own (bench/war-build.ts) for the memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { type ProgressEvent, silentLogger } from '../src/logger.ts';
import { printToPdf } from '../src/output/browser.ts';
import { fontFile } from '../src/output/fonts.ts';
import { renderPdf } from '../src/output/pdf.ts';
import { printDocument } from '../src/output/print/document.ts';
import { kdpGutter, pageGeometry, pageRules } from '../src/output/print/geometry.ts';
import { printSetup } from '../src/output/print/settings.ts';
import { commandMemory, megabytes, peakMemory } from './memory.ts';
import type { Bench } from './run.ts';
import { median, seconds } from './stats.ts';

const RUNS = 3;
const WAR_RUNS = 3;

async function bookFrom(shared: string, name: string) {
  const input = path.join(shared, 'corpus', name, 'manuscript.md');
  return (await typeset({ input })).book;
}

type Book = Awaited<ReturnType<typeof bookFrom>>;

/** One bare print: the book's sections as they are, with the theme's print CSS and fonts. */
async function barePrint(book: Book): Promise<number> {
  const setup = await printSetup(book);
  const geometry = pageGeometry(book.config.print, kdpGutter(400), setup.line, setup.furniture);
  const html = printDocument({
    language: book.config.language,
    title: book.config.title,
    style: setup.style,
    pageRules: pageRules(geometry, 'mirrored'),
    body: [...book.front, ...book.body].map((s) => s.html).join('\n'),
  });
  const { pdf } = await printToPdf({
    html,
    resolve: async (p) => {
      if (p === 'fonts.css') return { body: setup.fonts.css, contentType: 'text/css' };
      const data = p.startsWith('fonts/') ? await fontFile(setup.fonts, p.slice(6)) : undefined;
      return data && { body: data, contentType: 'font/woff2' };
    },
    pdf: { preferCSSPageSize: true, printBackground: true, outline: false, tagged: false, waitForFonts: true },
  });
  return pdf.byteLength;
}

async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

const bench: Bench = async ({ shared, log }) => {
  if (!shared) {
    log('skipped: needs the corpus');
    return;
  }
  const pride = await bookFrom(shared, 'pride-and-prejudice');
  const bare: number[] = [];
  const galley: number[] = [];
  const stages = new Map<string, number[]>();
  let pages = 0;
  for (let i = 0; i < RUNS; i++) {
    bare.push((await timed(() => barePrint(pride))).ms);
    const onStage = (stage: string, ms: number) => stages.set(stage, [...(stages.get(stage) ?? []), ms]);
    const run = await timed(() => renderPdf(pride, { onStage }));
    galley.push(run.ms);
    pages = run.result.pageLabels.length;
  }
  // Memory in a run of its own: sampling it slows what it samples.
  const peak = (await peakMemory(() => renderPdf(pride))).peak;
  const [b, g] = [median(bare), median(galley)];
  log('book                  bare Chromium print   galley print PDF   ratio   pages   peak PSS (RSS sum; node)');
  log(
    `${'pride-and-prejudice'.padEnd(22)}${seconds(b).padStart(19)}${seconds(g).padStart(19)}${(g / b).toFixed(2).padStart(7)}×` +
      `${String(pages).padStart(8)}   ${megabytes(peak.pss)} (${megabytes(peak.rss)}; ${megabytes(peak.node)})`,
  );
  log(`  galley's steps (medians): ${[...stages].map(([name, ms]) => `${name} ${seconds(median(ms))}`).join(', ')}`);
  log(`  (P&P goal: at most 2.0× the bare print)`);

  // War and Peace, EPUB and PDF with the page list, from the manuscript to the files written.
  const input = path.join(shared, 'corpus', 'war-and-peace', 'manuscript.md');
  const out = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-war-'));
  const steps = new Map<string, number[]>();
  const logger = {
    ...silentLogger,
    progress: (event: ProgressEvent) => {
      if (event.type === 'end') steps.set(event.stage, [...(steps.get(event.stage) ?? []), event.ms]);
    },
  };
  const both = () => build({ input, out, formats: ['epub', 'pdf'], logger });
  try {
    const times: number[] = [];
    for (let i = 0; i < WAR_RUNS; i++) times.push((await timed(both)).ms);
    // The memory of a build in a process of its own, as a user's would be (this one has done
    // the runs above: its heap is theirs too).
    const script = path.join(import.meta.dirname, 'war-build.ts');
    const own = await commandMemory(process.execPath, ['--import', 'tsx', script, input, out]);
    const ms = median(times);
    log(
      `war-and-peace, EPUB and PDF with the page list (median of ${WAR_RUNS}): ${seconds(ms)} (goal < 25 s); ` +
        `peak PSS ${megabytes(own.pss)} over all processes (goal < 1,200 MB; RSS sum ${megabytes(own.rss)}), ` +
        `in a process of its own (${seconds(own.ms)}, sampled)`,
    );
    log(`  its steps (medians): ${[...steps].map(([name, list]) => `${name} ${seconds(median(list))}`).join(', ')}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};

export default bench;
