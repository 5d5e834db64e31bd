/**
 * Galley's own scripts for the print page (in-page.js, line-marks.js, page-slices.js): each file
 * is one function expression, read once and evaluated through DevTools as `(<file>)(options)`.
 * The book's own scripts never run there.
 */
import { readFile } from 'node:fs/promises';
import type { BookPage } from '../browser.ts';

/** A script file next to this module, read once. */
export function pageScript(name: string): Promise<string> {
  return readFile(new URL(`./${name}`, import.meta.url), 'utf8').then((text) => text.trim().replace(/;$/, ''));
}

/** Calls the script's function in the page with `options` (as JSON) and returns its result. */
export async function runScript<T>(page: BookPage, script: Promise<string>, options: unknown): Promise<T> {
  return page.evaluate<T>(`(${await script})(${JSON.stringify(options)})`);
}
