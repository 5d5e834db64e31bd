/**
 * Galley's own scripts for the print page (in-page.js, line-marks.js, page-slices.js, …): each
 * file is one function expression, read once and evaluated through DevTools as
 * `(<file>)(options)`; a script made of more than one file gets the others after its options, as
 * function values (`(<lines-measure.js>)(options, (<lines-tokens.js>), (<notes-measure.js>))`).
 * The book's own scripts never run there.
 */
import { readFile } from 'node:fs/promises';
import type { BookPage } from '../browser.ts';

/** A script file next to this module, read once. */
export function pageScript(name: string): Promise<string> {
  return readFile(new URL(`./${name}`, import.meta.url), 'utf8').then((text) => text.trim().replace(/;$/, ''));
}

/** Calls the script's function in the page with `options` (as JSON), and the `helpers` scripts' functions after them; returns its result. */
export async function runScript<T>(
  page: BookPage,
  script: Promise<string>,
  options: unknown,
  ...helpers: Promise<string>[]
): Promise<T> {
  const functions = (await Promise.all(helpers)).map((helper) => `, (${helper})`).join('');
  return page.evaluate<T>(`(${await script})(${JSON.stringify(options)}${functions})`);
}
