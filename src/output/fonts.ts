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
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileScope, readBookFile } from '../book/book-files.ts';
import { findFontPackage, TEXT_FACES } from '../config/font.ts';
import { GalleyError } from '../errors.ts';
import { readTemplate } from './theme.ts';

interface ThemeFont {
  package: string;
  stylesheets: string[];
  /** CSS family name the stylesheets declare. */
  family?: string;
  /** What the theme uses it for. */
  role?: 'text' | 'small-caps';
  /** Weight of the small-caps face to use. */
  weight?: number;
}

/** The print settings a theme gives (book.yaml may override some). */
export interface ThemePrint {
  /** Body text size, e.g. `11.25pt`. */
  'font-size': string;
  /** Line height, the baseline grid every vertical space is a multiple of, e.g. `14.5pt`. */
  'line-height': string;
  'lead-in': 'drop-cap' | 'small-caps' | 'none';
  /** What marks a scene break that falls at the top or foot of a page. */
  ornament: string;
}

export interface ThemeManifest {
  name: string;
  fonts: ThemeFont[];
  print: ThemePrint;
}

export interface FontSet {
  /** @font-face rules for the print page. */
  css: string;
  /** Folders a `fonts/<file>` request may be served from. */
  folders: string[];
}

export interface PrintFonts extends FontSet {
  /** The text family. */
  text: string;
  /** The true small-caps family and weight, if there is one (else capitals are letterspaced). */
  smallCaps: { family: string; weight: number } | undefined;
  /** Where the text font came from, for error messages: `print.font` or the theme. */
  source: 'print.font' | 'theme';
}

const require = createRequire(import.meta.url);

export async function readTheme(theme = 'default'): Promise<ThemeManifest> {
  return JSON.parse(await readTemplate(theme, 'theme.json')) as ThemeManifest;
}

/** Every font the theme lists (the preview and the print page use these). */
export async function loadThemeFonts(theme = 'default'): Promise<FontSet> {
  const manifest = await readTheme(theme);
  return loadSheets(manifest.fonts.map((font) => ({ root: packageRoot(font.package, theme), stylesheets: font.stylesheets })));
}

/** The print edition's fonts: the theme's, or the text font book.yaml names in `print.font`. */
export async function loadPrintFonts(font: string | undefined, theme = 'default'): Promise<PrintFonts> {
  const manifest = await readTheme(theme);
  if (font === undefined) {
    const text = manifest.fonts.find((f) => f.role === 'text') ?? manifest.fonts[0];
    const sc = manifest.fonts.find((f) => f.role === 'small-caps');
    const set = await loadThemeFonts(theme);
    return {
      ...set,
      text: text?.family ?? 'serif',
      smallCaps: sc?.family ? { family: sc.family, weight: sc.weight ?? 400 } : undefined,
      source: 'theme',
    };
  }
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
  return { ...set, text: found.family, smallCaps, source: 'print.font' };
}

function packageRoot(name: string, theme: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch (cause) {
    throw new GalleyError('PDF_FAILED', `the theme's font package ${name} is not installed`, {
      file: `templates/${theme}/theme.json`,
      hint: `Run \`npm install ${name}\`, or fix the package name in theme.json.`,
      cause,
    });
  }
}

async function loadSheets(sources: { root: string; stylesheets: string[] }[]): Promise<FontSet> {
  const sheets: string[] = [];
  const folders: string[] = [];
  for (const { root, stylesheets } of sources) {
    folders.push(path.join(root, 'files'));
    const scope = await fileScope(root, 'the font package');
    for (const sheet of stylesheets) {
      const read = await readBookFile(scope, sheet, {
        file: path.relative(process.cwd(), root),
        what: `the font sheet ${sheet}`,
      });
      const css = read.data.toString('utf8');
      sheets.push(css.replace(/url\(\.\/files\//g, 'url(fonts/').replace(/font-display:\s*swap/g, 'font-display: block'));
    }
  }
  return { css: sheets.join('\n'), folders };
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
