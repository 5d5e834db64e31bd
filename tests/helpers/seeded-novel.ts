/**
 * A generated novel for the print measures (print-measures.ts), from a seed: two parts; long
 * chapters (so pages and spreads repeat), short ones (under a page, and of a page and a bit),
 * one whose first paragraph is a single short line (its drop cap then stands beside one line),
 * one ending on a tall image, footnotes, a letter set as a block quote, scene breaks, dialogue
 * with em dashes broken off, long capitalised names and titles before names (seeded-prose.ts).
 * The same seed writes the same book.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { narration, paragraphOf, type Rand, random } from './seeded-prose.ts';
import { tempDir } from './tmp.ts';

export interface SeededNovelOptions {
  seed?: number;
  /** Paragraphs in a long chapter (about 60 words each; 90 make some 12 pages). */
  long?: number;
}

const YAML = `title: The Penhallow Inheritance
author: Cassia Marrable
language: en-GB
publisher: Galley Test Press
date: 2026-06-01
dedication: For everyone who has read a will aloud.
parts: [The Will, The Reading]
`;

/** A tall drawing, as an author might end a chapter with a map or a plate. */
const PLATE = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900" viewBox="0 0 600 900">
<rect x="10" y="10" width="580" height="880" fill="none" stroke="black" stroke-width="6"/>
<path d="M300 120 L360 760 L240 760 Z" fill="none" stroke="black" stroke-width="8"/>
<circle cx="300" cy="110" r="40" fill="black"/>
</svg>
`;

interface ChapterPlan {
  title: string;
  paragraphs: number;
  oneLineStart?: boolean;
  image?: boolean;
  notes?: number;
  letter?: boolean;
  breakEvery?: number;
}

function chapter(rand: Rand, plan: ChapterPlan): string {
  const out: string[] = [`# ${plan.title}`, ''];
  const notes: string[] = [];
  for (let i = 0; i < plan.paragraphs; i++) {
    if (plan.breakEvery && i > 0 && i % plan.breakEvery === 0) out.push('* * *', '');
    let text = i === 0 && plan.oneLineStart ? 'It rained.' : paragraphOf(rand, i === 0);
    const noteAt = plan.notes ? Math.floor(((notes.length + 1) * plan.paragraphs) / (plan.notes + 1)) : -1;
    if (i === noteAt && notes.length < (plan.notes ?? 0)) {
      const label = `n${notes.length + 1}`;
      text += `[^${label}]`;
      notes.push(`[^${label}]: ${narration(rand)} ${narration(rand)}`);
    }
    out.push(text, '');
    if (plan.letter && i === Math.floor(plan.paragraphs / 2)) {
      const lines = [
        'My dear Wilhelmina,',
        narration(rand),
        `${narration(rand)} ${narration(rand)}`,
        'Yours, in haste, B. Pellow',
      ];
      out.push(...lines.flatMap((l) => [`> ${l}`, '>']).slice(0, -1), '');
    }
  }
  if (plan.image) out.push('![A lighthouse drawn in ink inside a ruled border](images/plate.svg)', '');
  out.push(...notes.flatMap((n) => [n, '']));
  return out.join('\n');
}

/** The chapters of the book, their lengths drawn from the seed. */
function plans(rand: Rand, long: number): ChapterPlan[] {
  const around = (n: number) => Math.max(1, Math.round(n * (0.85 + 0.3 * rand())));
  return [
    { title: 'The Reading of the Will', paragraphs: around(long), notes: 2, letter: true },
    { title: 'Rain at Porthallow', paragraphs: around(long * 0.6), oneLineStart: true, breakEvery: 9 },
    { title: 'A Short Interval', paragraphs: 4 },
    { title: 'The Plate', paragraphs: around(long * 0.4), image: true },
    { title: 'Mr. Ashworth Calls', paragraphs: around(long), breakEvery: 14 },
    { title: 'Nine Days', paragraphs: around(9) },
    { title: 'The Solicitor’s Clerk', paragraphs: around(long * 0.8), notes: 3 },
    { title: 'Low Water', paragraphs: around(long * 0.5), letter: true },
  ];
}

/** Writes the novel into a new folder (removed when the process exits) and returns its path. */
export function writeSeededNovel(options: SeededNovelOptions = {}): string {
  const rand = random(options.seed ?? 1813);
  const dir = path.join(tempDir('galley-seeded-novel-'), 'novel');
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  writeFileSync(path.join(dir, 'book.yaml'), YAML);
  writeFileSync(path.join(dir, 'images', 'plate.svg'), PLATE);
  const chapters = plans(rand, options.long ?? 90);
  const texts = ['# The Will\n', ...chapters.slice(0, 4).map((plan) => chapter(rand, plan)), '# The Reading\n'];
  texts.push(...chapters.slice(4).map((plan) => chapter(rand, plan)));
  const files = texts.map((text, i): [string, string] => [`${String(i + 1).padStart(2, '0')}.md`, text]);
  for (const [name, text] of files) writeFileSync(path.join(dir, name), text);
  return dir;
}
