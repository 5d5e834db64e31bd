/**
 * Reads book metadata from YAML (a book.yaml, or a Markdown file's front matter), merges the
 * command line's overrides, and validates it all against the schema. Every problem is reported
 * at once, each with the file, line and column of the offending key or value.
 */
import { type Alias, type Document, isAlias, isMap, isScalar, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { GalleyError, type Place, type Problem } from '../errors.ts';
import { KEY_ALIASES } from './keys.ts';
import { describeIssues } from './problems.ts';
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

/** How many times the values an alias stands for may be copied (the `yaml` package's own guard). */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(source: YamlSource): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Place => {
    const pos = lines.linePos(offset);
    return { line: pos.line + (source.lineOffset ?? 0), column: pos.col };
  };
  const first = doc.errors[0];
  if (first) {
    // The parser recurses into nested lists and groups; past some thousands of levels it gives up.
    const tooDeep = /call stack/i.test(first.message);
    throw new GalleyError(
      'CONFIG_YAML',
      tooDeep ? 'the YAML is nested too deeply to read' : `invalid YAML: ${first.message.split('\n')[0]}`,
      {
        file: source.file,
        place: at(first.pos[0]),
        hint: tooDeep
          ? 'Metadata needs only a few levels of lists and groups; take out the brackets or indentation that nest further.'
          : 'Fix the YAML syntax at this place (check indentation, colons and quotes).',
      },
    );
  }
  const data = toData(doc, source, at);
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
 * The document as plain data. An alias (`*name`) is copied where it stands; aliases of aliases
 * can multiply into billions of copies (a "billion laughs" file), so the copies are counted and
 * the alias that makes too many is reported, as is one that names no anchor.
 */
function toData(doc: Document, source: YamlSource, at: (offset: number) => Place): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (cause) {
    if (!(cause instanceof ReferenceError)) throw cause;
    const unresolved = /Unresolved alias.*: (.*)$/.exec(cause.message)?.[1];
    const alias = unresolved ? findAlias(doc, (a) => a.source === unresolved) : findAlias(doc, (a) => holdsAlias(a.resolve(doc)));
    const place = alias?.range ? at(alias.range[0]) : at(0);
    if (unresolved) {
      throw new GalleyError('CONFIG_YAML', `the alias \`*${unresolved}\` names no \`&${unresolved}\` anchor before it`, {
        file: source.file,
        place,
        hint: `Write the value out in full here, or mark the value it stands for with \`&${unresolved}\`.`,
        cause,
      });
    }
    throw new GalleyError('CONFIG_YAML', 'YAML aliases here copy values too many times (aliases of aliases multiply)', {
      file: source.file,
      place,
      hint: 'Write the values out in full instead of using `&anchor` and `*alias`; book.yaml needs no aliases.',
      cause,
    });
  }
}

function findAlias(doc: Document, test: (alias: Alias) => boolean): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      if (!test(node)) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function holdsAlias(node: Node | undefined): boolean {
  if (!node || isAlias(node)) return Boolean(node);
  let found = false;
  visit(node, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Validates metadata: the YAML's values (if any) with `overrides` (from the command line) on top.
 * Throws one error that carries every problem found. `fallbackFile` names what to blame when
 * there is no YAML at all.
 */
export function resolveConfig(
  yaml: ParsedYaml | undefined,
  overrides: Record<string, unknown>,
  fallbackFile: string,
): BookConfig {
  const file = yaml?.source.file ?? fallbackFile;
  const { data, writtenAs, problems } = applyAliases(yaml, file);
  const raw = { ...data, ...definedOnly(overrides) };
  const result = bookSchema.safeParse(raw);
  if (!result.success) {
    const placeOf = (path: readonly PropertyKey[], at: 'key' | 'value') =>
      yaml ? placeOfPath(yaml, path, at, writtenAs) : undefined;
    problems.push(...describeIssues(result.error.issues, { raw, file, placeOf }));
  }
  const [first, ...more] = problems;
  if (first)
    throw new GalleyError('CONFIG_INVALID', first.message, { file: first.file, place: first.place, hint: first.hint, more });
  return (result as { data: BookConfig }).data;
}

/**
 * Other tools' names (`lang`, `cover-image`…) renamed to Galley's; `writtenAs` remembers the
 * name used, to point at its line. Both names at once is a problem.
 */
function applyAliases(
  yaml: ParsedYaml | undefined,
  file: string,
): { data: Record<string, unknown>; writtenAs: Map<string, string>; problems: Problem[] } {
  const data: Record<string, unknown> = {};
  const writtenAs = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(yaml?.data ?? {})) {
    const canonical = KEY_ALIASES[key];
    if (!canonical) continue;
    if (canonical in (yaml?.data ?? {})) {
      problems.push({
        message: `\`${key}\` and \`${canonical}\` are the same key, given twice`,
        file,
        place: yaml ? placeOfPath(yaml, [key], 'key', new Map()) : undefined,
        hint: `Keep one of the two lines (\`${canonical}:\` is Galley's name; \`${key}:\` is taken for it).`,
      });
      continue;
    }
    data[canonical] = value;
    writtenAs.set(canonical, key);
  }
  for (const [key, value] of Object.entries(yaml?.data ?? {})) if (!KEY_ALIASES[key]) data[key] = value;
  return { data, writtenAs, problems };
}

function definedOnly(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/**
 * Where a key (`at: 'key'`) or its value stands in the YAML: the nearest enclosing node that is
 * there when the key is absent, the file's first line when none is.
 */
export function placeOfPath(
  yaml: ParsedYaml,
  path: readonly PropertyKey[],
  at: 'key' | 'value',
  writtenAs: Map<string, string>,
): Place {
  const offset = yaml.source.lineOffset ?? 0;
  const steps = path.map((p, i) => (i === 0 && typeof p === 'string' ? (writtenAs.get(p) ?? p) : p));
  let node: unknown;
  if (at === 'key' && steps.length > 0) {
    const parent = steps.length > 1 ? yaml.doc.getIn(steps.slice(0, -1), true) : yaml.doc.contents;
    if (isMap(parent)) node = parent.items.find((item) => isScalar(item.key) && item.key.value === steps.at(-1))?.key;
  }
  for (let depth = steps.length; node === undefined && depth > 0; depth--) node = yaml.doc.getIn(steps.slice(0, depth), true);
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return { line: 1 + offset, column: 1 };
  const pos = yaml.lines.linePos(range[0]);
  return { line: pos.line + offset, column: pos.col };
}
