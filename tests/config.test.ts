/**
 * Metadata: the schema's defaults, its errors (every one at once, with the line and column of the
 * key, in words for authors, with the nearest known key for a misspelt one), other tools' names
 * for keys, dates and language tags checked, YAML that would exhaust the reader, trim sizes and
 * the book's identifier.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookIdentifier, isValidIsbn } from '../src/book/identifier.ts';
import { editDistance, KEY_ALIASES, knownKeys } from '../src/config/keys.ts';
import { parseYaml, resolveConfig } from '../src/config/load.ts';
import { parseLength, parseTrim } from '../src/config/trim.ts';
import type { GalleyError } from '../src/errors.ts';
import { configFrom, errorFrom } from './helpers/config.ts';
import { cpuTimed } from './helpers/cpu-time.ts';

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
      notes: 'footnotes',
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

/** Every problem of `yaml`, as `line:col message` lines. */
function problemsOf(yaml: string): string[] {
  return errorFrom(yaml).problems.map((p) => `${p.place?.line}:${p.place?.column} ${p.message}`);
}

describe('every problem at once, in words for authors', () => {
  it('reports each mistake of a book.yaml, in file order, with its place and a hint', () => {
    const yaml = [
      'title: 42',
      'author: Wren Ashby',
      'tittle: Low Water',
      'language: english',
      'date: 2026-13-01',
      'print:',
      '  trim: huge',
      '  bleed: yes',
      '  gutter: 1in',
    ].join('\n');
    const error = errorFrom(yaml);
    expect(error.problems.map((p) => `${p.place?.line}:${p.place?.column} ${p.message}`)).toEqual([
      '1:8 `title` must be text; got a number (42)',
      '3:1 unknown key `tittle` (did you mean `title`?)',
      '4:11 `language` must be a BCP 47 language tag such as en, en-GB, fr or pt-BR; for English write `en`; got "english"',
      '5:7 `date` has month 13; months go from 01 to 12; got "2026-13-01"',
      '7:9 `print.trim` must be 5x8, 5.25x8, 5.5x8.5, 6x9, a5, b-format or a size like "140mm x 216mm"; got "huge"',
      '8:10 `print.bleed` must be true or false; got "yes"',
      '9:3 unknown key `print.gutter` (did you mean `print.inner`?)',
    ]);
    expect(error.problems.every((p) => p.file === 'book.yaml' && p.hint)).toBe(true);
    expect(error.problems[0]?.hint).toBe('Put the value in quotes to keep it as text: `title: "42"`.');
    expect(error.problems[1]?.hint).toMatch(/^Check the spelling: write `title:`/);
    // The first problem is also the error's own message and place, for callers that show one.
    expect(error.message).toBe('`title` must be text; got a number (42)');
    expect(error.location).toBe('book.yaml:1:8');
  });

  it('says what a key takes and what it got, never zod’s words', () => {
    const cases: [string, string][] = [
      ['subtitle: true', '`subtitle` must be text; got true (a yes/no value)'],
      ['author: 42', '`author` must be a name, a list of names, or entries with `name`, `file-as` and `role`; got a number (42)'],
      ['parts: Part One', '`parts` must be a list; got "Part One"'],
      ['setext-headings: 1', '`setext-headings` must be true or false; got a number (1)'],
      ['typography:\n  quote-style: curly', '`typography.quote-style` must be auto, en, en-single, fr, de or es; got "curly"'],
      ['epub:\n  toc-depth: 5', '`epub.toc-depth` must be 1, 2 or 3; got a number (5)'],
      ['series:\n  name: Tides\n  position: -1', '`series.position` must be a positive number; got a number (-1)'],
      ['subtitle:', '`subtitle` has no value'],
      ['print: wide', '`print` must be a group of keys, each indented on a line of its own under it; got "wide"'],
    ];
    for (const [line, message] of cases) {
      const error = errorFrom(line.startsWith('author:') ? `title: T\n${line}\n` : `title: T\nauthor: A\n${line}\n`);
      expect(error.problems.map((p) => p.message)).toEqual([message]);
      expect(`${error.message} ${error.hint}`).not.toMatch(/expected|received|Invalid input|Invalid option|Too (small|big)/);
    }
  });

  it('an entry with a misspelt key is taken as an entry, not as a name', () => {
    expect(problemsOf('title: T\nauthor:\n  name: Wren Ashby\n  rol: editor\n')).toEqual([
      '4:3 unknown key `author.rol` (did you mean `author.role`?)',
    ]);
    expect(problemsOf('title: T\nauthor:\n  - name: Wren Ashby\n    role: boss\n')).toEqual([
      '4:11 `author.role` must be author, editor, translator, illustrator, introduction, afterword, narrator, photographer or contributor (or its MARC code: aut, edt, trl…); got "boss"',
    ]);
  });

  it('a misspelt required key is not also reported missing', () => {
    expect(problemsOf('titel: T\nautor: A\n')).toEqual([
      '1:1 unknown key `titel` (did you mean `title`?)',
      '2:1 unknown key `autor` (did you mean `author`?)',
    ]);
    expect(problemsOf('subtitle: S\n')).toEqual(['1:1 `title` is required', '1:1 `author` is required']);
  });
});

describe('unknown keys suggest the nearest known one', () => {
  it('by spelling, by case, by another tool’s name, and inside groups', () => {
    const suggestion = (yaml: string) => errorFrom(`title: T\nauthor: A\n${yaml}\n`).message;
    expect(suggestion('publsher: P')).toBe('unknown key `publsher` (did you mean `publisher`?)');
    expect(suggestion('langauge: en')).toBe('unknown key `langauge` (did you mean `language`?)');
    expect(suggestion('Dedication: D')).toBe('unknown key `Dedication` (did you mean `dedication`?)');
    expect(suggestion('keywords: [a]')).toBe('unknown key `keywords` (did you mean `subjects`?)');
    expect(suggestion('abstract: A')).toBe('unknown key `abstract` (did you mean `description`?)');
    expect(suggestion('trim: 6x9')).toBe('unknown key `trim` (did you mean `print.trim`?)');
    expect(errorFrom('title: T\nauthor: A\ntrim: 6x9\n').hint).toMatch(/write `trim:`, indented under `print:`/);
    expect(suggestion('print:\n  hyphenation: false')).toBe('unknown key `print.hyphenation` (did you mean `print.hyphenate`?)');
    expect(suggestion('check:\n  rules:\n    typo/repeted-word: off')).toBe(
      'unknown key `check.rules.typo/repeted-word` (did you mean `check.rules.typo/repeated-word`?)',
    );
    expect(suggestion('zebra: stripes')).toBe('unknown key `zebra`');
  });

  it('a random one-letter slip in any known key suggests a key that near (fast-check)', () => {
    const keys = [
      ...knownKeys([]).map((k) => ({ path: [] as string[], key: k })),
      ...knownKeys(['print']).map((k) => ({ path: ['print'], key: k })),
    ];
    const letters = 'abcdefghijklmnopqrstuvwxyz-';
    const slip = fc
      .record({
        target: fc.constantFrom(...keys),
        kind: fc.constantFrom('insert', 'delete', 'substitute', 'swap'),
        at: fc.nat(),
        letter: fc.constantFrom(...letters),
      })
      .map(({ target, kind, at, letter }) => {
        const k = target.key;
        const i = at % (k.length + (kind === 'insert' ? 1 : 0));
        const typo =
          kind === 'insert'
            ? k.slice(0, i) + letter + k.slice(i)
            : kind === 'delete'
              ? k.slice(0, i) + k.slice(i + 1)
              : kind === 'substitute'
                ? k.slice(0, i) + letter + k.slice(i + 1)
                : k.slice(0, i) + (k[i + 1] ?? '') + k[i] + k.slice(i + 2);
        return { ...target, typo };
      })
      .filter(
        ({ path, typo }) => typo.length > 0 && !knownKeys(path).includes(typo) && !(path.length === 0 && typo in KEY_ALIASES),
      );
    fc.assert(
      fc.property(slip, ({ path, key, typo }) => {
        const yaml = path.length ? `title: T\nauthor: A\n${path[0]}:\n  ${typo}: x\n` : `title: T\nauthor: A\n${typo}: x\n`;
        const problem = errorFrom(yaml).problems.find((p) =>
          p.message.startsWith(`unknown key \`${[...path, typo].join('.')}\``),
        );
        const suggested = /did you mean `(?:print\.)?([^`]+)`/.exec(problem?.message ?? '')?.[1];
        expect(suggested, `${typo} (a slip of ${key})`).toBeDefined();
        expect(editDistance(typo.toLowerCase(), suggested as string)).toBeLessThanOrEqual(editDistance(typo.toLowerCase(), key));
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});

describe('other tools’ names', () => {
  it('pandoc’s lang and cover-image, and authors, subject and isbn, are taken as Galley’s keys', () => {
    const config = configFrom(
      'title: T\nauthors: [A, B]\nlang: fr\ncover-image: cover.jpg\nsubject: Sea stories\nisbn: 978-0-306-40615-7\n',
    );
    expect(config.author).toEqual(['A', 'B']);
    expect(config.language).toBe('fr');
    expect(config.cover).toBe('cover.jpg');
    expect(config.subjects).toEqual(['Sea stories']);
    expect(config.identifier).toBe('978-0-306-40615-7');
  });

  it('a problem in an alias’s value is placed at the alias; both names at once is a problem', () => {
    expect(problemsOf('title: T\nauthor: A\nlang: english\n')[0]).toMatch(/^3:7 `language` must be a BCP 47/);
    expect(problemsOf('title: T\nauthor: A\nlang: en\nlanguage: fr\n')).toEqual([
      '3:1 `lang` and `language` are the same key, given twice',
    ]);
  });
});

describe('dates and languages are checked, not passed to the OPF', () => {
  it('a date that is not in the calendar is an error at its line', () => {
    expect(problemsOf('title: T\nauthor: A\ndate: 2026-02-30\n')).toEqual([
      '3:7 `date` has day 30; February 2026 has 28 days; got "2026-02-30"',
    ]);
    expect(problemsOf('title: T\nauthor: A\ndate: 2026-00\n')[0]).toMatch(/^3:7 `date` has month 00/);
    expect(problemsOf('title: T\nauthor: A\ndate: 24 November 2026\n')[0]).toMatch(
      /must be a date written YYYY, YYYY-MM or YYYY-MM-DD/,
    );
    expect(configFrom('title: T\nauthor: A\ndate: 2024-02-29\n').date).toBe('2024-02-29');
    expect(problemsOf('title: T\nauthor: A\ndate: 2100-02-29\n')[0]).toMatch(/February 2100 has 28 days/);
  });

  it('random dates are accepted exactly when the calendar has them (fast-check)', () => {
    const date = fc.record({
      year: fc.integer({ min: 1000, max: 9999 }),
      month: fc.integer({ min: 0, max: 19 }),
      day: fc.integer({ min: 0, max: 39 }),
    });
    fc.assert(
      fc.property(date, ({ year, month, day }) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const real = new Date(Date.UTC(year, month - 1, day));
        const exists = month >= 1 && month <= 12 && real.getUTCMonth() === month - 1 && real.getUTCDate() === day;
        if (exists) {
          expect(configFrom(`title: T\nauthor: A\ndate: ${text}\n`).date).toBe(text);
        } else {
          const problem = errorFrom(`title: T\nauthor: A\ndate: ${text}\n`).problems[0];
          expect(problem?.place).toEqual({ line: 3, column: 7 });
          expect(problem?.message).toMatch(/^`date` has (month|day) \d\d/);
        }
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });

  it('a language tag must be registered (BCP 47, the IANA registry), not only shaped like one', () => {
    for (const good of ['en', 'en-GB', 'fr', 'de', 'pt-BR', 'es-419', 'zh-Hant-TW', 'sr-Latn', 'en-US-x-twain', 'und']) {
      expect(configFrom(`title: T\nauthor: A\nlanguage: ${good}\n`).language).toBe(good);
    }
    expect(configFrom('title: T\nauthor: A\nlanguage: EN-gb\n').language).toBe('en-GB');
    const said = (tag: string) => errorFrom(`title: T\nauthor: A\nlanguage: "${tag}"\n`).message;
    expect(said('english')).toBe(
      '`language` must be a BCP 47 language tag such as en, en-GB, fr or pt-BR; for English write `en`; got "english"',
    );
    expect(said('French')).toMatch(/for French write `fr`$/);
    expect(said('en_GB')).toBe('`language` must be written with a hyphen: `en-GB`; got "en_GB"');
    expect(said('iw')).toBe('`language` is a withdrawn code; write `he`; got "iw"');
    expect(said('xx')).toBe("`language` must be a BCP 47 language tag such as en, en-GB, fr or pt-BR (unknown code 'xx')");
    expect(said('en-Latn')).toMatch(/suppress-script/);
    expect(said('not a tag!')).toMatch(/^`language` must be a BCP 47 language tag/);
  });
});

describe('YAML that would exhaust the reader', () => {
  it('an alias bomb is reported at the alias that multiplies, before it is expanded', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    const { ms, result: error } = cpuTimed(() => {
      try {
        parseYaml({ file: 'book.yaml', text: `title: T\nauthor: A\n${levels.join('\n')}\n` });
      } catch (error) {
        return error as GalleyError;
      }
    });
    expect(error?.code).toBe('CONFIG_YAML');
    expect(error?.location).toBe('book.yaml:5:8');
    expect(error?.message).toMatch(/aliases here copy values too many times/);
    expect(error?.hint).toMatch(/Write the values out in full/);
    // Expanded, these aliases are 10^9 values: CPU time, so that a loaded machine cannot fail it.
    expect(ms).toBeLessThan(2000);
  });

  it('an alias with no anchor, and nesting thousands of levels deep, are errors at their place', () => {
    const error = (text: string) => {
      try {
        parseYaml({ file: 'book.yaml', text });
      } catch (e) {
        return e as GalleyError;
      }
      throw new Error('expected an error');
    };
    expect(error('title: *nope\nauthor: A\n').message).toBe('the alias `*nope` names no `&nope` anchor before it');
    expect(error('title: *nope\nauthor: A\n').location).toBe('book.yaml:1:8');
    const deep = error(`title: T\nauthor: A\nsubjects: ${'['.repeat(5000)}x${']'.repeat(5000)}\n`);
    expect(deep.message).toBe('the YAML is nested too deeply to read');
    expect(deep.location).toMatch(/^book\.yaml:3:\d+$/);
  });
});
