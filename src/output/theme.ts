/**
 * Finds the theme's files. A theme is a folder under `templates/` holding `book.css` (shared),
 * `epub.css` and `print.css`; `templates/epub/` holds the EPUB package templates. Each file is
 * read from inside its own folder only: a link that leads out of it is refused.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileScope, readBookFile } from '../book/book-files.ts';

/** The `templates/` folder of this installation. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export function themeDir(theme = 'default'): string {
  return path.join(TEMPLATES_DIR, theme);
}

/** A file of a theme (or of `templates/epub/`): `readTemplate('default', 'book.css')`. */
export async function readTemplate(folder: string, ...parts: string[]): Promise<string> {
  const scope = await fileScope(path.join(TEMPLATES_DIR, folder), `the theme's folder`);
  const file = path.join(...parts);
  const shown = path.join('templates', folder, file);
  const { data } = await readBookFile(scope, file, { file: shown, what: 'the theme file' });
  return data.toString('utf8');
}

/** The theme's CSS for one medium: the shared book.css, then the medium's own sheet. */
export async function themeCss(medium: 'epub' | 'print', theme = 'default'): Promise<string> {
  const [shared, own] = await Promise.all([readTemplate(theme, 'book.css'), readTemplate(theme, `${medium}.css`)]);
  return `${shared}\n${own}`;
}
