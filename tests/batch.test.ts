/**
 * Many books in one run: `galley build <book> <book> …` and `galley build <folder of books>`, and
 * the library's createBuilder()/buildMany(). A broken book among good ones: the good ones are
 * built completely (the same bytes as each built alone), the broken one is reported at its
 * place with nothing written for it, and the exit code is 1. One browser serves every book (the
 * browser processes' profile folders are counted while the run goes), and stays warm across the
 * API's calls; a browser that dies mid-run is replaced and the books still to print are printed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFNumber, PDFStream } from 'pdf-lib';
import sharp from 'sharp';
import type { Node } from 'unist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { expandInputs, shelfBooks } from '../src/core/batch-inputs.ts';
import { workerArgv } from '../src/core/batch-pool.ts';
import { build } from '../src/core/build.ts';
import { buildMany, createBuilder } from '../src/core/builder.ts';
import { GalleyError } from '../src/errors.ts';
import type { Logger } from '../src/logger.ts';
import { writeOutputs } from '../src/output/write.ts';
import { tempDir } from './helpers/tmp.ts';
import { epubText, pdfText } from './helpers/tools.ts';

const epoch = process.env.SOURCE_DATE_EPOCH;
beforeAll(() => {
  // Built alone or in a run, a book's files are then the same bytes.
  process.env.SOURCE_DATE_EPOCH = '1700000000';
});
afterAll(() => {
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
});

/** A small book folder: book.yaml and one chapter file. */
function book(folder: string, title: string, chapter: string): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'book.yaml'), `title: ${title}\nauthor: Ada Fenwick\n`);
  writeFileSync(path.join(folder, '01.md'), chapter);
  return folder;
}

const HARBOUR = '# Arrival\n\nThe boat came in late, and "nobody" waited on the quay -- not even the gulls.\n';
const ORCHARD = '# Picking\n\nShe counted the apples twice... and still the basket came up one short.\n';
const BROKEN = '# Draft\n\nThis paragraph is fine.\n\n<!-- a note to myself, never closed\n\nMore of the story.\n';

/** Every Galley browser profile of `pid` seen in a running process's command line, while watched. */
function watchProfiles(pid = process.pid) {
  const seen = new Set<string>();
  const pattern = new RegExp(`galley-profile-${pid}-[A-Za-z0-9]+`);
  const sample = () => {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const match = pattern.exec(readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
        if (match) seen.add(match[0]);
      } catch {
        // The process ended while we looked.
      }
    }
  };
  const timer = setInterval(sample, 25);
  return {
    seen,
    stop() {
      clearInterval(timer);
      sample();
    },
  };
}

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    logger: { info: (m) => lines.push(m), warn: (m) => lines.push(`warning ${m}`), error: (m) => lines.push(`error ${m}`) },
  };
}

const shown = (file: string) => path.relative(process.cwd(), file);
const linux = process.platform === 'linux';

describe('a folder of books', () => {
  it('is a folder with no book.yaml and no .md of its own whose subfolders are books, taken in natural order', async () => {
    const shelf = tempDir();
    book(path.join(shelf, 'story-10'), 'Ten', HARBOUR);
    book(path.join(shelf, 'story-2'), 'Two', HARBOUR);
    mkdirSync(path.join(shelf, 'only-md'));
    writeFileSync(path.join(shelf, 'only-md', 'text.md'), HARBOUR);
    mkdirSync(path.join(shelf, 'covers'));
    mkdirSync(path.join(shelf, '.git'));
    writeFileSync(path.join(shelf, 'pasted.txt'), 'Some text.');
    const found = await shelfBooks(shelf);
    expect(found?.books).toEqual(['only-md', 'story-2', 'story-10'].map((n) => path.join(shelf, n)));
    expect(found?.skipped).toEqual([
      { path: path.join(shelf, 'covers'), reason: 'has no book.yaml and no .md file' },
      { path: path.join(shelf, 'pasted.txt'), reason: expect.stringMatching(/not one of them/) },
    ]);
    // A book's own folder is never a folder of books, even when it has subfolders that are.
    writeFileSync(path.join(shelf, 'book.yaml'), 'title: Shelf\nauthor: A\n');
    expect(await shelfBooks(shelf)).toBeUndefined();
    const chapters = tempDir();
    writeFileSync(path.join(chapters, '01.md'), HARBOUR);
    book(path.join(chapters, 'sub'), 'Sub', HARBOUR);
    expect(await shelfBooks(chapters)).toBeUndefined();
    // With no subfolder that is a book, a folder is not a folder of books (it fails as one book).
    expect(await shelfBooks(tempDir())).toBeUndefined();
  });

  it('builds each book named once, however it is named', async () => {
    const shelf = tempDir();
    const one = book(path.join(shelf, 'one'), 'One', HARBOUR);
    const inputs = await expandInputs([one, shelf, `${one}/`]);
    expect(inputs.books).toEqual([one]);
    expect(inputs.skipped.map((s) => s.reason)).toEqual([
      `the same book as ${one}, built once`,
      `the same book as ${one}, built once`,
    ]);
  });
});

describe('worker threads', () => {
  it("start with this process's Node flags, less those that gave it its code", () => {
    expect(workerArgv(['--input-type=module', '-e', 'code', '--enable-source-maps'])).toEqual(['--enable-source-maps']);
    expect(workerArgv(['--input-type', 'module', '--eval', 'code'])).toEqual([]);
    expect(workerArgv(['-pe', 'code', '--conditions=dev', '--import', 'tsx'])).toEqual(['--conditions=dev', '--import', 'tsx']);
  });

  it("take no plugins given as functions (they cannot cross a thread), but the caller's own thread does", async () => {
    const shelf = tempDir();
    const harbour = book(path.join(shelf, 'harbour'), 'A Quiet Harbour', HARBOUR);
    const shout = () => (tree: Node) => {
      const walk = (node: Node & { value?: string; children?: Node[] }) => {
        if (typeof node.value === 'string') node.value = node.value.replace('gulls', 'GULLS');
        for (const child of node.children ?? []) walk(child);
      };
      walk(tree);
    };
    const out = tempDir();
    const plugins = { remark: [shout] };
    await expect(buildMany([harbour], { out, formats: ['epub'], plugins, workers: 1 })).rejects.toMatchObject({ code: 'USAGE' });
    const result = await buildMany([harbour], { out, formats: ['epub'], plugins, workers: 0 });
    expect(result.failed).toEqual([]);
    expect(await epubText(path.join(out, 'a-quiet-harbour.epub'))).toContain('not even the GULLS');
  });
});

describe('two builds writing the same files at once (the same story asked for twice)', () => {
  it("both succeed, and each file is one build's whole file", async () => {
    const out = tempDir();
    const files = (text: string) =>
      ['story.epub', 'story.pdf'].map((name) => ({ path: path.join(out, name), data: Buffer.from(text.repeat(50_000)) }));
    for (let round = 0; round < 3; round++) {
      await Promise.all([writeOutputs(files('a')), writeOutputs(files('b')), writeOutputs(files('c'))]);
      expect(readdirSync(out).sort()).toEqual(['story.epub', 'story.pdf']);
      for (const name of ['story.epub', 'story.pdf']) {
        expect(readFileSync(path.join(out, name), 'utf8')).toMatch(/^(a{50000}|b{50000}|c{50000})$/);
      }
    }
  });
});

describe.runIf(linux)('galley build with many books', () => {
  it('builds the good books completely, reports the broken one at its place with nothing written, exits 1, with one browser', async () => {
    const shelf = tempDir();
    const harbour = book(path.join(shelf, 'a-harbour'), 'A Quiet Harbour', HARBOUR);
    const broken = book(path.join(shelf, 'b-broken'), 'Broken Draft', BROKEN);
    const orchard = book(path.join(shelf, 'c-orchard'), 'The Orchard', ORCHARD);
    mkdirSync(path.join(shelf, 'notes'));
    const out = tempDir();
    const { logger, lines } = capture();
    const profiles = watchProfiles();
    const code = await main(['node', 'galley', 'build', shelf, '--out', out], logger);
    profiles.stop();
    const text = lines.join('\n');
    expect(code, text).toBe(1);
    expect(profiles.seen.size, [...profiles.seen].join(', ')).toBe(1);
    expect(readdirSync(out).sort()).toEqual([
      'a-quiet-harbour.epub',
      'a-quiet-harbour.pdf',
      'the-orchard.epub',
      'the-orchard.pdf',
    ]);
    expect(text).toMatch(/^built 2 of 3 books in [\d.]+ m?s \([\d.]+ a minute\); 1 failed:$/m);
    expect(text).toContain(`error ${broken}: ${shown(path.join(broken, '01.md'))}:5:1: \`<!--\` is never closed`);
    expect(text).toContain(`warning skipped ${path.join(shelf, 'notes')}: has no book.yaml and no .md file`);
    expect(text).toContain(`built   ${harbour} → ${shown(path.join(out, 'a-quiet-harbour.epub'))}`);
    // Complete: each good book's files are the bytes it gets built on its own.
    for (const [input, slug] of [
      [harbour, 'a-quiet-harbour'],
      [orchard, 'the-orchard'],
    ] as const) {
      const alone = tempDir();
      await build({ input, out: alone });
      for (const ext of ['epub', 'pdf']) {
        const name = `${slug}.${ext}`;
        expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(alone, name))), name).toBe(true);
      }
    }
    expect(await pdfText(path.join(out, 'the-orchard.pdf'))).toContain('She counted the apples twice');
    expect(await epubText(path.join(out, 'a-quiet-harbour.epub'))).toContain('not even the gulls');
  }, 120_000);

  it('builds the books named on the command line; a second book of the same title gets -2, and says so', async () => {
    const shelf = tempDir();
    const first = book(path.join(shelf, 'first'), 'Same Title', HARBOUR);
    const second = book(path.join(shelf, 'second'), 'Same Title', ORCHARD);
    const out = tempDir();
    const { logger, lines } = capture();
    const code = await main(['node', 'galley', 'build', second, first, second, '--out', out, '--format', 'epub'], logger);
    const text = lines.join('\n');
    expect(code, text).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['same-title-2.epub', 'same-title.epub']);
    // The order given decides, not the order the builds finish in.
    expect(await epubText(path.join(out, 'same-title.epub'))).toContain('apples');
    expect(await epubText(path.join(out, 'same-title-2.epub'))).toContain('gulls');
    expect(text).toContain(`warning its files are named same-title-2: ${second} has the same title (files named same-title)`);
    expect(text).toContain(`warning skipped ${second}: the same book as ${second}, built once`);
    expect(text).toMatch(/^built 2 of 2 books/m);
  }, 60_000);

  it('refuses --title and --author with several books (exit 2)', async () => {
    const shelf = tempDir();
    const a = book(path.join(shelf, 'a'), 'A', HARBOUR);
    const b = book(path.join(shelf, 'b'), 'B', ORCHARD);
    const { logger, lines } = capture();
    expect(await main(['node', 'galley', 'build', a, b, '--title', 'X'], logger)).toBe(2);
    expect(lines.join('\n')).toMatch(/--title and --author name one book/);
  });
});

/** Width × height of every image a PDF holds. */
async function pdfImageSizes(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const sizes: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    sizes.push(
      `${object.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber()}x${object.dict.lookup(PDFName.of('Height'), PDFNumber).asNumber()}`,
    );
  }
  return sizes;
}

describe.runIf(linux)('one browser for many books', () => {
  it("never shows one book's image in another's PDF, when both have the same path", async () => {
    const shelf = tempDir();
    const sizes = [
      [120, 40],
      [40, 120],
      [80, 80],
    ];
    const books = await Promise.all(
      sizes.map(async ([width, height], i) => {
        const folder = book(
          path.join(shelf, `b${i}`),
          `Figure Book ${i}`,
          `# One\n\nA figure.\n\n![A grey block](images/figure.png)\n`,
        );
        mkdirSync(path.join(folder, 'images'));
        const png = await sharp({ create: { width: width as number, height: height as number, channels: 3, background: '#888' } })
          .png()
          .toBuffer();
        writeFileSync(path.join(folder, 'images', 'figure.png'), png);
        return folder;
      }),
    );
    const out = tempDir();
    const result = await buildMany(books, { out, formats: ['pdf'], workers: 0 });
    expect(result.failed.map((b) => b.error?.message)).toEqual([]);
    for (const [i, [width, height]] of sizes.entries()) {
      expect(await pdfImageSizes(path.join(out, `figure-book-${i}.pdf`)), `book ${i}`).toEqual([`${width}x${height}`]);
    }
  }, 60_000);
});

describe.runIf(linux)('the library API', () => {
  it('keeps one browser warm across calls, and close() ends it', async () => {
    const shelf = tempDir();
    const harbour = book(path.join(shelf, 'harbour'), 'A Quiet Harbour', HARBOUR);
    const orchard = book(path.join(shelf, 'orchard'), 'The Orchard', ORCHARD);
    const broken = book(path.join(shelf, 'broken'), 'Broken Draft', BROKEN);
    const profiles = watchProfiles();
    const builder = createBuilder({ workers: 0 });
    try {
      const out = tempDir();
      const one = await builder.build({ input: harbour, out });
      expect(one.files.map((f) => path.basename(f.path))).toEqual(['a-quiet-harbour.epub', 'a-quiet-harbour.pdf']);
      const many = await builder.buildMany([orchard, broken], { out });
      expect(many.books.map((b) => b.input)).toEqual([orchard, broken]);
      expect(many.failed.map((b) => b.input)).toEqual([broken]);
      const failure = many.failed[0]?.error;
      expect(failure).toBeInstanceOf(GalleyError);
      expect((failure as GalleyError).place).toEqual({ line: 5, column: 1 });
      const error = await builder.build({ input: broken, out }).catch((e: unknown) => e);
      expect((error as GalleyError).code).toBe('TEXT_WOULD_BE_LOST');
      expect(builder.launches).toBe(1);
    } finally {
      await builder.close();
      profiles.stop();
    }
    expect(profiles.seen.size).toBe(1);
    const left = readdirSync(path.dirname(tempDir())).filter((n) => n.startsWith(`galley-profile-${process.pid}-`));
    expect(left).toEqual([]);
  }, 90_000);

  it('prints the rest in a new browser when the browser dies mid-run, on worker threads', async () => {
    const shelf = tempDir();
    const books = ['one', 'two', 'three', 'four'].map((n, i) =>
      book(path.join(shelf, n), `Story ${n}`, i % 2 ? ORCHARD : HARBOUR),
    );
    const out = tempDir();
    let killed = false;
    const builder = createBuilder({ workers: 2, perWorker: 1 });
    try {
      const result = await builder.buildMany([shelf], {
        out,
        onBook() {
          if (killed) return;
          killed = true;
          for (const pid of browserPids()) process.kill(pid, 'SIGKILL');
        },
      });
      expect(result.failed.map((b) => `${b.input}: ${b.error?.message}`).join('\n')).toBe('');
      expect(readdirSync(out)).toHaveLength(books.length * 2);
      expect(builder.launches).toBe(2);
    } finally {
      await builder.close();
    }
  }, 120_000);
});

/** Pids of this process's browser processes. */
function browserPids(): number[] {
  const marker = `galley-profile-${process.pid}-`;
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}
