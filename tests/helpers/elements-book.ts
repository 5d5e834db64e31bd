/**
 * The elements book (tests/fixtures/books/elements): a short book with every element fiction
 * needs (verse, letters, chat, epigraphs, parts…), its parts as book.yaml names them, its
 * chapters, and its print measures. At 15 pages, most of them a chapter's first or last page, it
 * cannot show its own text block and word space, so its measures take them from another PDF of
 * the same theme (the sample's), and its part pages (a title and an epigraph, which would read as
 * an opener) are found by their titles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { measureBook, type PrintMeasures } from './print-measures.ts';
import { readBook } from './print-pages.ts';
import { readPrintPdf } from './print-source.ts';
import { declaredLeadIn } from './theme-manifests.ts';
import { REPO } from './tmp.ts';

export const ELEMENTS = path.join(REPO, 'tests', 'fixtures', 'books', 'elements');

/** Its parts, as its book.yaml names them. */
export const PARTS = (parse(readFileSync(path.join(ELEMENTS, 'book.yaml'), 'utf8')) as { parts: string[] }).parts;

/** Its chapters: its other headings of level 1. */
export const CHAPTERS = readdirSync(ELEMENTS)
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => [...readFileSync(path.join(ELEMENTS, f), 'utf8').matchAll(/^# (.+?)(?:\s*\{.*\})?$/gm)].map((m) => m[1]))
  .filter((title) => !PARTS.includes(title as string));

/** Its print measures, read with the design (text block, word space) of `design`, a PDF of the same theme. */
export async function elementsMeasures(pdf: string, design: PrintMeasures, theme: string): Promise<PrintMeasures> {
  const source = await readPrintPdf(pdf);
  const displayed = (lines: { display: boolean; text: string }[]) =>
    lines
      .filter((l) => l.display)
      .map((l) => l.text)
      .join(' ')
      .toLowerCase();
  const parts = readBook({ ...source, geometry: design.geometry })
    .pages.filter((page) => PARTS.some((part) => displayed(page.lines) === part.toLowerCase()))
    .map((page) => page.index);
  expect(parts, `${theme}: the part pages`).toHaveLength(PARTS.length);
  return measureBook(source, { leadIn: declaredLeadIn(theme), design, parts });
}
