/**
 * remark plugin: a construct never swallows text beyond itself. CommonMark lets a few constructs
 * run on until an end marker (spec 4.5, 4.6): a fenced code block until its closing fence, and
 * the HTML blocks of types 1–5 — `<pre>`, `<script>`, `<style>`, `<textarea>` until their end tag,
 * `<!--` until `-->`, `<?` until `?>`, `<!X` until `>`, `<![CDATA[` until `]]>`. With no end
 * marker they take everything to the end of the file (or of their block quote or list item): a
 * comment hides it, a style sheet is removed with it, `<pre>` makes it raw HTML, a fence makes
 * it code — later chapters included. After parsing, each such node is checked:
 * - no end marker, or (for a comment or `<pre>`/`<style>`…) another opener before it — `<!-- a`
 *   left open, then `<!-- b -->` — an error at its opening (`html/unclosed`, `code/unclosed`);
 * - in a paragraph (or heading, or table cell), an element the HTML parser reads to its end tag
 *   in its own way — `<script>`, `<style>`, `<textarea>`, `<title>`, `<iframe>`, `<svg>`,
 *   `<math>`, `<select>` … — or that the paragraph's end does not close (`<button>`, `<object>`,
 *   `<h1>`, `<pre>` …), with no end tag after it there: an error at it (`html/unclosed`), as it
 *   would remove the rest of the text, or take it in and lose its paragraphs;
 * - closed, but across a `#` chapter heading line: an error too (`html/crosses-chapter`,
 *   `code/crosses-chapter`) — a comment closed by a later comment's `-->` hides a chapter. A
 *   code block with a language (```sh), a `<pre>` and a `<textarea>` may hold `# ` lines; they
 *   are not checked.
 * Errors are fatal messages on the file (see messages.ts); the build stops on them.
 */
import type { Code, Html, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fatal } from './messages.ts';
import { RAW_TEXT, TAKES_IN } from './remark-known-html.ts';

interface HtmlBlockKind {
  start: RegExp;
  /** Offset in the value from which to look for the end marker. */
  endFrom: number;
  end: RegExp;
  /** Another opener of the same kind before the end: the first was left open. */
  again?: RegExp;
  /** What opens it, as the author sees it. */
  opener: (value: string) => string;
  reason: (opener: string) => string;
  hint: (opener: string) => string;
}

const TAG = (value: string) => `<${/^<([a-z]+)/i.exec(value)?.[1]?.toLowerCase()}>`;

const HTML_BLOCKS: HtmlBlockKind[] = [
  {
    start: /^<(?:pre|script|style|textarea)(?=[\s>]|$)/i,
    endFrom: 1,
    end: /<\/(?:pre|script|style|textarea)>/i,
    again: /<(?:pre|script|style|textarea)(?=[\s>]|$)/im,
    opener: TAG,
    reason: (tag) =>
      tag === '<pre>' ? 'everything after it would be raw HTML, not text' : 'everything after it would be removed with it',
    hint: (tag) =>
      tag === '<pre>'
        ? 'Close it with `</pre>`, or write the text as a code block between ``` lines.'
        : `Close it with \`</${tag.slice(1)}\`, or delete it${tag === '<style>' ? ' (a book takes its styles from its theme)' : ''}.`,
  },
  {
    start: /^<!--/,
    endFrom: 2,
    end: /-->/,
    again: /<!--/,
    opener: () => '<!--',
    reason: () => 'it would hide everything after it',
    hint: () => 'Close the comment with `-->` where your note ends, or delete the `<!--`.',
  },
  {
    start: /^<\?/,
    endFrom: 2,
    end: /\?>/,
    opener: () => '<?',
    reason: () => 'it would hide everything after it',
    hint: () => 'Close it with `?>`, or write `\\<?` to show the characters as text.',
  },
  {
    start: /^<!\[CDATA\[/,
    endFrom: 9,
    end: /\]\]>/,
    opener: () => '<![CDATA[',
    reason: () => 'it would hide everything after it',
    hint: () => 'Close it with `]]>`, or delete it.',
  },
  {
    start: /^<![A-Za-z]/,
    endFrom: 2,
    end: />/,
    opener: () => '<!',
    reason: () => 'it would hide everything after it',
    hint: () => 'Close it with `>`, or write `\\<!` to show the characters as text.',
  },
];

/** A `#` chapter heading line, as it would be outside the block. */
const CHAPTER_HEADING = /^ {0,3}#(?:[ \t]+\S.*)$/;
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);
const FENCE_OPEN = /^(`{3,}|~{3,})/;
const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*$/;

export const remarkUnclosed: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  visit(tree, (node, _index, parent) => {
    // Inline HTML (in a paragraph or heading) is one tag; only HTML blocks run on.
    if (node.type === 'html' && parent && !PHRASING_PARENTS.has(parent.type)) checkHtml(node as Html, file);
    else if (node.type === 'code') checkFence(node as Code, source, file);
    else if (INLINE_CONTAINERS.has(node.type)) {
      checkInline(node, file);
      return SKIP;
    }
    return undefined;
  });
};

const INLINE_CONTAINERS = new Set(['paragraph', 'heading', 'tableCell']);
/**
 * Elements that must be closed in the paragraph they open in: those read in a way of their own
 * to their end tag, and those the paragraph's end does not close, so that the paragraphs after
 * them would go inside them (a heading, a `<pre>`, a button, an object …).
 */
const INLINE_MUST_CLOSE = new Set([
  ...RAW_TEXT,
  ...TAKES_IN,
  ...'applet button marquee object template pre h1 h2 h3 h4 h5 h6'.split(' '),
]);

/** Each element of INLINE_MUST_CLOSE typed in a paragraph has its end tag later in it. */
function checkInline(container: Node, file: VFile): void {
  const tags: Html[] = [];
  visit(container, 'html', (node: Html) => {
    tags.push(node);
  });
  for (const [i, node] of tags.entries()) {
    const name = /^<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/.exec(node.value)?.[1]?.toLowerCase();
    if (!name || !INLINE_MUST_CLOSE.has(name) || (TAKES_IN.has(name) && /\/>$/.test(node.value))) continue;
    const closer = new RegExp(`^</${name}\\s*>$`, 'i');
    if (name !== 'plaintext' && tags.slice(i + 1).some((t) => closer.test(t.value))) continue;
    const code = name === 'script' || name === 'style';
    fatal(file, 'html/unclosed', node.position?.start, {
      reason:
        name === 'plaintext'
          ? '`<plaintext>` has no end: everything after it would be shown as raw text'
          : `\`<${name}>\` is never closed: everything after it would be ${code ? 'removed with it' : 'taken into it, losing its paragraphs and formatting'}`,
      hint:
        name === 'plaintext'
          ? 'Delete it; to show text as typed, put it in a code block between ``` lines.'
          : `Close it with \`</${name}>\`, or write \`\\<${name}>\` to show the tag as text.`,
    });
  }
}

function checkHtml(node: Html, file: VFile): void {
  const indent = /^[ \t]*/.exec(node.value)?.[0].length ?? 0;
  const value = node.value.slice(indent);
  const kind = HTML_BLOCKS.find((k) => k.start.test(value));
  const start = node.position?.start;
  if (!kind || !start) return;
  const place = { line: start.line, column: start.column + indent };
  const opener = kind.opener(value);
  const end = value.slice(kind.endFrom).search(kind.end);
  if (end === -1) {
    fatal(file, 'html/unclosed', place, {
      reason: `\`${opener}\` is never closed: ${kind.reason(opener)}`,
      hint: kind.hint(opener),
    });
    return;
  }
  const body = value.slice(0, kind.endFrom + end);
  const again = kind.again ? body.slice(1).search(kind.again) : -1;
  if (again !== -1) {
    const line = start.line + (body.slice(0, again + 1).match(/\n/g)?.length ?? 0);
    fatal(file, 'html/unclosed', place, {
      reason: `\`${opener}\` is not closed before the next \`${kind.opener(body.slice(again + 1))}\` on line ${line}: ${kind.reason(opener)}, to the end of that one`,
      hint: kind.hint(opener),
    });
    return;
  }
  // A `<pre>` or `<textarea>` holds text, where a `# ` line is text too (a shell comment).
  const heading = opener === '<pre>' || opener === '<textarea>' ? undefined : headingLine(body, start.line);
  if (heading) {
    fatal(file, 'html/crosses-chapter', place, {
      reason: `\`${opener}\` runs on past the chapter heading on line ${heading.line} (“${heading.text}”): it would take that chapter with it`,
      hint: `Close it before the heading${opener === '<!--' ? ' with `-->`' : ''}; to leave a chapter out of the book, move it out of the manuscript.`,
    });
  }
}

function checkFence(node: Code, source: string, file: VFile): void {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return;
  const opening = FENCE_OPEN.exec(source.slice(start.offset, start.offset + 200));
  if (!opening) return; // indented code ends at the first line that is not indented
  const marks = opening[1] as string;
  const place = { line: start.line, column: start.column };
  const text = source.slice(start.offset, end.offset);
  const lines = text.split('\n');
  const last = (lines[lines.length - 1] ?? '').replace(/^[ \t>]*/, '');
  const close = lines.length > 1 ? FENCE_CLOSE.exec(last) : null;
  const closed = close?.[1]?.[0] === marks[0] && (close?.[1]?.length ?? 0) >= marks.length;
  if (!closed) {
    fatal(file, 'code/unclosed', place, {
      reason: `the code block opened by \`${marks}\` is never closed: everything after it would be set as code`,
      hint: `End the code with a line of \`${marks}\`, or write \`\\${marks}\` if the marks are text.`,
    });
    return;
  }
  if (node.lang && /[\p{L}\p{N}]/u.test(node.lang)) return;
  const heading = headingLine(lines.slice(0, -1).join('\n'), start.line);
  if (heading) {
    fatal(file, 'code/crosses-chapter', place, {
      reason: `the code block opened by \`${marks}\` runs on past the chapter heading on line ${heading.line} (“${heading.text}”): that chapter would be set as code`,
      hint: `Close the code with a line of \`${marks}\` before the heading, or, if it is code, name its language (${marks}sh).`,
    });
  }
}

/** The first `#` heading line after the first line of a block's text. */
function headingLine(text: string, firstLine: number): { line: number; text: string } | undefined {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/^(?:[ \t]*>)+/, '');
    if (CHAPTER_HEADING.test(line)) return { line: firstLine + i, text: line.trim().replace(/^#\s*/, '') };
  }
  return undefined;
}
