/**
 * The print line breaker (src/output/print/linebreak/), rule by rule, on paragraphs written here
 * with widths of 5 px a character and spaces of 4 px (stretch 2, shrink 4/3). The rules that
 * forbid breaks are tested in a column 1 px wide: there every line is overfull, and the last
 * resort ends each line at the first break it may take, so the lines' ends are exactly the
 * breaks permitted; each test also turns its rule off and sees the break come back. Properties
 * over generated paragraphs: linebreak-property.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { printSchema } from '../src/config/print-schema.ts';
import { buildItems } from '../src/output/print/linebreak/items.ts';
import {
  breakParagraph,
  createBreaker,
  resolveRules,
  rulesFromPrint,
  settings,
} from '../src/output/print/linebreak/knuth-plass.ts';
import { DEFAULT_RULES } from '../src/output/print/linebreak/rules.ts';
import type { Setting, Token } from '../src/output/print/linebreak/tokens.ts';
import { coverageProblems, fixed, leastDemerits, prose, SPACE, widthProblems, word } from './helpers/linebreak.ts';

const set = (tokens: Token[], width: number, rules = {}) => breakParagraph(tokens, fixed(width), rules) as Setting;
/** The word each line ends with (a hyphenated one with its hyphen). */
const ends = (tokens: Token[], s: Setting) =>
  s.lines.map((l) => {
    let at = l.to;
    while (at > l.from && tokens[at]?.kind !== 'word') at--;
    const t = tokens[at];
    if (t?.kind !== 'word') return '';
    const first = at === l.from ? l.fromPiece : 0;
    const last = l.hyphenated ? l.toPiece : t.pieces.length - 1;
    const text =
      first === 0 && !l.hyphenated
        ? t.text
        : t.pieces
            .slice(first, last + 1)
            .map((p) => p.text)
            .join('');
    return l.hyphenated ? `${text}-` : text;
  });
const sound = (tokens: Token[], s: Setting, width: number) => {
  expect(coverageProblems(tokens, s)).toEqual([]);
  expect(widthProblems(tokens, s, fixed(width))).toEqual([]);
};

describe('line breaker: setting', () => {
  const text =
    'the sea was grey and the wind came off the land before dawn while she counted the ropes and he read the weather book aloud';

  it('sets every line to its width, the last at natural spacing, nothing lost', () => {
    const tokens = prose(text);
    const s = set(tokens, 150);
    sound(tokens, s, 150);
    expect(s.lines.length).toBeGreaterThan(2);
    const last = s.lines.at(-1);
    expect(last?.justified).toBe(false);
    expect(last?.wordSpacing).toBe(0);
    expect(s.lines.slice(0, -1).every((l) => l.justified && Math.abs(l.ratio) <= Math.cbrt(2))).toBe(true);
  });

  it('keeps a best setting per fitness class: adjacent lines of very different tightness cost', () => {
    // Found by search: keeping one node per break and line count, whatever its lines' tightness,
    // sets this paragraph with more demerits than there need be.
    const text = 'there their anywhere day then so station boots everything with answered table as into been up the some';
    const tokens = prose(text);
    // Without glyph expansion, so that only letter spacing can save the tolerance pass.
    const rules = resolveRules({ pretolerance: -1, maxExpansion: 0 });
    const s = set(tokens, 150, rules);
    const pass = { hyphens: true, tolerance: 200, letters: 0.01, expansion: 0, last: false };
    expect(s.pass).toBe('emergency');
    expect(s.demerits).toBeCloseTo(leastDemerits(buildItems(tokens, rules), () => 150, pass, rules) as number, 6);
  });

  it('uses the first pass, without hyphenation, when it is enough', () => {
    const tokens = prose(text.replace(/weather/, 'wea|ther'));
    const s = set(tokens, 300);
    expect(s.pass).toBe('pretolerance');
    expect(s.lines.some((l) => l.hyphenated)).toBe(false);
  });

  it('gives narrower first lines their own width (a drop cap)', () => {
    const tokens = prose(text);
    const widths = fixed(300, { lines: 2, by: 60 });
    const s = breakParagraph(tokens, widths) as Setting;
    expect(coverageProblems(tokens, s)).toEqual([]);
    expect(widthProblems(tokens, s, widths)).toEqual([]);
  });

  it('ends a line at a newline and sets it ragged', () => {
    const tokens = prose('a few words\nthen more words after the forced break and some more to fill');
    const s = set(tokens, 300);
    sound(tokens, s, 300);
    expect(tokens[s.lines[0]?.to ?? -1]?.kind).toBe('newline');
    expect(s.lines[0]?.justified).toBe(false);
  });

  it('gives a word wider than the line a line of its own, and keeps every word', () => {
    const tokens = prose('a nonhyphenatablewordmuchtoolong b');
    const s = set(tokens, 60);
    expect(coverageProblems(tokens, s)).toEqual([]);
    expect(s.pass).toBe('last-resort');
    expect(s.lines.map((l) => l.overfull > 0)).toEqual([false, true, false]);
  });

  it('returns a setting for no tokens, and for spaces alone', () => {
    expect(set([], 100).lines).toEqual([]);
    const spaces = [SPACE, SPACE];
    expect(coverageProblems(spaces, set(spaces, 100))).toEqual([]);
  });

  it('letter-spaces only when word spacing cannot do it, within ±1%', () => {
    // Two long words: their one space cannot stretch 30 px within the tolerance.
    const tokens = prose('abcdefghijklmnopqrst abcdefghijklmnopqrst abcd');
    const width = 20 * 5 * 2 + 4 + 2 * 1.26 + 1.5;
    const s = set(tokens, width, { maxExpansion: 0 });
    sound(tokens, s, width);
    expect(s.pass).toBe('emergency');
    expect(s.lines[0]?.letterSpacing).toBeGreaterThan(0);
    expect(set(tokens, width, { maxLetterSpacing: 0, maxExpansion: 0 }).lines[0]?.letterSpacing).toBe(0);
  });

  it('expands the glyphs with the spaces, at one ratio, within ±3%', () => {
    // One space of 4 px (stretch 2, shrink 4/3) between words of 200 px and 100 px, then a last line.
    const tokens = prose(`${'a'.repeat(40)} ${'b'.repeat(20)} ${'c'.repeat(10)}`);
    const words = 300;
    const most = 0.03;
    expect(DEFAULT_RULES.maxExpansion).toBe(most);
    for (const give of [-4, -1, 1, 3, 7, 10]) {
      const width = words + 4 + give;
      const s = set(tokens, width);
      sound(tokens, s, width);
      const line = s.lines[0] as Setting['lines'][number];
      // The space and the glyphs give at the same ratio: each its share of the difference.
      const room = give > 0 ? 2 + most * words : 4 / 3 + most * words;
      expect(line.expansion).toBeCloseTo((give / room) * most, 9);
      expect(line.wordSpacing).toBeCloseTo((give / room) * (give > 0 ? 2 : 4 / 3), 9);
      expect(line.letterSpacing).toBe(0);
      expect(s.pass).toBe('pretolerance');
    }
    // Past ±3% the glyphs stay at 3% and the space alone takes the rest (up to the tolerance).
    const loose = set(tokens, words + 4 + 11.5);
    expect(loose.pass).toBe('tolerance');
    expect(loose.lines[0]?.expansion).toBeCloseTo(most, 9);
    expect(loose.lines[0]?.wordSpacing).toBeCloseTo(2.5, 9);
    // Turned off, the space does it all.
    const off = set(tokens, words + 4 + 2.4, { maxExpansion: 0 }).lines[0] as Setting['lines'][number];
    expect(off.expansion).toBe(0);
    expect(off.wordSpacing).toBeCloseTo(2.4, 9);
  });
});

/** The line ends in a column too narrow for anything: the breaks the rules permit. */
const permitted = (tokens: Token[], rules = {}) => ends(tokens, set(tokens, 1, rules));

describe('line breaker: hyphenation rules', () => {
  const hyphenated = (w: Token, rules = {}) => permitted([word('aaaa'), SPACE, w, SPACE, word('zz')], rules);

  it('never hyphenates a capitalised word by default', () => {
    expect(hyphenated(word('Eli|za|beth'))).toEqual(['aaaa', 'Elizabeth', 'zz']);
    expect(hyphenated(word('Eli|za|beth'), { hyphenateCapitalised: true })).toEqual(['aaaa', 'Eli-', 'za-', 'beth', 'zz']);
    expect(hyphenated(word('eli|za|beth', true))).not.toContain('eli-');
    expect(hyphenated(word('“Eli|za|beth'))).not.toContain('“Eli-');
    // In a real column, too: the name is not split even where splitting it would set best.
    const tokens = [word('aaaa'), SPACE, word('Eli|za|beth'), SPACE, word('zz')];
    const w = 20 + 4 + 15 + 6;
    expect(ends(tokens, set(tokens, w, { hyphenateCapitalised: true }))).toContain('Eli-');
    expect(ends(tokens, set(tokens, w))).not.toContain('Eli-');
  });

  it('leaves 3 letters before and after a break, in words of 6 letters or more', () => {
    expect(hyphenated(word('ab|cdefgh'))).not.toContain('ab-');
    expect(hyphenated(word('ab|cdefgh'), { hyphenMinLeft: 2 })).toContain('ab-');
    expect(hyphenated(word('abcde|fg'))).not.toContain('abcde-');
    expect(hyphenated(word('abcde|fg'), { hyphenMinRight: 2 })).toContain('abcde-');
    expect(hyphenated(word('abc|def'), { hyphenMinWord: 7 })).not.toContain('abc-');
    expect(hyphenated(word('abc|de'), { hyphenMinRight: 2 })).not.toContain('abc-');
    expect(hyphenated(word('abc|de'), { hyphenMinWord: 5, hyphenMinRight: 2 })).toContain('abc-');
    expect(hyphenated(word('“ab|cdef'))).not.toContain('“ab-');
    expect(hyphenated(word('abc|def'))).toContain('abc-');
  });

  it('never hyphenates the last word of a paragraph', () => {
    expect(permitted([word('aaaa'), SPACE, word('abc|defgh')])).toEqual(['aaaa', 'abcdefgh']);
    expect(permitted([word('aaaa'), SPACE, word('abc|defgh'), SPACE, word('zz')])).toContain('abc-');
  });

  it('sets at most two hyphenated lines in a row', () => {
    const tokens = [word('abc|def|ghi|jkl|mno'), SPACE, word('zz')];
    expect(permitted(tokens)).toEqual(['abc-', 'def-', 'ghijklmno', 'zz']);
    expect(permitted(tokens, { maxHyphenLines: 1 })).toEqual(['abc-', 'defghijklmno', 'zz']);
    expect(permitted(tokens, { maxHyphenLines: 0 })).toEqual(['abc-', 'def-', 'ghi-', 'jkl-', 'mno', 'zz']);
  });

  it('turns hyphenation off', () => {
    expect(hyphenated(word('abc|def'), { hyphenate: false })).toEqual(['aaaa', 'abcdef', 'zz']);
  });
});

describe('line breaker: breaks kept together', () => {
  it('never starts a line with an em dash, spaced or not', () => {
    const spaced = prose('aaaa — bbbb ― cccc – dddd');
    expect(permitted(spaced)).toEqual(['—', '―', '–', 'dddd']);
    expect(permitted(spaced, { noDashAtLineStart: false })).toEqual(['aaaa', '—', 'bbbb', '―', 'cccc', '–', 'dddd']);
    const closed = [word('aaaa'), { kind: 'break-after' }, word('—bbbb'), SPACE, word('“—cccc')] as Token[];
    expect(permitted(closed)).toEqual(['“—cccc']);
    expect(permitted(closed, { noDashAtLineStart: false })).toEqual(['aaaa', '—bbbb', '“—cccc']);
    const range = prose('in 1914–1918 and');
    expect(permitted(range)).toEqual(['in', '1914–1918', 'and']);
  });

  it('keeps a title with the name after it, by the language', () => {
    const english = prose('said Mr. Bennet to Mrs Bennet and Dr. Jones');
    expect(permitted(english)).toEqual(['said', 'Bennet', 'to', 'Bennet', 'and', 'Jones']);
    expect(permitted(english, { language: 'fr' })).toContain('Mr.');
    expect(permitted(prose('dit M. Bovary à Mme Bovary'), { language: 'fr-CA' })).toEqual(['dit', 'Bovary', 'à', 'Bovary']);
    expect(permitted(prose('sagte Hr. Weber'), { language: 'de' })).toEqual(['sagte', 'Weber']);
    expect(permitted(prose('dijo Sra. López'), { language: 'es' })).toEqual(['dijo', 'López']);
    expect(permitted(prose('said “Mr. Bennet'))).toEqual(['said', 'Bennet']);
    expect(permitted(prose('said Lady Lucas'), { titles: ['Lady'] })).toEqual(['said', 'Lucas']);
    expect(permitted(english, { keepTitles: false })).toEqual([
      'said',
      'Mr.',
      'Bennet',
      'to',
      'Mrs',
      'Bennet',
      'and',
      'Dr.',
      'Jones',
    ]);
    expect(permitted(prose('said Lady Lucas'), { keepTitles: false, titles: ['Lady'] })).toEqual(['said', 'Lucas']);
  });

  it('never breaks at a tie', () => {
    expect(permitted(prose('aaaa bbbb~ cccc'))).toEqual(['aaaa', 'cccc']);
  });

  it('breaks after a hard hyphen, and counts it among the lines ending in a hyphen', () => {
    const tokens = [word('well-'), { kind: 'break-after' }, word('abc|def'), SPACE, word('zz')] as Token[];
    expect(permitted(tokens)).toEqual(['well-', 'abc-', 'def', 'zz']);
    expect(permitted(tokens, { maxHyphenLines: 1 })).toEqual(['well-', 'abcdef', 'zz']);
    const s = set(tokens, 1);
    expect(s.lines[0]?.hyphenated).toBe(false);
    expect(s.lines[1]?.hyphenated).toBe(true);
  });
});

describe('line breaker: looseness', () => {
  const once =
    'she walked down to the harbour in the grey morning and waited for the ferry while the gulls turned over the water and the wind came off the land';
  const tokens = prose([once, once, once].join(' '));

  it('sets a paragraph a line longer or shorter when it can', () => {
    const found = settings(tokens, fixed(260));
    const n = found.best.lines.length;
    expect(found.loose?.lines.length).toBe(n + 1);
    if (found.tight) expect(found.tight.lines.length).toBe(n - 1);
    expect(breakParagraph(tokens, fixed(260), {}, 1)?.lines.length).toBe(n + 1);
    for (const s of [found.tight, found.loose]) if (s) expect(widthProblems(tokens, s, fixed(260))).toEqual([]);
    expect(found.best.demerits).toBeLessThanOrEqual(found.loose?.demerits ?? Number.POSITIVE_INFINITY);
  });

  it('sets a very long paragraph without looseness (its cost would grow with the square)', () => {
    const tokens = prose(Array.from({ length: 150 }, () => once).join(' '));
    const found = settings(tokens, fixed(260));
    expect(coverageProblems(tokens, found.best)).toEqual([]);
    expect(found.loose).toBeUndefined();
    expect(breakParagraph(tokens, fixed(260), {}, 1)).toBeUndefined();
    const shorter = prose(Array.from({ length: 20 }, () => once).join(' '));
    expect(settings(shorter, fixed(260)).loose).toBeDefined();
  });

  it('returns no looser setting when none is feasible', () => {
    const two = prose('aaaa bbbb');
    expect(breakParagraph(two, fixed(200), {}, 1)).toBeUndefined();
    expect(settings(two, fixed(200)).tight).toBeUndefined();
  });
});

describe('line breaker: rules from book.yaml', () => {
  it('reads the print: keys', () => {
    const print = printSchema.parse({
      'hyphenate-capitalised': true,
      'hyphen-min-left': 2,
      'max-hyphen-lines': 3,
      tolerance: 400,
      'max-letter-spacing': 0.5,
      'max-expansion': 1.5,
      'keep-with-next': ['Lady'],
      'keep-titles': false,
    });
    const rules = rulesFromPrint(print, 'en-GB');
    expect(rules).toMatchObject({
      hyphenateCapitalised: true,
      hyphenMinLeft: 2,
      hyphenMinRight: 3,
      maxHyphenLines: 3,
      tolerance: 400,
      maxLetterSpacing: 0.005,
      maxExpansion: 0.015,
      titles: ['Lady'],
      keepTitles: false,
      language: 'en-GB',
    });
    const defaults = rulesFromPrint(printSchema.parse({}), 'en');
    expect(defaults).toMatchObject({
      hyphenateCapitalised: false,
      hyphenMinLeft: 3,
      hyphenMinWord: 6,
      maxHyphenLines: 2,
      tolerance: 200,
      pretolerance: 100,
      maxLetterSpacing: 0.01,
      maxExpansion: 0.03,
      keepTitles: true,
    });
    expect(() => printSchema.parse({ 'hyphen-min-left': 0 })).toThrow();
    expect(() => printSchema.parse({ 'max-expansion': 6 })).toThrow();
  });

  it('one breaker serves many paragraphs with the same result as one call each', () => {
    const breaker = createBreaker({});
    const a = prose('the sea was grey and the wind came off the land before dawn while she counted');
    const b = prose('ropes and he read the weather book aloud');
    const first = breaker.breakParagraph(a, fixed(200));
    breaker.breakParagraph(b, fixed(200));
    expect(breaker.breakParagraph(a, fixed(200))).toEqual(first);
    expect(breakParagraph(a, fixed(200))).toEqual(first);
  });
});
