/**
 * A theme's CSS and fonts: fonts it ships in its folder (and one linked from outside refused),
 * print.font over a theme with a headings face, CSS that would load a file refused at its line,
 * the static copies of custom properties for the EPUB, and in Chromium: a theme that extends
 * the default changes, in the print page, only the computed styles it overrides.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../src/book/model.ts';
import { typeset } from '../src/core/typeset.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { fontFile, loadPrintFonts, loadThemeFonts } from '../src/output/fonts.ts';
import { resolver } from '../src/output/pdf.ts';
import { fontVariables, printDocument } from '../src/output/print/document.ts';
import { printSetup } from '../src/output/print/settings.ts';
import { resolveTheme, themeCss } from '../src/output/theme.ts';
import { withStaticFallbacks } from '../src/output/theme-vars.ts';
import { bookFolder, failure, write } from './helpers/theme-books.ts';
import { REPO } from './helpers/tmp.ts';

describe('a theme’s fonts and CSS', () => {
  it('keeps the theme’s headings face when book.yaml’s print.font replaces the text face', async () => {
    const book = bookFolder();
    write(
      path.join(book, 'sans-heads', 'theme.json'),
      JSON.stringify({
        extends: 'default',
        fonts: [{ package: '@fontsource/cinzel', family: 'Cinzel', role: 'display', stylesheets: ['400.css'] }],
      }),
    );
    const theme = await resolveTheme({ value: './sans-heads', from: book });
    const own = await loadPrintFonts(undefined, theme);
    expect([own.text, own.display, own.smallCaps?.family]).toEqual(['EB Garamond', 'Cinzel', 'Cormorant SC']);
    const replaced = await loadPrintFonts('alegreya', theme);
    expect([replaced.text, replaced.display, replaced.smallCaps?.family]).toEqual(['Alegreya', 'Cinzel', 'Alegreya SC']);
    expect(replaced.css).toMatch(/font-family: 'Cinzel'/);
    expect(replaced.css).not.toMatch(/EB Garamond|Cormorant/);
  });

  it('loads a font the theme ships in its own folder, and refuses one linked from outside it', async () => {
    const book = bookFolder('theme: ./shipped\n');
    const fonts = path.join(book, 'shipped', 'fonts', 'harbour-serif');
    const source = path.join(REPO, 'node_modules', '@fontsource', 'alegreya');
    write(path.join(fonts, '400.css'), readFileSync(path.join(source, '400.css'), 'utf8'));
    mkdirSync(path.join(fonts, 'files'));
    const woff = 'alegreya-latin-400-normal.woff2';
    writeFileSync(path.join(fonts, 'files', woff), readFileSync(path.join(source, 'files', woff)));
    write(
      path.join(book, 'shipped', 'theme.json'),
      JSON.stringify({ extends: 'default', fonts: [{ path: 'fonts/harbour-serif', role: 'text', stylesheets: ['400.css'] }] }),
    );
    const { book: built } = await typeset({ input: book });
    const loaded = await loadThemeFonts(built.theme);
    expect(loaded.text).toBe('Alegreya');
    expect(loaded.css).toContain(`url(fonts/${woff})`);
    expect((await fontFile(loaded, woff))?.byteLength).toBeGreaterThan(1000);

    const linked = bookFolder('theme: ./linked-font\n');
    symlinkSync(
      source,
      path.join(
        write(
          path.join(linked, 'linked-font', 'theme.json'),
          JSON.stringify({
            extends: 'default',
            fonts: [{ path: 'fonts', role: 'text', stylesheets: ['400.css'] }],
          }),
        ),
        '..',
        'fonts',
      ),
    );
    const { book: other } = await typeset({ input: linked });
    const error = await failure(() => loadThemeFonts(other.theme));
    expect(error.code).toBe('INPUT_OUTSIDE_BOOK');
    expect(error.message).toMatch(/leads outside the theme's folder/);
    expect(error.place).toEqual({ line: 1, column: 31 });
  });

  it('refuses CSS that would load a file (url(), @import), at its line and column', async () => {
    const book = bookFolder('theme: ./loads\nstylesheet: own.css\n');
    write(path.join(book, 'loads', 'theme.json'), '{ "extends": "default" }\n');
    write(
      path.join(book, 'loads', 'print.css'),
      'p { color: #111; }\n\n.ornament {\n  background: url(ornaments/leaf.svg);\n}\n',
    );
    write(path.join(book, 'own.css'), '@import "more.css";\n');
    const own = await failure(() => typeset({ input: book }));
    expect(own.message).toBe("`@import` in a stylesheet: a theme's CSS cannot load files");
    expect(own.file).toMatch(/own\.css$/);
    expect(own.place).toEqual({ line: 1, column: 1 });
    write(path.join(book, 'own.css'), 'p { background: url("data:image/png;base64,AAAA"); }\n');
    const { book: built } = await typeset({ input: book });
    const error = await failure(() => themeCss(built.theme, 'print'));
    expect(error.message).toBe("`url(ornaments/leaf.svg)` in a stylesheet: a theme's CSS cannot load files");
    expect(error.file).toMatch(/loads[/\\]print\.css$/);
    expect(error.place).toEqual({ line: 4, column: 15 });
    expect(error.hint).toMatch(/theme\.json/);
    await expect(themeCss(built.theme, 'epub')).resolves.toContain('data:image/png');
  });

  it('writes the values of custom properties before each declaration that reads them (EPUB)', () => {
    const css =
      ':root { --a: 2em; --b: var(--a); }\np { text-indent: var(--b); margin: 0 var(--c, 5%); }\nh1 { x: var(--nope); }\n';
    expect(withStaticFallbacks(css)).toBe(
      ':root { --a: 2em; --b: var(--a); }\np { text-indent: 2em;\n  text-indent: var(--b); margin: 0 5%;\n  margin: 0 var(--c, 5%); }\nh1 { x: var(--nope); }\n',
    );
  });
});

describe('a theme that extends default, in the print page (Chromium)', () => {
  let session: BrowserSession;
  const styles: Record<'default' | 'custom', Record<string, Record<string, string>>> = { default: {}, custom: {} };
  const ELEMENTS = {
    opener: '.opener',
    title: '.chapter-title',
    paragraph: 'section > p:not(.opening)',
    quote: 'blockquote',
  };
  const PROPERTIES = [
    'font-family',
    'font-size',
    'font-style',
    'font-weight',
    'line-height',
    'text-indent',
    'text-align',
    'text-transform',
    'letter-spacing',
    'word-spacing',
    'margin-top',
    'margin-right',
    'margin-bottom',
    'margin-left',
    'padding-top',
    'color',
  ];
  let ornaments: Record<'default' | 'custom', string>;

  async function stylesOf(book: Book): Promise<{ elements: Record<string, Record<string, string>>; ornament: string }> {
    const setup = await printSetup(book);
    const body = `<section data-block class="chapter"><header class="opener"><p class="chapter-number">one</p><h1 class="chapter-title">The Quay</h1></header>
<p class="opening">The boats came in at dusk.</p><p>Nell counted them from the wall.</p><hr class="scene-break"><blockquote><p>Keep the lamp lit.</p><p>Mind the rocks.</p></blockquote></section>`;
    const html = printDocument({ language: 'en', title: 'T', style: setup.style, pageRules: '', body });
    expect(html).toContain(fontVariables(setup.style));
    const page = await session.open(html, resolver(book, setup.fonts));
    try {
      return await page.evaluate(`(() => {
        const read = (el) => { const s = getComputedStyle(el); return Object.fromEntries(${JSON.stringify(PROPERTIES)}.map((p) => [p, s.getPropertyValue(p)])); };
        const elements = Object.fromEntries(Object.entries(${JSON.stringify(ELEMENTS)}).map(([k, sel]) => [k, read(document.querySelector(sel))]));
        return { elements, ornament: getComputedStyle(document.querySelector('hr.scene-break'), '::after').content };
      })()`);
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    const plain = bookFolder();
    const custom = bookFolder('theme: ./harbour\n');
    write(
      path.join(custom, 'harbour', 'theme.json'),
      JSON.stringify({
        description: 'Harbour: Alegreya, a fleuron between scenes, wider indents, upright titles.',
        extends: 'default',
        fonts: [
          {
            package: '@fontsource/alegreya',
            family: 'Alegreya',
            role: 'text',
            stylesheets: ['400.css', '400-italic.css', '700.css', '700-italic.css'],
          },
        ],
        print: { ornament: '❦' },
      }),
    );
    write(path.join(custom, 'harbour', 'book.css'), ':root {\n  --galley-indent: 2em;\n  --galley-heading-style: normal;\n}\n');
    session = await launchBrowser();
    const [a, b] = await Promise.all([typeset({ input: plain }), typeset({ input: custom })]);
    const [one, two] = [await stylesOf(a.book), await stylesOf(b.book)];
    styles.default = one.elements;
    styles.custom = two.elements;
    ornaments = { default: one.ornament, custom: two.ornament };
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('differs from the default only in what it overrides', () => {
    const changed = (element: string) =>
      PROPERTIES.filter((p) => styles.default[element]?.[p] !== styles.custom[element]?.[p]).sort();
    expect(styles.default.paragraph?.['font-family']).toMatch(/EB Garamond/);
    expect(styles.custom.paragraph?.['font-family']).toMatch(/Alegreya/);
    expect(changed('paragraph')).toEqual(['font-family', 'text-indent']);
    expect(styles.custom.paragraph?.['text-indent']).toBe(
      `${2 * Number.parseFloat(styles.custom.paragraph?.['font-size'] ?? '')}px`,
    );
    expect(changed('opener')).toEqual(['font-family']);
    expect(changed('title')).toEqual(['font-family', 'font-style']);
    expect(styles.custom.title?.['font-style']).toBe('normal');
    // A block quote's second paragraph is indented by --galley-indent too; its margins are the default's.
    expect(changed('quote')).toEqual(['font-family']);
    expect(ornaments).toEqual({ default: '"* * *"', custom: '"❦"' });
  });
});
