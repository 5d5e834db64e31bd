/**
 * The book's theme, resolved once (at typesetting) and used by every output: the print PDF, the
 * EPUB and the preview. A theme is a folder: theme.json (src/config/theme-schema.ts), book.css
 * (shared), print.css and epub.css, and any fonts or ornaments it ships. A theme that `extends`
 * a built-in one inherits everything and overrides what it gives: its print settings and fonts
 * over the parent's (a font role it sets to `none` is dropped), its CSS after the parent's (so the custom properties it sets win). Chains
 * are followed to their root; one that comes back on itself is refused. Each file is read from
 * inside its own theme's folder only: a link that leads out of it is refused.
 *
 * `templates/epub/` holds the EPUB package templates (not a theme).
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { fileScope, readBookFile } from '../book/book-files.ts';
import { parseThemeJson } from '../config/theme-json.ts';
import type { ThemeFont, ThemeManifest, ThemePrint } from '../config/theme-schema.ts';
import { GalleyError, type Place } from '../errors.ts';
import { type FontRoles, loadThemeFonts } from './fonts.ts';
import { locateBuiltIn, locateTheme, TEMPLATES_DIR, type ThemeFolder, type ThemeSpec } from './theme-locate.ts';
import { checkSheet } from './theme-sheet-check.ts';
import { themeVariables, withStaticFallbacks } from './theme-vars.ts';

export { builtInThemes, TEMPLATES_DIR, type ThemeSpec } from './theme-locate.ts';

/** One theme of a chain, as its theme.json gives it. */
export interface ThemeLayer extends ThemeFolder {
  manifest: ThemeManifest;
  /** Where each of its fonts is written in its theme.json. */
  fontPlaces: Place[];
}

/** A font of the merged theme, with the theme that named it (its packages are found from there). */
export interface ThemeFontSource extends ThemeFont {
  /** The folder of the theme that lists it. */
  dir: string;
  /** That theme's theme.json, as shown, and the place of the font in it. */
  file: string;
  place: Place | undefined;
}

/** A stylesheet of the author's own (book.yaml `stylesheet:`), applied after the theme. */
export interface ExtraSheet {
  /** As messages show it. */
  file: string;
  css: string;
}

export interface Theme {
  /** The theme as named: `default`, `./themes/mine`, a package name. */
  name: string;
  description: string | undefined;
  /** The chain, the root (a built-in theme) first and the theme itself last. */
  layers: ThemeLayer[];
  /** The merged print settings. */
  print: ThemePrint;
  /** The merged fonts. */
  fonts: ThemeFontSource[];
  /** The book's own stylesheets, after the theme's. */
  stylesheets: ExtraSheet[];
  /** The book's folder: font packages are also found from here. */
  from: string;
}

export type Medium = 'epub' | 'print';

/** The theme `spec` names, its chain followed and merged, with the book's own stylesheets. */
export async function resolveTheme(spec: ThemeSpec, stylesheets: ExtraSheet[] = []): Promise<Theme> {
  const layers: ThemeLayer[] = [];
  let folder = await locateTheme(spec);
  for (;;) {
    const manifest = await readManifest(folder);
    const fontPlaces = (manifest.manifest.fonts ?? []).map((_, i) => manifest.placeOf(['fonts', i]));
    layers.unshift({ ...folder, manifest: manifest.manifest, fontPlaces });
    const parent = manifest.manifest.extends;
    if (parent === undefined) break;
    const place = manifest.placeOf(['extends']);
    const next = await locateBuiltIn({ ...spec, value: parent, file: folder.file, place });
    if (layers.some((l) => path.resolve(l.dir) === path.resolve(next.dir))) {
      const chain = [...layers.map((l) => l.name).reverse(), next.name].map((n) => `\`${n}\``).join(' → ');
      throw new GalleyError('THEME_INVALID', `the themes extend each other in a circle: ${chain}`, {
        file: folder.file,
        place,
        hint: 'A theme extends a built-in theme that does not extend it back; take `extends` out of one of them.',
      });
    }
    folder = next;
  }
  const root = layers[0] as ThemeLayer;
  const self = layers.at(-1) as ThemeLayer;
  return {
    name: self.name,
    description: self.manifest.description,
    layers,
    print: mergedPrint(layers, root),
    fonts: mergedFonts(layers),
    stylesheets,
    from: spec.from,
  };
}

/** The built-in default theme (for callers without a book). */
export function defaultTheme(from = process.cwd()): Promise<Theme> {
  return resolveTheme({ value: 'default', from });
}

/**
 * The theme's CSS for one medium: each theme of the chain, root first, its book.css then the
 * medium's sheet (a theme that extends another may leave either out), then the book's own
 * sheets, then the properties Galley sets (theme-vars.ts) for the fonts (`fonts`, or the
 * theme's own). The EPUB's carries static copies of what reads them, for readers without `var()`.
 */
export async function themeCss(theme: Theme, medium: Medium, fonts?: FontRoles): Promise<string> {
  const sheets: string[] = [];
  for (const layer of theme.layers) {
    for (const name of ['book.css', `${medium}.css`]) {
      const css = await readThemeFile(layer, name, { optional: true });
      if (css === undefined) continue;
      checkSheet(css, path.join(path.dirname(layer.file), name));
      sheets.push(css);
    }
  }
  for (const sheet of theme.stylesheets) sheets.push(sheet.css);
  sheets.push(themeVariables(theme, fonts ?? (await loadThemeFonts(theme)), medium));
  const css = sheets.join('\n');
  return medium === 'epub' ? withStaticFallbacks(css) : css;
}

/** Every folder the theme reads from (the preview and `build --watch` watch them). */
export function themeFolders(theme: Theme): string[] {
  return theme.layers.map((l) => l.dir);
}

/** A file of a theme's folder, read from inside it only; undefined when `optional` and absent. */
export async function readThemeFile(
  layer: ThemeFolder,
  file: string,
  options: { optional?: boolean } = {},
): Promise<string | undefined> {
  if (options.optional && !(await lstat(path.join(layer.dir, file)).catch(() => undefined))) return undefined;
  const scope = await fileScope(layer.dir, `the theme's folder`);
  const shown = path.join(path.dirname(layer.file), file);
  const { data } = await readBookFile(scope, file, { file: shown, what: `the theme file ${file}` });
  return data.toString('utf8');
}

/** A file of `templates/epub/` (the EPUB package templates). */
export async function readTemplate(folder: string, ...parts: string[]): Promise<string> {
  const scope = await fileScope(path.join(TEMPLATES_DIR, folder), `the templates' folder`);
  const file = path.join(...parts);
  const shown = path.join('templates', folder, file);
  const { data } = await readBookFile(scope, file, { file: shown, what: 'the template file' });
  return data.toString('utf8');
}

async function readManifest(folder: ThemeFolder) {
  const text = (await readThemeFile(folder, 'theme.json')) as string;
  return parseThemeJson(text, folder.file);
}

/** Each print setting from the last theme of the chain that gives it; every one must be given. */
function mergedPrint(layers: ThemeLayer[], root: ThemeLayer): ThemePrint {
  const print: Partial<ThemePrint> = {};
  for (const layer of layers) Object.assign(print, layer.manifest.print ?? {});
  const missing = (['font-size', 'line-height', 'lead-in', 'ornament'] as const).filter((k) => print[k] === undefined);
  if (missing.length) {
    throw new GalleyError('THEME_INVALID', `the theme sets no ${missing.map((m) => `\`print.${m}\``).join(', ')}`, {
      file: root.file,
      hint: 'A theme that extends no other gives every print setting: font-size, line-height, lead-in and ornament.',
    });
  }
  return print as ThemePrint;
}

/**
 * The parent's fonts, less each role a later theme gives a font for or turns off (`none`), then
 * that theme's fonts.
 */
function mergedFonts(layers: ThemeLayer[]): ThemeFontSource[] {
  let fonts: ThemeFontSource[] = [];
  for (const layer of layers) {
    const own = (layer.manifest.fonts ?? []).map((font, i) => ({ font, place: layer.fontPlaces[i] }));
    const roles = new Set(own.flatMap(({ font }) => (font.role ? [font.role] : [])));
    fonts = fonts.filter((f) => !f.role || !roles.has(f.role));
    for (const { font, place } of own) {
      const { none, stylesheets, ...face } = font;
      if (none || !stylesheets) continue;
      fonts.push({ ...face, stylesheets, dir: layer.dir, file: layer.file, place });
    }
  }
  return fonts;
}
