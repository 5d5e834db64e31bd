/**
 * Reads book metadata from YAML (a book.yaml, or a Markdown file's front matter), merges the
 * command line's overrides, and validates it all against the schema. Every problem is reported
 * with the file, line and column of the offending key.
 */
import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { GalleyError, type Place } from '../errors.ts';
import { type BookConfig, bookSchema } from './schema.ts';

/** YAML text and where it came from. */
export interface YamlSource {
  /** Path shown in messages. */
  file: string;
  text: string;
  /** Lines before the YAML starts in `file` (front matter starts after its `---` line). */
  lineOffset?: number;
}

/** Parsed YAML, kept with what is needed to point back into the file. */
export interface ParsedYaml {
  source: YamlSource;
  data: Record<string, unknown>;
  doc: Document;
  lines: LineCounter;
}

export function parseYaml(source: YamlSource): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    throw new GalleyError('CONFIG_YAML', `invalid YAML: ${first.message.split('\n')[0]}`, {
      file: source.file,
      place: { line: pos.line + (source.lineOffset ?? 0), column: pos.col },
      hint: 'Fix the YAML syntax at this place (check indentation, colons and quotes).',
    });
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new GalleyError('CONFIG_INVALID', 'metadata must be a list of `key: value` lines', {
      file: source.file,
      place: { line: 1 + (source.lineOffset ?? 0), column: 1 },
      hint: 'Write the metadata as `title: …`, `author: …` on lines of their own.',
    });
  }
  return { source, data: data as Record<string, unknown>, doc, lines };
}

/**
 * Validates metadata: the YAML's values (if any) with `overrides` (from the command line) on top.
 * `fallbackFile` names what to blame when there is no YAML at all.
 */
export function resolveConfig(
  yaml: ParsedYaml | undefined,
  overrides: Record<string, unknown>,
  fallbackFile: string,
): BookConfig {
  const raw = { ...(yaml?.data ?? {}), ...definedOnly(overrides) };
  const result = bookSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = firstIssue(result.error.issues);
  const key = issueKey(issue);
  const file = yaml?.source.file ?? fallbackFile;
  const place = yaml ? placeOfKey(yaml, issue) : undefined;
  const missing = issue.code === 'invalid_type' && !(String(issue.path[0]) in raw);
  let message: string;
  let hint: string;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown key \`${key}\``;
    hint = 'Check the spelling; the README lists every book.yaml key.';
  } else if (missing) {
    message = `\`${key}\` is required`;
    hint =
      key === 'title' || key === 'author'
        ? `Add \`${key}: …\` to the metadata, or pass --${key}.`
        : `Add \`${key}: …\` to the metadata.`;
  } else {
    message = `\`${key}\` ${issue.message.replace(/^Invalid input: /, '')}`;
    hint = `Fix the value of \`${key}\`; the README lists what each key takes.`;
  }
  throw new GalleyError('CONFIG_INVALID', message, { file, place, hint });
}

function definedOnly(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/**
 * The issue to report. An unknown key comes first: a misspelt `titel:` also leaves `title`
 * missing, and "title is required" would point away from the line that needs fixing.
 */
function firstIssue(issues: z.core.$ZodIssue[]): z.core.$ZodIssue {
  return (issues.find((issue) => issue.code === 'unrecognized_keys') ?? issues[0]) as z.core.$ZodIssue;
}

function issueKey(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0] ?? '');
  return path.join('.') || '(metadata)';
}

/** Where the key an issue is about stands in the YAML; the file's first line when it is absent. */
function placeOfKey(yaml: ParsedYaml, issue: z.core.$ZodIssue): Place {
  const offset = yaml.source.lineOffset ?? 0;
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let node: unknown;
  if (issue.code === 'unrecognized_keys') {
    const parent = path.length ? yaml.doc.getIn(path, true) : yaml.doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === issue.keys[0]);
      node = pair?.key;
    }
  } else {
    node = yaml.doc.getIn(path, true);
    if (node === undefined && path.length > 1) node = yaml.doc.getIn(path.slice(0, -1), true);
  }
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return { line: 1 + offset, column: 1 };
  const pos = yaml.lines.linePos(range[0]);
  return { line: pos.line + offset, column: pos.col };
}
