/**
 * The EPUB's archive: Galley's own ZIP writer (src/output/epub/zip.ts, Node's zlib) against the
 * EPUB library's own output (epub-gen-memory keeps the files in a JSZip, `epub.zip`, whose
 * generateAsync deflates with pako), given the same fixed date on every entry, the same entries
 * stored, DEFLATE level 9 for the rest. War and Peace from the corpus, typeset once; without the
 * corpus, a generated book. Each run assembles the EPUB afresh (the library's part, timed as
 * "assemble") and archives it both ways, in alternating order so machine noise hits both alike.
 * Medians; "library/ours" is the ratio of the archive times measured here, in one process. Both
 * archives are read back: the same files with the same bytes, the mimetype first and stored.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { typeset } from '../src/core/typeset.ts';
import { zipEntries } from '../src/output/epub/zip.ts';
import { type AssembledEpub, assembleEpub } from '../src/output/epub.ts';
import { writeGeneratedBook } from './generated-book.ts';
import type { Bench } from './run.ts';
import { median } from './stats.ts';

const RUNS = 7;

/** The library's own archive, made reproducible: one date on every entry, stored entries as ours. */
async function libraryArchive(epub: AssembledEpub, date: Date): Promise<Buffer> {
  const stored = epub.storedNames();
  for (const file of Object.values(epub.container.files)) {
    file.date = date;
    if (stored.has(file.name)) file.options.compression = 'STORE';
  }
  return epub.container.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function contents(zip: Buffer): Promise<Map<string, string>> {
  const archive = await JSZip.loadAsync(zip);
  const files = Object.values(archive.files).filter((f) => !f.dir);
  const names = Object.keys(archive.files);
  if (names[0] !== 'mimetype' || zip.readUInt16LE(8) !== 0) throw new Error('the mimetype is not first and stored');
  const data = await Promise.all(files.map(async (f) => [f.name, await f.async('base64')] as const));
  return new Map(data);
}

function sameFiles(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([name, data]) => b.get(name) === data);
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

const bench: Bench = async ({ shared, log }) => {
  const input = shared ? path.join(shared, 'corpus', 'war-and-peace', 'manuscript.md') : writeGeneratedBook();
  const { book } = await typeset({ input });
  if (!shared) rmSync(path.dirname(input), { recursive: true, force: true });
  const date = new Date(book.modified);
  const entries = (await (await assembleEpub(book)).entries()).length;
  log(`${shared ? 'war-and-peace' : 'a generated book (no corpus)'}: ${entries} entries, ${RUNS} runs, medians`);
  type Way = 'ours' | 'library';
  const times = { assemble: [] as number[], ours: [] as number[], library: [] as number[] };
  const cpu = { ours: [] as number[], library: [] as number[] };
  const sizes = { ours: 0, library: 0 };
  let firstLibrary: Buffer | undefined;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const epub = await assembleEpub(book);
    times.assemble.push(performance.now() - started);
    const archives: Partial<Record<Way, Buffer>> = {};
    const order: Way[] = run % 2 === 0 ? ['ours', 'library'] : ['library', 'ours'];
    for (const way of order) {
      const wall = performance.now();
      const used = process.cpuUsage();
      archives[way] = way === 'ours' ? zipEntries(await epub.entries(), date) : await libraryArchive(epub, date);
      const { user, system } = process.cpuUsage(used);
      times[way].push(performance.now() - wall);
      cpu[way].push((user + system) / 1000);
    }
    const { ours, library } = archives as Record<Way, Buffer>;
    sizes.ours = ours.length;
    sizes.library = library.length;
    if (run === 0 && !sameFiles(await contents(ours), await contents(library))) {
      throw new Error('the two archives do not hold the same files');
    }
    // Fixed dates make the library's archive reproducible too: the comparison is of like with like.
    firstLibrary ??= library;
    if (!library.equals(firstLibrary)) throw new Error('the library archive changed between runs');
  }
  const assemble = median(times.assemble);
  const ours = median(times.ours);
  const library = median(times.library);
  log('                 archive   (CPU)      assemble + archive   size');
  for (const way of ['ours', 'library'] as const) {
    const archive = median(times[way]);
    log(
      `${way === 'ours' ? 'ours (zlib)    ' : 'library (JSZip)'}  ${ms(archive).padStart(7)}  ${`(${ms(median(cpu[way]))})`.padEnd(10)}` +
        ` ${ms(assemble + archive).padStart(8)}             ${kb(sizes[way])}`,
    );
  }
  log(
    `library/ours: archive ${(library / ours).toFixed(2)}× (CPU ${(median(cpu.library) / median(cpu.ours)).toFixed(2)}×), ` +
      `whole EPUB stage ${((assemble + library) / (assemble + ours)).toFixed(2)}× (assemble ${ms(assemble)})`,
  );
  log('rule (issue 13): zip.ts stays only if the library is measurably slower (≥ 10%)');
};

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

export default bench;
