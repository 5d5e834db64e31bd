/**
 * No text lost in the metadata's Markdown (issue 10, part 2): a dedication, an epigraph, the
 * acknowledgements, about the author … are typeset through the same pieces as a chapter, so the
 * same input gives the same safety there — a construct left open stops the build, an unknown tag
 * is text, a definition nothing uses and an extra table cell are kept — and each problem is
 * reported at its line and column in book.yaml (or the front matter).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.ts';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { GalleyError } from '../src/errors.ts';
import { tempDir } from './helpers/tmp.ts';
import { epubcheck, epubText, missingWords, pdfText } from './helpers/tools.ts';

/** A folder book with this book.yaml after its title and author (lines 1 and 2). */
function folder(yaml: string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.yaml'), `title: Kept\nauthor: Galley Tests\n${yaml}\n`);
  writeFileSync(path.join(dir, '01.md'), '# One\n\nText.\n');
  return dir;
}

async function matter(yaml: string) {
  const dir = folder(yaml);
  const { book, diagnostics } = await typeset({ input: dir, cwd: dir });
  const html = (kind: string) => [...book.front, ...book.back].find((s) => s.kind === kind)?.html ?? '';
  return { html, notes: diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`) };
}

async function errorOf(input: string, cwd: string): Promise<GalleyError> {
  const error = await typeset({ input, cwd }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GalleyError)) throw new Error(`expected a GalleyError, got ${String(error)}`);
  return error;
}

describe('constructs left open in the metadata stop the build, at their place in book.yaml', () => {
  it.each([
    [
      'a comment in the acknowledgements',
      'acknowledgements: |\n  Thanks.\n\n  <!-- left open\n\n  More.',
      '6:3',
      /`<!--` is never closed/,
    ],
    ['a <style> in a folded value', 'about-the-author: >\n  She lives by\n  the sea <style> and\n  writes.', '5:11', /`<style>`/],
    ['a fence in the epigraph', 'epigraph:\n  text: |\n    ```\n    never closed', '5:5', /code block/],
    ['a <textarea> in a dedication', 'dedication: "For <textarea> you"', '3:18', /`<textarea>`/],
    ['a <pre> block in also-by', 'also-by: |\n  <pre>\n  The First', '4:3', /`<pre>`/],
  ])('%s', async (_name, yaml, place, message) => {
    const dir = folder(yaml);
    const error = await errorOf(dir, dir);
    expect(error.location).toBe(`book.yaml:${place}`);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^in `[a-z-.]+`: /);
    expect(error.hint).toBeTruthy();
  });

  it("in a single file's front matter, at the file's own line", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'book.md');
    writeFileSync(file, '---\ntitle: Kept\nauthor: Galley Tests\ndedication: For <style> you\n---\n\n# One\n\nText.\n');
    expect((await errorOf(file, dir)).location).toBe('book.md:4:17');
  });

  it('galley check lists them with the chapters’ problems', async () => {
    const dir = folder('dedication: For <style> you\nacknowledgements: A <script> b');
    const result = await check({ input: dir, cwd: dir });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.severity}`)).toEqual([
      'book.yaml:3:17 html/unclosed error',
      'book.yaml:4:21 html/unclosed error',
    ]);
  });
});

describe('the metadata keeps its words as a chapter does', () => {
  it('an unknown tag is text, a removed element keeps its text, the epigraph attribution too', async () => {
    const { html, notes } = await matter(
      'dedication: He said <grin> and left.\nepigraph:\n  text: Time <button>waits</button> for no one.\n  attribution: A <textarea>proverb</textarea>',
    );
    expect(html('dedication')).toContain('<p>He said &#x3C;grin> and left.</p>');
    expect(html('epigraph')).toContain('<p>Time waits for no one.</p>');
    expect(html('epigraph')).toContain('— A proverb');
    expect(notes).toEqual(['book.yaml:5:14 html/removed', 'book.yaml:6:18 html/removed']);
  });

  it('a definition nothing uses, an extra table cell, a scene-break line typed as a fence', async () => {
    const { html, notes } = await matter(
      'about-the-author: |\n  She lives by the sea.\n\n  ~~~ ~~~\n\n  She writes.\n\n  [spare]: https://example.com\n\n  | a |\n  |---|\n  | b | c |',
    );
    const page = html('about-the-author');
    expect(page).toContain('<hr class="scene-break">');
    expect(page).toContain('<p>[spare]: https://example.com</p>');
    expect(page).toContain('<td>c</td>');
    expect(notes.sort()).toEqual(['book.yaml:10:3 link/unused-definition', 'book.yaml:14:7 table/extra-cells']);
  });

  it('a dedication of two paragraphs keeps both; a title of two keeps both, a line apart', async () => {
    const { html } = await matter('dedication: |\n  For A.\n\n  And for B.\nsubtitle: |\n  One\n\n  Two');
    expect(html('dedication')).toMatch(/<p>For A\.<\/p>\s*<p>And for B\.<\/p>/);
    expect(html('titlepage')).toContain('<p class="subtitle">One<br>Two</p>');
  });

  it("follows the book's typographic settings", async () => {
    const { html } = await matter('typography:\n  quotes: false\ndedication: For "you".');
    expect(html('dedication')).toContain('For "you".');
  });

  it('reports a title set twice (title page, copyright page) once', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.yaml'), 'title: The <button>Lamps</button>\nauthor: Galley Tests\n');
    writeFileSync(path.join(dir, '01.md'), '# One\n\nText.\n');
    const { diagnostics } = await typeset({ input: dir, cwd: dir });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(['1:12 html/removed']);
  });

  it('an image in the metadata is looked for from its place in book.yaml', async () => {
    const dir = folder('about-the-author: |\n  A photo:\n\n  ![The author](images/me.png)');
    mkdirSync(path.join(dir, 'images'));
    const result = await check({ input: dir, cwd: dir });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['book.yaml:6:3 image/missing']);
  });

  it('a title from the command line has no place in book.yaml', async () => {
    const dir = folder('');
    const { diagnostics } = await typeset({ input: dir, cwd: dir, overrides: { title: 'A <button>B</button>' } });
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['book.yaml:undefined html/removed']);
  });

  it('in a built book: the EPUB passes EPUBCheck, and the EPUB and the PDF hold every word (<details> printed open)', async () => {
    const dir = folder(
      [
        'dedication: |',
        '  <details><summary>For Ada</summary>who kept the lamps.</details>',
        'epigraph:',
        '  text: Time <button>waits</button> for no one.',
        '  attribution: A <textarea>harbour proverb</textarea>',
        'acknowledgements: |',
        '  Thanks to <grin> the keepers.',
        '',
        '  <svg viewBox="0 0 9 9"><text x="1">Lantern Hill</text></svg>',
        '',
        '  [spare]: https://example.com',
      ].join('\n'),
    );
    const { files } = await build({ input: dir, out: path.join(dir, 'out'), cwd: dir });
    const epub = files.find((f) => f.format === 'epub')?.path as string;
    const pdf = files.find((f) => f.format === 'pdf')?.path as string;
    const result = await epubcheck(epub);
    expect(result.clean, result.output).toBe(true);
    const expected =
      'For Ada who kept the lamps. Time waits for no one. A harbour proverb Thanks to <grin> the keepers. Lantern Hill [spare]: https://example.com';
    expect(missingWords(expected, await epubText(epub))).toEqual([]);
    expect(missingWords(expected, await pdfText(pdf))).toEqual([]);
  });
});
