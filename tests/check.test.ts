/**
 * `galley check`: each rule finds what it should (at the right line and column) and nothing
 * else, can be turned off or given another severity in book.yaml, and the command prints
 * `file:line:col  rule-id  message`, a summary, and exits 1 only on errors. `--fixes` lists the
 * typographic pass's changes with their places.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check/check.ts';
import { CHECK_RULES } from '../src/check/rule-ids.ts';
import { runCheck } from '../src/check/run.ts';
import { GalleyError } from '../src/errors.ts';
import { REPO, tempDir } from './helpers/tmp.ts';

const FRONT = '---\ntitle: Checked\nauthor: Galley Tests\n---\n\n';
/** A 1 × 1 PNG: far too small for print (print/low-resolution). */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/**
 * The image the texts refer to (check loads them, as a build does): 1800 px across, so that on
 * the default 5.5 × 8.5 in page (a text block under 4.5 in wide) it prints at over 300 ppi and
 * only the rule a test is about speaks.
 */
let PNG: Buffer;
beforeAll(async () => {
  PNG = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#468' } })
    .png()
    .toBuffer();
});

/** Writes a single-file manuscript (front matter + body) and checks it. */
async function checkText(body: string, frontMatter = '', image = PNG) {
  const dir = tempDir();
  const file = path.join(dir, 'book.md');
  writeFileSync(file, `---\ntitle: Checked\nauthor: Galley Tests\n${frontMatter}---\n\n${body}`);
  writeFileSync(path.join(dir, 'map.png'), image);
  const result = await check({ input: file, cwd: dir, fixes: true });
  return { ...result, found: result.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.severity}`) };
}

/** Line of the body's first line in the checked file (after the five-line front matter). */
const L = (n: number) => n + 5;

describe('check rules', () => {
  it('typo/unmatched-quote: a quotation never closed, or closed without opening', async () => {
    const open = await checkText('"Never closed, she said.\n\nThe next paragraph is narration, "with its own quote."\n');
    expect(open.found).toEqual([`${L(1)}:1 typo/unmatched-quote warning`]);
    const close = await checkText('She said it." Then she left.\n');
    expect(close.found).toEqual([`${L(1)}:13 typo/unmatched-quote warning`]);
  });

  it('typo/unmatched-quote: speech over several paragraphs, or a letter closed in its last paragraph, is fine', async () => {
    const speech = '"The first part of a long speech.\n\n"The second part," she ended.\n';
    const letter = '> "Dear Ada,\n>\n> The pears are ripe.\n>\n> Yours, Ben."\n';
    expect((await checkText(speech)).found).toEqual([]);
    expect((await checkText(letter)).found).toEqual([]);
  });

  it('typo/undecided-mark: a mark the pass could not decide', async () => {
    const { found } = await checkText('"They took \'Kaiser twice," he said. A"b is odd.\n');
    // The undecided mark in A"b was taken as an opening quote, which then never closes.
    expect(found).toEqual([
      `${L(1)}:12 typo/undecided-mark warning`,
      `${L(1)}:38 typo/undecided-mark warning`,
      `${L(1)}:48 typo/unmatched-quote warning`,
    ]);
  });

  it('typo/missing-space: a sentence end with no space, not abbreviations, decimals or URLs', async () => {
    const { found } = await checkText(
      'She went home.Then she slept. Was it late?Yes.\n\nBut e.g. this, the U.S. Navy, a Ph.D. thesis, 3.14 and https://example.com/Index.Html are fine.\n',
    );
    expect(found).toEqual([`${L(1)}:15 typo/missing-space warning`, `${L(1)}:43 typo/missing-space warning`]);
  });

  it('typo/repeated-word: the same word twice, across emphasis, but not "had had"', async () => {
    const { found } = await checkText('He saw the *the* sign. She had had enough of of it.\n');
    expect(found).toEqual([`${L(1)}:13 typo/repeated-word warning`, `${L(1)}:46 typo/repeated-word warning`]);
  });

  it('scene/unknown-marker: a line of only punctuation that is not a marker', async () => {
    const { found } = await checkText('A scene.\n\n...\n\nAnother.\n\n* * *\n\n"..."\n\nThe end.\n');
    expect(found).toEqual([`${L(3)}:1 scene/unknown-marker warning`]);
  });

  it('image/missing-alt: an image without a description is an error', async () => {
    const { found, errors } = await checkText('A map.\n\n![](map.png)\n\n![A map of the bay](map.png)\n');
    expect(found).toEqual([`${L(3)}:1 image/missing-alt error`]);
    expect(errors).toBe(1);
  });

  it('print/low-resolution: an image that prints at under 300 ppi, at its place', async () => {
    const { found, diagnostics } = await checkText('A map.\n\n![A map of the bay](map.png)\n', '', TINY_PNG);
    expect(found).toEqual([`${L(3)}:1 print/low-resolution warning`]);
    expect(diagnostics[0]?.message).toMatch(/^`map\.png` prints at \d+ ppi \(1 × 1 px on /);
  });

  it('structure/heading-skip: a heading that skips a level', async () => {
    const { found } = await checkText('# One\n\nText.\n\n### Too Deep\n\nText.\n\n## Fine\n\n### Also Fine\n\nText.\n');
    expect(found).toEqual([`${L(5)}:1 structure/heading-skip warning`]);
  });

  it('structure/empty-chapter: a chapter with a title and no text; a part title is fine', async () => {
    const { found } = await checkText('# Part One\n\n# Empty\n\n# Full\n\nText.\n', 'parts: [Part One]\n');
    expect(found).toEqual([`${L(4)}:1 structure/empty-chapter error`]);
  });

  it('scene/stray-break is reported too', async () => {
    const { found } = await checkText('# One\n\n* * *\n\nText.\n');
    expect(found).toEqual([`${L(3)}:1 scene/stray-break warning`]);
  });

  it('finds nothing in clean prose', async () => {
    const { diagnostics } = await checkText(
      "# The Quay\n\n\"Come in,\" she said. It's the Harrisons' boat--rock 'n' roll, the '90s...\n\n* * *\n\nMr. Vey waited.\n",
    );
    expect(diagnostics).toEqual([]);
  });
});

describe('check on directives', () => {
  it('takes a directive container’s fences for its own, not for scene-break markers', async () => {
    const { diagnostics } = await checkText(':::verse\nThe tide came in,\nthe tide went out.\n:::\n\nAfter the verse.\n');
    expect(diagnostics).toEqual([]);
  });

  it('finds nothing in the sample book (its verse, letter, chat and epigraph are fiction elements)', async () => {
    const { diagnostics } = await check({ input: 'manuscript', cwd: REPO });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([]);
  });
});

describe('check settings', () => {
  it('turns a rule off, or changes its severity, from the front matter', async () => {
    const text = 'He saw the the sign.\n\n![](map.png)\n';
    const off = await checkText(text, 'check:\n  rules:\n    typo/repeated-word: off\n    image/missing-alt: warning\n');
    expect(off.found).toEqual([`${L(3) + 4}:1 image/missing-alt warning`]);
    expect(off.errors).toBe(0);
    const raised = await checkText(text, 'check:\n  rules:\n    typo/repeated-word: error\n');
    expect(raised.errors).toBe(2);
  });

  it('rejects an unknown rule id, pointing at the key', async () => {
    const error = await checkText('Text.\n', 'check:\n  rules:\n    typo/no-such-rule: off\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GalleyError);
    expect((error as GalleyError).message).toMatch(/unknown key `check\.rules\.typo\/no-such-rule`/);
    expect((error as GalleyError).place).toEqual({ line: 6, column: 5 });
  });
});

describe('check places', () => {
  it('points into the right chapter file of a folder, after its own lines', async () => {
    const dir = tempDir();
    const book = path.join(dir, 'book');
    mkdirSync(book);
    writeFileSync(path.join(book, 'book.yaml'), 'title: Folder\nauthor: Galley Tests\n');
    writeFileSync(path.join(book, '01-first.md'), '# First\n\nClean text.\n');
    writeFileSync(path.join(book, '02-second.md'), '# Second\n\nSome text.\n\nA line with *the the* words.\n');
    const result = await check({ input: 'book', cwd: dir });
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([
      [path.join('book', '02-second.md'), 5, 18, 'typo/repeated-word'],
    ]);
  });

  it('points into a plain text file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'story.txt'), 'First line\nof a paragraph with the the error.\n');
    const result = await check({ input: 'story.txt', cwd: dir, overrides: { title: 'T', author: 'A' } });
    expect(result.diagnostics.map((d) => [d.line, d.column, d.ruleId])).toEqual([[2, 25, 'typo/repeated-word']]);
  });
});

describe('check --fixes', () => {
  it('lists every change of the typographic pass with its place', async () => {
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const fixes: string[] = [];
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.md'), `${FRONT}"Hi" -- there...\n`);
    const code = await runCheck({ input: path.join(dir, 'book.md'), fixes: true, logger: log, write: (l) => fixes.push(l) });
    expect(code).toBe(0);
    const file = path.relative(process.cwd(), path.join(dir, 'book.md'));
    expect(fixes).toEqual([
      `${file}:6:1  fix/quote  " → “`,
      `${file}:6:4  fix/quote  " → ”`,
      `${file}:6:5  fix/dash  [space]--[space] → —`,
      `${file}:6:14  fix/ellipsis  ... → …`,
    ]);
    expect(lines).toContain('checked 1 file: no problems');
  });
});

describe('galley check (the command)', () => {
  const bin = path.join(REPO, 'bin', 'galley.js');
  const galley = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });

  it('prints file:line:col  rule-id  message and a summary on stderr, and exits 1 on errors', () => {
    const dir = tempDir();
    const file = path.join(dir, 'book.md');
    writeFileSync(file, `${FRONT}He saw the the sign.\n\n![](map.png)\n`);
    writeFileSync(path.join(dir, 'map.png'), PNG);
    const result = galley('check', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^warning .*book\.md:6:12 {2}typo\/repeated-word {2}“the” twice in a row$/m);
    expect(result.stderr).toMatch(/^error .*book\.md:8:1 {2}image\/missing-alt {2}image without a text alternative/m);
    expect(result.stderr).toMatch(/^checked 1 file: 1 error, 1 warning$/m);
  });

  it('exits 0 when there are only warnings, and lists fixes on stdout with --fixes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'book.md');
    writeFileSync(file, `${FRONT}He saw the the sign--twice.\n`);
    const result = galley('check', file, '--fixes');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/book\.md:6:20 {2}fix\/dash {2}-- → —\n$/);
    expect(result.stderr).toMatch(/checked 1 file: 0 errors, 1 warning/);
  });

  it('is listed in the help', () => {
    expect(galley('--help').stdout).toContain('check [options] [input]');
  });
});

describe('the rule table', () => {
  it('is the one README documents: every rule in a row of its check tables, and no other', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Checking a manuscript'), readme.indexOf('### The live preview'));
    const documented = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...(line.split(' | ')[0] ?? '').matchAll(/`([a-z]+\/[a-z-]+)`/g)].map((m) => m[1]));
    expect(documented.sort()).toEqual(Object.keys(CHECK_RULES).sort());
  });
});
