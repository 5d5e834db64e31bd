/**
 * A book's theme: the one `--theme` names, else book.yaml's `theme:`, else `default`; with the
 * book's own stylesheets (`stylesheet:`), each read from inside the book's folder only. Problems
 * are reported at the line and column of the value in book.yaml (or against `--theme`).
 */
import path from 'node:path';
import { fileScope, readBookFile } from '../book/book-files.ts';
import type { ParsedYaml } from '../config/load.ts';
import { placeOfPath } from '../config/load.ts';
import type { BookConfig } from '../config/schema.ts';
import type { Place } from '../errors.ts';
import { type ExtraSheet, resolveTheme, type Theme } from './theme.ts';
import { checkSheet } from './theme-sheet-check.ts';

export interface BookThemeInput {
  config: BookConfig;
  /** The book's folder. */
  root: string;
  /** book.yaml (or the Markdown file with the front matter), as shown, and its parsed YAML. */
  metadataFile: string;
  metadata: ParsedYaml | undefined;
  /** `--theme`, when given (it overrides book.yaml); a path in it is taken from `cwd`. */
  flag?: string | undefined;
  cwd: string;
}

export async function bookTheme(input: BookThemeInput): Promise<Theme> {
  const { config, root, metadata, metadataFile } = input;
  const placeOf = (path: PropertyKey[]): Place | undefined =>
    metadata ? placeOfPath(metadata, path, 'value', new Map()) : undefined;
  const stylesheets = await readStylesheets(config.stylesheet, root, metadataFile, (i) =>
    placeOf(
      metadata?.data.stylesheet !== undefined && Array.isArray(metadata.data.stylesheet) ? ['stylesheet', i] : ['stylesheet'],
    ),
  );
  if (input.flag !== undefined) return resolveTheme({ value: input.flag, from: root, base: input.cwd }, stylesheets);
  if (config.theme === undefined) return resolveTheme({ value: 'default', from: root }, stylesheets);
  return resolveTheme({ value: config.theme, from: root, file: metadataFile, place: placeOf(['theme']) }, stylesheets);
}

async function readStylesheets(
  files: string[],
  root: string,
  metadataFile: string,
  placeOf: (i: number) => Place | undefined,
): Promise<ExtraSheet[]> {
  if (files.length === 0) return [];
  const scope = await fileScope(root, "the book's folder");
  return Promise.all(
    files.map(async (file, i) => {
      const read = await readBookFile(scope, file, {
        file: metadataFile,
        place: placeOf(i),
        what: `the stylesheet \`${file}\``,
        noun: 'stylesheet',
      });
      const css = read.data.toString('utf8');
      checkSheet(css, path.relative(process.cwd(), read.real) || file);
      return { file, css };
    }),
  );
}
