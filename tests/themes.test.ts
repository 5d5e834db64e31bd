/**
 * The theme mechanism: theme.json's errors at their line and column (bad JSON, an unknown key, a
 * wrong type, a parent that is not there, a circle of extends), `galley themes`, a theme named
 * by its built-in name, by a path from the book's folder and by an npm package, files that lead
 * out of their folder refused, the merge of extends (print settings, fonts by role, CSS order,
 * the book's own stylesheet last), and in Chromium: a theme that extends the default changes,
 * in the print page, only the computed styles it overrides.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Book } from '../src/book/model.ts';
import { main } from '../src/cli.ts';
import { parseThemeJson } from '../src/config/theme-json.ts';
import { typeset } from '../src/core/typeset.ts';
import { GalleyError } from '../src/errors.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { fontFile, loadPrintFonts, loadThemeFonts } from '../src/output/fonts.ts';
import { resolver } from '../src/output/pdf.ts';
import { fontVariables, printDocument } from '../src/output/print/document.ts';
import { printSetup } from '../src/output/print/settings.ts';
import { builtInThemes, resolveTheme, TEMPLATES_DIR, themeCss } from '../src/output/theme.ts';
import { withStaticFallbacks } from '../src/output/theme-vars.ts';
import { REPO, tempDir } from './helpers/tmp.ts';

/** The GalleyError `run` throws (or rejects with). */
async function failure(run: () => unknown): Promise<GalleyError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof GalleyError) return error;
    throw error;
  }
  throw new Error('expected a GalleyError');
}

function write(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A book folder with one chapter; `yaml` is added to book.yaml. */
function bookFolder(yaml = ''): string {
  const dir = tempDir('galley-themes-');
  write(path.join(dir, 'book.yaml'), `title: The Quay\nauthor: Ada Pellow\n${yaml}`);
  write(
    path.join(dir, '01-the-quay.md'),
    '# The Quay\n\nThe boats came in at dusk, one by one, their lamps swinging.\n\nNell counted them from the wall, as her mother had.\n\n***\n\nBy morning the harbour was still.\n',
  );
  return dir;
}

describe('theme.json errors, at their line and column', () => {
  it('reports JSON that does not parse at the mistake', () => {
    const error = (() => {
      try {
        parseThemeJson('{\n  "extends": "default",\n}\n', 'mine/theme.json');
      } catch (e) {
        return e as GalleyError;
      }
    })();
    expect(error?.code).toBe('THEME_INVALID');
    expect(error?.file).toBe('mine/theme.json');
    expect(error?.place).toEqual({ line: 3, column: 1 });
    expect(error?.message).toMatch(/not valid JSON/);
  });

  it('reports an unknown key at the key, with the nearest known one', () => {
    const text = '{\n  "extends": "default",\n  "fnts": []\n}\n';
    expect(() => parseThemeJson(text, 't.json')).toThrow(/unknown key `fnts` \(did you mean `fonts`\?\)/);
    try {
      parseThemeJson(text, 't.json');
    } catch (e) {
      expect((e as GalleyError).place).toEqual({ line: 3, column: 3 });
      expect((e as GalleyError).hint).toMatch(/theme\.json key/);
    }
  });

  it('reports every wrong type at once, each at its value', () => {
    const text = '{\n  "print": {\n    "font-size": 11,\n    "lead-in": "swash"\n  },\n  "fonts": [{ "stylesheets": [] }]\n}\n';
    try {
      parseThemeJson(text, 't.json');
      expect.unreachable();
    } catch (e) {
      const problems = (e as GalleyError).problems;
      expect(problems.map((p) => `${p.place?.line}:${p.place?.column} ${p.message}`)).toEqual([
        '3:18 `print.font-size` must be text; got a number (11)',
        '4:16 `print.lead-in` must be drop-cap, small-caps or none; got "swash"',
        '6:30 `fonts.stylesheets` must name at least one',
        '6:13 `fonts.package` is required',
      ]);
      expect(problems[0]?.hint).toBe('Put the value in quotes to keep it as text: `"font-size": "11"`.');
    }
  });

  it('refuses a font path that climbs out of the theme, at its value', () => {
    const text = '{\n  "fonts": [{ "path": "../../fonts", "stylesheets": ["400.css"] }]\n}\n';
    expect(() => parseThemeJson(text, 't.json')).toThrow(/inside the theme’s folder/);
  });

  it('points at an unknown key wherever it stands (generated)', () => {
    const known = ['description', 'extends', 'name'];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(known),
        fc.nat(3),
        fc.stringMatching(/^[a-z]{3,9}$/).filter((k) => ![...known, 'fonts', 'print', 'chapter'].includes(k)),
        fc.nat(6),
        (keys, at, unknown, indent) => {
          const entries = keys.map((k) => `"${k}": "default"`);
          entries.splice(Math.min(at, entries.length), 0, `"${unknown}": true`);
          const pad = ' '.repeat(indent);
          const text = `{\n${entries.map((e) => `${pad}${e}`).join(',\n')}\n}\n`;
          const line = text.split('\n').findIndex((l) => l.includes(`"${unknown}"`)) + 1;
          try {
            parseThemeJson(text, 't.json');
          } catch (e) {
            return (e as GalleyError).place?.line === line && (e as GalleyError).place?.column === indent + 1;
          }
          return false;
        },
      ),
      { seed: 12, numRuns: 60 },
    );
  });

  it('refuses a parent that is not a built-in theme, at `extends`', async () => {
    const book = bookFolder('theme: ./mine\n');
    write(path.join(book, 'mine', 'theme.json'), '{\n  "description": "Mine",\n  "extends": "no-such-theme"\n}\n');
    const error = await failure(() => resolveTheme({ value: './mine', from: book }));
    expect(error.code).toBe('THEME_NOT_FOUND');
    expect(error.message).toBe('`extends` names `no-such-theme`, which is not a built-in theme');
    expect(error.place).toEqual({ line: 3, column: 14 });
    expect(error.file).toMatch(/mine[/\\]theme\.json$/);
    expect(error.hint).toMatch(/default/);
  });

  it('refuses themes that extend each other in a circle', async () => {
    const templates = tempDir('galley-templates-');
    write(path.join(templates, 'ebb', 'theme.json'), '{ "extends": "flood" }\n');
    write(path.join(templates, 'flood', 'theme.json'), '{\n  "extends": "ebb"\n}\n');
    write(path.join(templates, 'still', 'theme.json'), '{ "extends": "still" }\n');
    const circle = await failure(() => resolveTheme({ value: 'ebb', from: templates, templates }));
    expect(circle.code).toBe('THEME_INVALID');
    expect(circle.message).toBe('the themes extend each other in a circle: `ebb` → `flood` → `ebb`');
    expect(circle.file).toMatch(/flood[/\\]theme\.json$/);
    expect(circle.place).toEqual({ line: 2, column: 14 });
    const self = await failure(() => resolveTheme({ value: 'still', from: templates, templates }));
    expect(self.message).toBe('the themes extend each other in a circle: `still` → `still`');
  });

  it('reports a book.yaml `theme:` that names nothing at its value, and --theme without a place', async () => {
    const book = bookFolder('theme: ./nowhere\n');
    const error = await failure(() => typeset({ input: book }));
    expect(error.code).toBe('THEME_NOT_FOUND');
    expect(error.file).toMatch(/book\.yaml$/);
    expect(error.place).toEqual({ line: 3, column: 8 });
    const flag = await failure(() => typeset({ input: book, overrides: { theme: 'galley-theme-nowhere' } }));
    expect(flag.message).toMatch(/no theme `galley-theme-nowhere`/);
    expect(flag.place).toBeUndefined();
  });
});

describe('galley themes', () => {
  it('lists every built-in theme, one a line: its name, then its description', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const code = await main(['node', 'galley', 'themes']).finally(() => spy.mockRestore());
    expect(code).toBe(0);
    const lines = out.join('').trimEnd().split('\n');
    const names = await builtInThemes();
    expect(names[0]).toBe('default');
    expect(names).not.toContain('epub');
    expect(names).not.toContain('init');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(names);
    for (const [i, name] of names.entries()) {
      const theme = await resolveTheme({ value: name, from: TEMPLATES_DIR });
      expect(lines[i]).toMatch(new RegExp(`^${name} +${theme.description?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    }
  });
});

describe('finding and merging a theme', () => {
  it('finds a built-in theme by name', async () => {
    const theme = await resolveTheme({ value: 'default', from: bookFolder() });
    expect(theme.layers.map((l) => [l.name, l.origin])).toEqual([['default', 'built-in']]);
    expect(theme.print).toMatchObject({ 'font-size': '11.25pt', 'line-height': '14.5pt' });
  });

  it('finds a folder from the book, and merges it over the theme it extends', async () => {
    const book = bookFolder('theme: ./themes/harbour\nstylesheet: extra.css\n');
    write(
      path.join(book, 'themes', 'harbour', 'theme.json'),
      JSON.stringify({
        extends: 'default',
        fonts: [{ package: '@fontsource/alegreya', family: 'Alegreya', role: 'text', stylesheets: ['400.css'] }],
        print: { ornament: '❦' },
      }),
    );
    write(path.join(book, 'themes', 'harbour', 'book.css'), ':root { --galley-indent: 2em; } /* harbour */\n');
    write(path.join(book, 'extra.css'), 'p { color: #222; } /* extra */\n');
    const { book: typeset_ } = await typeset({ input: book });
    const theme = typeset_.theme;
    expect(theme.layers.map((l) => [l.name, l.origin])).toEqual([
      ['default', 'built-in'],
      ['./themes/harbour', 'path'],
    ]);
    // Print settings: the child's over the parent's, the rest inherited.
    expect(theme.print).toEqual({ 'font-size': '11.25pt', 'line-height': '14.5pt', 'lead-in': 'drop-cap', ornament: '❦' });
    // Fonts by role: the text font replaced, the small caps kept.
    expect(theme.fonts.map((f) => [f.role, f.family])).toEqual([
      ['small-caps', 'Cormorant SC'],
      ['text', 'Alegreya'],
    ]);
    // CSS: the parent's shared and print sheets, the child's, the book's own, then Galley's properties.
    const css = await themeCss(theme, 'print');
    const order = [
      'Galley default theme: rules shared',
      'Print only.',
      '/* harbour */',
      '/* extra */',
      '--galley-text-font: "Alegreya"',
    ];
    const at = order.map((s) => css.indexOf(s));
    expect(at.every((n) => n >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(css).toContain('--galley-ornament: "❦"');
  });

  it('takes a --theme path from the working directory, and it wins over book.yaml', async () => {
    const book = bookFolder('theme: ./no-such-folder\n');
    const cwd = tempDir('galley-cwd-');
    write(path.join(cwd, 'shelf', 'quiet', 'theme.json'), '{ "extends": "default", "print": { "ornament": "~" } }\n');
    const { book: built } = await typeset({ input: book, cwd, overrides: { theme: './shelf/quiet' } });
    expect(built.theme.layers.at(-1)?.dir).toBe(path.join(cwd, 'shelf', 'quiet'));
    expect(built.theme.print.ornament).toBe('~');
  });

  it('finds an npm package from the book’s node_modules', async () => {
    const book = bookFolder('theme: galley-theme-tideline\n');
    const pkg = path.join(book, 'node_modules', 'galley-theme-tideline');
    write(path.join(pkg, 'package.json'), '{ "name": "galley-theme-tideline", "version": "1.0.0", "exports": {} }\n');
    write(path.join(pkg, 'theme.json'), '{ "description": "Tideline", "extends": "default" }\n');
    write(path.join(pkg, 'epub.css'), 'p { text-indent: 1em; } /* tideline */\n');
    const { book: built } = await typeset({ input: book });
    expect(built.theme.layers.at(-1)).toMatchObject({ name: 'galley-theme-tideline', origin: 'package' });
    expect(built.theme.description).toBe('Tideline');
    expect(await themeCss(built.theme, 'epub')).toContain('/* tideline */');
    // A package that is not a theme says so.
    const other = path.join(book, 'node_modules', 'left-pad');
    write(path.join(other, 'package.json'), '{ "name": "left-pad" }\n');
    const error = await failure(() => resolveTheme({ value: 'left-pad', from: book }));
    expect(error.message).toBe('the package left-pad has no theme.json, so it is not a Galley theme');
  });

  it('refuses a theme file or a stylesheet that leads out of its folder', async () => {
    const outside = write(path.join(tempDir('galley-outside-'), 'secret.css'), 'p { color: red; }\n');
    const book = bookFolder('theme: ./linked\n');
    write(path.join(book, 'linked', 'theme.json'), '{ "extends": "default" }\n');
    symlinkSync(outside, path.join(book, 'linked', 'print.css'));
    const { book: built } = await typeset({ input: book });
    const linked = await failure(() => themeCss(built.theme, 'print'));
    expect(linked.code).toBe('INPUT_OUTSIDE_BOOK');
    expect(linked.message).toMatch(/leads outside the theme's folder/);

    const sheet = bookFolder('stylesheet:\n  - ok.css\n  - ../elsewhere.css\n');
    write(path.join(sheet, 'ok.css'), 'p { color: #111; }\n');
    const error = await failure(() => typeset({ input: sheet }));
    expect(error.code).toBe('INPUT_OUTSIDE_BOOK');
    expect(error.file).toMatch(/book\.yaml$/);
    expect(error.place).toEqual({ line: 5, column: 5 });
  });

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
