/**
 * A made-up book for the page-footnote tests (print-notes.test.ts), from a seed: three chapters,
 * each with notes that cannot all stand whole on their calls' pages:
 *
 * - "The Ledger": a long note called in its first paragraph (the opener's sunk page has no room
 *   for all of it), then a short one called a little later, on the page the long one runs on to;
 * - "The Surveyor's Letter": a note longer than a whole page, called early in a long chapter;
 * - "Low Tide": a short chapter whose last paragraph calls a note longer than a page, so it runs
 *   on past the chapter's last line of text.
 *
 * Each note's words are given too, in order, as the reader should find them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { paragraph, random, sentence } from './prose.ts';
import { tempDir } from './tmp.ts';

export interface NotesBookChapter {
  title: string;
  /** The chapter's running text, its paragraphs in order (no notes, no calls). */
  paragraphs: string[];
  /** Its notes in order of their calls, with the paragraph each is called from. */
  notes: Array<{ text: string; calledFrom: number }>;
}

const YAML = `title: The Harbourmaster's Ledger
author: Tamsin Quiller
language: en-GB
publisher: Galley Test Press
date: 2026-06-01
`;

function prose(rand: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rand)).join(' ');
}

/** The chapters: paragraphs and notes drawn from the seed. */
export function notesBookChapters(seed = 1871): NotesBookChapter[] {
  const rand = random(seed);
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => paragraph(rand, i === 0));
  return [
    {
      title: 'The Ledger',
      paragraphs: paragraphs(40),
      // About 24 lines of notes, and one of 2 or 3.
      notes: [
        { text: `${prose(rand, 14)}\n\n    ${prose(rand, 6)}`, calledFrom: 0 },
        { text: prose(rand, 2), calledFrom: 3 },
      ],
    },
    {
      title: 'The Surveyor’s Letter',
      paragraphs: paragraphs(70),
      // About a page and a half.
      notes: [{ text: prose(rand, 60), calledFrom: 1 }],
    },
    {
      title: 'Low Tide',
      paragraphs: paragraphs(6),
      notes: [{ text: prose(rand, 55), calledFrom: 5 }],
    },
  ];
}

/** A chapter as Markdown: its paragraphs, each note's call after the paragraph it is called from, the notes. */
export function chapterMarkdown(chapter: NotesBookChapter): string {
  const out = [`# ${chapter.title}`, ''];
  chapter.paragraphs.forEach((text, i) => {
    const calls = chapter.notes.flatMap((note, n) => (note.calledFrom === i ? [`[^n${n + 1}]`] : []));
    out.push(text + calls.join(''), '');
  });
  chapter.notes.forEach((note, n) => {
    out.push(`[^n${n + 1}]: ${note.text}`, '');
  });
  return out.join('\n');
}

/** Writes the book into a new folder (removed when the process exits) and returns its path. */
export function writeNotesBook(chapters = notesBookChapters()): string {
  const dir = path.join(tempDir('galley-notes-book-'), 'book');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'book.yaml'), YAML);
  chapters.forEach((chapter, i) => {
    writeFileSync(path.join(dir, `${String(i + 1).padStart(2, '0')}.md`), chapterMarkdown(chapter));
  });
  return dir;
}
