/**
 * Finds the theme's files. A theme is a folder under `templates/` holding `book.css` (shared),
 * `epub.css` and `print.css`; `templates/epub/` holds the EPUB package templates.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `templates/` folder of this installation. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export function themeDir(theme = 'default'): string {
  return path.join(TEMPLATES_DIR, theme);
}

export async function readTemplate(...parts: string[]): Promise<string> {
  return readFile(path.join(TEMPLATES_DIR, ...parts), 'utf8');
}

/** The theme's CSS for one medium: the shared book.css, then the medium's own sheet. */
export async function themeCss(medium: 'epub' | 'print', theme = 'default'): Promise<string> {
  const [shared, own] = await Promise.all([readTemplate(theme, 'book.css'), readTemplate(theme, `${medium}.css`)]);
  return `${shared}\n${own}`;
}
