/**
 * The print session (src/output/print/session.ts) as the preview uses it: the preview reaches the
 * print edition only through it, and laying out again only an edited chapter gives the pages a
 * whole layout of the edited book gives — the chapter's own, and every page after it (folios,
 * blanks, running heads) — also where chapters may open on a verso, so an edit that changes a
 * chapter's page count changes the parity the next chapter's facing pages are made up from.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../src/book/model.ts';
import { typeset } from '../src/core/typeset.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { openPrint, type PrintPages } from '../src/output/print/session.ts';
import { REPO, tempDir } from './helpers/tmp.ts';

const PREVIEW = path.join(REPO, 'src', 'preview');

describe('the preview and the print session', () => {
  it('imports nothing under output/print but the session module', () => {
    const files = readdirSync(PREVIEW, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|js)$/.test(f));
    expect(files).toContain('print-view.ts');
    const imports = files.flatMap((f) => {
      const text = readFileSync(path.join(PREVIEW, f), 'utf8');
      return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => ({
        file: f,
        target: path.relative(REPO, path.resolve(PREVIEW, path.dirname(f), m[1] as string)),
      }));
    });
    const print = imports.filter((i) => i.target.startsWith(path.join('src', 'output', 'print')));
    expect(print.length).toBeGreaterThan(0);
    expect(print.filter((i) => i.target !== path.join('src', 'output', 'print', 'session.ts'))).toEqual([]);
  });
});

/** A chapter's pages: label, side, text block and furniture of each. */
function pagesOf(view: PrintPages, section: string): string[] {
  return view.pages.filter((p) => p.section === section).map((p) => JSON.stringify(p));
}

describe('relayOut', () => {
  let browser: BrowserSession;
  let folder: string;

  beforeAll(async () => {
    browser = await launchBrowser(undefined, true);
    folder = path.join(tempDir(), 'book');
    cpSync(path.join(REPO, 'manuscript'), folder, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function book(): Promise<Book> {
    return (await typeset({ input: folder })).book;
  }

  /** The pages of a whole layout of the book as it is now. */
  async function whole(): Promise<PrintPages> {
    const print = openPrint(await book(), { browser, purpose: 'preview' });
    try {
      await print.layOut();
      return print.view();
    } finally {
      await print.close();
    }
  }

  it('lays a chapter out alone as in the whole book', async () => {
    const first = await book();
    const print = openPrint(first, { browser, purpose: 'preview' });
    try {
      await print.layOut();
      const before = print.view();
      const id = first.body[2]?.id as string;
      const relaid = await print.relayOut(first, [id]);
      expect(relaid).toMatchObject({ whole: false, sections: [id] });
      expect(pagesOf(print.view(), id)).toEqual(pagesOf(before, id));
      expect(pagesOf(before, id).length).toBeGreaterThan(1);
    } finally {
      await print.close();
    }
  }, 120_000);

  for (const start of ['recto', 'any'] as const) {
    it(`gives the pages of a whole layout after an edit (chapters open on ${start === 'any' ? 'either side' : 'rectos'})`, async () => {
      const yaml = path.join(folder, 'book.yaml');
      const config = readFileSync(yaml, 'utf8').replace(/\nprint:[\s\S]*$/, '');
      writeFileSync(yaml, `${config}\nprint:\n  chapter-start: ${start}\n`);
      const original = await book();
      const print = openPrint(original, { browser, purpose: 'preview' });
      try {
        await print.layOut();
        const pagesBefore = print.view().pages.length;
        // A page more of text in the second chapter: its page count changes, and with it the
        // first page of every chapter after it.
        const file = path.join(folder, '02-the-weather-book.md');
        const added = 'The barometer fell all afternoon, and nobody on the island said a word about it. '.repeat(30);
        writeFileSync(file, `${readFileSync(file, 'utf8')}\n${added}\n`);
        const edited = await book();
        const relaid = await print.relayOut(edited);
        expect(relaid.whole).toBe(false);
        expect(relaid.sections[0]).toBe(edited.body[1]?.id);
        await relaid.rest?.();
        const view = print.view();
        expect(view.pages.length).toBeGreaterThan(pagesBefore);
        const fresh = await whole();
        expect(view.pages.map((p) => p.label)).toEqual(fresh.pages.map((p) => p.label));
        expect(view.pages).toEqual(fresh.pages);
      } finally {
        await print.close();
      }
    }, 180_000);
  }
});

/** Three chapters in one file, each of paragraphs long enough for a few pages; plain words only. */
function oneFileBook(seed: number): string[] {
  const words = ['harbour', 'lantern', 'weather', 'shingle', 'morning', 'rope', 'gull', 'tide', 'slate', 'window'];
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  const paragraph = (n: number) => {
    const first = `Paragraph${n}`;
    const rest = Array.from({ length: 40 + (next() % 40) }, () => words[next() % words.length]);
    return `${first} ${rest.join(' ')}.`;
  };
  const lines: string[] = [];
  let n = 0;
  for (const title of ['The First', 'The Second', 'The Third']) {
    lines.push(`# ${title}`, '');
    for (let k = 0; k < 12; k++) lines.push(paragraph(n++), '');
  }
  return lines;
}

describe('the manuscript line of each page', () => {
  let browser: BrowserSession;
  let folder: string;
  const file = () => path.join(folder, 'book.md');

  beforeAll(async () => {
    browser = await launchBrowser(undefined, true);
    folder = path.join(tempDir(), 'book');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'book.yaml'), 'title: Lines\nauthor: A. Tester\nlanguage: en\n');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Each page's line points at the line its first starting element comes from. */
  function expectLinesRight(view: PrintPages, manuscript: string[]): void {
    const placed = view.pages.filter((p) => p.line !== undefined);
    expect(placed.length).toBeGreaterThan(6);
    for (const page of placed) {
      const source = manuscript[(page.line as number) - 1] ?? '';
      const first = /^#?\s*(\S+)/.exec(source)?.[1] ?? '(blank line)';
      const text = page.html.replace(/<[^>]*>/g, '');
      expect(text, `page ${page.label}, line ${page.line}: ${source.slice(0, 40)}`).toContain(first);
    }
  }

  it('gives the lines of a fresh layout after edits that move later chapters’ lines', async () => {
    let manuscript = oneFileBook(7);
    writeFileSync(file(), manuscript.join('\n'));
    const first = (await typeset({ input: folder })).book;
    const print = openPrint(first, { browser, purpose: 'preview' });
    try {
      await print.layOut();
      expectLinesRight(print.view(), manuscript);
      // Each edit is in the first chapter: the lines of the second and third move.
      const edits: ((lines: string[]) => string[])[] = [
        (l) => [...l.slice(0, 4), 'A paragraph put in near the top of the first chapter.', '', ...l.slice(4)],
        // A comment, which prints nothing: the first chapter's HTML is as it was, its lines are not.
        (l) => [...l.slice(0, 6), '<!-- a note to myself -->', '', ...l.slice(6)],
        (l) => [...l.slice(0, 2), ...l.slice(4)],
      ];
      for (const change of edits) {
        manuscript = change(manuscript);
        writeFileSync(file(), manuscript.join('\n'));
        const edited = (await typeset({ input: folder })).book;
        const relaid = await print.relayOut(edited);
        await relaid.rest?.();
        expect(relaid.whole).toBe(false);
        expect(relaid.sections).toEqual([edited.body[0]?.id]);
        const view = print.view();
        expectLinesRight(view, manuscript);
        const fresh = openPrint(edited, { browser, purpose: 'preview' });
        try {
          await fresh.layOut();
          expect(view.pages).toEqual(fresh.view().pages);
        } finally {
          await fresh.close();
        }
      }
    } finally {
      await print.close();
    }
  }, 180_000);
});
