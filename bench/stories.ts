/**
 * Short stories for the batch benchmark, made up here from word lists written for Galley (no
 * prose copied from anywhere): each a book folder with a book.yaml and one Markdown file of a
 * few chapters, typed as authors type — straight quotes, `--` for dashes, `...`, `* * *` and
 * extra blank lines for scene breaks. The same seed gives the same stories.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const NAMES = ['Maren', 'Tobias', 'Ilse', 'Corin', 'Hattie', 'Osric', 'Wren', 'Dace', 'Lio', 'Perpetua', 'Bram', 'Sunniva'];
const PLACES = ['the ferry dock', 'the lighthouse', 'the orchard', 'the station', 'the boathouse', 'the archive', 'the bakery'];
const THINGS = ['a lantern', 'the ledger', 'a brass key', 'the letter', 'a tin of matches', 'the map', 'a blue scarf'];
const VERBS = ['carried', 'studied', 'folded', 'hid', 'turned over', 'set down', 'weighed', 'pocketed'];
const WEATHER = ['rain', 'fog', 'a low wind', 'the first snow', 'a hard frost', 'grey light', 'the tide'];
const FEELINGS = ['tired', 'certain', 'afraid', 'glad', 'restless', 'patient', 'sorry'];
const TITLE_WORDS = ['Salt', 'Ledger', 'Lantern', 'Winter', 'Harbour', 'Orchard', 'Signal', 'Thaw', 'Crossing', 'Ember'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentenceMaker(next: () => number) {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  const templates = [
    () => `${pick(NAMES)} ${pick(VERBS)} ${pick(THINGS)} and walked down to ${pick(PLACES)}.`,
    () => `The ${pick(WEATHER).replace(/^(a|the) /, '')} came in over ${pick(PLACES)} before anyone was ready for it.`,
    () => `"I'm ${pick(FEELINGS)}," ${pick(NAMES)} said. "That's all -- I'm just ${pick(FEELINGS)}."`,
    () => `"Did you bring ${pick(THINGS)}?" "I thought you had it..."`,
    () => `It wasn't far to ${pick(PLACES)}, but in ${pick(WEATHER)} it felt like miles.`,
    () => `${pick(NAMES)} didn't answer. The question hung there, like ${pick(THINGS)} nobody would claim.`,
    () => `By the time the bells rang at ${pick(PLACES)}, ${pick(NAMES)} had ${pick(VERBS)} ${pick(THINGS)} twice.`,
    () => `"You said six o'clock," ${pick(NAMES)} said - not angry, only ${pick(FEELINGS)}.`,
  ];
  return () => pick(templates)();
}

/** One story's Markdown: `chapters` chapters of paragraphs, about `words` words in all. */
export function storyText(seed: number, words: number, chapters = 3): string {
  const next = random(seed);
  const sentence = sentenceMaker(next);
  const out: string[] = [];
  let count = 0;
  for (let c = 1; c <= chapters; c++) {
    out.push(`# ${['One', 'Two', 'Three', 'Four', 'Five'][c - 1] ?? String(c)}`, '');
    const target = (words * c) / chapters;
    let paragraphs = 0;
    while (count < target) {
      const paragraph = Array.from({ length: 3 + Math.floor(next() * 5) }, sentence).join(' ');
      count += paragraph.split(/\s+/).length;
      out.push(paragraph, '');
      paragraphs++;
      // A scene break now and then: a marker, or two blank lines.
      if (paragraphs % 9 === 0 && count < target) out.push(next() < 0.5 ? '* * *\n' : '\n');
    }
  }
  return out.join('\n');
}

export interface StoryShelf {
  folder: string;
  books: string[];
}

/** Writes `count` story folders (`story-001/` …) into `folder`: a folder of books. */
export function writeStories(folder: string, count: number, words: number): StoryShelf {
  const books: string[] = [];
  for (let i = 1; i <= count; i++) {
    const next = random(i * 7919);
    const title = `${TITLE_WORDS[Math.floor(next() * TITLE_WORDS.length)]} Story ${i}`;
    const book = path.join(folder, `story-${String(i).padStart(3, '0')}`);
    mkdirSync(book, { recursive: true });
    writeFileSync(path.join(book, 'book.yaml'), `title: ${title}\nauthor: Galley Bench\nlanguage: en\n`);
    writeFileSync(path.join(book, 'story.md'), storyText(i, words));
    books.push(book);
  }
  return { folder, books };
}
