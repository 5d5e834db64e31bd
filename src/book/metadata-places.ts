/**
 * Where a place in the text of a metadata key stands in the file it was written in (book.yaml,
 * or a Markdown file's front matter). The key's YAML value is found, and the text Markdown read
 * is matched to the value as written, character by character, stepping over what YAML adds
 * around it — indentation, quotes, the `|` or `>` line, folded line ends, a list's `- ` marks —
 * so a problem at line 3, column 5 of the acknowledgements is reported at its own line and
 * column in book.yaml. Where the text cannot be followed (an escape, authors joined from a list)
 * the place is the start of the value; where the text is not the file's (a `--title` from the
 * command line), there is none.
 */
import { isMap, isScalar, type Node } from 'yaml';
import { KEY_ALIASES } from '../config/keys.ts';
import type { ParsedYaml } from '../config/load.ts';
import type { Place } from '../errors.ts';

/** The place in the metadata file of a point (line and column, from 1) in the text of `key` (`epigraph.attribution`). */
export type MetadataLocator = (key: string, text: string, point: Place | undefined) => Place | undefined;

/** How far past one matched character the next may be (indentation and list marks between lines). */
const MAX_GAP = 200;

export function metadataLocator(yaml: ParsedYaml | undefined): MetadataLocator | undefined {
  if (!yaml) return undefined;
  const source = yaml.source.text;
  const at = (offset: number): Place => {
    const pos = yaml.lines.linePos(offset);
    return { line: pos.line + (yaml.source.lineOffset ?? 0), column: pos.col };
  };
  return (key, text, point) => {
    const node = valueNode(yaml, key);
    const range = node?.range;
    if (!node || !range) return undefined;
    if (isScalar(node) && String(node.value).trim() !== text.trim()) return undefined;
    const target = point ? offsetIn(text, point) : 0;
    const found = target === undefined ? undefined : follow(text, target, source, range[0], range[1]);
    return at(found ?? range[0]);
  };
}

/** The YAML node of a key's value (`epigraph` given as `text` and `attribution`: its text). */
function valueNode(yaml: ParsedYaml, key: string): Node | undefined {
  const path = key.split('.');
  const top = path[0] as string;
  const names = [top, ...Object.entries(KEY_ALIASES).flatMap(([alias, name]) => (name === top ? [alias] : []))];
  for (const name of names) {
    let node = yaml.doc.getIn([name, ...path.slice(1)], true) as Node | undefined;
    if (isMap(node) && path.length === 1) node = node.get('text', true) as Node | undefined;
    if (node) return node;
  }
  return undefined;
}

/** The offset in the text of a line and column. */
function offsetIn(text: string, point: Place): number | undefined {
  const lines = text.split('\n');
  if (point.line < 1 || point.line > lines.length) return undefined;
  const before = lines.slice(0, point.line - 1).reduce((sum, line) => sum + line.length + 1, 0);
  return Math.min(before + point.column - 1, text.length);
}

/** The offset in the source of the text's character at `target`, matching the text's characters in order. */
function follow(text: string, target: number, source: string, from: number, to: number): number | undefined {
  let at = from;
  for (let i = 0; i <= Math.min(target, text.length - 1); i++) {
    const found = next(source, at, to, text[i] as string);
    if (found === undefined) return undefined;
    if (i === target) return found;
    at = found + 1;
  }
  return at < to ? at : undefined;
}

/** The next place in the source that holds the character (any white space for white space). */
function next(source: string, from: number, to: number, char: string): number | undefined {
  const space = /\s/.test(char);
  for (let k = from; k < Math.min(to, from + MAX_GAP); k++) {
    const c = source[k] as string;
    if (c === char || (space && /\s/.test(c))) return k;
  }
  return undefined;
}
