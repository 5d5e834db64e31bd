/**
 * A theme that extends the default and turns its small-caps role off (`{ "role": "small-caps",
 * "none": true }`): the merged theme has no small-caps face (none loaded, none named to the CSS,
 * the print page marked `no-small-caps`), and in Chromium exactly the elements the default sets
 * in its small-caps face (Cormorant SC) change — to the text face, the marked small caps and the
 * lead-in to capitals a size down, the labels to bold — while every other element of the book of
 * fiction's elements keeps every computed property.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../src/book/model.ts';
import { typeset } from '../src/core/typeset.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { loadThemeFonts } from '../src/output/fonts.ts';
import { resolveTheme, type Theme, themeCss } from '../src/output/theme.ts';
import { bookFolder, write } from './helpers/theme-books.ts';
import { openThemePrintPage } from './helpers/theme-print-page.ts';
import { REPO } from './helpers/tmp.ts';

const ELEMENTS = path.join(REPO, 'tests', 'fixtures', 'books', 'elements');
const PROPERTIES = [
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant-caps',
  'text-transform',
  'letter-spacing',
  'line-height',
  'text-indent',
  'text-align',
  'margin-top',
  'margin-bottom',
  'padding-top',
];
/** What the book's blocks do not have: small caps an author marked, in a paragraph and a heading, and a running head. */
const EXTRA = `<section data-block class="chapter"><h3>The <span class="small-caps">Harbour Board</span></h3>
<p>It was the <span class="small-caps">Harbour Board</span> that met on Thursdays.</p></section>
<div class="furniture-page"><div class="running-head">The Tide Tables</div><div class="folio">3</div></div>`;

type Styles = { key: string; style: Record<string, string> }[];

describe('a theme that turns the default’s small-caps role off', () => {
  let session: BrowserSession;
  let book: Book;
  let parent: Theme;
  let child: Theme;
  const styles: Record<'parent' | 'child', Styles> = { parent: [], child: [] };
  const marked: Record<'parent' | 'child', boolean> = { parent: false, child: false };

  async function stylesOf(theme: Theme): Promise<{ styles: Styles; marked: boolean }> {
    const { page, html } = await openThemePrintPage(session, book, { theme, extra: EXTRA });
    try {
      const read = await page.evaluate<Styles>(`(() => [...document.body.querySelectorAll('*')].map((el, i) => {
        const s = getComputedStyle(el);
        const key = i + ' ' + el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().replace(/\\s+/g, '.') : '');
        return { key, style: Object.fromEntries(${JSON.stringify(PROPERTIES)}.map((p) => [p, s.getPropertyValue(p)])) };
      }))()`);
      return { styles: read, marked: /<html[^>]*class="no-small-caps"/.test(html) };
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    const folder = bookFolder();
    write(
      path.join(folder, 'plain-caps', 'theme.json'),
      JSON.stringify({ extends: 'default', fonts: [{ role: 'small-caps', none: true }] }),
    );
    [parent, child] = await Promise.all([
      resolveTheme({ value: 'default', from: folder }),
      resolveTheme({ value: './plain-caps', from: folder }),
    ]);
    book = (await typeset({ input: ELEMENTS })).book;
    session = await launchBrowser();
    const [a, b] = [await stylesOf(parent), await stylesOf(child)];
    styles.parent = a.styles;
    styles.child = b.styles;
    marked.parent = a.marked;
    marked.child = b.marked;
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('has no small-caps face: none merged, none loaded, the text face named for it', async () => {
    expect(parent.fonts.map((f) => f.role)).toEqual(['text', 'small-caps']);
    expect(child.fonts.map((f) => [f.role, f.family])).toEqual([['text', 'EB Garamond']]);
    const fonts = await loadThemeFonts(child);
    expect(fonts.smallCaps).toBeUndefined();
    expect(fonts.css).toMatch(/EB Garamond/);
    expect(fonts.css).not.toMatch(/Cormorant/);
    for (const medium of ['print', 'epub'] as const) {
      const css = await themeCss(child, medium, fonts);
      expect(css).toContain('--galley-sc-font: "EB Garamond"');
      expect(css).toContain('--galley-sc-weight: 400');
    }
    expect(marked).toEqual({ parent: false, child: true });
  });

  it('changes exactly the elements the default sets in its small-caps face, and nothing else', () => {
    expect(styles.child.map((s) => s.key)).toEqual(styles.parent.map((s) => s.key));
    const inSmallCaps = (i: number) => /Cormorant SC/.test(styles.parent[i]?.style['font-family'] ?? '');
    const changed = (i: number) =>
      PROPERTIES.filter((p) => styles.parent[i]?.style[p] !== styles.child[i]?.style[p]).map(
        (p) => `${styles.parent[i]?.key} ${p}: ${styles.parent[i]?.style[p]} → ${styles.child[i]?.style[p]}`,
      );
    const kept = styles.parent.flatMap((_, i) => (inSmallCaps(i) ? [] : changed(i)));
    expect(kept).toEqual([]);
    const set = styles.parent.flatMap((s, i) => (inSmallCaps(i) ? [s.key.replace(/^\d+ /, '')] : []));
    // The lead-ins, a poem's title, the chat senders, the marked small caps and the running head.
    for (const want of ['span.lead-in', 'p.verse-title', 'p.chat-sender', 'span.small-caps', 'div.running-head']) {
      expect(set, want).toContain(want);
    }
    for (const [i, s] of styles.child.entries()) {
      if (!inSmallCaps(i)) continue;
      expect(s.style['font-family'], s.key).not.toMatch(/Cormorant/);
      expect(changed(i).length, s.key).toBeGreaterThan(0);
    }
    const child = (name: string) => styles.child.find((s) => s.key.endsWith(` ${name}`))?.style ?? {};
    expect(child('span.small-caps')['text-transform']).toBe('uppercase');
    expect(child('span.lead-in')['text-transform']).toBe('uppercase');
    expect(child('p.verse-title')['font-weight']).toBe('700');
    expect(child('p.chat-sender')['font-family']).toMatch(/^"EB Garamond"/);
    expect(child('div.running-head')['text-transform']).toBe('uppercase');
  });
});
