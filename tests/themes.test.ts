/**
 * The theme mechanism: theme.json's errors at their line and column (bad JSON, an unknown key, a
 * wrong type, a parent that is not there, a circle of extends), `galley themes`, a theme named
 * by its built-in name, by a path (from the book's folder, or `--theme`'s from the working
 * directory) and by an npm package, files that lead out of their folder refused, and the merge
 * of extends (print settings, fonts by role, CSS order, the book's own stylesheet last).
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.ts';
import { parseThemeJson } from '../src/config/theme-json.ts';
import { typeset } from '../src/core/typeset.ts';
import type { GalleyError } from '../src/errors.ts';
import { builtInThemes, resolveTheme, TEMPLATES_DIR, themeCss } from '../src/output/theme.ts';
import { bookFolder, failure, write } from './helpers/theme-books.ts';
import { tempDir } from './helpers/tmp.ts';

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

  it('takes a role turned off (`none`) alone, and reports each misuse at its line', () => {
    const good = '{\n  "extends": "default",\n  "fonts": [{ "role": "small-caps", "none": true }]\n}\n';
    expect(parseThemeJson(good, 't.json').manifest.fonts).toEqual([{ role: 'small-caps', none: true }]);
    const text = [
      '{',
      '  "fonts": [',
      '    { "role": "text", "none": true },',
      '    { "role": "display", "none": true, "package": "@fontsource/jost" },',
      '    { "none": true },',
      '    { "role": "small-caps", "none": false, "stylesheets": ["400.css"], "package": "@fontsource/x" },',
      '    { "role": "display", "package": "@fontsource/jost", "stylesheets": ["500.css"] }',
      '  ]',
      '}',
      '',
    ].join('\n');
    try {
      parseThemeJson(text, 't.json');
      expect.unreachable();
    } catch (e) {
      expect((e as GalleyError).code).toBe('THEME_INVALID');
      expect((e as GalleyError).problems.map((p) => `${p.place?.line}:${p.place?.column} ${p.message}`)).toEqual([
        '3:15 `fonts.role` must be display or small-caps with `none`: a theme always has a text face (give a font with role text to replace it)',
        '4:51 `fonts.package` must be left out of an entry with `none` (it turns the role off); got "@fontsource/jost"',
        '6:37 `fonts.none` must be true (to turn the role off), or be left out; got false (a yes/no value)',
        '5:5 `fonts.role` is required',
      ]);
    }
    // A role both turned off and given a font by the same theme, at the entry that turns it off.
    const both =
      '{\n  "fonts": [\n    { "role": "display", "package": "@fontsource/jost", "stylesheets": ["500.css"] },\n    { "role": "display", "none": true }\n  ]\n}\n';
    expect(() => parseThemeJson(both, 't.json')).toThrow(
      '`fonts.role` display is both turned off (`none`) and given a font in this list: keep one of the two entries',
    );
    try {
      parseThemeJson(both, 't.json');
    } catch (e) {
      expect((e as GalleyError).place).toEqual({ line: 4, column: 15 });
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
});
