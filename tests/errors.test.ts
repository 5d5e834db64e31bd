/**
 * Every bad input the author can give, run through the real CLI in-process. Each case checks the
 * exit code (1 failed, 2 usage mistake), that the report names the file — with line:column when
 * there is one — and that it is followed by a hint of what to do. A failed build writes nothing.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.ts';
import type { Logger } from '../src/logger.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { epubText } from './helpers/tools.ts';

const YAML = 'title: Low Water\nauthor: Wren Ashby\n';
const CHAPTER = '# Low Water\n\nThe ferry waited at the slip while the tide drew back from the pilings.\n';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A fresh temporary folder, removed when the file's tests are done. */
function scratch(): string {
  const dir = tempDir('galley-errors-');
  made.push(dir);
  return dir;
}

/** Writes `files` (relative path → content) into `dir`, making folders as needed. */
function put(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A book folder in a fresh temporary folder. */
function book(files: Record<string, string | Buffer>): string {
  return put(scratch(), files);
}

/** A path as Galley shows it: relative to the working directory. */
function shown(p: string): string {
  return path.relative(process.cwd(), p) || '.';
}

interface Run {
  code: number;
  /** `logger.error` lines. */
  errors: string[];
  /** `logger.info` lines (progress, and the hint after an error). */
  infos: string[];
  /** What went straight to the process's stdout and stderr (commander's help and usage errors). */
  stdout: string;
  stderr: string;
}

/** `galley <args>` in-process, with everything it says captured. */
async function galley(...args: string[]): Promise<Run> {
  const run: Run = { code: -1, errors: [], infos: [], stdout: '', stderr: '' };
  const lines: string[] = [];
  const logger: Logger = {
    info: (m) => {
      run.infos.push(m);
      lines.push(m);
    },
    warn: () => {},
    // An error's hint comes on the line after it, in the same message.
    error: (m) => {
      const [first, ...rest] = m.split('\n');
      run.errors.push(first as string);
      run.infos.push(...rest);
      lines.push(m);
    },
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    run.stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    run.stderr += String(chunk);
    return true;
  });
  try {
    run.code = await main(['node', 'galley', ...args], logger);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return run;
}

/** `galley build <args>`, EPUB only unless the args say otherwise, into a fresh output folder. */
async function buildBook(input: string, ...args: string[]): Promise<Run & { out: string }> {
  const out = args.includes('--out') ? (args[args.indexOf('--out') + 1] as string) : path.join(scratch(), 'dist');
  const format = args.includes('--format') ? [] : ['--format', 'epub'];
  const outArg = args.includes('--out') ? [] : ['--out', out];
  return { ...(await galley('build', input, ...format, ...outArg, ...args)), out };
}

/**
 * The run failed with `code`, its one error line starts with `where` (the location, exactly) and
 * matches `says`, and the next info line is a hint that matches `hint`.
 */
function expectFailure(run: Run, expected: { code?: number; where: string; says: RegExp | string; hint: RegExp | string }) {
  const report = [...run.errors, ...run.infos].join('\n');
  expect(run.code, report).toBe(expected.code ?? 1);
  expect(run.errors, report).toHaveLength(1);
  const line = run.errors[0] as string;
  expect(line.startsWith(`${expected.where}: `), `"${line}" should start with "${expected.where}: "`).toBe(true);
  const message = line.slice(expected.where.length + 2);
  if (typeof expected.says === 'string') expect(message).toContain(expected.says);
  else expect(message).toMatch(expected.says);
  const hint = hintOf(run);
  if (typeof expected.hint === 'string') expect(hint).toContain(expected.hint);
  else expect(hint).toMatch(expected.hint);
}

/** The indented line the CLI prints after an error (its hint). */
function hintOf(run: Run): string {
  const hint = run.infos.find((m) => /^ {2}\S/.test(m));
  expect(hint, 'a hint after the error').toBeDefined();
  return (hint as string).trim();
}

/** Names, bytes and mtimes of every file in `dir`, hidden ones included. */
function snapshot(dir: string): Map<string, { bytes: string; mtimeMs: number }> {
  const files = new Map<string, { bytes: string; mtimeMs: number }>();
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    files.set(name, { bytes: readFileSync(file).toString('base64'), mtimeMs: statSync(file).mtimeMs });
  }
  return files;
}

describe('help and version', () => {
  it('`galley --help` prints usage and exits 0', async () => {
    const run = await galley('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: galley');
    expect(run.stdout).toContain('build');
  });

  it('`galley --version` prints the version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const run = await galley('--version');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });
});

describe('1. the input path', () => {
  it('a missing input names the path', async () => {
    const missing = path.join(scratch(), 'no-such-book');
    const run = await buildBook(missing);
    expectFailure(run, { where: shown(missing), says: 'no such file or folder', hint: /folder with book\.yaml/ });
  });

  it('an input that is not a manuscript names the file', async () => {
    const dir = book({ 'draft.docx': 'not really a word file' });
    const run = await buildBook(path.join(dir, 'draft.docx'));
    expectFailure(run, { where: shown(path.join(dir, 'draft.docx')), says: '`.docx`', hint: /\.md file, or a \.txt file/ });
  });
});

describe('2. a chapter that is not UTF-8', () => {
  it('names the file and the line:column of the first bad byte', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('# The Kiosk\n\n'),
      Buffer.from([0x63, 0x61, 0x66, 0xe9]), // "café" in Latin-1: é is the single byte E9
      Buffer.from(' on the pier sold tea in paper cups.\n'),
    ]);
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER, '02-kiosk.md': latin1 });
    const run = await buildBook(dir);
    expectFailure(run, { where: `${shown(path.join(dir, '02-kiosk.md'))}:3:4`, says: 'not UTF-8', hint: 'UTF-8' });
  });
});

describe('3. a chapter that cannot be read', () => {
  // chmod 000 does not stop root, and the tests run as root; these two fail for anyone.
  it('a chapter that is a broken symlink names the link', async () => {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER });
    symlinkSync(path.join(dir, 'drafts', 'gone.md'), path.join(dir, '02-gone.md'));
    const run = await buildBook(dir);
    expectFailure(run, {
      where: shown(path.join(dir, '02-gone.md')),
      says: 'cannot read the file (ENOENT)',
      hint: 'Check that the file exists',
    });
  });

  it('a chapter linked from outside the book is refused, naming the link (never read)', async () => {
    const elsewhere = put(scratch(), { 'storm.md': '# Storm\n\nThe wind took the shutters first.\n' });
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER });
    symlinkSync(path.join(elsewhere, 'storm.md'), path.join(dir, '02-storm.md'));
    const run = await buildBook(dir);
    expectFailure(run, {
      where: shown(path.join(dir, '02-storm.md')),
      says: `leads outside the book's folder, to ${path.join(elsewhere, 'storm.md')}`,
      hint: 'copy the file there',
    });
  });

  it('a chapter linked to another file inside the book is built, not silently left out', async () => {
    const dir = book({
      'book.yaml': YAML,
      '01-low-water.md': CHAPTER,
      'drafts/storm.md': '# Storm\n\nThe wind took the shutters first.\n',
    });
    symlinkSync(path.join(dir, 'drafts', 'storm.md'), path.join(dir, '02-storm.md'));
    const run = await buildBook(dir);
    expect(run.code, run.errors.join('\n')).toBe(0);
    expect(await epubText(path.join(run.out, 'low-water.epub'))).toContain('took the shutters');
  });

  it('a chapter too large to read (a sparse 3 GiB file) names the file', async () => {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER, '02-huge.md': '' });
    truncateSync(path.join(dir, '02-huge.md'), 3 * 1024 ** 3);
    const run = await buildBook(dir);
    rmSync(path.join(dir, '02-huge.md'));
    expectFailure(run, {
      where: shown(path.join(dir, '02-huge.md')),
      says: 'cannot read the file (ERR_FS_FILE_TOO_LARGE)',
      hint: /read it/,
    });
  });
});

describe('4. an empty manuscript', () => {
  it('a folder whose only chapter is blank', async () => {
    const dir = book({ 'book.yaml': YAML, '01-blank.md': '\n   \n\t\n' });
    const run = await buildBook(dir);
    expectFailure(run, { where: shown(path.join(dir, '01-blank.md')), says: 'no text', hint: 'Write at least one paragraph' });
  });

  it('a folder with book.yaml and no .md files', async () => {
    const dir = book({ 'book.yaml': YAML, 'notes.rtf': 'jottings' });
    const run = await buildBook(dir);
    expectFailure(run, { where: shown(dir), says: 'no chapter files (*.md)', hint: '01-first.md' });
  });

  it('a folder whose only "chapter" is a folder named 01-x.md', async () => {
    const dir = book({ 'book.yaml': YAML, '01-x.md/readme': 'a folder, not a chapter' });
    const run = await buildBook(dir);
    expectFailure(run, { where: shown(dir), says: 'no chapter files (*.md)', hint: '01-first.md' });
  });

  it('an empty .txt, with title and author given', async () => {
    const dir = book({ 'pasted.txt': '' });
    const run = await buildBook(path.join(dir, 'pasted.txt'), '--title', 'Low Water', '--author', 'Wren Ashby');
    expectFailure(run, { where: shown(path.join(dir, 'pasted.txt')), says: 'no text', hint: 'Write at least one paragraph' });
  });

  it('an empty .txt without a title or author asks for both first', async () => {
    const dir = book({ 'pasted.txt': '' });
    const run = await buildBook(path.join(dir, 'pasted.txt'));
    const where = shown(path.join(dir, 'pasted.txt'));
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([`${where}: \`title\` is required`, `${where}: \`author\` is required`]);
    expect(run.infos.filter((m) => m.startsWith('  '))).toEqual([
      '  Add `title: …` to the metadata, or pass --title.',
      '  Add `author: …` to the metadata, or pass --author.',
    ]);
  });
});

describe('5. invalid YAML in book.yaml', () => {
  it.each([
    ['an item indented less than the one before', 'print:\n  trim: 6x9\n inner: 0.8in\n'],
    ['a tab used for indentation', 'print:\n  trim: 6x9\n\tinner: 0.8in\n'],
  ])('%s on line 3 is reported at book.yaml:3', async (_, head) => {
    const dir = book({ 'book.yaml': `${head}${YAML}`, '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    expectFailure(run, { where: `${shown(path.join(dir, 'book.yaml'))}:3:1`, says: 'invalid YAML', hint: 'indentation' });
  });

  it('an unclosed quote names book.yaml and a line', async () => {
    const dir = book({ 'book.yaml': 'title: "Low Water\nauthor: Wren Ashby\n', '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    // YAML only notices at the end of the file, so the line is not pinned here.
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/^\S*book\.yaml:\d+:\d+: invalid YAML: Missing closing "quote/);
    expect(run.errors[0]?.startsWith(shown(path.join(dir, 'book.yaml')))).toBe(true);
    expect(hintOf(run)).toContain('quotes');
  });
});

describe('6. metadata that breaks the schema', () => {
  it('a misspelt key names the key and its line, not the missing one', async () => {
    const dir = book({ 'book.yaml': 'author: Wren Ashby\ntitel: Low Water\n', '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    expectFailure(run, { where: `${shown(path.join(dir, 'book.yaml'))}:2:1`, says: 'unknown key `titel`', hint: 'spelling' });
  });

  it('an unknown key inside print: names the whole key path and its line', async () => {
    const dir = book({ 'book.yaml': `${YAML}print:\n  trim: 6x9\n  gutter: 1in\n`, '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    expectFailure(run, {
      where: `${shown(path.join(dir, 'book.yaml'))}:5:3`,
      says: 'unknown key `print.gutter`',
      hint: 'spelling',
    });
  });

  it('a language that is not a language tag names `language` and its line', async () => {
    const dir = book({ 'book.yaml': `${YAML}language: not a tag!\n`, '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    expectFailure(run, {
      where: `${shown(path.join(dir, 'book.yaml'))}:3:11`,
      says: '`language` must be a BCP 47 language tag',
      hint: '`language`',
    });
  });

  it('a missing title says it is required and suggests --title, which then works', async () => {
    const dir = book({ 'book.yaml': 'author: Wren Ashby\n', '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    expectFailure(run, { where: `${shown(path.join(dir, 'book.yaml'))}:1:1`, says: '`title` is required', hint: '--title' });
    const fixed = await buildBook(dir, '--title', 'Low Water');
    expect(fixed.code, fixed.errors.join('\n')).toBe(0);
  });

  it('a schema error in front matter is placed in the .md file (front matter starts on line 2)', async () => {
    const dir = book({ 'novella.md': `---\n${YAML}language: not a tag!\n---\n\n${CHAPTER}` });
    const run = await buildBook(path.join(dir, 'novella.md'));
    expectFailure(run, { where: `${shown(path.join(dir, 'novella.md'))}:4:11`, says: '`language`', hint: '`language`' });
  });

  it('an unknown key in front matter is placed in the .md file', async () => {
    const dir = book({ 'novella.md': `---\n${YAML}publsher: Tidewater\n---\n\n${CHAPTER}` });
    const run = await buildBook(path.join(dir, 'novella.md'));
    expectFailure(run, { where: `${shown(path.join(dir, 'novella.md'))}:4:1`, says: 'unknown key `publsher`', hint: 'spelling' });
  });

  it('invalid YAML in front matter is placed in the .md file', async () => {
    const dir = book({ 'novella.md': `---\n${YAML}print:\n  trim: 6x9\n inner: 0.8in\n---\n\n${CHAPTER}` });
    const run = await buildBook(path.join(dir, 'novella.md'));
    expectFailure(run, { where: `${shown(path.join(dir, 'novella.md'))}:6:1`, says: 'invalid YAML', hint: 'indentation' });
  });
});

describe('7. a missing image', () => {
  it('names the chapter, line 5 and the image path', async () => {
    const text = '# Low Water\n\nThe harbour map was pinned above the stove.\n\n![The harbour map](images/nope.png)\n';
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': text });
    const run = await buildBook(dir);
    expectFailure(run, {
      where: `${shown(path.join(dir, '01-low-water.md'))}:5:1`,
      says: 'image `images/nope.png` not found',
      hint: `Put the image at ${shown(path.join(dir, 'images', 'nope.png'))}`,
    });
  });

  it('a missing cover names book.yaml and the line of `cover:`', async () => {
    const dir = book({ 'book.yaml': `${YAML}cover: art/front.jpg\n`, '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    expectFailure(run, {
      where: `${shown(path.join(dir, 'book.yaml'))}:3:8`,
      says: 'image `art/front.jpg` not found',
      hint: 'fix the path',
    });
  });

  it('an image of a type readers cannot show names the chapter and line', async () => {
    const text = '# Low Water\n\n![The slipway](images/slip.bmp)\n';
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': text, 'images/slip.bmp': 'BM' });
    const run = await buildBook(dir);
    expectFailure(run, {
      where: `${shown(path.join(dir, '01-low-water.md'))}:3:1`,
      says: '`images/slip.bmp`',
      hint: 'PNG or JPEG',
    });
  });
});

describe('8. an image from outside the book', () => {
  it.each([
    ['a path that leaves the book folder', '../secret.png'],
    ['an absolute path', '/etc/hostname.png'],
  ])('%s is refused at its file:line', async (_, src) => {
    const parent = put(scratch(), { 'secret.png': 'private' });
    const dir = put(path.join(parent, 'book'), {
      'book.yaml': YAML,
      '01-low-water.md': `# Low Water\n\nA line of prose.\n\n![A picture](${src})\n`,
    });
    const run = await buildBook(dir);
    expectFailure(run, {
      where: `${shown(path.join(dir, '01-low-water.md'))}:5:1`,
      says: `image \`${src}\` is outside the book's folder`,
      hint: `Move the image into ${shown(dir)}`,
    });
  });

  /** A book whose chapter shows `src` on line 5, column 5; the build must refuse it there. */
  async function expectRemoteRefused(src: string) {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': `# Low Water\n\nA line.\n\nSee ![a gull](${src}) here.\n` });
    const run = await buildBook(dir);
    expectFailure(run, {
      where: `${shown(path.join(dir, '01-low-water.md'))}:5:5`,
      says: `image \`${src}\` is not a file in the book's folder`,
      hint: 'never fetches',
    });
  }

  it('a remote image is refused at its file:line and never fetched', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await expectRemoteRefused('https://example.com/x.png');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('a remote image on a server that counts requests gets none', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('not an image');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      await expectRemoteRefused(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x.png`);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
    expect(requests).toBe(0);
  });
});

describe('9. usage mistakes exit 2', () => {
  it('an unknown option', async () => {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER });
    const run = await galley('build', dir, '--nope');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--nope'");
    expect(run.stderr).toContain('galley --help');
  });

  it('a format Galley does not make', async () => {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER });
    const out = path.join(scratch(), 'dist');
    const run = await galley('build', dir, '--out', out, '--format', 'docx');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"docx"');
    expect(run.stderr).toContain('expected epub, pdf or epub,pdf');
    expect(run.stderr).toContain('galley --help');
    expect(existsSync(out)).toBe(false);
  });
});

describe('10. a failed build leaves the output folder as it was', () => {
  it('a good build, then a broken one into the same folder: same files, same bytes, no temp files', async () => {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER });
    const out = path.join(scratch(), 'dist');
    const first = await buildBook(dir, '--out', out);
    expect(first.code, first.errors.join('\n')).toBe(0);
    const before = snapshot(out);
    expect([...before.keys()]).toEqual(['low-water.epub']);

    put(dir, { '02-storm.md': '# Storm\n\nThe wind took the shutters first.\n\n![The storm](images/storm.png)\n' });
    const second = await buildBook(dir, '--out', out);
    expectFailure(second, {
      where: `${shown(path.join(dir, '02-storm.md'))}:5:1`,
      says: 'images/storm.png',
      hint: 'fix the path',
    });
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a target blocked by a folder fails at the write, names the output folder and cleans up', async () => {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER });
    const out = put(path.join(scratch(), 'dist'), { 'low-water.epub/keep.txt': 'in the way' });
    const run = await buildBook(dir, '--out', out);
    expectFailure(run, { where: shown(out), says: 'could not write the output', hint: 'writable' });
    expect(readdirSync(out)).toEqual(['low-water.epub']);
    expect(readFileSync(path.join(out, 'low-water.epub', 'keep.txt'), 'utf8')).toBe('in the way');
  });
});

describe('11. no browser for the PDF', () => {
  it.each([['pdf'], ['epub,pdf']])('--browser /no/such/chrome with --format %s fails and writes nothing', async (format) => {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER });
    const out = path.join(scratch(), 'dist');
    const run = await galley('build', dir, '--out', out, '--format', format, '--browser', '/no/such/chrome');
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['no browser at /no/such/chrome']);
    expect(hintOf(run)).toContain('--browser');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('a --browser that exists but is not a browser fails and writes nothing', async () => {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': CHAPTER });
    const out = path.join(scratch(), 'dist');
    const run = await galley('build', dir, '--out', out, '--format', 'epub,pdf', '--browser', '/bin/false');
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/^could not start the browser at \/bin\/false/);
    expect(hintOf(run)).toContain('--browser');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

/** Nothing the CLI said reads as a crash: no stack frame, no "bug", no internal error name. */
function expectNoCrash(run: Run): void {
  const said = [...run.errors, ...run.infos, run.stdout, run.stderr].join('\n');
  expect(said).not.toMatch(/\bbug\b|^\s+at \S|RangeError|ReferenceError|TypeError|unexpected failure/im);
}

describe('12. every problem in book.yaml at once', () => {
  const yaml = 'title: 42\nauthor: Wren Ashby\ntittle: Low Water\nlanguage: english\ndate: 2026-02-30\n';

  it('one error line per problem, each with its place and a hint, exit 1', async () => {
    const dir = book({ 'book.yaml': yaml, '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    const where = shown(path.join(dir, 'book.yaml'));
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      `${where}:1:8: \`title\` must be text; got a number (42)`,
      `${where}:3:1: unknown key \`tittle\` (did you mean \`title\`?)`,
      `${where}:4:11: \`language\` must be a BCP 47 language tag such as en, en-GB, fr or pt-BR; for English write \`en\`; got "english"`,
      `${where}:5:7: \`date\` has day 30; February 2026 has 28 days; got "2026-02-30"`,
    ]);
    expect(run.infos.filter((m) => /^ {2}\S/.test(m))).toHaveLength(4);
    expectNoCrash(run);
  });

  it('front matter in a single .md file gets the same report, placed in the .md file', async () => {
    const dir = book({ 'novella.md': `---\n${yaml}---\n\n${CHAPTER}` });
    const run = await buildBook(path.join(dir, 'novella.md'));
    const where = shown(path.join(dir, 'novella.md'));
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.slice(0, e.indexOf(': ')))).toEqual([
      `${where}:2:8`,
      `${where}:4:1`,
      `${where}:5:11`,
      `${where}:6:7`,
    ]);
  });

  it('`galley check` reports them the same way', async () => {
    const dir = book({ 'book.yaml': yaml, '01-low-water.md': CHAPTER });
    const run = await galley('check', dir);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(4);
    expectNoCrash(run);
  });

  it('pandoc’s lang and cover-image are taken', async () => {
    const dir = book({ 'book.yaml': `${YAML}lang: en-GB\n`, '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    expect(run.code, run.errors.join('\n')).toBe(0);
  });
});

describe('13. input that would exhaust Galley', () => {
  it('a YAML alias bomb names the alias that multiplies', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    const dir = book({ 'book.yaml': `${YAML}${levels.join('\n')}\n`, '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    expectFailure(run, {
      where: `${shown(path.join(dir, 'book.yaml'))}:5:8`,
      says: 'YAML aliases here copy values too many times',
      hint: 'Write the values out in full',
    });
    expectNoCrash(run);
  });

  it('an alias without its anchor in front matter is placed in the .md file', async () => {
    const dir = book({ 'novella.md': `---\n${YAML}a: &a [x, x]\nb: &b [*a, *a]\nc: *nope\n---\n\n${CHAPTER}` });
    const run = await buildBook(path.join(dir, 'novella.md'));
    expectFailure(run, {
      where: `${shown(path.join(dir, 'novella.md'))}:6:4`,
      says: 'the alias `*nope` names no',
      hint: '`&nope`',
    });
  });

  it.each([
    ['block quotes', `${'> '.repeat(10_000)}deep`, '3:201'],
    ['emphasis', `${'*'.repeat(10_000)}deep${'*'.repeat(10_000)}`, '3:201'],
    ['<span> elements', `${'<span>'.repeat(10_000)}deep${'</span>'.repeat(10_000)}`, '3:601'],
    ['a list', Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'), '103:201'],
  ])('%s nested 10,000 levels deep stop at the place the limit is passed', async (_, deep, place) => {
    const dir = book({ 'book.yaml': YAML, '01-low-water.md': `# Low Water\n\n${deep}\n` });
    const run = await buildBook(dir);
    expectFailure(run, {
      where: `${shown(path.join(dir, '01-low-water.md'))}:${place}`,
      says: /is nested 101 levels deep; Galley reads at most 100$/,
      hint: 'Nest fewer',
    });
    expectNoCrash(run);
  });

  it('a 10,000-character title builds, into a file named with at most 80 characters of it', async () => {
    const title = 'The Long Tide '.repeat(715).trim();
    const dir = book({ 'book.yaml': `title: ${title}\nauthor: Wren Ashby\n`, '01-low-water.md': CHAPTER });
    const run = await buildBook(dir);
    expect(run.code, run.errors.join('\n')).toBe(0);
    const [name] = readdirSync(run.out);
    expect(name).toMatch(/^the-long-tide(-[a-z]+)*\.epub$/);
    expect((name as string).length).toBeLessThanOrEqual(80 + '.epub'.length);
    expect(await epubText(path.join(run.out, name as string))).toContain('The Long Tide The Long Tide');
  });
});
