/**
 * Page footnotes in print, read from the PDF alone (pdf-read.ts, print-pages.ts) of a book made
 * for them (helpers/notes-book.ts): a long note called from a chapter's first paragraph, a short
 * one after it, a note longer than a page in a long chapter, and one called from a short
 * chapter's last paragraph. Each note starts on the page that calls it and runs on to the next
 * (the long ones over several); every word of each note is there once, in order; nothing is set
 * below the text block, a page a note runs on from ends on the block's last line; and the body's
 * text is all there, in order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type NotesBookChapter, notesBookChapters, writeNotesBook } from './helpers/notes-book.ts';
import { buildPdf } from './helpers/novel.ts';
import type { DrawnWord } from './helpers/pdf-read.ts';
import { type Book, type BookLine, type BookPage, readBook } from './helpers/print-pages.ts';
import { readPrintPdf } from './helpers/print-source.ts';

/** A text's words as the reader meets them: letters only (a call's number, a note's, quotes and stops left out), in lower case. */
function wordsOf(text: string): string[] {
  return (text
    .normalize('NFKC')
    .replace(/[’‘ʼʻ]/g, "'")
    .toLowerCase()
    .match(/\p{L}+(?:'\p{L}+)*/gu) ?? []) as string[];
}

/** Drawn words as text: a word broken at a soft hyphen joined to the rest of it. */
function joined(words: DrawnWord[]): string {
  return words.map((w, i) => (w.softHyphen ? w.text.slice(0, -1) : `${w.text}${i + 1 < words.length ? ' ' : ''}`)).join('');
}

interface NotePlace {
  /** The pages its lines stand on, in order (0-based), and its words. */
  pages: number[];
  words: DrawnWord[];
}

interface ChapterRead {
  pages: BookPage[];
  /** The pages each note's call stands on, by note number (from 1). */
  calls: Map<number, number>;
  notes: Map<number, NotePlace>;
  body: DrawnWord[];
}

const isNoteLine = (line: BookLine, bodySize: number) => line.size >= 0.8 * bodySize && line.size < 0.93 * bodySize;

/** A chapter's pages: its notes' lines (a note's first starts with its number; lines before any number run on from the page before), its calls, its body. */
function readChapter(book: Book, chapter: number): ChapterRead {
  const { bodySize } = book.geometry;
  const pages = book.pages.filter((p) => p.chapter === chapter);
  const calls = new Map<number, number>();
  const notes = new Map<number, NotePlace>();
  const body: DrawnWord[] = [];
  let current: NotePlace | undefined;
  for (const page of pages) {
    for (const word of page.words) {
      if (word.size < 0.8 * bodySize && /^\d+$/.test(word.text) && word.base < book.geometry.bottom + 1)
        calls.set(Number(word.text), page.index);
    }
    for (const line of page.lines) {
      if (!isNoteLine(line, bodySize)) {
        if (!line.display) body.push(...line.words);
        continue;
      }
      const number = /^(\d+)\.$/.exec(line.words[0]?.text ?? '');
      if (number) {
        current = { pages: [], words: [] };
        notes.set(Number(number[1]), current);
      }
      if (!current) throw new Error(`p. ${page.index + 1}: a note line before any note`);
      if (current.pages.at(-1) !== page.index) current.pages.push(page.index);
      current.words.push(...line.words.slice(number ? 1 : 0));
    }
  }
  return { pages, calls, notes, body };
}

describe('page footnotes in print', () => {
  const chapters: NotesBookChapter[] = notesBookChapters();
  let book: Book;
  let read: ChapterRead[];
  let texts: (string | undefined)[] | undefined;

  beforeAll(async () => {
    const built = await buildPdf(writeNotesBook(chapters));
    texts = built.pageTexts;
    book = readBook(await readPrintPdf(built.file));
    read = chapters.map((_, i) => readChapter(book, i));
  }, 300_000);

  it('prints the makeup’s pages: no note runs over its page into one Chromium makes', () => {
    // The layout's page map holds only when the printed pages are the makeup's, one for one.
    expect(texts?.length).toBe(book.pages.length);
    expect(texts?.slice(book.bodyStart).every((t) => t !== undefined)).toBe(true);
  });

  it('starts each note on the page that calls it', () => {
    chapters.forEach((chapter, c) => {
      chapter.notes.forEach((_, n) => {
        const call = read[c]?.calls.get(n + 1);
        expect(call, `${chapter.title}: note ${n + 1}'s call`).toBeDefined();
        expect(read[c]?.notes.get(n + 1)?.pages[0], `${chapter.title}: note ${n + 1}`).toBe(call);
      });
    });
  });

  it('runs a long note on to the next page, and one longer than a page over the pages after', () => {
    const consecutive = (pages: number[] | undefined) =>
      (pages ?? []).every((p, i, all) => i === 0 || p === (all[i - 1] as number) + 1);
    const ledger = read[0]?.notes.get(1)?.pages;
    expect(ledger?.length).toBe(2);
    for (const [c, least] of [
      [1, 3],
      [2, 3],
    ] as const) {
      const pages = read[c]?.notes.get(1)?.pages;
      expect(pages?.length, chapters[c]?.title).toBeGreaterThanOrEqual(least);
      expect(consecutive(pages), chapters[c]?.title).toBe(true);
    }
    expect(consecutive(ledger)).toBe(true);
    // The short note called on the page the long one runs on to stands below the rest of it.
    expect(read[0]?.notes.get(2)?.pages).toEqual([ledger?.[1]]);
  });

  it('sets every word of every note once, in order', () => {
    chapters.forEach((chapter, c) => {
      chapter.notes.forEach((note, n) => {
        const found = read[c]?.notes.get(n + 1);
        expect(wordsOf(joined(found?.words ?? [])), `${chapter.title}: note ${n + 1}`).toEqual(wordsOf(note.text));
      });
    });
  });

  it('sets nothing below the text block, and ends a page a note runs on from on its last line', () => {
    const { bottom } = book.geometry;
    for (const page of book.pages.filter((p) => p.chapter !== undefined)) {
      const below = page.words.filter((w) => w.base > bottom + 0.5);
      // The folio, alone.
      expect(
        below.map((w) => w.text),
        `p. ${page.index + 1}`,
      ).toEqual(below.length ? [expect.stringMatching(/^\d+$/)] : []);
    }
    for (const chapter of read) {
      for (const note of chapter.notes.values()) {
        for (const index of note.pages.slice(0, -1)) {
          const last = book.pages[index]?.lines.at(-1);
          expect(Math.abs((last?.base ?? 0) - bottom), `p. ${index + 1}`).toBeLessThan(0.5);
        }
      }
    }
  });

  it('keeps the body’s text whole and in order', () => {
    chapters.forEach((chapter, c) => {
      const source = wordsOf(chapter.paragraphs.join(' '));
      const printed = wordsOf(joined(read[c]?.body ?? []));
      // Before the text: the chapter's number, spelled out.
      expect(printed.length - source.length, chapter.title).toBeGreaterThanOrEqual(0);
      expect(printed.length - source.length, chapter.title).toBeLessThanOrEqual(2);
      expect(printed.slice(printed.length - source.length), chapter.title).toEqual(source);
    });
  });
});
