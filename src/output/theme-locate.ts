/**
 * Where a theme is. `theme:` in book.yaml (or `--theme`) names a built-in theme (a folder under
 * `templates/` holding a theme.json), a folder of the author's own (`./themes/mine`, relative to
 * the book's folder), or an npm package whose folder holds a theme.json (found from the book's
 * folder, then from Galley's own). `extends:` names a built-in theme.
 */
import { existsSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GalleyError, type Place } from '../errors.ts';

/** The `templates/` folder of this installation. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** What names a theme, and where it was named (for errors). */
export interface ThemeSpec {
  /** `default`, `./themes/mine`, `galley-theme-noir`. */
  value: string;
  /** The book's folder: packages are found from it, and paths unless `base` is given. */
  from: string;
  /** Where a path is taken from (`--theme ./x` is the working directory's), if not `from`. */
  base?: string | undefined;
  /** Where the value was written: book.yaml (shown path), or undefined for `--theme`. */
  file?: string | undefined;
  place?: Place | undefined;
  /** The folder of built-in themes (default: this installation's `templates/`; tests give their own). */
  templates?: string | undefined;
}

export type ThemeOrigin = 'built-in' | 'path' | 'package';

export interface ThemeFolder {
  /** The name as written (a built-in theme's is its folder's). */
  name: string;
  origin: ThemeOrigin;
  /** The theme's folder, absolute. */
  dir: string;
  /** Its theme.json, as messages show it. */
  file: string;
}

/** A path (`./mine`, `../themes/mine`, `/abs/mine`), not a name. */
export function isThemePath(value: string): boolean {
  return /^(\.{1,2}([/\\]|$)|[/\\]|[a-zA-Z]:[/\\])/.test(value);
}

const BUILT_IN_NAME = /^[a-z0-9][a-z0-9._-]*$/i;

/** The built-in themes' names, sorted: each folder under `templates/` that holds a theme.json. */
export async function builtInThemes(templates = TEMPLATES_DIR): Promise<string[]> {
  const entries = await readdir(templates, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await exists(path.join(templates, entry.name, 'theme.json')))) names.push(entry.name);
  }
  return names.sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

/** The built-in theme `name`, if there is one. */
async function builtInFolder(name: string, templates = TEMPLATES_DIR): Promise<ThemeFolder | undefined> {
  const dir = path.join(templates, name);
  if (!BUILT_IN_NAME.test(name) || !(await exists(path.join(dir, 'theme.json')))) return undefined;
  const shown = templates === TEMPLATES_DIR ? path.join('templates', name) : path.relative(process.cwd(), dir);
  return { name, origin: 'built-in', dir, file: path.join(shown, 'theme.json') };
}

/** A built-in theme by name (`extends:`), or an error at `spec`'s place naming the ones there are. */
export async function locateBuiltIn(spec: ThemeSpec): Promise<ThemeFolder> {
  const name = spec.value.trim();
  const found = await builtInFolder(name, spec.templates);
  if (found) return found;
  const names = await builtInThemes(spec.templates);
  throw new GalleyError('THEME_NOT_FOUND', `\`extends\` names \`${name}\`, which is not a built-in theme`, {
    file: spec.file,
    place: spec.place,
    hint: `Name one of the built-in themes: ${names.join(', ')} (\`galley themes\` lists them).`,
  });
}

/** The folder `spec` names: a path, a built-in theme or an npm package. */
export async function locateTheme(spec: ThemeSpec): Promise<ThemeFolder> {
  const value = spec.value.trim();
  const where = { file: spec.file, place: spec.place };
  if (isThemePath(value)) {
    const dir = path.resolve(spec.base ?? spec.from, value);
    const shown = path.relative(process.cwd(), dir) || '.';
    const kind = await lstat(dir).catch(() => undefined);
    if (!kind) {
      throw new GalleyError('THEME_NOT_FOUND', `the theme folder ${value} does not exist (${shown})`, {
        ...where,
        hint: `A theme path is taken from ${spec.base ? 'the working directory' : 'the book’s folder'}; check the spelling, or make the folder with a theme.json in it.`,
      });
    }
    if (!(await exists(path.join(dir, 'theme.json')))) {
      throw new GalleyError('THEME_NOT_FOUND', `the theme folder ${value} has no theme.json`, {
        ...where,
        hint: 'A theme is a folder holding theme.json (and book.css, print.css, epub.css); the README’s Themes section shows one.',
      });
    }
    return { name: value, origin: 'path', dir, file: path.join(shown, 'theme.json') };
  }
  const builtIn = await builtInFolder(value, spec.templates);
  if (builtIn) return builtIn;
  const dir = packageFolder(value, spec.from);
  if (dir && (await exists(path.join(dir, 'theme.json')))) {
    return { name: value, origin: 'package', dir, file: path.join(path.relative(process.cwd(), dir) || '.', 'theme.json') };
  }
  const names = await builtInThemes(spec.templates);
  throw new GalleyError(
    'THEME_NOT_FOUND',
    dir
      ? `the package ${value} has no theme.json, so it is not a Galley theme`
      : `no theme \`${value}\`: it is not a built-in theme, and no npm package of that name is installed`,
    {
      ...where,
      hint: `Built-in themes: ${names.join(', ')} (\`galley themes\`). A theme folder of your own is written as a path (\`./themes/mine\`); a theme package is installed with \`npm install ${value}\`.`,
    },
  );
}

/** The folder of the installed package `name`: from the book's folder, then from Galley's own. */
function packageFolder(name: string, from: string): string | undefined {
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) return undefined;
  for (const base of [path.join(from, 'book.yaml'), fileURLToPath(import.meta.url)]) {
    // The folders Node would look in (each node_modules up the tree): exports maps do not hide theme.json.
    for (const modules of createRequire(base).resolve.paths(name) ?? []) {
      const dir = path.join(modules, name);
      if (existsSync(path.join(dir, 'package.json'))) return dir;
    }
  }
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => undefined)) !== undefined;
}
