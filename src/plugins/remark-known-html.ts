/**
 * remark plugin: an unknown tag in prose is prose. At parse time (micromark-known-html.ts) a
 * `<word>` that names no HTML element is text, in paragraphs and on a line of its own. Inside an
 * HTML block the author typed (`<div>…</div>`, `<pre>…</pre>`), where Markdown does not look,
 * the same holds: every `<` that does not begin a complete tag of a known element, a closing tag,
 * a comment, `<!…>`, `<?…?>` or CDATA is escaped (`&lt;`), so the HTML parser keeps it as a
 * character — `If x <y then we go.` stays whole instead of becoming a tag `<y>` that eats the
 * rest of the line, and `<grin>` stays `<grin>`. A comment, or an element whose content the HTML
 * parser reads as raw text (`<script>`, `<style>`, `<textarea>`, `<iframe>` …), opened inside an
 * HTML block and not closed in it would hide the rest of the block, or run on into the next one:
 * that is an error at its start (`html/unclosed`).
 *
 * Escaping adds three characters, so places reported later inside the same line of such a block
 * (a removed attribute after `x <y`) are a few columns to the right.
 */
import type { Html, PhrasingContent, Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { fatal } from './messages.ts';
import { isHtmlElementName, knownHtml } from './micromark-known-html.ts';

const ATTRIBUTE = String.raw`(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
const OPEN_TAG = new RegExp(String.raw`<([A-Za-z][A-Za-z0-9-]*)${ATTRIBUTE}*\s*\/?>`, 'y');
const CLOSE_TAG = /<\/([A-Za-z][A-Za-z0-9-]*)\s*>/y;
const OTHER = /<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>/y;
/** Elements whose content the HTML parser reads as text up to their end tag (`<plaintext>` has none). */
export const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/**
 * Elements in which the HTML parser reads what follows in another way until their end tag: an
 * `<svg>` or `<math>` as a drawing or formula (with element names of their own, not HTML's), a
 * `<select>` as options (other tags are dropped). Left open, they take in the text after them.
 */
export const TAKES_IN = new Set(['svg', 'math', 'select', 'datalist']);
/** Elements with names of their own inside them. */
const FOREIGN = new Set(['svg', 'math']);
const PHRASING_CONTAINERS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link']);

export const remarkKnownHtml: Plugin<[], Root> = function (this: Processor) {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(knownHtml());
  return (tree, file) => {
    joinForeign(tree, String(file.value));
    visit(tree, 'html', (node: Html, _index, parent) => {
      // Inline HTML is always one complete tag of a known element: nothing to escape.
      if (!parent || parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell') return;
      const escaped = escapeStray(node.value);
      const open = escaped.unclosed;
      // A block that is itself a comment, `<script>`, `<style>` or `<textarea>` left open is
      // reported by remark-unclosed.
      const indent = /^[ \t]*/.exec(node.value)?.[0].length ?? 0;
      const reported = open?.offset === indent && /^<(?:!--|script>|style>|textarea>)$/.test(open.opener);
      if (open && !reported && node.position) {
        const comment = open.opener === '<!--';
        fatal(file, 'html/unclosed', placeIn(node, open.offset), {
          reason: `\`${open.opener}\` is never closed in its HTML block: it would ${comment ? 'hide' : 'take'} everything after it${comment ? '' : ' with it'}`,
          hint: comment
            ? 'Close the comment with `-->` where your note ends, or delete the `<!--`.'
            : `Close it with \`</${open.opener.slice(1)}\` in the same block, or delete it.`,
        });
      }
      node.value = escaped.value;
    });
  };
};

/**
 * An `<svg>` or `<math>` typed in a paragraph, from its start tag to its end tag, as one piece of
 * HTML: Markdown reads the tags inside it (`<text>`, `<mi>`), which are not HTML's, as text.
 */
function joinForeign(tree: Root, source: string): void {
  visit(tree, (node) => {
    if (!PHRASING_CONTAINERS.has(node.type) || !('children' in node)) return;
    const children = node.children as PhrasingContent[];
    for (let i = 0; i < children.length; i++) {
      const open = children[i];
      const name = open?.type === 'html' ? /^<(svg|math)(?=[\s>])/i.exec(open.value)?.[1]?.toLowerCase() : undefined;
      if (!open || !name || /\/>$/.test((open as Html).value)) continue;
      let depth = 0;
      const end = children.findIndex((c, j) => {
        if (j <= i || c.type !== 'html') return false;
        if (new RegExp(`^<${name}(?=[\\s>])`, 'i').test(c.value) && !/\/>$/.test(c.value)) depth++;
        else if (new RegExp(`^</${name}\\s*>$`, 'i').test(c.value)) depth--;
        return depth < 0;
      });
      const close = children[end];
      const start = open.position?.start;
      const stop = close?.position?.end;
      if (start?.offset === undefined || stop?.offset === undefined) continue;
      const joined: Html = { type: 'html', value: source.slice(start.offset, stop.offset), position: { start, end: stop } };
      children.splice(i, end - i + 1, joined);
    }
  });
}

/** The value with each stray `<` escaped, and where a comment or raw-text element is left open. */
export function escapeStray(value: string): { value: string; unclosed?: { offset: number; opener: string } } {
  const parts: string[] = [];
  let at = 0;
  let from = 0;
  for (let i = value.indexOf('<'); i !== -1; i = value.indexOf('<', from)) {
    from = i + 1;
    if (value.startsWith('<!--', i)) {
      const end = value.indexOf('-->', i + 2);
      if (end === -1) return { value: join(parts, value, at), unclosed: { offset: i, opener: '<!--' } };
      from = end + 3;
      continue;
    }
    const other = match(OTHER, value, i);
    if (other) {
      from = i + other[0].length;
      continue;
    }
    const close = match(CLOSE_TAG, value, i);
    const open = close ? undefined : match(OPEN_TAG, value, i);
    const tag = close ?? open;
    if (tag && isHtmlElementName(tag[1] as string)) {
      from = i + tag[0].length;
      const name = (tag[1] as string).toLowerCase();
      const selfClosed = FOREIGN.has(name) && /\/>$/.test(tag[0]);
      if (open && !selfClosed && (RAW_TEXT.has(name) || TAKES_IN.has(name))) {
        const end = name === 'plaintext' ? -1 : value.toLowerCase().indexOf(`</${name}`, from);
        if (end === -1) return { value: join(parts, value, at), unclosed: { offset: i, opener: `<${name}>` } };
        // Raw text, a drawing or a formula is not HTML: leave it for the parser (and the sanitiser) as it is.
        if (!TAKES_IN.has(name) || FOREIGN.has(name)) from = end;
      }
      continue;
    }
    parts.push(value.slice(at, i), '&lt;');
    at = i + 1;
  }
  return { value: join(parts, value, at) };
}

function join(parts: string[], value: string, at: number): string {
  return parts.length === 0 ? value : parts.join('') + value.slice(at);
}

function match(pattern: RegExp, value: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(value);
}

/** The place of an offset inside an HTML node's value (its lines keep their columns at top level). */
function placeIn(node: Html, offset: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, offset);
  const lines = before.split('\n');
  return { line: start.line + lines.length - 1, column: start.column + (lines[lines.length - 1] ?? '').length };
}
