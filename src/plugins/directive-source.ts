/**
 * Directives (remark-directive: `:name[label]{attributes}`, `::name` on a line of its own,
 * `:::name` … `:::` around blocks) as the author typed them, read back from the file's text by
 * their places. remark-directive reads any `:` before a letter or digit as a text directive —
 * `10:30`, `ratio:value`, the `:D` of an emoticon — so every directive Galley does not make into
 * an element must become text again, exactly as written; the label's Markdown (emphasis, links)
 * stays parsed. Nodes without places (made by a plugin) are written out from their fields.
 */
import type { Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Point, Position } from 'unist';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** The marks each kind of directive opens with. */
const COLONS = { textDirective: ':', leafDirective: '::', containerDirective: ':::' } as const;

export function isDirective(node: { type: string }): node is Directive {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

/**
 * A text or leaf directive as the phrasing the author typed: the marks, name and brackets as
 * text, the label's nodes kept, the attributes as typed.
 */
export function directiveAsPhrasing(node: TextDirective | LeafDirective, source: string): PhrasingContent[] {
  return headAsPhrasing(node, node.children, source, node.position);
}

/**
 * A container directive as the blocks the author typed: its opening line (`:::name[label]{…}`)
 * and its closing fence, when it has one, as paragraphs of text around its blocks.
 */
export function containerAsBlocks(node: ContainerDirective, source: string): RootContent[] {
  const [first, ...rest] = node.children;
  const label = first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
  const blocks = (label ? rest : node.children) as RootContent[];
  const start = node.position?.start;
  const lineEnd = start?.offset === undefined ? undefined : endOfLine(source, start.offset);
  const headPlace = start && lineEnd !== undefined ? { start, end: pointAt(start, source, lineEnd) } : undefined;
  const head = paragraph(headAsPhrasing(node, label?.children ?? [], source, headPlace), headPlace);
  const fence = closingFence(node, source);
  const close = fence ? [paragraph([text(fence.text, fence.position)], fence.position)] : [];
  return [head, ...blocks, ...close];
}

/** The container's closing fence (`:::`) as typed, with its place; undefined when it has none. */
export function closingFence(node: ContainerDirective, source: string): { text: string; position: Position } | undefined {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined || end.line === start.line) return undefined;
  const from = source.lastIndexOf('\n', end.offset - 1) + 1;
  const last = source.slice(from, end.offset);
  const fence = /:{3,}[ \t]*$/.exec(last);
  const opening = /^:+/.exec(source.slice(start.offset))?.[0].length ?? 3;
  if (!fence || fence[0].trimEnd().length < opening || !/^[ \t>]*$/.test(last.slice(0, fence.index))) return undefined;
  const column = fence.index + 1;
  return {
    text: fence[0].trimEnd(),
    position: {
      start: { line: end.line, column, offset: from + fence.index },
      end: { line: end.line, column: column + fence[0].length, offset: from + fence.index + fence[0].length },
    },
  };
}

function headAsPhrasing(
  node: Directive,
  label: PhrasingContent[],
  source: string,
  place: Position | undefined,
): PhrasingContent[] {
  const start = place?.start.offset;
  const end = place?.end.offset;
  if (!place || start === undefined || end === undefined) return written(node, label);
  const first = label[0]?.position?.start.offset;
  const last = label[label.length - 1]?.position?.end.offset;
  const piece = (from: number, to: number) =>
    text(unprefixed(source.slice(from, to)), {
      start: pointAt(place.start, source, from),
      end: pointAt(place.start, source, to),
    });
  if (label.length === 0) return [piece(start, end)];
  if (first === undefined || last === undefined || first < start || last > end) return written(node, label);
  return [piece(start, first), ...label, ...(last < end ? [piece(last, end)] : [])];
}

/** The directive written out from its fields, when the text it came from is not known. */
function written(node: Directive, label: PhrasingContent[]): PhrasingContent[] {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => (value ? `${key}="${value.replace(/"/g, '&quot;')}"` : key))
    .join(' ');
  const after = attributes ? `{${attributes}}` : '';
  const marks = `${COLONS[node.type]}${node.name}`;
  if (label.length === 0 && node.type !== 'containerDirective' && (node.children?.length ?? 0) === 0) {
    return [text(`${marks}${after}`)];
  }
  return [text(`${marks}[`), ...label, text(`]${after}`)];
}

/** Text of a directive that runs over lines: the block quote marks and indents of its lines go, as Markdown drops them. */
function unprefixed(value: string): string {
  return value.includes('\n') ? value.replace(/\n[ \t>]*/g, '\n') : value;
}

function endOfLine(source: string, from: number): number {
  const end = source.indexOf('\n', from);
  const line = end === -1 ? source.slice(from) : source.slice(from, end);
  return from + line.replace(/\r$/, '').length;
}

/** The point at `offset`, counted on from a point before it. */
function pointAt(from: Point, source: string, offset: number): Point {
  const base = from.offset ?? 0;
  let line = from.line;
  for (let i = source.indexOf('\n', base); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return { line, column: offset - lineStart + 1, offset };
}

function text(value: string, position?: Position): Text {
  return position ? { type: 'text', value, position } : { type: 'text', value };
}

function paragraph(children: PhrasingContent[], position: Position | undefined): Paragraph {
  return position ? { type: 'paragraph', children, position } : { type: 'paragraph', children };
}
