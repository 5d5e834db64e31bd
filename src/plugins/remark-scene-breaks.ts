/**
 * remark plugin: finds scene breaks and makes each one a single scene-break node, written as
 * `<hr class="scene-break"/>`. A break is a marker line — `* * *`, `***`, `---`, `___`, `- - -`,
 * `#`, `~~~`, `§`, `⁂`, `xXx`, `oOo`, `-o-`, `~*~`, `=====` and the like, indented or followed by
 * no-break spaces (see manuscript/scene-markers.ts) — or two or more blank lines between two
 * blocks of prose. Breaks at the start or end of a chapter are dropped (with a note on the file)
 * and two in a row become one. The paragraph after a break or a heading gets the class `flush`,
 * so themes can set it without an indent.
 *
 * Markers are found before Markdown parses the text, so none is swallowed: the plugin wraps the
 * processor's parser (when there is one, as with remark-parse) with a line-level scan that
 * rewrites marker lines, at the same length, into lines that parse as blocks of their own, and
 * records them on `file.data.sceneMarkers`. The transformer then turns the nodes on those lines
 * into breaks. Trees made without the parser (plain text) are read by their paragraphs' text.
 */
import type { Heading, Paragraph, Root, RootContent, ThematicBreak } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { Plugin, Processor } from 'unified';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { isSceneMarker, type SceneMarker, scanSceneMarkers } from '../manuscript/scene-markers.ts';

export interface SceneBreakOptions {
  /** What makes a break: `markers`, `blank-lines` or `both` (default `both`). */
  detect?: 'markers' | 'blank-lines' | 'both';
  /** How many blank lines between two paragraphs make a break (default 2). */
  blankLines?: number;
  /** `---` or `===` right under a line of text makes a heading, as in plain Markdown (default false: a break). */
  setextHeadings?: boolean;
}

/** Scene-break marker lines found before parsing, by line number. */
export type SceneMarkers = Map<number, SceneMarker>;

declare module 'vfile' {
  interface DataMap {
    sceneMarkers: SceneMarkers;
  }
}

declare module 'mdast' {
  interface ThematicBreakData {
    /** Set on thematic breaks that are scene breaks. */
    sceneBreak?: boolean;
  }
}

const PROSE = new Set(['paragraph', 'blockquote', 'list', 'table', 'code']);
const NOT_CONTENT = new Set(['yaml', 'definition', 'footnoteDefinition']);

export const remarkSceneBreaks: Plugin<[SceneBreakOptions?], Root> = function (this: Processor, options = {}) {
  const detect = options.detect ?? 'both';
  const minimum = options.blankLines ?? 2;
  const useMarkers = detect !== 'blank-lines';
  const useBlankLines = detect !== 'markers';

  const parse = this.parser;
  if (parse) {
    const scanOptions = { setextHeadings: options.setextHeadings ?? false };
    this.parser = (document: string, file: VFile) => {
      const scan = scanSceneMarkers(document, scanOptions);
      file.data.sceneMarkers = scan.markers;
      return parse(scan.source, file);
    };
  }

  return (tree, file) => {
    const markers = file.data.sceneMarkers;
    const found: RootContent[] = [];
    let previous: RootContent | undefined;
    for (const node of tree.children) {
      const marker = markerOf(node, markers);
      if (marker) {
        found.push(useMarkers ? sceneBreak(node) : asWritten(node, marker));
      } else {
        if (useBlankLines && previous && blankLinesBetween(previous, node) >= minimum) {
          found.push(sceneBreak(undefined, previous, node));
        }
        found.push(node);
      }
      previous = node;
    }
    if (markers && markers.size > 0) nestedMarkers(found, markers, useMarkers);
    tree.children = dropStrayBreaks(found, file);
    markFlushParagraphs(tree.children);
  };
};

/** The marker a top-level node stands for: a node on a marker line, a thematic break, or a paragraph of only a marker. */
function markerOf(node: RootContent, markers: Map<number, SceneMarker> | undefined): SceneMarker | undefined {
  const line = node.position?.start.line;
  const marker = line === undefined ? undefined : markers?.get(line);
  if (marker && (node.type === 'thematicBreak' || node.type === 'heading' || node.type === 'paragraph')) return marker;
  const column = node.position?.start.column ?? 1;
  if (node.type === 'thematicBreak') return { line: line ?? 0, column, text: '***', thematic: true };
  if (node.type !== 'paragraph' || !node.children.every((c) => c.type === 'text')) return undefined;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined && end - start > 80) return undefined; // too long for a marker
  const text = plainText(node);
  return isSceneMarker(text) ? { line: line ?? 0, column, text: text.trim(), thematic: false } : undefined;
}

/** Marker lines inside a list or block quote: a break where they stand (no stray-break rules there). */
function nestedMarkers(nodes: RootContent[], markers: Map<number, SceneMarker>, useMarkers: boolean): void {
  for (const node of nodes) {
    if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading') continue;
    const children = node.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as RootContent;
      const line = child.position?.start.line;
      const marker = line === undefined ? undefined : markers.get(line);
      if (marker && (child.type === 'thematicBreak' || child.type === 'heading')) {
        children[i] = useMarkers ? sceneBreak(child) : asWritten(child, marker);
      } else {
        nestedMarkers([child], markers, useMarkers);
      }
    }
  }
}

/** A marker line when markers do not make breaks: what plain Markdown would show. */
function asWritten(node: RootContent, marker: SceneMarker): RootContent {
  const position = node.position ? { position: node.position } : {};
  if (marker.thematic) return { type: 'thematicBreak', ...position };
  if (node.type === 'paragraph') return node;
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: marker.text, ...position }], ...position };
  return paragraph;
}

function blankLinesBetween(a: RootContent, b: RootContent): number {
  if (!PROSE.has(a.type) || !PROSE.has(b.type) || !a.position || !b.position) return 0;
  return b.position.start.line - a.position.end.line - 1;
}

function sceneBreak(from?: Node, after?: RootContent, before?: RootContent): ThematicBreak {
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
  const kept: RootContent[] = [];
  // The content node after each index, found once from the end.
  const nextContent: (RootContent | undefined)[] = new Array(nodes.length);
  let after: RootContent | undefined;
  for (let i = nodes.length - 1; i >= 0; i--) {
    nextContent[i] = after;
    const node = nodes[i] as RootContent;
    if (!NOT_CONTENT.has(node.type)) after = node;
  }
  let before: RootContent | undefined;
  nodes.forEach((node, index) => {
    if (!isSceneBreak(node)) {
      kept.push(node);
      if (!NOT_CONTENT.has(node.type)) before = node;
      return;
    }
    const next = nextContent[index];
    const stray = !before || !next || isChapterHeading(before) || isChapterHeading(next) || isSceneBreak(before);
    if (!stray) {
      kept.push(node);
      before = node;
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
