/**
 * The live preview under every built-in theme, in both its views. One preview of a copy of the
 * sample book (manuscript/) runs for the whole file; book.yaml's `theme:` is switched from theme
 * to theme while it runs, as an author would. For each theme, the print view and the EPUB view
 * show the chapter opener as that theme's theme.json says — the title's face and the text's
 * (loaded, not a fallback), the chapter number as the theme writes it, a drop cap and a
 * small-caps lead-in where the theme has them, the head's ornament and rule — and the print view
 * has the pages of the theme's own PDF, page for page. Then `--theme` (the library's `theme`)
 * wins over book.yaml, and a theme folder outside the book is watched once book.yaml names it.
 *
 * One browser lays out the pages and builds the PDFs (the preview's `session`); one shows the
 * preview app.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { type PreviewHandle, type PreviewState, preview } from '../src/core/preview.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { TEMPLATES_DIR } from '../src/output/theme.ts';
import { listThemes } from '../src/output/theme-list.ts';
import { currentState, openPreviewApp, pdfFilePages, previewPages } from './helpers/preview-pages.ts';
import { write } from './helpers/theme-books.ts';
import { REPO, tempDir } from './helpers/tmp.ts';

/** The built-in themes, default first (as `galley themes` lists them; checked below). */
const THEMES = readdirSync(TEMPLATES_DIR)
  .filter((name) => existsSync(path.join(TEMPLATES_DIR, name, 'theme.json')))
  .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));

interface Manifest {
  extends?: string;
  fonts?: { family?: string; role?: string; none?: true }[];
  print?: { 'font-size'?: string; 'lead-in'?: string };
  chapter?: { number?: string; label?: boolean; ornament?: string; rule?: boolean };
  'lead-in'?: string;
}

const manifest = (theme: string): Manifest =>
  JSON.parse(readFileSync(path.join(TEMPLATES_DIR, theme, 'theme.json'), 'utf8')) as Manifest;

/** A theme's setting, its own or its parent's. */
function inherited<T>(theme: string, get: (m: Manifest) => T | undefined): T | undefined {
  const own = manifest(theme);
  return get(own) ?? (own.extends ? inherited(own.extends, get) : undefined);
}

/** The family of a role: the theme's font of that role, or its parent's, unless one turns it off. */
function family(theme: string, role: string): string | undefined {
  const font = inherited(theme, (m) => m.fonts?.find((f) => f.role === role) ?? undefined);
  return font?.none ? undefined : font?.family;
}

/** What the first chapter's opener shows under a theme, as its theme.json says. */
interface Opener {
  title: string;
  text: string;
  /** The body size, in CSS pixels. */
  size: string;
  number: string;
  dropCap: boolean;
  leadIn: boolean;
  ornament: string | null;
  rule: boolean;
}

const NUMBERS: Record<string, string> = { words: 'one', ordinal: 'first', numerals: '1', roman: 'i' };

function expected(theme: string): Opener {
  const text = family(theme, 'text') ?? '';
  const chapter = inherited(theme, (m) => m.chapter) ?? {};
  // `print.lead-in: drop-cap`, from before `both`, means both.
  const printLeadIn = inherited(theme, (m) => m.print?.['lead-in']);
  const leadIn = inherited(theme, (m) => m['lead-in']) ?? (printLeadIn === 'drop-cap' ? 'both' : printLeadIn);
  const ornament = chapter.ornament;
  // Unset, the number is as English sets it: in words.
  const number = NUMBERS[chapter.number ?? 'words'] ?? '';
  return {
    title: family(theme, 'display') ?? text,
    text,
    size: `${(Number.parseFloat(inherited(theme, (m) => m.print?.['font-size']) ?? '') * 4) / 3}px`,
    number: chapter.label ? `chapter ${number}` : number,
    dropCap: leadIn === 'drop-cap' || leadIn === 'both',
    leadIn: leadIn === 'small-caps' || leadIn === 'both',
    ornament: ornament && ornament !== 'none' ? ornament : null,
    rule: chapter.rule === true,
  };
}

interface Shown extends Opener {
  /** The families the page has loaded a face of. */
  loaded: string[];
  /** Print: whether the page box says the theme has no true small caps. */
  noSmallCaps: boolean;
}

/**
 * Reads the first chapter's opener in a view (run in the page: a string, so that nothing the
 * test's compiler adds to functions goes with it): the page box that holds its title in the
 * print view, its section in the EPUB view.
 */
const READ_OPENER = `async (view) => {
  await document.fonts.ready;
  const root = document.getElementById(view + '-view').shadowRoot;
  const title = [...root.querySelectorAll('.chapter-title')].find((el) => el.textContent.includes('The Crossing'));
  const scope = title.closest(view === 'print' ? '.page' : '[data-anchor]');
  const first = (css) => css.split(',')[0].trim().replace(/^["']|["']$/g, '');
  const text = [...scope.querySelectorAll('p')].find(
    (p) => !p.closest('header, blockquote, aside, .chapter-epigraph, .letter, .verse, .chat') && !p.matches('.opening, .chapter-number'),
  );
  const ornament = scope.querySelector('.chapter-ornament');
  return {
    title: first(getComputedStyle(title).fontFamily),
    text: first(getComputedStyle(text).fontFamily),
    size: getComputedStyle(text).fontSize,
    number: (scope.querySelector('.chapter-number')?.textContent ?? '').replace(/\\s+/g, ' ').trim().toLowerCase(),
    dropCap: Boolean(scope.querySelector('p.opening.drop-cap, p.opening.has-drop-cap')),
    leadIn: Boolean(scope.querySelector('p.opening .lead-in')),
    ornament: ornament ? ornament.textContent.trim() : null,
    rule: Boolean(scope.querySelector('.chapter-rule')),
    loaded: [...new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => first(f.family)))],
    noSmallCaps: Boolean(scope.querySelector('.print-root.no-small-caps')),
  };
}`;

async function shownOpener(page: Page, view: 'print' | 'epub'): Promise<Shown> {
  await page.click(`#view-${view}`);
  return page.evaluate(`(${READ_OPENER})(${JSON.stringify(view)})`) as Promise<Shown>;
}

/**
 * Waits until the preview shows `theme` in a state after version `after` (the one before the
 * save being waited for: a save of book.yaml that keeps the theme is typeset again all the same,
 * and a state read before that refresh would be passed by it), its pages laid out, and the page
 * showing that state or a later one.
 */
async function showing(handle: PreviewHandle, page: Page, theme: string, after: number): Promise<PreviewState> {
  let state = await currentState(handle);
  const waiting = (s: PreviewState) => s.version <= after || s.theme !== theme || s.error;
  for (const until = Date.now() + 30_000; waiting(state); state = await currentState(handle)) {
    if (Date.now() > until) throw new Error(`the preview did not switch to ${theme}: ${JSON.stringify(state.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await handle.settled();
  state = await currentState(handle);
  expect(state.printStatus).toBe('ready');
  await page.waitForFunction(
    (version) => Number(document.getElementById('status')?.textContent?.slice(1)) >= version,
    { timeout: 30_000 },
    state.version,
  );
  return state;
}

describe('the preview under every built-in theme', () => {
  let book: string;
  let yaml: string;
  let session: BrowserSession;
  let handle: PreviewHandle;
  let browser: Browser;
  let page: Page;
  /** Each theme's PDF of the book (built in the background, one after another, in the session). */
  const pdfs = new Map<string, Promise<string>>();
  const shown = new Map<string, { print: Shown; epub: Shown }>();

  beforeAll(async () => {
    book = path.join(tempDir('galley-preview-themes-'), 'book');
    cpSync(path.join(REPO, 'manuscript'), book, { recursive: true });
    yaml = readFileSync(path.join(book, 'book.yaml'), 'utf8');
    expect(yaml).not.toMatch(/^theme:/m);
    session = await launchBrowser();
    let previous: Promise<unknown> = Promise.resolve();
    for (const theme of THEMES) {
      const pdf = previous.then(async () => {
        const result = await build({ input: book, out: path.join(book, '..', `pdf-${theme}`), formats: ['pdf'], theme, session });
        return result.files.find((f) => f.format === 'pdf')?.path ?? '';
      });
      pdf.catch(() => undefined);
      pdfs.set(theme, pdf);
      previous = pdf.catch(() => undefined);
    }
    handle = await preview({ input: book, port: 4640, session });
    ({ browser, page } = await openPreviewApp(handle.url));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await handle?.close();
    await Promise.all([...pdfs.values()].map((p) => p.catch(() => undefined)));
    await session?.close();
  });

  it('lists the same themes as `galley themes`, eight or more', async () => {
    expect((await listThemes()).map((t) => t.name)).toEqual(THEMES);
    expect(THEMES.length).toBeGreaterThanOrEqual(8);
  });

  it.each(THEMES)(
    '%s: both views show its opener as its theme.json says, and the print view has its PDF’s pages',
    async (theme) => {
      // book.yaml names the theme (default: none named), and the preview follows.
      const before = (await currentState(handle)).version;
      writeFileSync(path.join(book, 'book.yaml'), theme === 'default' ? yaml : `${yaml}theme: ${theme}\n`);
      const state = await showing(handle, page, theme, before);
      expect(await page.$eval('#theme-name', (el) => el.textContent)).toBe(theme);
      const want = expected(theme);
      const views = { print: await shownOpener(page, 'print'), epub: await shownOpener(page, 'epub') };
      shown.set(theme, views);
      for (const [view, opener] of Object.entries(views)) {
        const { loaded, noSmallCaps, size, ...design } = opener;
        const { size: wantSize, ...wanted } = want;
        expect(design, `${theme}, ${view} view`).toEqual(wanted);
        expect(loaded, `${theme}, ${view} view: the faces loaded`).toEqual(expect.arrayContaining([want.title, want.text]));
        // The print view sets the body at the theme's size; the EPUB view at the reader's.
        if (view === 'print') {
          expect(Number.parseFloat(size), `${theme}: the body size`).toBeCloseTo(Number.parseFloat(wantSize), 3);
          expect(noSmallCaps, `${theme}: no true small caps`).toBe(family(theme, 'small-caps') === undefined);
        }
      }
      // The print view's pages are the PDF's: as many, and the same text on each.
      const pdf = await pdfs.get(theme);
      const printed = await pdfFilePages(pdf ?? '', state);
      await page.click('#view-print');
      const pages = await previewPages(page);
      expect(pages.length, `${theme}: pages`).toBe(printed.length);
      expect(pages).toEqual(printed);
    },
    90_000,
  );

  it('takes `--theme` (the library’s `theme`) over book.yaml’s', async () => {
    expect(readFileSync(path.join(book, 'book.yaml'), 'utf8')).toMatch(/^theme: (?!romance)/m);
    const other = await preview({ input: book, port: 4660, session, theme: 'romance' });
    try {
      await page.goto(other.url, { waitUntil: 'load' });
      const state = await showing(other, page, 'romance', 0);
      const { size: _, ...wanted } = expected('romance');
      for (const view of ['print', 'epub'] as const) {
        expect(await shownOpener(page, view)).toMatchObject(wanted);
      }
      await page.click('#view-print');
      expect(state.print?.pages.length).toBe((await pdfFilePages((await pdfs.get('romance')) ?? '', state)).length);
      expect((await previewPages(page)).length).toBe(state.print?.pages.length);
    } finally {
      await page.goto(handle.url, { waitUntil: 'load' });
      await other.close();
    }
  });

  it('follows book.yaml to a theme folder outside the book, and watches it', async () => {
    const house = path.join(book, '..', 'house');
    write(path.join(house, 'theme.json'), '{ "extends": "modern" }\n');
    write(path.join(house, 'book.css'), '.chapter-title { color: rgb(10, 20, 30); }\n');
    const before = (await currentState(handle)).version;
    writeFileSync(path.join(book, 'book.yaml'), `${yaml}theme: ../house\n`);
    await showing(handle, page, '../house', before);
    const colours = async () => {
      const shown: string[] = [];
      for (const view of ['print', 'epub'] as const) {
        await page.click(`#view-${view}`);
        shown.push(
          await page.evaluate((id) => {
            const title = document.getElementById(id)?.shadowRoot?.querySelector('.chapter-title');
            return title ? getComputedStyle(title).color : '';
          }, `${view}-view`),
        );
      }
      return shown;
    };
    expect(await colours()).toEqual(['rgb(10, 20, 30)', 'rgb(10, 20, 30)']);
    // Modern's design under it: the title in Jost, in both views.
    expect((await shownOpener(page, 'print')).title).toBe('Jost');
    expect((await shownOpener(page, 'epub')).title).toBe('Jost');
    // An edit to the theme's CSS shows, in both views, without a save in the book.
    const edited = (await currentState(handle)).version;
    writeFileSync(path.join(house, 'book.css'), '.chapter-title { color: rgb(40, 50, 60); }\n');
    await showing(handle, page, '../house', edited);
    expect(await colours()).toEqual(['rgb(40, 50, 60)', 'rgb(40, 50, 60)']);
  });

  it('sets the opener apart in every two themes, in both views', () => {
    expect([...shown.keys()]).toEqual(THEMES);
    for (const view of ['print', 'epub'] as const) {
      const faces = THEMES.map((t) => `${shown.get(t)?.[view].title} / ${shown.get(t)?.[view].text}`);
      expect(new Set(faces).size, `${view}: ${faces.join(', ')}`).toBe(THEMES.length);
    }
  });
});
