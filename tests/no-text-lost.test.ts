/**
 * No text lost (issue 10, part 2): each construct that used to swallow text with exit 0 either
 * keeps every word — typeset, with a warning where its form changed — or stops the build with a
 * GalleyError at the file:line:col where it opens, saying what to do. `galley check` reports the
 * same, and everything else a build would.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.ts';
import { CHECK_RULES } from '../src/check/rule-ids.ts';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { GalleyError } from '../src/errors.ts';
import { FIXTURES, tempDir } from './helpers/tmp.ts';
import { epubcheck, epubText, missingWords, pdfText } from './helpers/tools.ts';

const FRONT = '---\ntitle: Kept\nauthor: Galley Tests\n---\n\n';
/** The line in the file of the body's line n (after the five lines of front matter). */
const L = (n: number) => n + 5;

function writeBook(body: string, front = FRONT): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'book.md');
  writeFileSync(file, front + body);
  return { dir, file };
}

async function typesetBody(body: string) {
  const { dir, file } = writeBook(body);
  const { book, diagnostics } = await typeset({ input: file, cwd: dir });
  const html = book.body.map((s) => s.html).join('\n');
  const text = html
    .replace(/<\/?(?:p|section|h\d|li|pre|div|aside|table|tr|td|th|thead|tbody|br|hr)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x3C;/g, '<')
    .replace(/\s+/g, ' ')
    .trim();
  return { book, html, text, notes: diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.severity}`) };
}

/** The GalleyError typesetting gives (the test fails when there is none). */
async function errorOf(body: string): Promise<GalleyError> {
  const { dir, file } = writeBook(body);
  try {
    await typeset({ input: file, cwd: dir });
  } catch (error) {
    if (error instanceof GalleyError) return error;
    throw error;
  }
  throw new Error('expected the build to stop with a GalleyError');
}

describe('constructs left open stop the build where they open', () => {
  it.each([
    ['an unclosed comment', 'Before.\n\n<!-- a draft note\n\nAfter.\n\n# Two\n\nMore.\n', 3, 1, /`<!--` is never closed/, /-->/],
    ['an unclosed <style>', 'Before.\n\n<style>\np { color: red }\n\nAfter.\n', 3, 1, /`<style>` is never closed/, /<\/style>/],
    ['an unclosed <pre>', 'Before.\n\n<pre>\nIf x <y then we go.\n\nAfter.\n', 3, 1, /`<pre>` is never closed/, /<\/pre>/],
    ['an unclosed <script>', 'Before.\n\n  <script>\nlet a = 1;\n', 3, 3, /`<script>` is never closed/, /<\/script>/],
    ['an unclosed <textarea>', 'Before.\n\n<textarea>\nDear diary.\n', 3, 1, /`<textarea>` is never closed/, /<\/textarea>/],
    ['an unclosed <?', 'Before.\n\n<?php echo 1;\n\nAfter.\n', 3, 1, /`<\?` is never closed/, /\?>/],
    ['an unclosed <!DOCTYPE', 'Before.\n\n<!DOCTYPE html\n\nAfter.\n', 3, 1, /`<!` is never closed/, />/],
    ['an unclosed CDATA', 'Before.\n\n<![CDATA[ raw\n\nAfter.\n', 3, 1, /`<!\[CDATA\[` is never closed/, /\]\]>/],
    ['an unclosed ``` fence', 'Before.\n\n```\ncode\n\n# Two\n\nAfter.\n', 3, 1, /never closed/, /```/],
    ['an unclosed ~~~ js fence', 'Before.\n\n~~~ js\nlet a;\n', 3, 1, /never closed/, /~~~/],
    [
      'a comment closed past a chapter',
      'A.\n\n<!-- todo\n\n# Two\n\nText. -->\n',
      3,
      1,
      /past the chapter heading on line 10/,
      /-->/,
    ],
    [
      'a comment left open before the next',
      'A.\n\n<!-- todo\n\nText. <!-- fix -->\n',
      3,
      1,
      /before the next `<!--` on line 10/,
      /-->/,
    ],
    [
      'a fence closed past a chapter',
      'A.\n\n```\nnot code\n\n# Two\n\nText.\n```\n',
      3,
      1,
      /past the chapter heading/,
      /language/,
    ],
    ['an inline <style> left open', 'He said <style> and left.\n\nNext.\n', 1, 9, /`<style>` is never closed/, /\\<style>/],
    [
      'an <iframe> left open in a block',
      '<div>\nA <iframe> b\n</div>\n\n<div>\nC <iframe>x</iframe>\n</div>\n',
      2,
      3,
      /`<iframe>`/,
      /<\/iframe>/,
    ],
    [
      'an <iframe> opening a block, closed only in a later one',
      'A.\n\n<iframe>\nfoo\n\n<div>\nbar</iframe>\n</div>\n',
      3,
      1,
      /`<iframe>`/,
      /<\/iframe>/,
    ],
    ['a comment left open in a block', '<div>\nA <!-- b\n</div>\n\nMore.\n', 2, 3, /`<!--`/, /-->/],
  ])('%s', async (_name, body, line, column, message, hint) => {
    const error = await errorOf(body);
    expect(error.code).toBe('TEXT_WOULD_BE_LOST');
    expect(error.location).toBe(`book.md:${L(line)}:${column}`);
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  it('names the chapter file of a folder, at its own line', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.yaml'), 'title: Kept\nauthor: Galley Tests\n');
    writeFileSync(path.join(dir, '01-one.md'), '# One\n\nText.\n');
    writeFileSync(path.join(dir, '02-two.md'), '# Two\n\nText.\n\n<!-- left open\n\nThe rest of the chapter.\n');
    const error = await typeset({ input: dir, cwd: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GalleyError);
    expect((error as GalleyError).location).toBe('02-two.md:5:1');
  });

  it('leaves closed constructs alone: a comment, a fence with # lines and a language, <pre>', async () => {
    const { text, notes } = await typesetBody(
      'One <!-- an aside --> two.\n\n<!-- a note\nover lines -->\n\n```sh\n# install\nmake\n```\n\n<pre>\nIf x <y then we go.\n# a comment\n</pre>\n',
    );
    expect(text).toBe('One two. # install make If x <y then we go. # a comment');
    expect(notes).toEqual([]);
  });
});

describe('scene-break lines typed as fences', () => {
  it.each(['~~~ ~~~', '~~~ * ~~~', '~~~~~~'])('%s is a scene break, and the next chapter is a chapter', async (marker) => {
    const { html, book } = await typesetBody(`Dusk.\n\n${marker}\n\nDawn.\n\n# Later\n\nThree.\n`);
    expect(html).toContain('<p>Dusk.</p><hr class="scene-break"><p class="flush">Dawn.</p>');
    // The text before the first heading is an untitled chapter, listed by its number in words.
    expect(book.body.map((s) => s.title)).toEqual(['One', 'Later']);
  });

  it('a fence with a marker for its info string and code up to a close is still code', async () => {
    const { html } = await typesetBody('One.\n\n~~~ ~~~\ncode here\n~~~\n\nTwo.\n');
    expect(html).toContain('<pre><code class="language-~~~">code here\n</code></pre>');
  });
});

describe('unknown tags are text', () => {
  it('keeps <grin>, <sigh> and <3 in prose, and on a line of their own', async () => {
    const { text, notes } = await typesetBody('He said <grin> and left. I <3 you.\n\n<sigh>\nShe *laughed*.\n\nDear <Name>,\n');
    expect(text).toBe('He said <grin> and left. I <3 you. <sigh> She laughed. Dear <Name>,');
    expect(notes).toEqual([]);
  });

  it('keeps a stray < and an unknown tag inside an HTML block', async () => {
    const { html } = await typesetBody('<div>\nIf x <y then we go. He said <grin> and <b>left</b>.\n</div>\n');
    expect(html).toContain('If x &#x3C;y then we go. He said &#x3C;grin> and <b>left</b>.');
  });

  it('still treats known elements as HTML, and reports what it removes', async () => {
    const { html, notes } = await typesetBody('A <span class="x">word</span> and <font>this</font>.\n');
    expect(html).toContain('<span class="x">word</span> and this.');
    expect(notes).toEqual([`${L(1)}:35 html/removed warning`]);
  });
});

describe('HTML where EPUB does not let it stand', () => {
  it('a <p> inside <pre> becomes a <span>, with a warning', async () => {
    const { html, notes } = await typesetBody('<pre>\n<p>para</p>\n</pre>\n\n<div><li>item</li></div>\n');
    expect(html).toContain('<pre><span>para</span>\n</pre>');
    expect(html).toContain('<div><div>item</div></div>');
    expect(notes).toEqual([`${L(2)}:1 html/misnested warning`, `${L(5)}:6 html/misnested warning`]);
  });
});

describe('tables, notes and definitions keep their text', () => {
  it('widens a table for a row with more cells than its header', async () => {
    const { html, notes } = await typesetBody('| a | b |\n|---|---|\n| one | two | three |\n');
    expect(html).toMatch(/<th>b<\/th>\s*<th><\/th>/);
    expect(html).toContain('<td>three</td>');
    expect(notes).toEqual([`${L(3)}:13 table/extra-cells warning`]);
  });

  it('keeps a footnote nothing calls where it stands, and a second note of the same label', async () => {
    const { html, notes } = await typesetBody(
      'Text[^a].\n\n[^a]: The called note.\n\n[^a]: A second one.\n\n[^b]: Never called.\n',
    );
    expect(html).toContain('<aside class="note">\n<p>A second one.</p>\n</aside>');
    expect(html).toContain('<aside class="note">\n<p>Never called.</p>\n</aside>');
    expect(html).toContain('The called note.');
    expect(notes).toEqual([`${L(5)}:1 footnote/duplicate warning`, `${L(7)}:1 footnote/uncalled warning`]);
  });

  it('keeps a link definition no link uses as text, but hides the [//]: # comment idiom', async () => {
    const { text, notes } = await typesetBody(
      'A [used][u] link.\n\n[u]: https://example.com\n[spare]: https://example.org "Spare"\n\n[//]: # (a comment)\n',
    );
    expect(text).toBe('A used link. [spare]: https://example.org “Spare”');
    expect(notes).toEqual([`${L(4)}:1 link/unused-definition warning`]);
  });
});

describe('line endings', () => {
  it.each([
    ['CR', '\r'],
    ['CRLF', '\r\n'],
  ])('reads a file with %s line endings, with the right line numbers', async (_name, eol) => {
    const dir = tempDir();
    const file = path.join(dir, 'book.md');
    writeFileSync(file, ['---', 'title: Ends', 'author: Galley Tests', '---', '', 'One', 'line.', '', '<!-- open', ''].join(eol));
    const error = await typeset({ input: file, cwd: dir }).then(
      () => undefined,
      (e: unknown) => e as GalleyError,
    );
    expect(error?.location).toBe('book.md:9:1');
    writeFileSync(file, ['---', 'title: Ends', 'author: Galley Tests', '---', '', 'One', 'line.', '', 'Two.', ''].join(eol));
    const { book } = await typeset({ input: file, cwd: dir });
    expect(book.config.title).toBe('Ends');
    expect(book.body[0]?.html).toBe('<section class="chapter" id="chapter-1"><p>One\nline.</p><p>Two.</p></section>');
  });
});

describe("a folder's chapter files", () => {
  function folder(chapter: string): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.yaml'), 'title: Kept\nauthor: Galley Tests\n');
    writeFileSync(path.join(dir, '01-one.md'), chapter);
    return dir;
  }

  it('stops when text stands between a first-line --- and the next ---', async () => {
    const dir = folder('---\nThe morning came.\n\nShe left.\n---\n\nText.\n');
    const error = await typeset({ input: dir, cwd: dir }).then(
      () => undefined,
      (e: unknown) => e as GalleyError,
    );
    expect(error?.location).toBe('01-one.md:1:1');
    expect(error?.hint).toMatch(/Delete the `---` on the first line/);
  });

  it("notes front matter of keys, which is not read, and keeps the chapter's text", async () => {
    const dir = folder('---\ntitle: The Storm\ntags: [draft]\n---\n\n# Two\n\nMore.\n');
    const { book, diagnostics } = await typeset({ input: dir, cwd: dir });
    expect(book.body[0]?.html).toBe('<section class="chapter" id="two"><h1>Two</h1><p class="flush">More.</p></section>');
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      '01-one.md:1:1 structure/chapter-front-matter',
    ]);
  });
});

describe('galley check reports what a build would', () => {
  it('lists every error, not only the first, with html/removed, missing images and a missing cover', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.yaml'), 'title: Kept\nauthor: Galley Tests\ncover: cover.jpg\n');
    mkdirSync(path.join(dir, 'images'));
    writeFileSync(path.join(dir, '01-one.md'), '# One\n\nA <script>x()</script> b.\n\n![A map](images/map.png)\n\n<!-- open\n');
    writeFileSync(path.join(dir, '02-two.md'), '# Two\n\n```\nnever closed\n');
    const result = await check({ input: dir, cwd: dir });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.severity}`)).toEqual([
      '01-one.md:3:3 html/removed warning',
      '01-one.md:5:1 image/missing error',
      '01-one.md:7:1 html/unclosed error',
      '02-two.md:3:1 code/unclosed error',
      'book.yaml:3:8 image/missing error',
    ]);
    expect(result.errors).toBe(4);
  });

  it('cannot turn off, or give another severity to, a rule the build stops on: says so at its line', async () => {
    const stopping = Object.entries(CHECK_RULES).flatMap(([id, rule]) => ('stops' in rule ? [id] : []));
    expect(stopping).toContain('html/unclosed');
    for (const [i, id] of stopping.entries()) {
      const setting = i % 2 ? 'warning' : 'off';
      const { dir, file } = writeBook('<!-- open\n', `${FRONT.slice(0, -5)}check:\n  rules:\n    ${id}: ${setting}\n---\n\n`);
      const error = await check({ input: file, cwd: dir }).then(
        () => undefined,
        (e: unknown) => e as GalleyError,
      );
      expect(error?.message).toBe(
        `the rule \`${id}\` cannot be turned off or given another severity: a build always stops on it, as text would be lost`,
      );
      expect(error?.location).toBe('book.md:6:5');
      expect(error?.hint).toMatch(/Take the line out/);
    }
  });
});

describe('the kept constructs in a built book', () => {
  const cases = [
    'unknown-tags-are-text',
    'kept-notes-and-definitions',
    'table-extra-cells',
    'html-misnested',
    'scene-break-tilde-info',
  ];

  it('pass EPUBCheck, and every word is in the EPUB and the PDF (<details> printed open)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.yaml'), 'title: Kept\nauthor: Galley Tests\n');
    for (const [i, name] of cases.entries()) {
      copyFileSync(path.join(FIXTURES, 'pipeline', name, 'input.md'), path.join(dir, `0${i + 1}-${name}.md`));
    }
    const { files } = await build({ input: dir, out: path.join(dir, 'out'), cwd: dir });
    const epub = files.find((f) => f.format === 'epub')?.path as string;
    const pdf = files.find((f) => f.format === 'pdf')?.path as string;
    const result = await epubcheck(epub);
    expect(result.clean, result.output).toBe(true);
    // Words as typed, less markup (URLs, labels, the tags of known elements): `<grin>` is text.
    const source = cases
      .map((name) => readInput(name))
      .join('\n')
      .replace(
        /^\[chart\]:.*$|https?:\/\/\S+|\[\/\/\]: # \(.*\)|<\/?(?:div|pre|p|span|ul|li|details|summary|em|b)>|\[\^?[a-z]+\]/gm,
        ' ',
      );
    expect(missingWords(source, await epubText(epub))).toEqual([]);
    const printed = await pdfText(pdf);
    expect(printed).toContain('The details, printed open.');
    expect(printed).toContain('a spring tide');
  });
});

function readInput(name: string): string {
  return readFileSync(path.join(FIXTURES, 'pipeline', name, 'input.md'), 'utf8');
}
