/**
 * Manuscripts and edits made up from a seed, for the typesetting memo's test (typeset-memo.test.ts):
 * chapters of blocks with what a chapter read alone could get wrong — a quotation left open at a
 * chapter's end (the typographic pass carries it into the next chapter), a number range (the
 * file's convention for ranges), code blocks and `:::` containers and HTML comments at a
 * chapter's end or holding a `# ` line, a bare `~~~` (a scene break, or a code fence when one
 * closes it later in the file), footnotes and link definitions, duplicate chapter titles (their
 * ids), part titles, findings of `galley check`. Each edit is one a writer makes between saves.
 */
import { paragraphOf, pick, type Rand, random } from './seeded-prose.ts';

export interface MemoBook {
  /** book.yaml's (or the front matter's) lines. */
  meta: string[];
  chapters: { title: string; blocks: string[] }[];
}

const TITLES = ['The Will', 'Porthallow', 'A Letter', 'The Ferry', 'Low Tide', 'The Reading', 'Evening', 'The Keeper'];

/** Blocks a chapter is made of; the index is the kind. */
const KINDS: ((rand: Rand) => string)[] = [
  (rand) => paragraphOf(rand),
  (rand) => paragraphOf(rand, true),
  (rand) => `"${paragraphOf(rand)}`,
  (rand) => `'Tis said the ferry ran in 1805-6, and ${paragraphOf(rand).toLowerCase()}`,
  () => '* * *',
  () => '~~~',
  () => '```\nlet tide = 3;\n# not a chapter\n```',
  (rand) => `:::verse\nThe tide comes in, the tide goes out,\n${paragraphOf(rand)}\n:::`,
  (rand) => `:::letter\nDear Ambrose,\n\n${paragraphOf(rand)}\n:::`,
  () => '<!-- a note to myself -->',
  () => '<div class="aside">\n\nA word set apart.\n\n</div>',
  (rand) => `> ${paragraphOf(rand)}\n>\n> the the end of it.`,
  (rand) => `- ${paragraphOf(rand)}\n- the other one\n\n  still the other one`,
  (rand) => `## ${pick(rand, TITLES)}`,
  (rand) => `${paragraphOf(rand)}home.Then it rained.`,
  (rand) => `${paragraphOf(rand)}[^${Math.floor(rand() * 3)}]\n\n[^${Math.floor(rand() * 3)}]: ${paragraphOf(rand)}`,
  (rand) => `See [the map][m] and ${paragraphOf(rand)}\n\n[m]: https://example.com/map`,
  (rand) => `“${paragraphOf(rand)}”`,
];

/** Kinds often enough that most books hold a few of the rare ones. */
function block(rand: Rand): string {
  const kind = rand() < 0.6 ? Math.floor(rand() * 4) : Math.floor(rand() * KINDS.length);
  return (KINDS[kind] as (rand: Rand) => string)(rand);
}

export function memoBook(seed: number): { book: MemoBook; rand: Rand } {
  const rand = random(seed);
  const chapters = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => ({
    title: pick(rand, TITLES),
    blocks: Array.from({ length: 1 + Math.floor(rand() * 6) }, () => block(rand)),
  }));
  const meta = ['title: The Memo', 'author: Galley Tests', 'language: en-GB', 'parts: [The Reading]'];
  return { book: { meta, chapters }, rand };
}

/** The book as one Markdown file, its metadata as front matter. */
export function bookText(book: MemoBook): string {
  const chapters = book.chapters.map((c) => [`# ${c.title}`, ...c.blocks].join('\n\n'));
  return `---\n${book.meta.join('\n')}\n---\n\n${chapters.join('\n\n')}\n`;
}

/** The book as a folder: book.yaml and a file per chapter (file name → text). */
export function bookFiles(book: MemoBook): Map<string, string> {
  const files = new Map([['book.yaml', `${book.meta.join('\n')}\n`]]);
  book.chapters.forEach((c, i) => {
    files.set(`${String(i + 1).padStart(2, '0')}.md`, `${[`# ${c.title}`, ...c.blocks].join('\n\n')}\n`);
  });
  return files;
}

/** An edit a writer might make, applied in place; returns what it did. */
export function edit(book: MemoBook, rand: Rand): string {
  const chapter = pick(rand, book.chapters);
  const at = Math.floor(rand() * (chapter.blocks.length + 1));
  const r = rand();
  if (r < 0.2 && chapter.blocks.length > 0) {
    const i = Math.min(at, chapter.blocks.length - 1);
    chapter.blocks[i] = `${chapter.blocks[i]} ${pick(rand, ['Then', 'the the', '1814-15', 'he said.', '"Well'])}`;
    return 'a word';
  }
  if (r < 0.35) {
    chapter.blocks.splice(at, 0, block(rand));
    return 'a block';
  }
  if (r < 0.45 && chapter.blocks.length > 0) {
    chapter.blocks.splice(Math.min(at, chapter.blocks.length - 1), 1);
    return 'a block deleted';
  }
  if (r < 0.55) {
    chapter.blocks.push(`"${paragraphOf(rand)}`);
    return 'a quotation left open at the chapter’s end';
  }
  if (r < 0.65) {
    chapter.title = rand() < 0.3 ? 'The Reading' : `${pick(rand, TITLES)}${rand() < 0.5 ? ' {.unnumbered}' : ''}`;
    return 'a chapter renamed';
  }
  if (r < 0.72) {
    book.chapters.splice(Math.floor(rand() * book.chapters.length), 0, { title: pick(rand, TITLES), blocks: [block(rand)] });
    return 'a chapter added';
  }
  if (r < 0.77 && book.chapters.length > 1) {
    book.chapters.splice(book.chapters.indexOf(chapter), 1);
    return 'a chapter deleted';
  }
  if (r < 0.82) {
    chapter.blocks.push(pick(rand, ['```', '<!--', ':::verse', '~~~\nsome code']));
    return 'a construct left open at the chapter’s end';
  }
  if (r < 0.87) {
    book.meta[0] = `title: ${pick(rand, TITLES)}`;
    book.meta[3] = `parts: [${pick(rand, TITLES)}]`;
    return 'the metadata';
  }
  chapter.blocks.splice(at, 0, pick(rand, ['~~~', '```', '1805-6', '[^0]: A note.', '[m]: /m']));
  return 'a line that changes other chapters';
}
