/**
 * The book.yaml keys that shape the text — `typography:`, `scene-breaks:`, `setext-headings:`,
 * `check:` — with their defaults, their errors, and their effect on a real typeset.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeset } from '../src/core/typeset.ts';
import { pipelineOptions } from '../src/pipeline/options.ts';
import { configFrom, errorFrom } from './helpers/config.ts';
import { tempDir } from './helpers/tmp.ts';

describe('text settings in book.yaml', () => {
  it('has defaults: every rule on, styles from the language, both kinds of scene break', () => {
    const config = configFrom('title: T\nauthor: A\n');
    expect(config.typography).toEqual({
      quotes: true,
      'quote-style': 'auto',
      dashes: true,
      'dash-style': 'em',
      'suppressed-dash': false,
      ranges: true,
      ellipses: true,
      'ellipsis-style': 'as-typed',
      primes: true,
      spaces: true,
      'title-spaces': true,
      'hair-spaces': true,
      'french-spaces': true,
    });
    expect(config['scene-breaks']).toBe('both');
    expect(config['setext-headings']).toBe(false);
    expect(config.check).toEqual({ rules: {} });
  });

  it('passes every setting to the pipeline', () => {
    const config = configFrom(
      'title: T\nauthor: A\nlanguage: en-GB\ntypography:\n  quote-style: en-single\n  dash-style: spaced-en\n  primes: false\nscene-breaks: markers\nsetext-headings: true\n',
    );
    const options = pipelineOptions(config);
    expect(options.language).toBe('en-GB');
    expect(options.typography).toMatchObject({ quoteStyle: 'en-single', dashStyle: 'spaced-en', primes: false, quotes: true });
    expect(options.sceneBreaks).toEqual({ detect: 'markers', setextHeadings: true });
  });

  it('names a bad style and its place', () => {
    const error = errorFrom('title: T\nauthor: A\ntypography:\n  dash-style: long\n');
    expect(error.message).toMatch(/^`typography.dash-style` /);
    expect(error.location).toBe('book.yaml:4:15');
  });

  it('names an unknown typography key', () => {
    const error = errorFrom('title: T\nauthor: A\ntypography:\n  smart: true\n');
    expect(error.message).toBe('unknown key `typography.smart`');
    expect(error.location).toBe('book.yaml:4:3');
  });

  it('names a bad scene-breaks value', () => {
    const error = errorFrom('title: T\nauthor: A\nscene-breaks: stars\n');
    expect(error.message).toBe('`scene-breaks` must be both, markers or blank-lines; got "stars"');
    expect(error.location).toBe('book.yaml:3:15');
  });

  it('names a bad rule severity', () => {
    const error = errorFrom('title: T\nauthor: A\ncheck:\n  rules:\n    typo/repeated-word: loud\n');
    expect(error.message).toBe('`check.rules.typo/repeated-word` must be off, info, warning or error; got "loud"');
  });

  it('changes the book: British quotes and dashes, markers only', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'book.md');
    writeFileSync(
      file,
      '---\ntitle: T\nauthor: A\ntypography:\n  quote-style: en-single\n  dash-style: spaced-en\nscene-breaks: markers\n---\n\n"Tired -- so tired," she said.\n\n\n\nStill the same scene.\n\n§\n\nA new one.\n',
    );
    const { book } = await typeset({ input: file, cwd: dir });
    expect(book.body[0]?.html).toBe(
      '<section class="chapter" id="chapter-1"><p>‘Tired\u00a0– so tired,’ she said.</p><p>Still the same scene.</p><hr class="scene-break"><p class="flush">A new one.</p></section>',
    );
  });
});
