/**
 * Issue 12: every built-in theme previews the book of every element fiction needs
 * (tests/fixtures/books/elements) and, where ../shared is present, the real web-pasted seed, in
 * both views, as preview-themes.test.ts does the sample: the EPUB view and the print view each
 * show the book's chapter titles (the seed, untitled: its first and last words), and the print
 * view has the pages of the theme's own PDF of the book, page for page. One browser lays out the
 * pages and builds the PDFs (the preview's `session`); one shows the preview app. The seed's
 * suite does nothing when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { type PreviewHandle, preview } from '../src/core/preview.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { currentState, letters, openPreviewApp, pdfFilePages, previewPages } from './helpers/preview-pages.ts';
import { THEMES } from './helpers/theme-manifests.ts';
import { REPO, tempDir } from './helpers/tmp.ts';

const ELEMENTS = path.join(REPO, 'tests', 'fixtures', 'books', 'elements');
const SEED = path.join(REPO, '..', 'shared', 'seed', '000_ee611fcb0cfb0b3d.txt');

interface PreviewBook {
  name: string;
  input: string;
  /** What both views must show: the chapter titles, or for an untitled text its first and last words. */
  marks: () => string[];
  /** The first port its previews may take. */
  port: number;
  metadata?: { title: string; author: string };
}

/** The elements book's headings of level 1: its part and its chapters. */
const headings = () =>
  readdirSync(ELEMENTS)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) =>
      [...readFileSync(path.join(ELEMENTS, f), 'utf8').matchAll(/^# (.+?)(?:\s*\{.*\})?$/gm)].map((m) => m[1] as string),
    );

/** The first and last eight words of a text file. */
const ends = (file: string) => {
  const words = readFileSync(file, 'utf8').split(/\s+/).filter(Boolean);
  return [words.slice(0, 8).join(' '), words.slice(-8).join(' ')];
};

/**
 * The letters a view shows (its shadow root's text, every spread rendered): not its style sheets'
 * text, which innerText gives for an element that is not rendered.
 */
const VIEW_TEXT = `(view) => {
  const root = document.getElementById(view + '-view').shadowRoot;
  const style = document.createElement('style');
  style.textContent = '.spread, section { content-visibility: visible !important; }';
  root.append(style);
  const shown = [...root.children].filter((el) => !['style', 'link', 'script', 'template'].includes(el.localName));
  const text = shown.map((el) => el.innerText ?? el.textContent ?? '').join(' ');
  style.remove();
  return text;
}`;

function previewedInEveryTheme(book: PreviewBook, run: typeof describe | ReturnType<typeof describe.runIf> = describe) {
  run(`${book.name} previewed in every built-in theme`, () => {
    let session: BrowserSession;
    let browser: Browser;
    let page: Page;
    let out: string;

    beforeAll(async () => {
      out = tempDir('galley-preview-books-');
      session = await launchBrowser();
      ({ browser, page } = await openPreviewApp('about:blank'));
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await session?.close();
    });

    it.each(THEMES)(
      '%s: both views show its chapters, and the print view has its PDF’s pages',
      async (theme) => {
        const options = { input: book.input, session, theme, ...book.metadata };
        const built = await build({ ...options, out: path.join(out, theme), formats: ['pdf'] });
        const handle: PreviewHandle = await preview({ ...options, port: book.port });
        try {
          await page.goto(handle.url, { waitUntil: 'load' });
          await handle.settled();
          const state = await currentState(handle);
          expect([state.theme, state.error, state.printStatus]).toEqual([theme, undefined, 'ready']);
          await page.waitForFunction(
            (version) => Number(document.getElementById('status')?.textContent?.slice(1)) >= version,
            { timeout: 30_000 },
            state.version,
          );
          for (const view of ['epub', 'print'] as const) {
            await page.click(`#view-${view}`);
            const shown = letters((await page.evaluate(`(${VIEW_TEXT})(${JSON.stringify(view)})`)) as string);
            const missing = book.marks().filter((mark) => !shown.includes(letters(mark)));
            expect(missing, `${theme}, ${view} view`).toEqual([]);
          }
          const printed = await pdfFilePages(built.files.find((f) => f.format === 'pdf')?.path ?? '', state);
          const pages = await previewPages(page);
          expect(pages.length, `${theme}: pages`).toBe(printed.length);
          expect(pages).toEqual(printed);
        } finally {
          await handle.close();
        }
      },
      90_000,
    );
  });
}

previewedInEveryTheme({ name: 'the elements book', input: ELEMENTS, marks: headings, port: 4700 });
previewedInEveryTheme(
  {
    name: 'the seed (../shared)',
    input: SEED,
    marks: () => ends(SEED),
    port: 4720,
    metadata: { title: 'Seed', author: 'Seed Author' },
  },
  describe.runIf(existsSync(SEED)),
);
