/**
 * Metadata: the schema's defaults, its errors (with the line and column of the key), trim sizes
 * and the book's identifier.
 */
import { describe, expect, it } from 'vitest';
import { bookIdentifier, isValidIsbn } from '../src/book/identifier.ts';
import { parseYaml, resolveConfig } from '../src/config/load.ts';
import { parseLength, parseTrim } from '../src/config/trim.ts';
import type { GalleyError } from '../src/errors.ts';
import { configFrom, errorFrom } from './helpers/config.ts';

describe('book.yaml schema', () => {
  it('applies the defaults', () => {
    const config = configFrom('title: T\nauthor: A\n');
    expect(config.author).toEqual(['A']);
    expect(config.language).toBe('en');
    expect(config.parts).toEqual([]);
    expect(config.print).toEqual({
      trim: '5.5x8.5',
      bleed: false,
      inner: 'auto',
      outer: '0.625in',
      top: '0.625in',
      bottom: '0.625in',
      'running-heads': 'chapter',
      folios: 'foot',
      'chapter-start': 'recto',
      toc: 'auto',
      hyphenate: true,
    });
  });

  it('takes several authors and lets the command line override', () => {
    const config = configFrom('title: T\nauthor: [A, B]\n', { title: 'New' });
    expect(config.author).toEqual(['A', 'B']);
    expect(config.title).toBe('New');
  });

  it('reads a YAML date as a date string', () => {
    expect(configFrom('title: T\nauthor: A\ndate: 2026-11-24\n').date).toBe('2026-11-24');
    expect(configFrom('title: T\nauthor: A\ndate: 2026\n').date).toBe('2026');
  });

  it('names an unknown key and its place', () => {
    const error = errorFrom('title: T\nauthor: A\ntitel: Typo\n');
    expect(error.message).toBe('unknown key `titel` (did you mean `title`?)');
    expect(error.location).toBe('book.yaml:3:1');
  });

  it('names a bad value and its place', () => {
    const error = errorFrom('title: T\nauthor: A\nlanguage: not a tag!\n');
    expect(error.message).toMatch(/^`language` must be a BCP 47 language tag/);
    expect(error.location).toBe('book.yaml:3:11');
  });

  it('points into nested keys', () => {
    const error = errorFrom('title: T\nauthor: A\nprint:\n  trim: 7x13\n');
    expect(error.message).toMatch(/^`print.trim` must be 5x8/);
    expect(error.location).toBe('book.yaml:4:9');
  });

  it('says a missing title is required and how to give it', () => {
    const error = errorFrom('author: A\n');
    expect(error.message).toBe('`title` is required');
    expect(error.hint).toMatch(/--title/);
  });

  it('adds the front matter offset to line numbers', () => {
    try {
      resolveConfig(parseYaml({ file: 'book.md', text: 'title: T\nauthor: 5\n', lineOffset: 1 }), {}, 'book.md');
      expect.unreachable();
    } catch (error) {
      expect((error as GalleyError).location).toBe('book.md:3:9');
    }
  });

  it('reports YAML syntax errors with their place', () => {
    try {
      parseYaml({ file: 'book.yaml', text: 'title: T\nauthor: [A\n' });
      expect.unreachable();
    } catch (error) {
      expect((error as GalleyError).code).toBe('CONFIG_YAML');
      expect((error as GalleyError).location).toMatch(/^book\.yaml:\d+:\d+$/);
    }
  });
});

describe('trim sizes and lengths', () => {
  it('knows the named trims', () => {
    expect(parseTrim('5.5x8.5')).toEqual({ width: 396, height: 612 });
    expect(parseTrim('6x9')).toEqual({ width: 432, height: 648 });
    expect(parseTrim('A5')?.width).toBeCloseTo(419.53, 1);
    expect(parseTrim('b-format')?.height).toBeCloseTo(561.26, 1);
  });

  it('reads custom sizes with units', () => {
    expect(parseTrim('140mm x 216mm')?.width).toBeCloseTo(396.85, 1);
    expect(parseTrim('5in × 8in')).toEqual({ width: 360, height: 576 });
    expect(parseTrim('huge')).toBeUndefined();
    expect(parseTrim('5 x 8')).toBeUndefined();
  });

  it('reads lengths', () => {
    expect(parseLength('0.75in')).toBe(54);
    expect(parseLength('10pt')).toBe(10);
    expect(parseLength('2.54cm')).toBeCloseTo(72);
    expect(parseLength('wide')).toBeUndefined();
  });
});

describe('identifier', () => {
  it('uses a valid ISBN-13 or ISBN-10 as a URN', () => {
    expect(bookIdentifier('978-0-306-40615-7', 'T', ['A'])).toBe('urn:isbn:9780306406157');
    expect(bookIdentifier('ISBN 0-306-40615-2', 'T', ['A'])).toBe('urn:isbn:0306406152');
    expect(isValidIsbn('9780306406158')).toBe(false);
  });

  it('keeps any other identifier as given', () => {
    expect(bookIdentifier('my-book-1', 'T', ['A'])).toBe('my-book-1');
  });

  it('derives the same UUID from the same title and author, and another from another', () => {
    const a = bookIdentifier(undefined, 'The Title', ['An Author']);
    expect(a).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bookIdentifier(undefined, 'The Title', ['An Author'])).toBe(a);
    expect(bookIdentifier(undefined, 'The Title', ['Another'])).not.toBe(a);
  });
});
