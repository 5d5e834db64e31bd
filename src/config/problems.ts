/**
 * The schema's findings as the author reads them: one problem per mistake, each naming the key
 * (`print.trim`), saying what it takes and what it got ("`title` must be text; got a number
 * (42)"), with the nearest known key for a misspelt one and a hint of what to do. Places are
 * looked up by the caller, who has the YAML.
 */
import type { z } from 'zod';
import { CHECK_RULES } from '../check/rule-ids.ts';
import type { Problem } from '../errors.ts';
import { suggestKey } from './keys.ts';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** Where a problem points: at the key itself, or at its value. */
export type PlaceOf = (path: Path, at: 'key' | 'value') => Problem['place'];

export interface ProblemContext {
  /** What was validated (after aliases and the command line's overrides). */
  raw: Record<string, unknown>;
  file: string;
  placeOf: PlaceOf;
  /** The known key a misspelt one stands for (default: book.yaml's, keys.ts). */
  suggest?: (key: string, path: Path) => string | undefined;
  /** What the file is, in hints (default `book.yaml`: "the README lists every book.yaml key"). */
  keysOf?: string;
  /** What was validated, in hints (default `the metadata`). */
  where?: string;
  /** The file is JSON: a key is written in quotes (`"key": "42"`). */
  json?: boolean;
}

/** A problem, with what is needed to leave out the ones another already explains. */
type Found = Problem & { missing?: boolean; key?: string; suggestion?: string };

/**
 * Every issue as problems, in the order of their places in the file, missing keys last. A key
 * reported missing is left out when an unknown key is its misspelling (`titel:` for `title:`).
 */
export function describeIssues(issues: readonly Issue[], context: ProblemContext): Problem[] {
  const found: Found[] = issues
    .flatMap((issue) => flatten(issue, []))
    .flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => unknownKey(issue.path, key, context))
        : [valueProblem(issue, context)],
    );
  const suggested = new Set(found.map((f) => f.suggestion));
  return found
    .filter((f) => !(f.missing && suggested.has(f.key)))
    .sort((a, b) => Number(Boolean(a.missing)) - Number(Boolean(b.missing)) || byPlace(a.place, b.place))
    .map(({ message, file, place, hint }) => ({ message, file, place, hint }));
}

/**
 * A union's issues are those of the branch the value was meant for — the one whose shape it has
 * (an entry with a misspelt `rol:` is an entry, not a name) — or, when it has none's shape, one
 * issue saying what the key takes.
 */
function flatten(issue: Issue, base: Path): Issue[] {
  const path = [...base, ...issue.path];
  if (issue.code !== 'invalid_union') return [{ ...issue, path: path as Issue['path'] }];
  const meant = issue.errors.find((branch) => !wrongShape(branch));
  if (meant) return meant.flatMap((inner) => flatten(inner, path));
  return [{ ...issue, path: path as Issue['path'] }];
}

/** True when the issues say only that the value is not of the branch's type at all. */
function wrongShape(issues: readonly Issue[]): boolean {
  return issues.every(
    (i) =>
      i.path.length === 0 && (i.code === 'invalid_type' || (i.code === 'invalid_union' && i.errors.every((b) => wrongShape(b)))),
  );
}

function unknownKey(path: Path, key: string, context: ProblemContext): Found {
  if (keyName(path) === 'check.rules' && isStoppingRule(key)) {
    return {
      message: `the rule \`${key}\` cannot be turned off or given another severity: a build always stops on it, as text would be lost`,
      file: context.file,
      place: context.placeOf([...path, key], 'key'),
      hint: 'Take the line out, and fix what the rule reports (`galley check` lists each place, with what to do).',
    };
  }
  const name = keyName([...path, key]);
  const suggestion = (context.suggest ?? suggestKey)(key, path);
  const place = context.placeOf([...path, key], 'key');
  const listed = `the README lists every ${context.keysOf ?? 'book.yaml'} key`;
  if (!suggestion) {
    return {
      message: `unknown key \`${name}\``,
      file: context.file,
      place,
      hint: `Check the spelling, or take the line out; ${listed}.`,
    };
  }
  const full = suggestion.includes('.') ? suggestion : keyName([...path, suggestion]);
  const group = full.split('.').slice(0, -1).join('.');
  const moved = group !== keyName(path) && group ? `, indented under \`${group}:\`` : '';
  return {
    message: `unknown key \`${name}\` (did you mean \`${full}\`?)`,
    file: context.file,
    place,
    hint: `Check the spelling: write \`${full.split('.').at(-1)}:\`${moved}; ${listed}.`,
    suggestion: full,
  };
}

/** A rule a build stops on (rule-ids.ts): not configurable. */
function isStoppingRule(key: string): boolean {
  const rule = (CHECK_RULES as Record<string, { stops?: true }>)[key];
  return rule?.stops === true;
}

function valueProblem(issue: Issue, context: ProblemContext): Found {
  const name = keyName(issue.path);
  const value = valueAt(context.raw, issue.path);
  const present = hasPath(context.raw, issue.path);
  const file = context.file;
  if (!present) {
    const required = !context.where && (name === 'title' || name === 'author');
    const where = context.where ?? 'the metadata';
    return {
      message: `\`${name}\` is required`,
      file,
      place: context.placeOf(issue.path.slice(0, -1), 'value'),
      hint: required ? `Add \`${name}: …\` to ${where}, or pass --${name}.` : `Add \`${name}: …\` to ${where}.`,
      missing: true,
      key: name,
    };
  }
  const place = context.placeOf(issue.path, 'value');
  if (value === null && issue.code === 'invalid_type') {
    return {
      message: `\`${name}\` has no value`,
      file,
      place,
      hint: `Write the value after \`${name}:\`, or take the line out.`,
    };
  }
  const what = requirement(issue);
  const got = describeValue(value);
  const message = got && !what.includes(String(value)) ? `\`${name}\` ${what}; got ${got}` : `\`${name}\` ${what}`;
  const quotable = issue.code === 'invalid_type' && issue.expected === 'string' && ['number', 'boolean'].includes(typeof value);
  const hint = quotable
    ? `Put the value in quotes to keep it as text: \`${context.json ? `"${lastKey(issue.path)}"` : lastKey(issue.path)}: "${String(value)}"\`.`
    : `Fix the value of \`${name}\`; the README lists what each key takes.`;
  return { message, file, place, hint };
}

/** What the key takes, from the schema's own message or, for zod's stock ones, in words. */
function requirement(issue: Issue): string {
  const stock = /^(Invalid input|Invalid option|Too small|Too big|Invalid)\b/.test(issue.message);
  if (!stock) return issue.message;
  if (issue.code === 'invalid_type') return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
  if (issue.code === 'invalid_value') return `must be ${orList(issue.values.map(String))}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `must have at least ${issue.minimum} entries`;
  if (issue.code === 'invalid_union') return 'is not in a form this key takes';
  return issue.message.replace(/^Invalid input: /, 'must be ');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of keys, each indented on a line of its own under it',
};

/** The value as the author wrote it, in a few words: `"english"`, `a number (42)`, `a list`. */
export function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'nothing';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value} (a yes/no value)`;
  if (Array.isArray(value)) return `a list of ${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
  if (value instanceof Date) return 'a date';
  return 'a group of keys';
}

function orList(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** `print.trim`, `author.role`: the path without list positions (the line says which entry). */
function keyName(path: Path): string {
  return path.filter((p) => typeof p === 'string').join('.') || '(metadata)';
}

function lastKey(path: Path): string {
  return String(path.filter((p) => typeof p === 'string').at(-1) ?? '');
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

function hasPath(data: unknown, path: Path): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  const last = path.at(-1);
  return last === undefined || (typeof parent === 'object' && parent !== null && last in parent);
}

function byPlace(a: Problem['place'], b: Problem['place']): number {
  return (a?.line ?? 0) - (b?.line ?? 0) || (a?.column ?? 0) - (b?.column ?? 0);
}
