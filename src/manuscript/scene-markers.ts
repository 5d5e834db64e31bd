/**
 * Scene-break markers, found line by line before Markdown sees the text. Markdown reads many of
 * them as something else — `~~~` opens a code block that swallows the rest of the chapter, `#`
 * is an empty heading, `---` under a line of text makes it a heading, `***` followed by a no-break
 * space or `xXx` is a paragraph, an indented `* * *` is code — so each marker line is rewritten,
 * at the same length, into a line Markdown reads as a block of its own (`*****`, or `#` for a
 * line of one or two characters), and its line number is remembered for the scene-break plugin.
 * A `~~~` line with an info string of marker characters (`~~~ ~~~`, `~~~ * ~~~`) is a marker too,
 * as a bare `~~~` is. Lines holding only no-break spaces become blank, so they count as blank
 * lines. Lines, columns and offsets of everything else stay exactly as written.
 */

import { DirectiveFences } from './directive-fences.ts';

export interface SceneMarkerOptions {
  /** `---` or `===` right under a line of text makes that line a heading (default false: a scene break). */
  setextHeadings?: boolean;
}

export interface SceneMarker {
  /** 1-based line of the marker. */
  line: number;
  /** 1-based column where it starts. */
  column: number;
  /** The marker as written, without surrounding spaces. */
  text: string;
  /** Plain Markdown would read the line as a thematic break (`***`, `- - -`). */
  thematic: boolean;
}

export interface MarkerScan {
  /** The text to parse: same length and lines as the original. */
  source: string;
  /** Marker lines by line number. */
  markers: Map<number, SceneMarker>;
  /** Lines of only punctuation that are not markers (`...`, `!!`, `*.*`) nor directive fences (`:::`), for `galley check`. */
  suspects: SceneMarker[];
}

/** Ornaments that make a marker on their own, one or several: § ⁂ ❧ … */
const ORNAMENTS = '§⁂※⁕⁑⁎❧❦☙◊•·✦✧❖♦◆◇○●†‡✱✳❋❊✻✼❃❀✿∗';
/** Characters that make a marker in a run of three or more: * - _ = ~ + and the ornaments. */
const RUN_CHARS = `*-_=~+#${ORNAMENTS}`;
const SPACES = /[\s\u00a0\u2007\u202f\ufeff\u200b]+/g;
const THEMATIC = /^ {0,3}([*\-_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const PUNCTUATION_ONLY = /^[\p{P}\p{S}]+$/u;
const BLANK = /^[\s\u00a0\u2007\u202f\ufeff\u200b]*$/;
const FRONT_MATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** True when a line (as written) is a scene-break marker: `* * *`, `#`, `§`, `⁂`, `xXx`, `-o-`, `~*~`, `=====` … */
export function isSceneMarker(line: string): boolean {
  const compact = line.replace(SPACES, '').replace(/\\(?=[^\w\s])/g, '');
  if (compact === '' || compact.length > 40) return false;
  if (/^#{1,3}$/.test(compact)) return true;
  let ornamentsOnly = true;
  let runOnly = true;
  for (const c of compact) {
    if (!ORNAMENTS.includes(c)) ornamentsOnly = false;
    if (!RUN_CHARS.includes(c)) runOnly = false;
  }
  if (ornamentsOnly) return true;
  if (runOnly) return compact.length >= 3;
  return isLetterMarker(compact);
}

/** `xXx`, `oOo`, `o0o`, `OoO`, or one o/x between symbols: `-o-`, `~x~`, `*~o~*`. */
function isLetterMarker(compact: string): boolean {
  const match = /^([*\-_=~+]*)([xXoO0]+)([*\-_=~+]*)$/.exec(compact);
  if (!match) return false;
  const [, before = '', core = '', after = ''] = match;
  if (before && after) return core.length <= 5 && /^(?:[xX]+|[oO0]+)$/.test(core);
  if (core.length < 3 || core.length > 9) return false;
  if (/^[xX]+$/.test(core)) return /x/.test(core) && /X/.test(core);
  if (/^[oO0]+$/.test(core)) return new Set(core).size > 1;
  return false;
}

export function scanSceneMarkers(text: string, options: SceneMarkerOptions = {}): MarkerScan {
  const markers = new Map<number, SceneMarker>();
  const suspects: SceneMarker[] = [];
  const rewrites: [from: number, to: number, text: string][] = [];
  const lines = new LineCursor(text);
  let fence: { char: string; length: number } | undefined;
  const directives = new DirectiveFences();
  let indentedCode = false;
  let previousBlank = true;
  let previousText = false;

  // Front matter: from a `---` first line to the next `---` or `...` line.
  const front = FRONT_MATTER.exec(text.slice(0, 3) === '---' ? text : '');
  if (front) while (lines.next() !== undefined && lines.end < front[0].length);

  for (let line = lines.next(); line !== undefined; line = lines.next()) {
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (fence) {
      if (closesFence(content, fence)) fence = undefined;
      continue;
    }
    const first = firstNonSpace(content);
    if (first === -1 || BLANK.test(content)) {
      if (/[^ \t]/.test(content)) rewrites.push([lines.start, lines.start + content.length, ' '.repeat(content.length)]);
      previousBlank = true;
      previousText = false;
      continue;
    }
    const indent = indentWidth(content);
    if (indentedCode && indent >= 4) continue;
    indentedCode = false;
    const c = content.charCodeAt(first);
    // Most lines open with a letter or a quote mark: prose, nothing to look at.
    if (isPlainStart(c)) {
      if (indent >= 4 && previousBlank) {
        indentedCode = true;
        continue;
      }
      previousBlank = false;
      previousText = true;
      continue;
    }
    const opening = FENCE.exec(content);
    if (opening && indent < 4) {
      const marks = opening[1] as string;
      const info = (opening[2] ?? '').trim();
      const candidate = { char: marks[0] as string, length: marks.length };
      // `~~~ ~~~` and `~~~ * ~~~` are fences with an info string to CommonMark, and markers to an
      // author: a marker's info string is taken as no info string at all.
      const bare = info === '' || (candidate.char === '~' && isSceneMarker(content));
      if (!bare || candidate.char === '`' || lines.opensCodeBlock(candidate)) {
        fence = candidate;
        previousBlank = false;
        previousText = false;
        continue;
      }
    }
    if (isSceneMarker(content)) {
      if (options.setextHeadings && previousText && SETEXT.test(content)) {
        previousText = false;
        continue;
      }
      const trimmed = content.replace(SPACES, ' ').trim();
      markers.set(lines.number, { line: lines.number, column: first + 1, text: trimmed, thematic: THEMATIC.test(content) });
      const width = content.length;
      rewrites.push([lines.start, lines.start + width, (width >= 3 ? '*' : '#').repeat(width)]);
      previousBlank = false;
      previousText = false;
      continue;
    }
    if (indent >= 4 && previousBlank) {
      indentedCode = true;
      continue;
    }
    // A directive container's fence (`:::verse` … `:::`) is the directive's, not a stray marker.
    if (directives.take(content)) {
      previousBlank = false;
      previousText = false;
      continue;
    }
    if (isPunctuationLine(content)) {
      suspects.push({ line: lines.number, column: first + 1, text: content.replace(SPACES, ' ').trim(), thematic: false });
    }
    previousBlank = false;
    previousText = !/^ {0,3}(?:#|>|[-*+][ \t]|\d{1,9}[.)][ \t]|<)/.test(content);
  }
  return { source: rewrite(text, rewrites), markers, suspects };
}

/**
 * A line of only punctuation and symbols — not a quotation (`"..."`), a table row, a block
 * quote's `>` or an HTML tag.
 */
function isPunctuationLine(line: string): boolean {
  const compact = line.replace(SPACES, '');
  return compact !== '' && PUNCTUATION_ONLY.test(compact) && !/["'“”‘’«»|<>]/.test(compact);
}

function rewrite(text: string, rewrites: [number, number, string][]): string {
  if (rewrites.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [from, to, replacement] of rewrites) {
    parts.push(text.slice(at, from), replacement);
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function isPlainStart(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return c !== 111 && c !== 79 && c !== 120 && c !== 88;
  return c === 34 || c === 39 || c === 0x201c || c === 0x2018 || (c >= 0xc0 && c <= 0x24f) || c === 40;
}

function firstNonSpace(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return i;
  }
  return -1;
}

function indentWidth(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1]?.[0] === fence.char && (match[1]?.length ?? 0) >= fence.length;
}

/** Walks the lines of a text, keeping each line's number and start offset. */
class LineCursor {
  /** 1-based number of the line last returned. */
  number = 0;
  /** Offset of the line last returned. */
  start = 0;
  /** Offset just after the line last returned (and its line feed). */
  get end(): number {
    return this.next_;
  }
  private next_ = 0;

  constructor(private readonly text: string) {}

  next(): string | undefined {
    if (this.next_ > this.text.length || (this.next_ === this.text.length && this.number > 0)) return undefined;
    const end = this.text.indexOf('\n', this.next_);
    const stop = end === -1 ? this.text.length : end;
    this.start = this.next_;
    this.number++;
    this.next_ = stop + 1;
    return this.text.slice(this.start, stop);
  }

  peek(): string | undefined {
    const end = this.text.indexOf('\n', this.next_);
    return this.text.slice(this.next_, end === -1 ? this.text.length : end);
  }

  /**
   * A bare `~~~` opens a code block when code follows on the very next line and a closing fence
   * comes later; with a blank line after it, it is a marker between scenes.
   */
  opensCodeBlock(fence: { char: string; length: number }): boolean {
    const following = this.peek();
    if (following === undefined || BLANK.test(following)) return false;
    let from = this.next_;
    while (from < this.text.length) {
      const end = this.text.indexOf('\n', from);
      const stop = end === -1 ? this.text.length : end;
      const line = this.text.slice(from, stop).replace(/\r$/, '');
      if (closesFence(line, fence)) return true;
      from = stop + 1;
    }
    return false;
  }
}
