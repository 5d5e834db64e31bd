/**
 * The print PDF against one bare Chromium print of the same book's HTML (the theme's print CSS,
 * the fonts and the page size, no layout passes), on Pride and Prejudice: both launch a browser,
 * load the book and print it. Medians of alternating runs in this process, their ratio, and the
 * peak memory of Node and the browser together (in a run of its own). Then War and Peace: once
 * for the time, once for the memory.
 */
import path from 'node:path';
import { typeset } from '../src/core/typeset.ts';
import { printToPdf } from '../src/output/browser.ts';
import { fontFile } from '../src/output/fonts.ts';
import { renderPdf } from '../src/output/pdf.ts';
import { printDocument } from '../src/output/print/document.ts';
import { kdpGutter, pageGeometry, pageRules } from '../src/output/print/geometry.ts';
import { printSetup } from '../src/output/print/settings.ts';
import { megabytes, peakMemory } from './memory.ts';
import type { Bench } from './run.ts';
import { median, seconds } from './stats.ts';

const RUNS = 3;

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
  const war = await bookFrom(shared, 'war-and-peace');
  const run = await timed(() => renderPdf(war));
  const wp = (await peakMemory(() => renderPdf(war))).peak;
  const result = run.result;
  log(
    `${'war-and-peace'.padEnd(22)}${'—'.padStart(19)}${seconds(run.ms).padStart(19)}${''.padStart(8)}` +
      `${String(result.pageLabels.length).padStart(8)}   ${megabytes(wp.pss)} (${megabytes(wp.rss)}; ${megabytes(wp.node)})`,
  );
};

export default bench;
