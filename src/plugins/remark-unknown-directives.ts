/**
 * remark plugin: every directive still in the tree becomes the text the author typed. Galley's
 * own elements (verse, letters, chat…) and any plugin of the author's have made theirs into
 * other nodes by now; what is left is text that remark-directive read as a directive — a time
 * (`10:30`), `ratio:value`, the `:D` of an emoticon — or a block directive no plugin knows
 * (`:::warning`, `::toc`), and none of it may be lost. A text directive goes back into its line
 * without a word; a leaf or container directive keeps its lines as text, with a warning
 * (`directive/unknown`) that names Galley's elements. A paragraph that opens with `::: verse`
 * (a space after the colons: Pandoc's way) is text to remark-directive: a warning says so
 * when the word is one of Galley's elements.
 */
import type { Paragraph, Parent, Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Token } from 'micromark-util-types';
import type { Plugin, Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { containerAsBlocks, directiveAsPhrasing, isDirective } from './directive-source.ts';
import { ELEMENT_DIRECTIVES } from './fiction-nodes.ts';
import { warn } from './messages.ts';

export const remarkUnknownDirectives: Plugin<[], Root> = function (this: Processor) {
  // An image's description is made while parsing, as the plain text of its label, where a text
  // directive (`![Map:North]`) would count for nothing: each one carries the text it was typed
  // as, for that (and for `::chapter-image[…]`'s description), until it is given back below.
  const data = this.data();
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push({ exit: { directiveText: exitTextDirective } });
  return transform;
};

/** What a from-markdown handler is given as `this` (mdast-util-from-markdown's CompileContext), as used here. */
interface Compiling {
  stack: unknown[];
  exit(token: Token): unknown;
  sliceSerialize(token: Token): string;
}

function exitTextDirective(this: Compiling, token: Token): void {
  const node = this.stack[this.stack.length - 1] as unknown as { value?: string };
  this.exit(token);
  node.value = this.sliceSerialize(token);
}

function transform(tree: Root, file: VFile): void {
  const source = String(file.value ?? '');
  visit(tree, (node, index, parent) => {
    if (node.type === 'paragraph') spacedFence(node as Paragraph, file);
    if (!isDirective(node) || !parent || index === undefined) return undefined;
    const siblings = (parent as Parent).children as unknown[];
    if (node.type === 'textDirective') {
      siblings.splice(index, 1, ...directiveAsPhrasing(node as TextDirective, source));
      return index;
    }
    unknown(node as LeafDirective | ContainerDirective, file);
    const blocks =
      node.type === 'leafDirective'
        ? [leafParagraph(node as LeafDirective, source)]
        : containerAsBlocks(node as ContainerDirective, source);
    siblings.splice(index, 1, ...blocks);
    return index;
  });
}

function leafParagraph(node: LeafDirective, source: string): Paragraph {
  const paragraph: Paragraph = { type: 'paragraph', children: directiveAsPhrasing(node, source) };
  if (node.position) paragraph.position = node.position;
  return paragraph;
}

function unknown(node: LeafDirective | ContainerDirective, file: VFile): void {
  const marks = node.type === 'leafDirective' ? '::' : ':::';
  const written = `${marks}${node.name}`;
  const near = nearest(node.name);
  warn(file, 'directive/unknown', node.position?.start, {
    reason: `\`${written}\` is not one of Galley's elements: its ${node.type === 'leafDirective' ? 'line is' : 'lines are'} kept as text`,
    hint: `${near ? `Did you mean \`${near}\`? ` : ''}Galley's elements are ${ELEMENT_DIRECTIVES.map((d) => `\`${d}\``).join(', ')}. To show the colons as text, write \`\\${written}\`.`,
  });
}

/** `::: verse` — with a space, remark-directive reads no directive: say so when the word is an element's. */
function spacedFence(node: Paragraph, file: VFile): void {
  const first = node.children[0];
  if (first?.type !== 'text') return;
  const match = /^(:{3,})[ \t]+\{?\.?([A-Za-z][\w-]*)/.exec(first.value);
  const name = match?.[2]?.toLowerCase();
  if (!match || !name || !ELEMENT_DIRECTIVES.includes(`:::${name}`)) return;
  warn(file, 'directive/unknown', node.position?.start, {
    reason: `\`${match[0]}\` has a space after the colons, so it is text, not ${name}`,
    hint: `Write \`${match[1]}${name}\`, with no space, to make it ${name}.`,
  });
}

/** The element name one or two letters away from a misspelt one (`vrese` → `:::verse`). */
function nearest(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: { directive: string; distance: number } | undefined;
  for (const directive of ELEMENT_DIRECTIVES) {
    const distance = editDistance(lower, directive.replace(/^:+/, ''));
    if (distance <= 2 && distance < lower.length && (!best || distance < best.distance)) best = { directive, distance };
  }
  return best?.directive;
}

/** Levenshtein distance, with a swap of two letters counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (rows[i - 2]?.[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return rows[a.length]?.[b.length] ?? 0;
}
