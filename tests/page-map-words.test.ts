/**
 * The page map's first words (print/page-map.ts `startWords`) are found by the EPUB's page
 * placer (epub/page-places.ts) at the very place the page starts, for generated paragraphs whose
 * words the line breaker's tokens split: hard-hyphen compounds ("ninety-" | "six"), dash pairs
 * ("well—" | "known"), words hyphenated at a soft hyphen, and no-break spaces. A page may start
 * at any line: after a space, after such a split, or inside a word, where the marker goes before
 * the whole word (a dash pair is two words of the text).
 */
import { describe, expect, it } from 'vitest';
import { comparableWords, placePages } from '../src/output/epub/page-places.ts';
import type { Setting, Token } from '../src/output/print/linebreak/index.ts';
import { startWords } from '../src/output/print/page-map.ts';

/** A small seeded generator (mulberry32), so a failure is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['har', 'bour', 'lan', 'tern', 'mo', 'ra', 'gull', 'ket', 'tle', 'sto', 'ne', 'wick', 'ber', 'ry', 'fen'];

interface Made {
  tokens: Token[];
  text: string;
  /** Possible page starts: a token (and piece), and the text's word index the marker goes before. */
  starts: Array<{ from: number; fromPiece: number; word: number }>;
}

/** A paragraph of `n` words, tokenised as the page tokenises, with every place a line may start. */
function paragraph(next: () => number, n: number): Made {
  const pick = () => {
    const k = 1 + Math.floor(next() * 3);
    return Array.from({ length: k }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)] as string);
  };
  const tokens: Token[] = [];
  const starts: Made['starts'] = [];
  const texts: string[] = [];
  const word = (text: string, pieces = [text]) =>
    tokens.push({ kind: 'word', text, width: 10, pieces: pieces.map((p) => ({ text: p, width: 1 })), hyphenWidth: 1 });
  for (let w = 0; w < n; w++) {
    if (w > 0) tokens.push({ kind: next() < 0.2 ? 'tie' : 'space', width: 3, stretch: 1, shrink: 1 });
    const index = comparableWords(texts.join(' ')).length;
    const shape = next();
    starts.push({ from: tokens.length, fromPiece: 0, word: index });
    if (shape < 0.3) {
      // A compound the page breaks after its hyphen or dash: one word of the text, or two.
      const dash = shape >= 0.15;
      const [a, b] = [pick().join(''), pick().join('')];
      const joint = dash ? '—' : '-';
      word(`${a}${joint}`);
      tokens.push({ kind: 'break-after' });
      starts.push({ from: tokens.length, fromPiece: 0, word: dash ? index + 1 : index });
      word(b);
      texts.push(`${a}${joint}${b}`);
    } else {
      const pieces = pick();
      word(pieces.join(''), pieces);
      for (let p = 1; p < pieces.length; p++) starts.push({ from: tokens.length - 1, fromPiece: p, word: index });
      texts.push(pieces.join(''));
    }
  }
  return { tokens, text: texts.join(' '), starts };
}

describe('the page map’s first words', () => {
  it('are placed where each page starts, wherever in a generated paragraph it starts', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const made = paragraph(next, 900);
      const stream = comparableWords(made.text);
      // Pages more than the 40 words a page is given by apart (as a page's text is), each
      // starting at one of the places a line may start.
      const starts = Array.from(
        { length: 9 },
        (_, p) => made.starts[60 + p * 110 + Math.floor(next() * 20)] as Made['starts'][0],
      );
      const pages = starts.map((start) => {
        const setting = { lines: [{ from: start.from, fromPiece: start.fromPiece }] } as unknown as Setting;
        return comparableWords(startWords([{ tokens: made.tokens }], { unit: 0, line: 0 }, () => setting));
      });
      expect(placePages(stream, pages), `seed ${seed}`).toEqual(starts.map((s) => s.word));
    }
  });
});
