/**
 * remark plugin: finds scene breaks and makes each one a single scene-break node, written as
 * `<hr class="scene-break"/>`. A break is a thematic break (`* * *`, `***`, `---`), a paragraph
 * holding only a break marker (as in plain text), or two or more blank lines between two blocks
 * of prose. Breaks at the start or end of a chapter are dropped (with a note on the file) and two
 * in a row become one. The paragraph after a break or a heading gets the class `flush`, so
 * themes can set it without an indent.
 */
import type { Heading, Paragraph, Root, RootContent, ThematicBreak } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';

export interface SceneBreakOptions {
  /** What makes a break: `markers`, `blank-lines` or `both` (default `both`). */
  detect?: 'markers' | 'blank-lines' | 'both';
  /** How many blank lines between two paragraphs make a break (default 2). */
  blankLines?: number;
}

/** Lines that are scene-break markers when they stand alone as a paragraph. */
const MARKER = /^(?:(?:[*\-_=~•·]\s*){3,}|⁂|§|#)$/;
const PROSE = new Set(['paragraph', 'blockquote', 'list', 'table', 'code']);

export const remarkSceneBreaks: Plugin<[SceneBreakOptions?], Root> = (options = {}) => {
  const detect = options.detect ?? 'both';
  const minimum = options.blankLines ?? 2;
  const useMarkers = detect !== 'blank-lines';
  const useBlankLines = detect !== 'markers';

  return (tree, file) => {
    const found: RootContent[] = [];
    let previous: RootContent | undefined;
    for (const node of tree.children) {
      if (isMarker(node)) {
        if (useMarkers) found.push(sceneBreak(node));
        else found.push(node);
      } else {
        if (useBlankLines && previous && blankLinesBetween(previous, node) >= minimum) {
          found.push(sceneBreak(undefined, previous, node));
        }
        found.push(node);
      }
      previous = node;
    }
    tree.children = dropStrayBreaks(found, file);
    markFlushParagraphs(tree.children);
  };
};

function isMarker(node: RootContent): boolean {
  if (node.type === 'thematicBreak') return true;
  if (node.type !== 'paragraph' || !node.children.every((c) => c.type === 'text')) return false;
  return MARKER.test(
    plainText(node)
      .replace(/[\s\u00a0]+/g, ' ')
      .trim(),
  );
}

function blankLinesBetween(a: RootContent, b: RootContent): number {
  if (!PROSE.has(a.type) || !PROSE.has(b.type) || !a.position || !b.position) return 0;
  return b.position.start.line - a.position.end.line - 1;
}

function sceneBreak(from?: RootContent, after?: RootContent, before?: RootContent): ThematicBreak {
  const position =
    from?.position ??
    (after?.position && before?.position ? { start: after.position.end, end: before.position.start } : undefined);
  return {
    type: 'thematicBreak',
    data: { sceneBreak: true, hName: 'hr', hProperties: { className: ['scene-break'] } },
    ...(position ? { position } : {}),
  };
}

function isSceneBreak(node: RootContent | undefined): boolean {
  return node?.type === 'thematicBreak' && node.data?.sceneBreak === true;
}

function isChapterHeading(node: RootContent | undefined): boolean {
  return node?.type === 'heading' && (node as Heading).depth === 1;
}

/** Drops breaks at a chapter's start or end and breaks that follow another break. */
function dropStrayBreaks(nodes: RootContent[], file: VFile): RootContent[] {
  const content = (n: RootContent | undefined) =>
    n !== undefined && !['yaml', 'definition', 'footnoteDefinition'].includes(n.type);
  const kept: RootContent[] = [];
  nodes.forEach((node, index) => {
    if (!isSceneBreak(node)) {
      kept.push(node);
      return;
    }
    const before = [...kept].reverse().find(content);
    const after = nodes.slice(index + 1).find(content);
    const stray = !before || !after || isChapterHeading(before) || isChapterHeading(after) || isSceneBreak(before);
    if (!stray) {
      kept.push(node);
    } else if (node.position && !isSceneBreak(before)) {
      file.message('Scene break at the start or end of a chapter has no effect and was left out', {
        place: node.position,
        ruleId: 'scene/stray-break',
        source: 'galley',
      });
    }
  });
  return kept;
}

function markFlushParagraphs(nodes: RootContent[]): void {
  nodes.forEach((node, index) => {
    const before = nodes[index - 1];
    if (node.type !== 'paragraph' || !before) return;
    if (before.type === 'heading' || isSceneBreak(before)) addClass(node, 'flush');
  });
}

function addClass(node: Paragraph, name: string): void {
  node.data ??= {};
  node.data.hProperties ??= {};
  const existing = node.data.hProperties.className;
  node.data.hProperties.className = Array.isArray(existing) ? [...existing, name] : [name];
}

declare module 'mdast' {
  interface ThematicBreakData {
    /** Set on thematic breaks that are scene breaks. */
    sceneBreak?: boolean;
  }
}
