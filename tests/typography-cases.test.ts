/**
 * The golden cases of the typographic pass (tests/typography-cases/*.ts): one table row per case,
 * every rule in every quote style. Each row: what the author typed, and the HTML the book shows.
 */
import { describe, expect, it } from 'vitest';
import { apostrophes } from './typography-cases/apostrophes.ts';
import { dashes } from './typography-cases/dashes.ts';
import { type Case, typeset } from './typography-cases/helper.ts';
import { languages } from './typography-cases/languages.ts';
import { ellipses, primes, spaces } from './typography-cases/marks.ts';
import { options } from './typography-cases/options.ts';
import { quotes } from './typography-cases/quotes.ts';
import { verbatim } from './typography-cases/verbatim.ts';

const suites: Record<string, Case[]> = { quotes, apostrophes, dashes, ellipses, primes, spaces, verbatim, languages, options };

describe('typographic pass golden cases', () => {
  it('has at least 150 cases, each with a unique name', () => {
    const names = Object.values(suites).flatMap((cases) => cases.map((c) => c[0]));
    expect(names.length).toBeGreaterThanOrEqual(150);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const [suite, cases] of Object.entries(suites)) {
    describe(suite, () => {
      it.each(cases)('%s', (_name, input, expected, caseOptions) => {
        expect(typeset(input, caseOptions)).toBe(expected);
      });
    });
  }
});

describe('typography: a one-word quotation after a dash or a space, with another one-word quotation later', () => {
  // Generated words (none an elision such as 'tis or 'round): each quotation opens and closes.
  const letters = 'abcdefghijklmnoprstuvwy';
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const word = () => Array.from({ length: 3 + (next() % 6) }, () => letters[next() % letters.length]).join('');
  const cases = Array.from({ length: 60 }, () => {
    const before = ['--', '—', ' ', ' (', '–'][next() % 5] as string;
    return [before, word(), word()] as const;
  });
  it.each(cases)('said%s‘%s’ and ‘%s’', (before, a, b) => {
    const open = before.endsWith('(') ? '(' : '';
    const typed = `She said${before}'${a}'${open ? ')' : ''} and '${b}'.`;
    const out = typeset(typed, {});
    expect(out).toContain(`‘${a}’`);
    expect(out).toContain(`‘${b}’`);
  });
});
