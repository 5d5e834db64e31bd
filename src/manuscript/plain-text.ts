/**
 * Turns text pasted from a web page or a word processor into an mdast tree: paragraphs are
 * separated by blank lines and nothing has Markdown meaning — a line starting `- `, `1. `, `#`,
 * `>` or `*` stays text. Lines inside a paragraph are joined with a space. Every node keeps its
 * source position, so later diagnostics point into the .txt file, and the blank lines between
 * paragraphs stay visible to the scene-break plugin as gaps between positions. A scene-break
 * marker line (`* * *`, `#`, `xXx` …) is a paragraph of its own even without blank lines around it.
 */
import type { Paragraph, Root } from 'mdast';
import { isSceneMarker } from './scene-markers.ts';

/** A line holding nothing but spaces, tabs or no-break spaces. */
const BLANK = /^[\s\u00a0\u2007\u202f\ufeff]*$/;

export function parsePlainText(text: string): Root {
  const lines = text.split(/\r\n|\r|\n/);
  const children: Paragraph[] = [];
  let offset = 0;
  let start: { line: number; offset: number } | undefined;
  let parts: string[] = [];
  let end = { line: 0, column: 0, offset: 0 };

  const flush = () => {
    if (!start) return;
    children.push({
      type: 'paragraph',
      children: [
        {
          type: 'text',
          value: parts.join(' '),
          position: { start: { line: start.line, column: 1, offset: start.offset }, end },
        },
      ],
      position: { start: { line: start.line, column: 1, offset: start.offset }, end },
    });
    start = undefined;
    parts = [];
  };

  lines.forEach((line, index) => {
    if (BLANK.test(line)) {
      flush();
    } else if (isSceneMarker(line)) {
      flush();
      start = { line: index + 1, offset };
      parts = [line];
      end = { line: index + 1, column: line.length + 1, offset: offset + line.length };
      flush();
    } else {
      start ??= { line: index + 1, offset };
      parts.push(line);
      end = { line: index + 1, column: line.length + 1, offset: offset + line.length };
    }
    offset += line.length + 1;
  });
  flush();
  return { type: 'root', children };
}
