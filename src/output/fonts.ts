/**
 * The theme's print fonts, from npm font packages (fontsource): their @font-face sheets are
 * rewritten to point at `fonts/<file>` on the print page's origin, where fontFile() serves them.
 * Fonts block rendering until loaded (never a silent fallback), and every face a theme uses is
 * shipped, so Chromium embeds real TrueType faces and never synthesises one as Type 3.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GalleyError } from '../errors.ts';
import { readTemplate } from './theme.ts';

interface ThemeFonts {
  fonts: { package: string; stylesheets: string[] }[];
}

export interface FontSet {
  /** @font-face rules for the print page. */
  css: string;
  /** Folders a `fonts/<file>` request may be served from. */
  folders: string[];
}

const require = createRequire(import.meta.url);

export async function loadThemeFonts(theme = 'default'): Promise<FontSet> {
  const manifest = JSON.parse(await readTemplate(theme, 'theme.json')) as ThemeFonts;
  const sheets: string[] = [];
  const folders: string[] = [];
  for (const font of manifest.fonts) {
    let root: string;
    try {
      root = path.dirname(require.resolve(`${font.package}/package.json`));
    } catch (cause) {
      throw new GalleyError('PDF_FAILED', `the theme's font package ${font.package} is not installed`, {
        file: `templates/${theme}/theme.json`,
        hint: `Run \`npm install ${font.package}\`, or fix the package name in theme.json.`,
        cause,
      });
    }
    folders.push(path.join(root, 'files'));
    for (const sheet of font.stylesheets) {
      const css = await readFile(path.join(root, sheet), 'utf8');
      sheets.push(css.replace(/url\(\.\/files\//g, 'url(fonts/').replace(/font-display:\s*swap/g, 'font-display: block'));
    }
  }
  return { css: sheets.join('\n'), folders };
}

/** Reads `name` from the first font folder that has it; undefined for anything else. */
export async function fontFile(fonts: FontSet, name: string): Promise<Buffer | undefined> {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return undefined;
  for (const folder of fonts.folders) {
    const data = await readFile(path.join(folder, name)).catch(() => undefined);
    if (data) return data;
  }
  return undefined;
}
