/**
 * A long book made up on the spot, for benches that need one when the corpus is absent: chapters
 * of paragraphs of words drawn from a small word list by a fixed-seed generator, so every run
 * writes the same text. About 1 MB at the default size (War and Peace is 3.2 MB).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WORDS = (
  'the sea was grey and the wind came off the land before dawn while she counted the ' +
  'ropes and he read the weather book aloud, “not yet,” said the pilot — the tide would turn ' +
  'at noon; lanterns swung over the deck, and nobody spoke of the harbour they had left'
).split(' ');

/** Writes the book as one .md file in a new temporary folder; returns the file's path. */
export function writeGeneratedBook(chapters = 120, paragraphsPerChapter = 40): string {
  let seed = 20240601;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const paragraph = () => {
    const words = Array.from({ length: 20 + (next() % 60) }, () => WORDS[next() % WORDS.length]);
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const parts = ['---\ntitle: A Generated Voyage\nauthor: Bench Writer\nlanguage: en\n---\n'];
  for (let c = 1; c <= chapters; c++) {
    parts.push(`# Chapter ${c}\n`);
    for (let p = 0; p < paragraphsPerChapter; p++) parts.push(`${paragraph()}\n`);
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'galley-bench-book-')), 'generated.md');
  writeFileSync(file, parts.join('\n'));
  return file;
}
