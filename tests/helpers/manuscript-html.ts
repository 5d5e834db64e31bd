/**
 * Raw HTML for the generated manuscripts (tests/helpers/manuscripts.ts): blocks the author may
 * type (kept, made safe, or left open so the build must stop), and elements a book cannot hold
 * with words inside them — a form's fields, a player's or plug-in's fallback, `<noscript>`,
 * `<template>`, inline `<svg>` and `<math>` — which must keep every word, inline, as a block, or
 * stop the build when left open in a paragraph.
 */

export interface Block {
  lines: string[];
  /** Words a reader must find where the block stands. */
  words: string[];
  /** Words that go to the end of the chapter (a called footnote's text). */
  notes: string[];
  /** The build must stop here, at this column of the block's first line. */
  failsAt?: number;
  /** A `#` heading: the chapter's notes come before it. */
  chapter?: boolean;
}

export const HTML = [
  'div',
  'details',
  'pre',
  'pre-p',
  'comment',
  'comment-lines',
  'style',
  'tag-line',
  'div-grin',
  'open-comment',
  'open-style',
  'open-pre',
  'open-inline-style',
  'open-div',
  'details-line',
  'comment-lead',
  'quote-open-comment',
] as const;
export type Html = (typeof HTML)[number];

/** Elements a book cannot hold, around the words given (one or two), typed in a paragraph. */
const KEPT_INLINE: ((a: string, b: string) => string)[] = [
  (a) => `<button>${a}</button>`,
  (a) => `<textarea>${a}</textarea>`,
  (a) => `<label>${a}</label>`,
  (a, b) => `<select><option>${a}</option><option>${b}</option></select>`,
  (a, b) => `<svg viewBox="0 0 9 9"><title>${a}</title><text x="1" y="5">${b}</text></svg>`,
  (a, b) => `<math><mi>${a}</mi><mo>=</mo><mi>${b}</mi></math>`,
  (a) => `<noscript>${a}</noscript>`,
  (a) => `<template>${a}</template>`,
  (a) => `<object data="chart.swf">${a}</object>`,
  (a) => `<iframe src="map.html">${a}</iframe>`,
  (a) => `<video src="tide.mp4"><source src="tide.webm">${a}</video>`,
  (a) => `<audio src="bell.mp3">${a}</audio>`,
  (a) => `<canvas>${a}</canvas>`,
  (a) => `<input value="${a}">`,
  (a) => `<font color="red">${a}</font>`,
];

/** The same as blocks of their own, over lines. */
const KEPT_BLOCK: ((a: string, b: string) => string[])[] = [
  (a, b) => ['<form>', `<textarea>${a} ${b}</textarea>`, '</form>'],
  (a, b) => ['<noscript>', `${a} ${b}`, '</noscript>'],
  (a, b) => ['<svg viewBox="0 0 9 9">', `<text x="1">${a}</text>`, `<text x="2">${b}</text>`, '</svg>'],
  (a, b) => ['<video src="tide.mp4">', `${a} ${b}`, '</video>'],
  (a, b) => ['<object data="chart.swf">', `<p>${a} ${b}</p>`, '</object>'],
  (a, b) => ['<select>', `<option>${a}</option>`, `<option>${b}</option>`, '</select>'],
  (a, b) => ['<iframe src="map.html">', `${a} <b>${b}</b>`, '</iframe>'],
  (a, b) => ['<math>', `<mi>${a}</mi>`, `<mi>${b}</mi>`, '</math>'],
  (a, b) => ['<textarea>', `${a} ${b}`, '</textarea>'],
  (a, b) => ['<fieldset>', `<legend>${a}</legend>`, b, '</fieldset>'],
  (a, b) => ['<template>', `<p>${a} ${b}</p>`, '</template>'],
];

/** Elements that, left open in a paragraph, would take in the text after it. */
const OPEN_INLINE = ['textarea', 'svg', 'math', 'select', 'button', 'object', 'iframe', 'template', 'title'];

export const KEPT_FORMS = ['inline', 'block', 'open'] as const;
export type KeptForm = (typeof KEPT_FORMS)[number];
/** How many variants of each form there are (a generated number picks one, modulo this). */
export const KEPT_VARIANTS = Math.max(KEPT_INLINE.length, KEPT_BLOCK.length, OPEN_INLINE.length);

/** An element a book cannot hold, with words in it, in one of its forms. */
export function kept(form: KeptForm, variant: number, next: () => string): Block {
  const [before, a, b, after] = [next(), next(), next(), next()] as [string, string, string, string];
  if (form === 'block') {
    const make = KEPT_BLOCK[variant % KEPT_BLOCK.length] as (a: string, b: string) => string[];
    return { lines: make(a, b), words: [a, b], notes: [] };
  }
  if (form === 'open') {
    const name = OPEN_INLINE[variant % OPEN_INLINE.length] as string;
    return { lines: [`${before} <${name}> ${a}`], words: [], notes: [], failsAt: before.length + 2 };
  }
  const make = KEPT_INLINE[variant % KEPT_INLINE.length] as (a: string, b: string) => string;
  const inside = make(a, b);
  const words = make.length === 2 ? [a, b] : [a];
  return { lines: [`${before} ${inside} ${after}`], words: [before, ...words, after], notes: [] };
}

export function html(kind: Html, next: () => string, some: (k: number) => string[]): Block {
  const none = (lines: string[]): Block => ({ lines, words: [], notes: [] });
  switch (kind) {
    case 'div': {
      const ws = some(2);
      return { lines: ['<div>', ws.join(' '), '</div>'], words: ws, notes: [] };
    }
    case 'details': {
      const [summary, ...ws] = some(3) as [string, ...string[]];
      return {
        lines: ['<details>', `<summary>${summary}</summary>`, '', ws.join(' '), '', '</details>'],
        words: [summary, ...ws],
        notes: [],
      };
    }
    case 'pre': {
      const ws = some(3);
      return { lines: ['<pre>', `${ws[0]} <${ws[1]} ${ws[2]}`, '</pre>'], words: ws, notes: [] };
    }
    case 'pre-p': {
      const w = next();
      return { lines: ['<pre>', `<p>${w}</p>`, '</pre>'], words: [w], notes: [] };
    }
    case 'comment':
      return none([`<!-- ${next()} -->`]);
    case 'comment-lines':
      return none(['<!--', next(), '', next(), '-->']);
    case 'style':
      return none(['<style>', 'p { color: red }', '</style>']);
    case 'tag-line': {
      const ws = some(2);
      return { lines: ['<sigh>', ws.join(' ')], words: ['sigh', ...ws], notes: [] };
    }
    case 'div-grin': {
      const ws = some(2);
      return {
        lines: ['<div>', `${ws[0]} <grin> ${ws[1]}`, '</div>'],
        words: [ws[0] as string, 'grin', ws[1] as string],
        notes: [],
      };
    }
    case 'open-comment':
      return { lines: [`<!-- ${next()}`], words: [], notes: [], failsAt: 1 };
    case 'open-style':
      return { lines: ['<style>', next()], words: [], notes: [], failsAt: 1 };
    case 'open-pre':
      return { lines: ['<pre>', next()], words: [], notes: [], failsAt: 1 };
    case 'open-div': {
      const ws = some(2);
      return { lines: ['<div>', ws.join(' ')], words: ws, notes: [] };
    }
    case 'details-line': {
      const ws = some(2);
      return { lines: [`<details><summary>${ws[0]}</summary>${ws[1]}</details>`], words: ws, notes: [] };
    }
    case 'comment-lead': {
      const ws = some(2);
      return { lines: [`<!-- ${next()} --> ${ws.join(' ')}`], words: ws, notes: [] };
    }
    case 'quote-open-comment':
      return { lines: [`> <!-- ${next()}`], words: [], notes: [], failsAt: 3 };
    case 'open-inline-style': {
      const w = next();
      return { lines: [`${w} <style> ${next()}`], words: [], notes: [], failsAt: w.length + 2 };
    }
  }
}
