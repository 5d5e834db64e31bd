/**
 * The theme's fonts, from npm font packages (fontsource): their @font-face sheets are rewritten
 * to point at `fonts/<file>` on the print page's origin, where fontFile() serves them. Fonts
 * block rendering until loaded (never a silent fallback), and every face a theme uses is shipped
 * — regular, italic, bold, bold italic, and a true small-caps family — so Chromium embeds real
 * TrueType faces and never synthesises one as Type 3.
 *
 * Small caps: the fontsource (Google Fonts) build of EB Garamond has no `smcp` feature, so the
 * default theme takes its small caps from Cormorant SC, a Garamond whose lower case is drawn as
 * small capitals.
 */
import { realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileScope, isInside, readBookFile } from '../book/book-files.ts';
import { findFontPackage, TEXT_FACES } from '../config/font.ts';
import { GalleyError } from '../errors.ts';
import type { Theme, ThemeFontSource } from './theme.ts';

export interface FontSet {
  /** @font-face rules for the print page. */
  css: string;
  /** Folders a `fonts/<file>` request may be served from. */
  folders: string[];
}

/** The families the theme gives each role. */
export interface FontRoles {
  /** The text family. */
  text: string;
  /** The headings' family (the text family when the theme names none). */
  display: string;
  /** The true small-caps family and weight, if there is one (else capitals are letterspaced). */
  smallCaps: { family: string; weight: number } | undefined;
}

export interface ThemeFonts extends FontSet, FontRoles {}

export interface PrintFonts extends ThemeFonts {
  /** Where the text font came from, for error messages: `print.font` or the theme. */
  source: 'print.font' | 'theme';
  /** The theme.json that names the theme's fonts (as shown), for error messages. */
  themeFile: string;
}

const GALLEY = fileURLToPath(import.meta.url);

/** Every font the theme lists (the preview and the print page use these), and their roles. */
export async function loadThemeFonts(theme: Theme): Promise<ThemeFonts> {
  const sources = await Promise.all(theme.fonts.map(async (font) => ({ root: await fontRoot(font, theme), font })));
  const set = await loadSheets(sources.map(({ root, font }) => ({ root, stylesheets: font.stylesheets })));
  const family = (font: ThemeFontSource | undefined, i: number) =>
    font ? (font.family ?? familyIn(set.sheets[i] ?? '') ?? 'serif') : undefined;
  const index = (role: string) => theme.fonts.findIndex((f) => f.role === role);
  const textAt = Math.max(0, index('text'));
  const text = family(theme.fonts[textAt], textAt) ?? 'serif';
  const sc = theme.fonts[index('small-caps')];
  const scFamily = family(sc, index('small-caps'));
  return {
    css: set.css,
    folders: set.folders,
    text,
    display: family(theme.fonts[index('display')], index('display')) ?? text,
    smallCaps: sc && scFamily ? { family: scFamily, weight: sc.weight ?? 400 } : undefined,
  };
}

/** The print edition's fonts: the theme's, or the text font book.yaml names in `print.font`. */
export async function loadPrintFonts(font: string | undefined, theme: Theme): Promise<PrintFonts> {
  const themeFile = (theme.fonts.find((f) => f.role === 'text') ?? theme.fonts[0])?.file ?? (theme.layers.at(-1)?.file as string);
  if (font === undefined) return { ...(await loadThemeFonts(theme)), source: 'theme', themeFile };
  const found = findFontPackage(font);
  if (typeof found === 'string') {
    throw new GalleyError('PDF_FAILED', `\`print.font\` ${found}`, {
      hint: 'Install the package, or remove `print.font` from book.yaml to use the theme’s font.',
    });
  }
  const sources = [{ root: found.root, stylesheets: TEXT_FACES }];
  // A true small-caps companion (`<package>-sc`, e.g. @fontsource/alegreya-sc) when installed.
  const sc = findFontPackage(`${found.name}-sc`, ['400.css']);
  const smallCaps = typeof sc === 'string' ? undefined : { family: sc.family, weight: 400 };
  if (typeof sc !== 'string') sources.push({ root: sc.root, stylesheets: ['400.css'] });
  const set = await loadSheets(sources);
  // The theme's headings face and its other fonts stay: `print.font` replaces the text and small caps.
  const kept = theme.fonts.filter((f) => f.role !== 'text' && f.role !== 'small-caps');
  const others = kept.length ? await loadThemeFonts({ ...theme, fonts: kept }) : undefined;
  return {
    css: others ? `${set.css}\n${others.css}` : set.css,
    folders: [...set.folders, ...(others?.folders ?? [])],
    text: found.family,
    display: kept.some((f) => f.role === 'display') && others ? others.display : found.family,
    smallCaps,
    source: 'print.font',
    themeFile,
  };
}

/**
 * The folder of a theme's font: its package, found from the theme's folder, the book's, then
 * Galley's own; or its `path`, which must really be inside the theme's folder.
 */
async function fontRoot(font: ThemeFontSource, theme: Theme): Promise<string> {
  const where = { file: font.file, place: font.place };
  if (font.path !== undefined) {
    const root = path.join(font.dir, font.path);
    const [real, realDir] = await Promise.all([realpath(root).catch(() => undefined), realpath(font.dir).catch(() => font.dir)]);
    if (!real) {
      throw new GalleyError('THEME_INVALID', `the theme's font folder ${font.path} does not exist`, {
        ...where,
        hint: 'Put the font’s stylesheets (and their files/ folder) there, or fix `path`.',
      });
    }
    if (!isInside(realDir, real)) {
      throw new GalleyError(
        'INPUT_OUTSIDE_BOOK',
        `the theme's font folder ${font.path} leads outside the theme's folder, to ${real}`,
        {
          ...where,
          hint: 'Copy the font into the theme’s folder instead of linking to it.',
        },
      );
    }
    return real;
  }
  const name = font.package as string;
  for (const base of [path.join(font.dir, 'theme.json'), path.join(theme.from, 'book.yaml'), GALLEY]) {
    try {
      return path.dirname(createRequire(base).resolve(`${name}/package.json`));
    } catch {}
  }
  throw new GalleyError('THEME_INVALID', `the theme's font package ${name} is not installed`, {
    ...where,
    hint: `Run \`npm install ${name}\`, or fix the package name in theme.json.`,
  });
}

/** The family a font stylesheet declares. */
function familyIn(css: string): string | undefined {
  return /font-family:\s*['"]([^'"]+)['"]/.exec(css)?.[1];
}

/** Each source's stylesheets, rewritten to load from `fonts/`; `sheets` holds each source's first, as written. */
async function loadSheets(sources: { root: string; stylesheets: string[] }[]): Promise<FontSet & { sheets: string[] }> {
  const rules: string[] = [];
  const firsts: string[] = [];
  const folders: string[] = [];
  for (const { root, stylesheets } of sources) {
    folders.push(path.join(root, 'files'));
    const scope = await fileScope(root, 'the font package');
    for (const [i, sheet] of stylesheets.entries()) {
      const read = await readBookFile(scope, sheet, {
        file: path.relative(process.cwd(), root),
        what: `the font sheet ${sheet}`,
      });
      const css = read.data.toString('utf8');
      if (i === 0) firsts.push(css);
      rules.push(css.replace(/url\(\.\/files\//g, 'url(fonts/').replace(/font-display:\s*swap/g, 'font-display: block'));
    }
  }
  return { css: rules.join('\n'), folders, sheets: firsts };
}

/**
 * Reads `name` from the first font folder that has it, and only from inside that folder (a link
 * out of it is not followed); undefined for anything else.
 */
export async function fontFile(fonts: FontSet, name: string): Promise<Buffer | undefined> {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return undefined;
  for (const folder of fonts.folders) {
    const scope = await fileScope(folder, 'the font folder');
    const read = await readBookFile(scope, name, { file: folder, what: `the font ${name}` }).catch(() => undefined);
    if (read) return read.data;
  }
  return undefined;
}
