/**
 * Properties of the print line breaker over generated paragraphs (fast-check, fixed seeds):
 * words of random widths (whole-word widths a little under the sum of their pieces, as kerning
 * makes them), hyphenation pieces, capitalised words, spaced and closed em dashes, hard hyphens,
 * titles, ties, newlines and inline boxes, in columns of random width with narrower first lines.
 * For every setting: each token (or piece) in exactly one line, in order; each line set to its
 * width, or short of it only by the shrink and letter spacing allowed, or overfull only where no
 * break is permitted; the rules never broken; looser and tighter settings one line apart; and
 * total fit never worse than first fit by TeX's demerits, with smaller ratios on average.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PassOptions } from '../src/output/print/linebreak/fit.ts';
import { buildItems } from '../src/output/print/linebreak/items.ts';
import { createBreaker, resolveRules, TITLES } from '../src/output/print/linebreak/knuth-plass.ts';
import type { LineWidths, Setting, Token } from '../src/output/print/linebreak/tokens.ts';
import { coverageProblems, leastDemerits, ruleProblems, widthProblems } from './helpers/linebreak.ts';

type Part = 'word' | 'dash' | 'closed-dash' | 'title' | 'hard-hyphen' | 'tie' | 'newline' | 'box';

/** A word or other part; `plain` is the weight of plain words against each other kind's 1. */
const partArb = (plain: number) =>
  fc.record({
    part: fc.oneof(
      { arbitrary: fc.constant<Part>('word'), weight: plain },
      fc.constantFrom<Part>('dash', 'closed-dash', 'title', 'hard-hyphen', 'tie', 'newline', 'box'),
    ),
    letters: fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 7 }), weight: 4 },
      { arbitrary: fc.integer({ min: 8, max: 14 }), weight: 1 },
    ),
    capital: fc.integer({ min: 0, max: 4 }),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 13 }), { maxLength: 4 }),
    charWidth: fc.double({ min: 4, max: 7, noNaN: true }),
    kerning: fc.double({ min: 0, max: 0.02, noNaN: true }),
  });
type Generated = ReturnType<typeof partArb> extends fc.Arbitrary<infer T> ? T : never;

const paragraph = (plain: number, words: [number, number], width: [number, number]) =>
  fc.record({
    parts: fc.array(partArb(plain), { minLength: words[0], maxLength: words[1] }),
    space: fc.double({ min: 3, max: 5, noNaN: true }),
    width: fc.integer({ min: width[0], max: width[1] }),
    narrow: fc.integer({ min: 0, max: 3 }),
    by: fc.integer({ min: 0, max: 60 }),
  });

/** Prose as novels have it, long paragraphs in a book's measure, and hostile mixes in narrow columns. */
const paragraphArb = fc.oneof(paragraph(60, [1, 160], [280, 420]), paragraph(8, [1, 40], [60, 300]));

const ALPHABET = 'etaoinshrdlucmfwypvbgkqjxz';

function makeWord(letters: number, capital: boolean, cuts: number[], charWidth: number, kerning: number, prefix = ''): Token {
  let text = prefix;
  for (let i = 0; i < letters; i++) text += ALPHABET[(i * 7 + letters) % ALPHABET.length];
  if (capital) text = prefix + text.charAt(prefix.length).toUpperCase() + text.slice(prefix.length + 1);
  const at = [...new Set(cuts.filter((c) => c < text.length))].sort((a, b) => a - b);
  const bounds = [0, ...at, text.length];
  const pieces = bounds.slice(1).map((end, k) => {
    const piece = text.slice(bounds[k], end);
    return { text: piece, width: piece.length * charWidth };
  });
  return { kind: 'word', text, width: text.length * charWidth * (1 - kerning), pieces, hyphenWidth: charWidth * 0.7 };
}

function tokensOf(p: { parts: Generated[]; space: number }): Token[] {
  const tokens: Token[] = [];
  const space: Token = { kind: 'space', width: p.space, stretch: p.space / 2, shrink: p.space / 3 };
  const plain = (w: Generated, prefix = '') => makeWord(w.letters, w.capital === 0, w.cuts, w.charWidth, w.kerning, prefix);
  for (const w of p.parts) {
    const gap = tokens.length && tokens.at(-1)?.kind !== 'newline' ? [space] : [];
    switch (w.part) {
      case 'dash':
        tokens.push(...gap, {
          kind: 'word',
          text: '—',
          width: w.charWidth * 2,
          pieces: [{ text: '—', width: w.charWidth * 2 }],
          hyphenWidth: 3,
        });
        break;
      case 'closed-dash':
        tokens.push(...gap, plain(w), { kind: 'break-after' }, plain({ ...w, letters: 4, cuts: [] }, '—'));
        break;
      case 'title':
        tokens.push(...gap, makeWord(2, true, [], w.charWidth, 0, ''), space, plain({ ...w, capital: 0 }));
        (tokens.at(-3) as { text: string }).text = 'Mr.';
        break;
      case 'hard-hyphen':
        tokens.push(...gap, plain({ ...w, letters: 4, cuts: [] }), { kind: 'break-after' }, plain(w));
        (tokens.at(-3) as { text: string }).text += '-';
        break;
      case 'tie':
        tokens.push(
          ...gap,
          plain(w),
          { kind: 'tie', width: p.space, stretch: p.space / 2, shrink: p.space / 3 },
          plain({ ...w, letters: 3 }),
        );
        break;
      case 'newline':
        tokens.push({ kind: 'newline' });
        break;
      case 'box':
        tokens.push(...gap, { kind: 'box', width: w.charWidth * w.letters });
        break;
      default:
        tokens.push(...gap, plain(w));
    }
  }
  return tokens;
}

const widthsOf =
  (p: { width: number; narrow: number; by: number }): LineWidths =>
  (line) =>
    line < p.narrow ? { width: p.width, indent: p.by } : { width: p.width };

const maxRatio = (s: Setting) => Math.max(0, ...s.lines.filter((l) => l.justified).map((l) => Math.abs(l.ratio)));
const rules = { maxHyphenLines: 2, titles: TITLES.en ?? [] };

describe('line breaker: properties', () => {
  it('keeps every token, sets every line to its width and breaks no rule', () => {
    const breaker = createBreaker();
    fc.assert(
      fc.property(paragraphArb, (p) => {
        const tokens = tokensOf(p);
        const widths = widthsOf(p);
        const found = breaker.settings(tokens, widths);
        const all = [found.best, found.tight, found.loose].filter((s): s is Setting => s !== undefined);
        for (const s of all) {
          expect(coverageProblems(tokens, s)).toEqual([]);
          expect(widthProblems(tokens, s, widths)).toEqual([]);
          expect(ruleProblems(tokens, s, rules)).toEqual([]);
        }
        if (found.tight) expect(found.tight.lines.length).toBe(found.best.lines.length - 1);
        if (found.loose) expect(found.loose.lines.length).toBe(found.best.lines.length + 1);
        expect(breaker.breakParagraph(tokens, widths, 1)?.lines.length).toBe(found.loose?.lines.length);
        expect(breaker.breakParagraph(tokens, widths)).toEqual(found.best);
        const greedy = breaker.greedy(tokens, widths);
        expect(coverageProblems(tokens, greedy)).toEqual([]);
        expect(ruleProblems(tokens, greedy, rules)).toEqual([]);
      }),
      { seed: 1981, numRuns: 400 },
    );
  });

  it('sets long paragraphs a line looser or tighter, keeping the rules', () => {
    const breaker = createBreaker();
    const seen = { tight: 0, loose: 0 };
    fc.assert(
      fc.property(paragraph(400, [150, 400], [300, 420]), (p) => {
        // Words as long as most of a novel's (the hostile mixes test the last resort above).
        const tokens = tokensOf({
          ...p,
          space: p.space + 1,
          parts: p.parts.map((w) => ({ ...w, letters: Math.min(w.letters, 9) })),
        });
        const widths = widthsOf(p);
        const found = breaker.settings(tokens, widths);
        for (const [s, lines] of [
          [found.tight, -1],
          [found.loose, 1],
        ] as const) {
          if (!s) continue;
          seen[lines < 0 ? 'tight' : 'loose']++;
          expect(s.lines.length).toBe(found.best.lines.length + lines);
          // A pass of its own (the tolerance pass, with hyphenation) may find a line more or less
          // with fewer demerits than the first pass's best: TeX keeps the first pass's.
          if (s.pass === found.best.pass) expect(s.demerits).toBeGreaterThanOrEqual(found.best.demerits);
          expect(breaker.breakParagraph(tokens, widths, lines)).toEqual(s);
          expect(coverageProblems(tokens, s)).toEqual([]);
          expect(widthProblems(tokens, s, widths)).toEqual([]);
          expect(ruleProblems(tokens, s, rules)).toEqual([]);
        }
      }),
      { seed: 2718, numRuns: 60 },
    );
    expect(seen.loose).toBeGreaterThan(20);
    expect(seen.tight).toBeGreaterThan(5);
  });

  it('finds the least demerits there are, as plain recursion over every sequence of breaks does', () => {
    let tried = 0;
    const weights = fc.record({
      adjDemerits: fc.constantFrom(0, 10000, 1e7),
      doubleHyphenDemerits: fc.constantFrom(0, 10000, 1e7),
      maxHyphenLines: fc.constantFrom(1, 2),
      hyphenPenalty: fc.constantFrom(-50, 0, 50),
    });
    fc.assert(
      fc.property(paragraph(30, [5, 80], [70, 300]), weights, (p, weighed) => {
        const resolved = resolveRules(weighed);
        const breaker = createBreaker(resolved);
        const tokens = tokensOf({
          ...p,
          space: p.space + 1,
          parts: p.parts.map((w) => ({ ...w, letters: Math.min(w.letters, 8) })),
        });
        const widths = widthsOf(p);
        const avail = (line: number) => widths(line).width - (widths(line).indent ?? 0);
        const best = breaker.breakParagraph(tokens, widths) as Setting;
        if (best.pass === 'last-resort') return;
        const options: PassOptions = {
          hyphens: best.pass !== 'pretolerance',
          tolerance: best.pass === 'pretolerance' ? 100 : 200,
          letters: best.pass === 'emergency' ? 0.01 : 0,
          expansion: resolved.maxExpansion,
          last: false,
        };
        const least = leastDemerits(buildItems(tokens, resolved), avail, options, resolved);
        tried++;
        expect(least).toBeDefined();
        expect(best.demerits).toBeCloseTo(least as number, 6);
      }),
      { seed: 1156, numRuns: 300 },
    );
    expect(tried).toBeGreaterThan(150);
  });

  it('sets no worse than first fit: fewer demerits when first fit is feasible, smaller ratios on average', () => {
    const breaker = createBreaker();
    const ratios = { total: [] as number[], first: [] as number[] };
    let compared = 0;
    fc.assert(
      fc.property(paragraphArb, (p) => {
        const tokens = tokensOf(p);
        const widths = widthsOf(p);
        const best = breaker.breakParagraph(tokens, widths) as Setting;
        const greedy = breaker.greedy(tokens, widths, best.pass !== 'pretolerance');
        ratios.total.push(maxRatio(best));
        ratios.first.push(maxRatio(greedy));
        if (best.pass !== 'pretolerance' && best.pass !== 'tolerance') return;
        const limit = Math.cbrt((best.pass === 'pretolerance' ? 100 : 200) / 100);
        const feasible = greedy.lines.every((l) => l.overfull === 0 && (!l.justified || (l.ratio <= limit && l.ratio >= -1)));
        if (!feasible) return;
        compared++;
        expect(best.demerits).toBeLessThanOrEqual(greedy.demerits * (1 + 1e-9) + 1e-9);
      }),
      { seed: 1129, numRuns: 400 },
    );
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(compared).toBeGreaterThan(40);
    expect(mean(ratios.total)).toBeLessThan(mean(ratios.first));
  });
});
