/**
 * A paragraph's lines, as the author typed them: its phrasing cut at each line end (a newline
 * in its text, a hard break, a `<br>`), emphasis and links that run over a line end cut in two
 * so each line holds its own part. Each line knows the manuscript line it starts on, so the
 * indent the Markdown parser dropped can be read back from the file.
 */
import type { Paragraph, PhrasingContent, Text } from 'mdast';

export interface PhrasingLine {
  children: PhrasingContent[];
  /** The manuscript line it starts on, when known. */
  line: number | undefined;
}

const BR = /^<br\s*\/?>$/i;

export function phrasingLines(paragraph: Paragraph): PhrasingLine[] {
  const lines: PhrasingLine[] = [{ children: [], line: paragraph.position?.start.line }];
  split(paragraph.children, lines, (node) => lines[lines.length - 1]?.children.push(node));
  return lines.filter((l) => l.children.length > 0 && !isBlank(l.children));
}

/** Puts `children` on the lines, adding a line at each line end; `push` adds to the current line. */
function split(children: PhrasingContent[], lines: PhrasingLine[], push: (node: PhrasingContent) => void): void {
  for (const child of children) {
    if (child.type === 'text') {
      child.value.split('\n').forEach((part, i) => {
        if (i > 0) lines.push({ children: [], line: lineOf(child, i) });
        if (part) push(piece(child, part));
      });
    } else if (child.type === 'break') {
      lines.push({ children: [], line: child.position?.end.line });
    } else if (child.type === 'html' && BR.test(child.value)) {
      // The next line starts after the tag, on the same manuscript line: no indent of its own.
      lines.push({ children: [], line: undefined });
    } else if ('children' in child && child.children.length > 0 && child.type !== 'fictionInline') {
      // Emphasis, strong, a link…: a copy of it on each line it spans, holding that line's part.
      let on = -1;
      let copy: { children: PhrasingContent[] } | undefined;
      split(child.children as PhrasingContent[], lines, (node) => {
        if (on !== lines.length || !copy) {
          const made = { ...child, children: [] as PhrasingContent[] };
          copy = made;
          on = lines.length;
          push(made as PhrasingContent);
        }
        copy.children.push(node);
      });
    } else {
      push(child);
    }
  }
}

function lineOf(node: Text, index: number): number | undefined {
  return node.position ? node.position.start.line + index : undefined;
}

/** A piece of a text node (the node itself when it is all of it). */
function piece(node: Text, value: string): Text {
  return value === node.value ? node : { type: 'text', value };
}

function isBlank(children: PhrasingContent[]): boolean {
  return children.every((c) => c.type === 'text' && c.value.trim() === '');
}
