/**
 * A manuscript file cut before its chapter headings, for the preview's memo (core/typeset-memo.ts),
 * which reads each piece alone and reuses what it made while the piece's text stays the same.
 *
 * 1. Where a file may be cut: before a `# Title` line (a chapter or part heading) that follows a
 *    blank line, past the front matter. Nothing is cut inside front matter: when the first line
 *    is `---`, the first cut comes after the next `---` line, and a file with no such line is
 *    not cut at all.
 * 2. Whether the cuts hold is not decided here: the memo reads each piece with the next piece's
 *    heading line after it, and a cut holds only when that line is read as a heading of its own
 *    (nothing the piece left open — a code block, an HTML block, a `:::` container — runs into it).
 * 3. The scene-break scan (manuscript/scene-markers.ts) reads lines before Markdown does, and looks
 *    ahead for a code block's closing fence: `sameScan` says whether the pieces' scans rewrite and
 *    find exactly what the file's scan does, line for line.
 */
import type { MarkerScan, SceneMarker } from '../manuscript/scene-markers.ts';
import { isSceneMarker } from '../manuscript/scene-markers.ts';

export interface TextChunk {
  /** Offset of the chunk's first character in the file. */
  offset: number;
  /** The file's line (1-based) the chunk starts on. */
  line: number;
  /** The chunk's text, to the next chunk (ending with its line feed when one follows). */
  text: string;
  /** The next chunk's heading line, without its line feed ('' for the file's last chunk). */
  next: string;
}

const CHAPTER = /^#[ \t]+\S/;
const BLANK = /^[ \t]*$/;
const FRONT_OPEN = /^---[ \t]*$/;

/** The file in chunks, cut before each chapter heading it may be cut at (step 1). */
export function chapterChunks(text: string): TextChunk[] {
  const starts: { offset: number; line: number }[] = [{ offset: 0, line: 1 }];
  // Inside front matter until its closing `---`; a file whose front matter never closes is not cut.
  let front = FRONT_OPEN.test(firstLine(text, 0));
  let previousBlank = false;
  let line = 1;
  for (let at = 0; at <= text.length; line++) {
    const end = text.indexOf('\n', at);
    const content = text.slice(at, end === -1 ? text.length : end);
    if (front) {
      if (line > 1 && content === '---') front = false;
    } else if (line > 1 && previousBlank && CHAPTER.test(content) && !isSceneMarker(content)) {
      starts.push({ offset: at, line });
    }
    previousBlank = BLANK.test(content);
    if (end === -1) break;
    at = end + 1;
  }
  if (front) starts.length = 1;
  return starts.map((start, i) => {
    const following = starts[i + 1];
    const stop = following ? following.offset : text.length;
    return {
      offset: start.offset,
      line: start.line,
      text: text.slice(start.offset, stop),
      next: following ? firstLine(text, following.offset) : '',
    };
  });
}

/** The whole file as one chunk. */
export function wholeChunk(text: string): TextChunk {
  return { offset: 0, line: 1, text, next: '' };
}

/** The lines of the chunk's own text (not the next heading). */
export function ownLines(chunk: TextChunk): number {
  let lines = 1;
  for (let i = chunk.text.indexOf('\n'); i !== -1; i = chunk.text.indexOf('\n', i + 1)) lines++;
  // A chunk that a heading follows ends with its line feed: the heading's line is not its own.
  return chunk.next ? lines - 1 : lines;
}

/**
 * Whether the scans of the chunks (each of its text and next heading line, as the memo parses
 * them) rewrite the same text and find the same markers and suspect lines as the file's scan
 * (step 3). `scans[i]` is chunk i's.
 */
export function sameScan(whole: MarkerScan, chunks: TextChunk[], scans: MarkerScan[]): boolean {
  const markers: SceneMarker[] = [];
  const suspects: SceneMarker[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const scan = scans[i] as MarkerScan;
    const read = chunk.text.length + chunk.next.length;
    if (scan.source !== whole.source.slice(chunk.offset, chunk.offset + read)) return false;
    const own = ownLines(chunk);
    const moved = (m: SceneMarker) => ({ ...m, line: m.line + chunk.line - 1 });
    for (const marker of scan.markers.values()) if (marker.line <= own) markers.push(moved(marker));
    for (const suspect of scan.suspects) if (suspect.line <= own) suspects.push(moved(suspect));
  }
  return sameMarkers([...whole.markers.values()], markers) && sameMarkers(whole.suspects, suspects);
}

function sameMarkers(a: SceneMarker[], b: SceneMarker[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const o = b[i] as SceneMarker;
      return m.line === o.line && m.column === o.column && m.text === o.text && m.thematic === o.thematic;
    })
  );
}

function firstLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end === -1 ? text.length : end);
}
