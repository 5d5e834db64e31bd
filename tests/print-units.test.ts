/**
 * The print edition's parts that need no browser: the `print:` settings and their errors, KDP's
 * gutter table, the page geometry, the page plan (blank versos, folios, running heads), the
 * chapter numbers, and hyphenation.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { isNumberTitle, numberLabel } from '../src/output/print/blocks.ts';
import { chunks } from '../src/output/print/estimate.ts';
import { autoInner, BINDING, kdpGutter, pageGeometry } from '../src/output/print/geometry.ts';
import { hyphenateTree, loadHyphenator } from '../src/output/print/hyphenate.ts';
import { joinPlan, type PlacedBlock, planBody, roman } from '../src/output/print/plan.ts';
import { configFrom, errorFrom } from './helpers/config.ts';

const BASE = 'title: T\nauthor: A\n';
const config = (yaml: string) => configFrom(BASE + yaml);
const error = (yaml: string) => errorFrom(BASE + yaml);

describe('print settings in book.yaml', () => {
  it('names the margin that leaves no room for the text, at its line', () => {
    const wide = error('print:\n  trim: 5x8\n  outer: 3.5in\n');
    expect(wide.message).toBe('`print.outer` leaves a text block 0.5in wide on a 5in page; it needs at least 1.5in; got "3.5in"');
    expect(wide.location).toBe('book.yaml:5:10');
    const inner = error('print:\n  inner: 3in\n  outer: 1.5in\n');
    expect(inner.message).toMatch(/^`print.inner` leaves a text block/);
    expect(inner.location).toBe('book.yaml:4:10');
    const tall = error('print:\n  top: 4in\n  bottom: 3in\n');
    expect(tall.message).toMatch(/^`print.top` leaves a text block 1.5in tall on a 8.5in page/);
    expect(tall.location).toBe('book.yaml:4:8');
  });

  it('names a font that cannot be loaded, at its line', () => {
    const missing = error('print:\n  font: no-such-typeface\n');
    expect(missing.message).toBe(
      '`print.font` cannot be loaded: the font package @fontsource/no-such-typeface is not installed (npm install @fontsource/no-such-typeface)',
    );
    expect(missing.location).toBe('book.yaml:4:9');
    // Installed, but with no italic or bold: Galley will not let the browser fake them.
    const partial = error('print:\n  font: cormorant-sc\n');
    expect(partial.message).toMatch(/^`print.font` cannot be used: @fontsource\/cormorant-sc has no 400-italic, 700-italic face/);
  });

  it('takes an installed font package with every face', () => {
    expect(config('print:\n  font: eb-garamond\n').print.font).toBe('eb-garamond');
  });

  it('checks the settings that take words', () => {
    expect(error('print:\n  running-heads: sideways\n').message).toBe(
      '`print.running-heads` must be chapter, book or none; got "sideways"',
    );
    expect(error('print:\n  folios: middle\n').message).toBe('`print.folios` must be foot or head; got "middle"');
    expect(error('print:\n  chapter-start: left\n').message).toBe('`print.chapter-start` must be recto or any; got "left"');
    expect(error('print:\n  lead-in: fancy\n').message).toBe(
      '`print.lead-in` must be drop-cap, small-caps, both or none; got "fancy"',
    );
    expect(error('print:\n  inner: wide\n').message).toMatch(/^`print.inner` must be auto or a length/);
    expect(error('print:\n  bleed: yes\n').message).toBe('`print.bleed` must be true or false; got "yes"');
  });

  it('takes an epigraph as text or as text with an attribution', () => {
    expect(config('epigraph: A line.\n').epigraph).toEqual({ text: 'A line.' });
    expect(config('epigraph:\n  text: A line.\n  attribution: Someone\n').epigraph).toEqual({
      text: 'A line.',
      attribution: 'Someone',
    });
  });
});

describe('KDP gutter and page geometry', () => {
  it('follows KDP’s table of inside margins by page count', () => {
    const inches = (pages: number) => kdpGutter(pages) / 72;
    expect([24, 150, 151, 300, 301, 500, 501, 700, 701, 828].map(inches)).toEqual([
      0.375, 0.375, 0.5, 0.5, 0.625, 0.625, 0.75, 0.75, 0.875, 0.875,
    ]);
  });

  it('sets a text block of whole lines inside the margins, mirrored, with room for head and folio', () => {
    const print = config('').print;
    // `inner: auto`: KDP's minimum (here 0.5in) and the binding's 0.125in.
    const g = pageGeometry(print, 36, 14.5, { heads: true, folios: 'foot' });
    expect([g.width, g.height]).toEqual([396, 612]);
    expect(g.recto.left).toBe(36 + BINDING);
    expect(g.inner).toBe(autoInner(200));
    expect(g.verso.left).toBe(45);
    expect(g.recto.width).toBe(396 - 36 - BINDING - 45);
    expect(g.recto.height / 14.5).toBe(Math.round(g.recto.height / 14.5));
    expect(g.recto.top).toBe(45 + 2 * 14.5);
    expect(g.live.recto.top + g.live.recto.height).toBeLessThanOrEqual(612 - 45);
    expect(g.versoShift).toBe(45 - 36 - BINDING);
    const fixed = pageGeometry(config('print:\n  inner: 0.5in\n').print, 36, 14.5, { heads: true, folios: 'foot' });
    expect(fixed.recto.left).toBe(36);
  });

  it('sets every named trim, and custom ones, at its size', () => {
    const sizes: Record<string, [number, number]> = {
      '5x8': [360, 576],
      '5.25x8': [378, 576],
      '5.5x8.5': [396, 612],
      '6x9': [432, 648],
      a5: [419.53, 595.28],
      'b-format': [365.67, 561.26],
      '140mm x 216mm': [396.85, 612.28],
    };
    for (const [trim, [width, height]] of Object.entries(sizes)) {
      const g = pageGeometry(config(`print:\n  trim: ${trim}\n`).print, 36, 14.5, { heads: true, folios: 'foot' });
      expect([Number(g.width.toFixed(2)), Number(g.height.toFixed(2))], trim).toEqual([width, height]);
      expect(g.recto.width, trim).toBeGreaterThan(200);
      expect(g.recto.height / 14.5, trim).toBeGreaterThan(25);
    }
  });

  it('adds the bleed on the outside, top and bottom edges', () => {
    const g = pageGeometry(config('print:\n  trim: 6x9\n  bleed: true\n').print, 36, 14.5, { heads: true, folios: 'foot' });
    expect([g.width, g.height]).toEqual([432 + 9, 648 + 18]);
    expect(g.recto.left).toBe(36 + BINDING);
    expect(g.verso.left).toBe(9 + 45);
    expect(g.recto.top).toBe(9 + 45 + 29);
  });
});

describe('print runs', () => {
  it('keeps a book of ordinary length in one run, and splits a long one between blocks', () => {
    expect(chunks([100, 200, 150], 400)).toEqual([[0, 1, 2]]);
    expect(chunks([350, 350, 350, 350, 350], 400)).toEqual([[0], [1], [2], [3], [4]]);
    expect(chunks([500, 20, 20, 500], 400)).toEqual([[0], [1, 2], [3]]);
    expect(chunks([100, 150, 100, 100, 150, 100], 300)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });
});

describe('page plan', () => {
  const block = (
    kind: PlacedBlock['kind'],
    pages: number,
    title: string = kind,
    start: PlacedBlock['start'] = 'recto',
  ): PlacedBlock => ({
    kind,
    start,
    pages,
    firstPage: 0,
    title,
  });
  const text = { runningHeads: 'chapter' as const, author: 'Ada Pellow', title: 'The Book' };

  it('opens every chapter on a recto, with a blank verso where needed', () => {
    const body = planBody([block('part', 1, 'Part One'), block('chapter', 3, 'One'), block('chapter', 2, 'Two')], text);
    expect(body.starts).toEqual([0, 2, 6]);
    expect(body.pages.map((p) => (p.source ? p.block?.index : 'blank'))).toEqual([0, 'blank', 1, 1, 1, 'blank', 2, 2]);
    expect(body.pages.map((p) => p.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('lets chapters open on any page when asked', () => {
    const any = planBody([block('chapter', 3, 'One', 'any'), block('chapter', 2, 'Two', 'any')], text);
    expect(any.starts).toEqual([0, 3]);
  });

  it('puts furniture only on the text pages after an opener', () => {
    const body = planBody([block('part', 1, 'Part One'), block('chapter', 3, 'The Quay')], text);
    expect(body.pages.map((p) => [p.head ?? '', p.folio ?? ''])).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
      ['Ada Pellow', '4'],
      ['The Quay', '5'],
    ]);
    // A chapter called just "IV" is not a running head: it would read as a page number.
    const numbered = planBody([block('chapter', 3, 'IV')], text);
    expect(numbered.pages[2]?.head).toBe('The Book');
  });

  it('numbers the front matter in roman, makes it even, and starts the body at 1 on a recto', () => {
    const body = planBody([block('chapter', 2, 'One')], text);
    const plan = joinPlan(
      [block('half-title', 1), block('titlepage', 1), block('copyright', 1, 'c', 'verso'), block('toc', 1)],
      body,
    );
    expect(plan.bodyStart).toBe(6);
    expect(plan.pages.map((p) => p.label)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi', '1', '2']);
    expect(plan.pages.filter((p) => !p.source).map((p) => p.label)).toEqual(['ii', 'vi']);
    expect(plan.pages.slice(0, 6).every((p) => !p.folio && !p.head)).toBe(true);
    expect(roman(1994)).toBe('mcmxciv');
  });
});

describe('chapter numbers', () => {
  it('spells numbers out in the book’s language (tests/i18n.test.ts checks every table)', () => {
    expect([1, 12, 13, 20, 21, 99, 100].map((n) => numberLabel(n, 'en-GB'))).toEqual([
      'One',
      'Twelve',
      'Thirteen',
      'Twenty',
      'Twenty-one',
      'Ninety-nine',
      'One hundred',
    ]);
    expect(numberLabel(4, 'fr')).toBe('Quatre');
  });

  it('knows a title that is only a number', () => {
    for (const t of ['IV', '12', 'Chapter 3', 'Book One', 'chapter twenty-one', 'XLII.']) expect(isNumberTitle(t), t).toBe(true);
    for (const t of ['The Quay', 'One Summer', 'Chapter of Accidents']) expect(isNumberTitle(t), t).toBe(false);
  });
});

describe('hyphenation', () => {
  const hyphenate = loadHyphenator('en-GB');
  const text = (tree: Element) => JSON.stringify(tree);

  it('has patterns for the book’s language, and none for an unknown one', () => {
    expect(hyphenate).toBeDefined();
    expect(loadHyphenator('de')?.('Donaudampfschiff')).toContain('\u00ad');
    expect(loadHyphenator('x-klingon')).toBeUndefined();
  });

  it('hyphenates paragraphs but never their last word, nor headings', () => {
    const tree = h('section', [
      h('h1', 'Extraordinary Considerations'),
      h('p', 'The extraordinary neighbourhood considered everything unexpected'),
    ]);
    hyphenateTree(tree, hyphenate as NonNullable<typeof hyphenate>);
    const [heading, paragraph] = tree.children as Element[];
    expect(text(heading as Element)).not.toContain('\\u00ad');
    const words = ((paragraph as Element).children[0] as { value: string }).value.split(' ');
    expect(words.at(-1)).toBe('unexpected');
    for (const word of [words[1], words[2], words[3]]) expect(word).toContain('\u00ad');
  });

  it('leaves at least two letters before a break and three after it', () => {
    const tree = h('p', 'unambiguously acknowledged the end');
    hyphenateTree(tree, hyphenate as NonNullable<typeof hyphenate>);
    for (const word of (tree.children[0] as { value: string }).value.split(' ')) {
      const parts = word.split('\u00ad');
      if (parts.length > 1) {
        expect((parts[0] ?? '').length).toBeGreaterThanOrEqual(2);
        expect((parts.at(-1) ?? '').length).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
