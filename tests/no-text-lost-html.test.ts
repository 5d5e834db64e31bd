/**
 * No text lost to HTML a book cannot hold (issue 10, part 2): only `<script>` and `<style>` go
 * with what they hold. Every other element the sanitiser takes out — a form and its fields, a
 * player's or plug-in's fallback, `<noscript>`, `<template>`, inline `<svg>` and `<math>`, an
 * element no reader knows — leaves its words where it stood, with a warning that says so; and
 * one left open where it would take in the text after it stops the build at its place. Checked
 * for named cases, and for every HTML element name, closed and left open.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { htmlTagNames } from 'html-tag-names';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { GalleyError } from '../src/errors.ts';
import { tempDir } from './helpers/tmp.ts';
import { epubcheck, epubText, missingWords } from './helpers/tools.ts';

const FRONT = '---\ntitle: Kept\nauthor: Galley Tests\n---\n\n';
/** The line in the file of the body's line n (after the five lines of front matter). */
const L = (n: number) => n + 5;

interface Typeset {
  html: string;
  /** The text a reader sees, blocks apart. */
  text: string;
  notes: string[];
}

async function typesetBody(body: string, dir = tempDir()): Promise<Typeset | GalleyError> {
  const file = path.join(dir, 'book.md');
  writeFileSync(file, FRONT + body);
  try {
    const { book, diagnostics } = await typeset({ input: file, cwd: dir });
    const html = book.body.map((s) => s.html).join('\n');
    const text = html
      .replace(/<\/?(?:p|section|h\d|li|pre|div|aside|table|tr|td|th|br)\b[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&#x3C;/g, '<')
      .replace(/\s+/g, ' ')
      .trim();
    return { html, text, notes: diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`) };
  } catch (error) {
    if (error instanceof GalleyError) return error;
    throw error;
  }
}

async function kept(body: string): Promise<Typeset> {
  const result = await typesetBody(body);
  if (result instanceof GalleyError) throw new Error(`expected a book, got: ${result.message}`);
  return result;
}

/** Name, Markdown, the text a reader must see, the element removed. */
const KEPT: [string, string, string, string][] = [
  ['a <textarea>', 'A <textarea>Dear diary, today.</textarea> b.', 'A Dear diary, today. b.', 'textarea'],
  ['a <noscript>', '<noscript>Turn on scripts, please.</noscript>', 'Turn on scripts, please.', 'noscript'],
  ['a <noscript> block', '<noscript>\nTurn on scripts.\n</noscript>', 'Turn on scripts.', 'noscript'],
  ['a <template>', 'A <template>kept <b>here</b></template> b', 'A kept here b', 'template'],
  ['a <select>', 'Pick <select><option>One</option><option>Two</option></select> now', 'Pick One Two now', 'select'],
  ['a <button>', 'A <button>Press me</button> b', 'A Press me b', 'button'],
  ['a <label>', '<label>Your name</label>', 'Your name', 'label'],
  ['a <video> fallback', '<video src="a.mp4"><source src="b.webm">No video here.</video>', 'No video here.', 'video'],
  ['an <audio> fallback', 'Hear <audio src="a.mp3">the bell</audio> ring', 'Hear the bell ring', 'audio'],
  ['an <object> fallback', '<object data="x.swf">The chart, <b>drawn</b>.</object>', 'The chart, drawn.', 'object'],
  ['an <iframe> fallback, read as HTML', '<iframe src="x.html">See <b>the map</b>.</iframe>', 'See the map.', 'iframe'],
  ['a <canvas> fallback', '<canvas>A drawn tide.</canvas>', 'A drawn tide.', 'canvas'],
  ['a <form> with fields', '<form><textarea>A reply.</textarea><button>Send</button></form>', 'A reply. Send', 'form'],
  ['an <input> value', 'Name: <input value="Ada Byron"> ok', 'Name: Ada Byron ok', 'input'],
  ['a <title> in the text', '<title>The Lamps</title>', 'The Lamps', 'title'],
  ['a <fieldset> and <legend>', '<fieldset><legend>Wind</legend>South-west</fieldset>', 'Wind South-west', 'fieldset'],
  ['blocks no reader knows', '<nav>North</nav><nav>South</nav>', 'North South', 'nav'],
  [
    'option groups, with their labels',
    '<select><optgroup label="Winds"><option>North</option></optgroup></select>',
    'Winds North',
    'select',
  ],
  ['an image map', '<map name="m"><area alt="The quay" href="#q"></map> here', 'The quay here', 'area'],
];

describe('removed elements keep their text', () => {
  it.each(KEPT)('%s', async (_name, body, text, tag) => {
    const result = await kept(body);
    expect(result.text).toBe(text);
    expect(result.notes.some((n) => n.includes(`html/removed removed `) && n.includes(`\`<${tag}>\``))).toBe(true);
    expect(result.notes.find((n) => n.includes(`\`<${tag}>\``))).toMatch(/keeping its text|its text is kept/);
  });

  it('inline <svg>: its text, titles and descriptions, not its style sheet; with a warning and a hint', async () => {
    const result = await kept(
      'A map <svg viewBox="0 0 9 9"><title>The bay</title><style>text{fill:red}</style><text x="1">North</text><text>Point <tspan>Light</tspan></text></svg> here.',
    );
    expect(result.text).toBe('A map The bay North Point Light here.');
    expect(result.notes).toEqual([
      `${L(1)}:7 html/removed removed \`<svg>\`, keeping its text: a book cannot hold a drawing typed into the text`,
    ]);
  });

  it('an <svg> block keeps its text too, in a paragraph', async () => {
    const { html } = await kept('<svg viewBox="0 0 9 9">\n<text x="1">Harbour</text>\n</svg>\n');
    expect(html).toContain('<p>Harbour</p>');
  });

  it('<math>: its tokens set apart, or its alttext', async () => {
    expect((await kept('So <math><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math> here.')).text).toBe(
      'So x = 1 2 here.',
    );
    expect((await kept('So <math alttext="x squared"></math> here.')).text).toBe('So x squared here.');
    expect((await kept('<div>\nSo <math><mi>y</mi></math> here.\n</div>')).text).toBe('So y here.');
  });

  it('script and style go with their code', async () => {
    const result = await kept('A <script>alert("x")</script> b <style>p{}</style> c');
    expect(result.text).toBe('A b c');
    expect(result.notes.map((n) => n.replace(/ a book.*/, ''))).toEqual([
      `${L(1)}:3 html/removed removed \`<script>\` and its content:`,
      `${L(1)}:33 html/removed removed \`<style>\` and its content:`,
    ]);
  });

  it('an element with nothing in it is removed with a warning saying so', async () => {
    const result = await kept('A <iframe src="https://example.com/"></iframe> b');
    expect(result.notes).toEqual([
      `${L(1)}:3 html/removed removed \`<iframe>\`: a book cannot hold embedded pages or plug-ins (it held no text)`,
    ]);
  });

  it('reports a script in a block after a stray <, in a block quote and in a list, as removed (not left open)', async () => {
    for (const body of [
      '<div>\nIf x <y and <script>a()</script> then\n</div>',
      '> <div>\n> <script>a()</script>\n> </div>',
      '- <div>\n  <b>x</b> <script>a()</script>\n  </div>',
    ]) {
      const result = await kept(body);
      expect(result.notes.map((n) => n.split(' ').slice(1, 4).join(' '))).toEqual(['html/removed removed `<script>`']);
    }
  });
});

describe('in a built book', () => {
  it('every kept word is in the EPUB, which passes EPUBCheck', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.yaml'), 'title: Kept\nauthor: Galley Tests\n');
    const extra: [string, string][] = [
      ['<svg viewBox="0 0 9 9"><title>The bay</title><text x="1">North</text></svg>', 'The bay North'],
      ['So <math><mi>x</mi><mo>=</mo><mn>2</mn></math> here.', 'So x = 2 here.'],
    ];
    const all = [...KEPT.map(([, body, text]) => [body, text] as [string, string]), ...extra];
    for (const [i, [body]] of all.entries()) {
      writeFileSync(path.join(dir, `${String(i + 1).padStart(2, '0')}.md`), `# Part ${i + 1}\n\n${body}\n`);
    }
    const { files } = await build({ input: dir, out: path.join(dir, 'out'), formats: ['epub'], cwd: dir });
    const epub = files[0]?.path as string;
    const result = await epubcheck(epub);
    expect(result.clean, result.output).toBe(true);
    expect(missingWords(all.map(([, text]) => text).join('\n'), await epubText(epub))).toEqual([]);
  });
});

describe('left open where it would take in the text after it', () => {
  it.each([
    ['<textarea>', 'He said <textarea> and left.\n\nNext.', 9],
    ['<svg>', 'He drew <svg> and left.\n\nNext.', 9],
    ['<select>', 'Pick <select><option>One\n\nNext.', 6],
    ['<button>', 'A <button>press\n\nNext.', 3],
    ['<h1>', 'A <h1>heading\n\nNext.', 3],
    ['<object>', 'A <object>x\n\nNext.', 3],
    ['<svg> in a block', '<svg>\n<text>Open</text>\n\nNext.', 1],
    ['<math> in a block', '<div>\nA <math><mi>x</mi>\n</div>\n\nNext.', 3],
  ])('%s stops the build at it', async (_name, body, column) => {
    const error = await typesetBody(body);
    expect(error).toBeInstanceOf(GalleyError);
    const e = error as GalleyError;
    expect(e.location).toMatch(new RegExp(`^book\\.md:\\d+:${column}$`));
    expect(e.message).toMatch(/never closed|no end/);
    expect(e.hint).toMatch(/Close it|delete it/i);
  });
});

describe('every HTML element name', () => {
  const CODE = new Set(['script', 'style']);
  const words = ['Zora', 'Kale', 'Mira', 'Bodo'];
  const names = htmlTagNames.filter((n) => !['image', 'img'].includes(n));

  it('closed around words, in a paragraph and as a block: every word kept (but code)', async () => {
    const dir = tempDir();
    const lost: string[] = [];
    for (const name of names) {
      for (const [body, inside, outside] of [
        [`Zora said <${name}>Kale Bodo</${name}> left.\n\nMira again.\n`, ['Kale', 'Bodo'], ['Zora', 'Mira']],
        [`<${name}>\nZora Kale\n</${name}>\n\nBodo and Mira.\n`, ['Zora', 'Kale'], ['Bodo', 'Mira']],
      ] as const) {
        const result = await typesetBody(body, dir);
        if (result instanceof GalleyError) {
          // `</plaintext>` closes nothing: everything after `<plaintext>` is raw text.
          if (name !== 'plaintext' || !result.hint) lost.push(`${name}: ${result.message}`);
          continue;
        }
        const missing = [...(CODE.has(name) ? [] : inside), ...outside].filter((w) => !result.text.includes(w));
        if (missing.length) lost.push(`${name}: ${missing.join(' ')} lost in ${JSON.stringify(body)}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('left open in a paragraph: a located error, or every word kept and the next paragraph its own', async () => {
    const dir = tempDir();
    const wrong: string[] = [];
    for (const name of names) {
      const result = await typesetBody(`Zora said <${name}> and *Kale* left.\n\nBodo and Mira.\n`, dir);
      if (result instanceof GalleyError) {
        if (result.location !== `book.md:${L(1)}:11` || !result.hint) wrong.push(`${name}: ${result.location} ${result.message}`);
        continue;
      }
      const missing = words.filter((w) => !result.text.includes(w));
      // Formatting (<b>, <em>, <a> …) left open carries on into the next paragraph, as in a browser.
      const own = /<p>(?:<[a-z]+>)?Bodo and Mira\./.test(result.html);
      if (missing.length || !own) wrong.push(`${name}: ${missing.join(' ')} ${own ? '' : 'next paragraph taken in'}`);
    }
    expect(wrong).toEqual([]);
  });
});
