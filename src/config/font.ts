/**
 * The print edition's text font, `print.font` in book.yaml: an installed npm font package in the
 * fontsource layout (`@fontsource/alegreya`, or just `alegreya`). It must ship a real italic and
 * a real bold: Galley never lets the browser fake a face (a faked face prints as a Type 3 font).
 * Checked when the metadata is read, so a font that cannot be loaded is reported at its line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The stylesheets (one per face) a text font must have: regular, italic, bold, bold italic. */
export const TEXT_FACES = ['400.css', '400-italic.css', '700.css', '700-italic.css'];

export interface FontPackage {
  /** The npm package name, e.g. `@fontsource/alegreya`. */
  name: string;
  /** The package's folder. */
  root: string;
  /** The CSS family name its stylesheets declare. */
  family: string;
}

const require = createRequire(import.meta.url);

/** The package name a `print.font` value stands for. */
export function fontPackageName(value: string): string {
  const name = value.trim();
  return name.includes('/') ? name : `@fontsource/${name.toLowerCase().replace(/\s+/g, '-')}`;
}

/** Finds an installed font package with every face asked for; a reason when it cannot be used. */
export function findFontPackage(value: string, faces: string[] = TEXT_FACES): FontPackage | string {
  const name = fontPackageName(value);
  let root: string;
  try {
    root = path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return `cannot be loaded: the font package ${name} is not installed (npm install ${name})`;
  }
  const missing = faces.filter((sheet) => !existsSync(path.join(root, sheet)));
  if (missing.length) {
    return `cannot be used: ${name} has no ${missing.map((m) => m.replace('.css', '')).join(', ')} face; Galley needs a real regular, italic, bold and bold italic`;
  }
  const first = faces[0] ?? '400.css';
  const css = readFileSync(path.join(root, first), 'utf8');
  const family = /font-family:\s*['"]([^'"]+)['"]/.exec(css)?.[1];
  if (!family) return `cannot be loaded: ${name}/${first} declares no font-family`;
  return { name, root, family };
}
