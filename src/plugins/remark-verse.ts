/**
 * remark plugin: verse and song lyrics. A `:::verse` container (`:::poem`, `:::song` for the
 * same, with their own semantics) keeps its lines as the author broke them: each paragraph is a
 * stanza (`<p class="stanza">`), each line of it a `<span class="line">` with a `<br/>` after
 * it, so a line that is too long for the page wraps under itself with a hanging indent (the
 * theme's CSS) and a reader without CSS still sees the lines. A line's indent is read from the
 * manuscript, where Markdown drops it: the spaces before it (two a step, a tab four), or the
 * spaces after a `|` opening it (Pandoc's line blocks: `|     indented`), which editors do not
 * trim and which keeps a stanza's first line from being read as code. A line of only `|` ends
 * a stanza. An indented stanza that Markdown took for code (four spaces before its first line)
 * is verse again, its text as typed. The label (`:::verse[The Keeper's Song]`) is the verse's
 * title. Classes given to the container (`:::verse{.centred}`) go on with it.
 */
import type { Code, Paragraph, PhrasingContent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { authorClasses, classedParagraph, type FictionBlock, fictionBlock, fictionInline, splitLabel } from './fiction-nodes.ts';
import { type PhrasingLine, phrasingLines } from './phrasing-lines.ts';

/** The verse containers and their EPUB semantics (DAISY's structural vocabulary). */
const KINDS: Record<string, string> = { verse: 'z3998:verse', poem: 'z3998:poem', song: 'z3998:song' };

/** Indent steps a line may have (deeper ones are set at this one). */
export const MAX_INDENT = 8;

interface Rows {
  /** The manuscript's lines. */
  rows: string[];
  /** Columns before the container's fence (a block quote's `>`, a list item's indent). */
  base: number;
}

export const remarkVerse: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value ?? '');
  let rows: string[] | undefined;
  visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
    const semantics = KINDS[node.name];
    if (!semantics || !parent || index === undefined) return undefined;
    rows ??= source.split(/\r\n|\r|\n/);
    const at = { rows, base: (node.position?.start.column ?? 1) - 1 };
    const { label, blocks } = splitLabel(node);
    const children: FictionBlock['children'] = [];
    if (label) children.push(classedParagraph(['verse-title'], label.children, label.position));
    // Lines of blocks with no blank line between (indented code, then the paragraph that ends it) are one stanza.
    let run: { lines: PhrasingLine[]; from: Paragraph['position']; end: number } | undefined;
    const flush = () => {
      if (run) children.push(...stanzas(run.lines, at, { position: run.from }));
      run = undefined;
    };
    for (const block of blocks) {
      const lines =
        block.type === 'paragraph'
          ? phrasingLines(block)
          : block.type === 'code' && isIndentedCode(block, source)
            ? codeLines(block)
            : undefined;
      if (!lines) {
        flush();
        children.push(block);
        continue;
      }
      const start = block.position?.start.line ?? -1;
      if (run && start === run.end + 1) run.lines.push(...lines);
      else {
        flush();
        run = { lines: [...lines], from: block.position, end: -1 };
      }
      run.end = block.position?.end.line ?? -2;
    }
    flush();
    const classes = ['verse', ...(node.name === 'verse' ? [] : [node.name]), ...authorClasses(node)];
    parent.children[index] = fictionBlock(
      node.name,
      'div',
      { className: classes, 'epub:type': semantics },
      children,
      node.position,
    );
    return index;
  });
};

/** The stanzas of a paragraph's lines: one, unless a line of only `|` divides them. */
function stanzas(lines: PhrasingLine[], at: Rows, from: { position?: Paragraph['position'] }): Paragraph[] {
  const result: Paragraph[] = [];
  let current: PhrasingContent[] = [];
  const end = () => {
    if (current.length > 0) result.push(classedParagraph(['stanza'], current, from.position));
    current = [];
  };
  for (const line of lines) {
    const { children, steps, blank } = indented(line, at);
    if (blank) {
      end();
      continue;
    }
    if (current.length > 0) current.push({ type: 'break' });
    const className = steps > 0 ? ['line', `indent-${Math.min(steps, MAX_INDENT)}`] : ['line'];
    current.push(fictionInline('span', { className }, children));
  }
  end();
  return result;
}

/** A line's indent, in steps, and its content without the `|` marker and the spaces of the indent. */
function indented(line: PhrasingLine, at: Rows): { children: PhrasingContent[]; steps: number; blank: boolean } {
  const written = line.line === undefined ? undefined : unprefixed(at.rows[line.line - 1] ?? '', at.base);
  const first = line.children[0];
  if (!first) return { children: [], steps: 0, blank: true };
  if (first?.type === 'text' && /^\|/.test(first.value) && (written === undefined || /^[ \t]*\|/.test(written))) {
    const rest = first.value.replace(/^\| ?/, '');
    const spaces = /^[ \t]*/.exec(rest)?.[0] ?? '';
    const value = rest.slice(spaces.length);
    const children = value ? [{ ...first, value }, ...line.children.slice(1)] : line.children.slice(1);
    const blank = children.every((c) => c.type === 'text' && c.value.trim() === '');
    return { children, steps: steps(spaces), blank };
  }
  return { children: line.children, steps: written === undefined ? 0 : steps(/^[ \t]*/.exec(written)?.[0] ?? ''), blank: false };
}

/** The line as it stands inside the container: without the block quote marks or indent the fence has before it. */
function unprefixed(row: string, base: number): string | undefined {
  const prefix = row.slice(0, base);
  return /^[ \t>]*$/.test(prefix) ? row.slice(base) : undefined;
}

/** Indent steps of leading white space: two spaces a step, a tab four spaces. */
function steps(space: string): number {
  let width = 0;
  for (const c of space) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
  return Math.ceil(width / 2);
}

/** Indented code (not fenced): a stanza whose first line has four spaces or more. */
function isIndentedCode(node: Code, source: string): boolean {
  const offset = node.position?.start.offset;
  if (node.lang || offset === undefined) return false;
  return !/^[`~]{3}/.test(source.slice(offset, offset + 3));
}

/** The lines of indented code, as text (the parser read no Markdown in it). */
function codeLines(node: Code): PhrasingLine[] {
  const start = node.position?.start.line;
  return node.value.split('\n').map((value, i) => ({
    children: value.trim() ? [{ type: 'text', value: value.trimStart() }] : [],
    line: start === undefined ? undefined : start + i,
  }));
}
