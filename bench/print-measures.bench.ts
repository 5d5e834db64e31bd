/**
 * Issue 11's measures of the print interior (tests/helpers/print-measures.ts: read from the PDF
 * alone) on the sample book (manuscript/), the seeded test novel (tests/helpers/seeded-novel.ts)
 * and, with the corpus, Pride and Prejudice: each book's print PDF is built once (its time
 * given, typesetting included), then measured (its time given), and the table printed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { typeset } from '../src/core/typeset.ts';
import { renderPdf } from '../src/output/pdf.ts';
import { formatMeasures, measurePrintPdf } from '../tests/helpers/print-measures.ts';
import { writeSeededNovel } from '../tests/helpers/seeded-novel.ts';
import { tempDir } from '../tests/helpers/tmp.ts';
import type { Bench } from './run.ts';
import { seconds } from './stats.ts';

async function measure(name: string, input: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const { book } = await typeset({ input });
  const { pdf, pageLabels } = await renderPdf(book);
  const built = performance.now() - started;
  const file = path.join(tempDir('galley-bench-measures-'), `${name}.pdf`);
  writeFileSync(file, pdf);
  const read = performance.now();
  const report = await measurePrintPdf(file);
  log(
    `\n## ${name}: print PDF of ${pageLabels.length} pages built in ${seconds(built)}, measured in ${seconds(performance.now() - read)}`,
  );
  log(formatMeasures(report, name));
}

const bench: Bench = async ({ shared, log }) => {
  await measure('sample', path.join(import.meta.dirname, '..', 'manuscript'), log);
  await measure('seeded-novel', writeSeededNovel(), log);
  if (shared) await measure('pride-and-prejudice', path.join(shared, 'corpus', 'pride-and-prejudice', 'manuscript.md'), log);
  else log('\n(pride-and-prejudice skipped: needs the corpus)');
};

export default bench;
