/**
 * Reading a theme's `theme.json`: strict JSON (a syntax mistake is reported at its line and
 * column), then the theme schema, every problem at once, each at the line and column of its key
 * or value, exactly as book.yaml's problems are (the same describer, src/config/problems.ts).
 */
import { GalleyError, type Place, placeAt } from '../errors.ts';
import { suggestKey } from './keys.ts';
import { type ParsedYaml, parseYaml, placeOfPath } from './load.ts';
import { describeIssues } from './problems.ts';
import { type ThemeManifest, themeSchema } from './theme-schema.ts';

/** A validated theme.json, with what is needed to point back into it. */
export interface ParsedTheme {
  manifest: ThemeManifest;
  /** Where a key (or its value) is in the file. */
  placeOf: (path: readonly PropertyKey[], at?: 'key' | 'value') => Place;
}

/** Parses and validates `text`, read from `file` (as shown in messages). */
export function parseThemeJson(text: string, file: string): ParsedTheme {
  const data = parseJson(text, file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new GalleyError('THEME_INVALID', 'theme.json must be one object, `{ … }`', {
      file,
      place: { line: 1, column: 1 },
      hint: 'Write the theme as `{ "description": "…", "extends": "default", … }`.',
    });
  }
  // JSON is YAML: the YAML parser gives every key and value its place.
  let yaml: ParsedYaml;
  try {
    yaml = parseYaml({ file, text });
  } catch (error) {
    if (!(error instanceof GalleyError)) throw error;
    const duplicate = /unique/i.test(error.message);
    throw new GalleyError('THEME_INVALID', duplicate ? 'a key is given twice' : error.message, {
      file,
      place: error.place,
      hint: duplicate ? 'Keep one of the two; JSON keys must be unique.' : 'Fix the JSON at this place.',
    });
  }
  const placeOf = (path: readonly PropertyKey[], at: 'key' | 'value' = 'value') => placeOfPath(yaml, path, at, new Map());
  const result = themeSchema.safeParse(data);
  if (!result.success) {
    const [first, ...more] = describeIssues(result.error.issues, {
      raw: data as Record<string, unknown>,
      file,
      placeOf,
      suggest: (key, path) => suggestKey(key, path, themeSchema),
      keysOf: 'theme.json',
      where: 'theme.json',
      json: true,
    });
    if (first) {
      throw new GalleyError('THEME_INVALID', first.message, { file, place: first.place, hint: first.hint, more });
    }
  }
  return { manifest: result.data as ThemeManifest, placeOf };
}

/** JSON.parse, with a syntax error at its line and column. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = (cause as Error).message;
    const place = syntaxPlace(message, text);
    const what = message.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new GalleyError('THEME_INVALID', `theme.json is not valid JSON: ${what}`, {
      file,
      place,
      hint: 'Fix the JSON at this place (keys and text in double quotes, commas between entries and none after the last).',
      cause,
    });
  }
}

/** Where V8's JSON.parse message says the mistake is: `at position N`, `(line L column C)`, or the end. */
function syntaxPlace(message: string, text: string): Place {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  return placeAt(text, position ? Number(position[1]) : text.length);
}
