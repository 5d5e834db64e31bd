/**
 * The print session (src/output/print/session.ts) as the preview uses it: the preview reaches the
 * print edition only through it, and laying out again only an edited chapter gives the pages a
 * whole layout of the edited book gives — the chapter's own, and every page after it (folios,
 * blanks, running heads) — also where chapters may open on a verso, so an edit that changes a
 * chapter's page count changes the parity the next chapter's facing pages are made up from.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
