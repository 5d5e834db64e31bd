/**
 * Issue 11's goals for the print interior, measured from the PDF alone (helpers/print-measures.ts)
 * on the sample book, the seeded test novel and — where ../shared is present — Pride and
 * Prejudice: even word spacing, hyphenation by the book's rules, facing pages ending on the same
 * line, chapter last pages of 3 lines or more, a drop cap on every opener, nothing in KDP's
 * gutter, no widows or orphans, no em dash starting a line. Each book is built and read once,
 * in beforeAll; each goal is a test naming the pages where it breaks.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { goalTests } from './helpers/goal-tests.ts';
import { buildPdf } from './helpers/novel.ts';
import { type CountKey, formatMeasures, measurePrintPdf, type PrintMeasures } from './helpers/print-measures.ts';
import { writeSeededNovel } from './helpers/seeded-novel.ts';
import { paragraphOf, random } from './helpers/seeded-prose.ts';
import { REPO, tempDir } from './helpers/tmp.ts';

const PRIDE = path.join(REPO, '..', 'shared', 'corpus', 'pride-and-prejudice', 'manuscript.md');

/**
 * Goals not met yet, per book: each is a test that is expected to fail (`it.fails`), so it
 * reports the day it is met and must then move here out of the list. See issue 11's note.
 * - word gaps: total fit with glyph expansion leaves a few loose lines, nearly all a
 *   paragraph's first line whose only breaks are either side of a title and its name ("and |
 *   Mr. Robinson;") or before a name that may not be hyphenated (the seeded novel's names are
 *   long on purpose: Kettlewell, Bartholomew, Treverrow).
 */
const NOT_YET: Record<string, CountKey[]> = {
  'the sample': [],
  'the seeded novel': ['over2', 'over15'],
  'Pride and Prejudice': ['over2'],
};

function goals(
  name: string,
  chapters: number,
  input: () => string,
  run: typeof describe | ReturnType<typeof describe.runIf> = describe,
) {
  run(`${name} in print`, () => {
    let m: PrintMeasures;
    let details: string[];

    beforeAll(async () => {
      const built = await buildPdf(input());
      details = built.details;
      m = await measurePrintPdf(built.file);
    }, 600_000);

    it('is printed from its sheets, each page as laid out (page-cut.js), never from the slower flow', () => {
      expect(details.filter((d) => d.includes('from its flow'))).toEqual([]);
    });

    it('is read as a book: its openers found, its lines and justified lines many', () => {
      expect(m.openers, formatMeasures(m, name)).toBe(chapters);
      expect(m.chapters).toBe(chapters);
      expect(m.justified).toBeGreaterThan(100);
    });

    goalTests(name, () => m, NOT_YET[name]);
  });
}

goals('the sample', 4, () => path.join(REPO, 'manuscript'));
goals('the seeded novel', 8, () => writeSeededNovel());
// Nothing runs when the suite is collected: where ../shared is absent it is skipped having done no work.
goals('Pride and Prejudice', 61, () => PRIDE, describe.runIf(existsSync(PRIDE)));

/** A pasted text (.txt): one chapter with no title, which prints no chapter number either. */
function untitledText(): string {
  const file = path.join(tempDir('galley-untitled-'), 'pasted.txt');
  const rand = random(31);
  writeFileSync(file, Array.from({ length: 40 }, () => paragraphOf(rand, true)).join('\n\n'));
  return file;
}

describe('a chapter with no title, in print', () => {
  // Its opener has no title to tell it: the measures find it by its sink (and its drop cap,
  // drawn, which they read only on pages that may hold a figure), and hold its last page as
  // the chapter's, not as a page that must face its verso on the same line.
  for (const [design, theme] of [
    ['with a drop cap', 'default'],
    ['with no drop cap', 'modern'],
  ] as const) {
    it(`is read as a chapter ${design} (${theme}): its opener found, its last page its own`, async () => {
      const built = await buildPdf(untitledText(), 'print', {}, { title: 'Pasted', author: 'A. Tester', theme });
      const m = await measurePrintPdf(built.file);
      expect([m.openers, m.chapters], formatMeasures(m, design)).toEqual([1, 1]);
      expect(m.facingDiffer.count, formatMeasures(m, design)).toBe(0);
    }, 120_000);
  }
});
