/**
 * The built-in themes' printed pages as the theme tests read them (from pdf-read.ts's words): the
 * body text's baselines on each full page and whether they stand on one grid, lines set tighter
 * than their words, a manuscript folder's chapter titles, and the fonts a PDF embeds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { linesOf } from './pdf-layout.ts';
import type { DrawnPage } from './pdf-read.ts';
import type { PdfFont } from './tools.ts';

/** The family names as PDFs write them: no spaces, no punctuation, lower case. */
export function squash(name: string): string {
  return name.replace(/[^a-z0-9]/gi, '').toLowerCase();
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The chapters' titles of a manuscript folder: each file's first `# ` heading, but its parts' (book.yaml `parts:`). */
export function chapterTitles(folder: string): string[] {
  const parts = /^parts:\s*\[(.*)\]/m.exec(readFileSync(path.join(folder, 'book.yaml'), 'utf8'))?.[1]?.split(',') ?? [];
  const partTitles = new Set(parts.map((p) => p.trim()));
  return readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .map((f) => /^# (.+)$/m.exec(readFileSync(path.join(folder, f), 'utf8'))?.[1]?.replace(/\s*\{.*\}$/, '') ?? '')
    .filter((title) => !partTitles.has(title));
}

/** Every baseline within half a point of one grid of `line` (its phase: the baselines' circular mean). */
export function expectOnGrid(pages: number[][], line: number, book: string): void {
  const all = pages.flat();
  const angle = (base: number) => (2 * Math.PI * base) / line;
  const phase = Math.atan2(sum(all.map((b) => Math.sin(angle(b)))), sum(all.map((b) => Math.cos(angle(b)))));
  for (const [n, baselines] of pages.entries()) {
    for (const base of baselines) {
      const off = (((base - (phase * line) / (2 * Math.PI)) % line) + line) % line;
      // Chromium places text on whole CSS pixels (0.75 pt): a baseline may stand 0.375 pt off.
      const miss = Math.min(off, line - off);
      expect(miss, `${book}, page ${n + 1}: a baseline at ${base.toFixed(2)} pt is off the ${line} pt grid`).toBeLessThan(0.5);
    }
  }
}

/**
 * The body text's baselines on each full page: pages of the body (after the contents, with an
 * arabic folio) that are not openers (no type larger than a heading's) unless their chapter is
 * among `openers`, with at least `least` lines; of their lines, those of at least `words` words
 * (default 1). The running head (the page's first line) and the folio are left out, and so is
 * every line not set in the body size: a smaller face on a line of its own (a note, a heading)
 * stands where its own metrics put it.
 */
export function fullPages(pages: DrawnPage[], options: { least: number; words?: number; openers?: string[] }): number[][] {
  const { least, words = 1, openers = [] } = options;
  const titles = new Set(openers.map(squash));
  const counts = new Map<number, number>();
  for (const word of pages.flatMap((p) => p.words)) {
    const size = Math.round(word.size * 100) / 100;
    counts.set(size, (counts.get(size) ?? 0) + 1);
  }
  const body = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const result: number[][] = [];
  // The body: the pages after the contents.
  const contents = pages.findLastIndex((p) => linesOf(p.words).some((l) => squash(l.text) === 'contents'));
  for (const page of pages.slice(contents + 1)) {
    const lines = linesOf(page.words);
    const opener = lines.some((l) => titles.has(squash(l.text)));
    if (!opener && page.words.some((w) => w.size > body * 1.6)) continue;
    const folio = lines.findIndex((l) => /^\d+$/.test(l.text));
    if ((folio === -1 && !opener) || lines.length < least) continue;
    const text = lines.filter(
      (l, i) => i !== folio && i !== 0 && l.words.length >= words && l.words.every((w) => Math.abs(w.size - body) < 0.05),
    );
    result.push(text.map((l) => Math.max(...l.words.map((w) => w.base))));
  }
  return result;
}

/**
 * Spaces squeezed to under a twentieth of an em between two words of one size (as in a line set
 * beside a drop cap it was not measured beside): each as its words and the gap.
 */
export function squeezedSpaces(pages: DrawnPage[]): string[] {
  return pages.flatMap((page) =>
    linesOf(page.words).flatMap((l) =>
      l.words.slice(1).flatMap((w, i) => {
        const before = l.words[i] as (typeof l.words)[number];
        const gap = w.xMin - before.xMax;
        const text = Math.abs(w.size - before.size) < 0.05 && w.size > 6;
        return text && gap < 0.05 * w.size ? [`${before.text} ${w.text} (${gap.toFixed(2)} pt)`] : [];
      }),
    ),
  );
}

/** Every font embedded, as TrueType or OpenType (no Type 3), and one of `families` (no fallback). */
export function expectOwnFaces(fonts: PdfFont[], families: string[]): void {
  expect(fonts.length).toBeGreaterThan(0);
  const own = families.map(squash);
  for (const font of fonts) {
    expect(font.embedded, font.name).toBe(true);
    expect(font.type, font.name).toMatch(/TrueType|OpenType|Type 1C/);
    expect(font.type, font.name).not.toMatch(/Type 3/);
    const name = squash(font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(
      own.some((family) => name.startsWith(family)),
      `${font.name} is not one of ${own.join(', ')}`,
    ).toBe(true);
  }
}
