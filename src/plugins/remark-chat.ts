/**
 * remark plugin: text messages and chat, `:::chat`. Each line is a message:
 * - `**Mara:** are you on the boat` — a message from Mara (the name in bold, a colon after it,
 *   inside the bold or after it);
 * - a line with no name is another message from the sender before it;
 * - `[21:04] **Nell:** yes` — a message with the time it was sent;
 * - a line of only `[Tuesday 21:04]` — a time stamp between messages.
 * `:::chat{me=Nell}` names the point of view: Nell's messages are the ones sent (set to the
 * right), the others received. Messages from one sender in a row are one run, `<div
 * class="chat-run chat-sent">` (or `chat-received`), headed by the sender's name in a `<p
 * class="chat-sender">`, so who says what is in the text itself — for a screen reader, and in
 * print, where no colour tells the sides apart — not only in the layout. Each message is a `<p
 * class="chat-message">`, its time a `<span class="chat-time">`. A line with no sender before
 * it is kept as a message, with a note (`directive/invalid`).
 */
import type { Paragraph, PhrasingContent, Root, Strong, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as plainText } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { directiveAsPhrasing } from './directive-source.ts';
import { authorClasses, classedParagraph, type FictionBlock, fictionBlock, fictionInline, splitLabel } from './fiction-nodes.ts';
import { warn } from './messages.ts';
import { type PhrasingLine, phrasingLines } from './phrasing-lines.ts';

type Block = FictionBlock['children'][number];

interface Message {
  sender: PhrasingContent[] | undefined;
  time: string | undefined;
  children: PhrasingContent[];
}

const TIME = /^\s*\[([^\]\n]{1,40})\]\s*/;

export const remarkChat: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value ?? '');
  visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
    if (node.name !== 'chat' || !parent || index === undefined) return undefined;
    const me = (node.attributes?.me ?? '').trim().toLowerCase();
    const { label, blocks } = splitLabel(node);
    const children: Block[] = [];
    if (label) children.push(classedParagraph(['chat-title'], label.children, label.position));
    let run: { sender: string; block: FictionBlock } | undefined;
    // The last sender named, across time stamps and other blocks: a line with no name is theirs.
    let last: { name: string; nodes: PhrasingContent[] } | undefined;
    let warned = false;
    for (const block of blocks) {
      if (block.type !== 'paragraph') {
        children.push(block);
        run = undefined;
        continue;
      }
      for (const line of phrasingLines(block)) {
        const parsed = readLine(textDirectivesAsText(line, source));
        if ('stamp' in parsed) {
          children.push(classedParagraph(['chat-stamp'], [{ type: 'text', value: parsed.stamp }], block.position));
          run = undefined;
          continue;
        }
        if (parsed.sender)
          last = { name: plainText({ type: 'paragraph', children: parsed.sender }).trim(), nodes: parsed.sender };
        const name = last?.name;
        if (name === undefined && !warned) {
          warned = true;
          warn(file as VFile, 'directive/invalid', lineStart(line, block), {
            reason: 'a chat message with no sender: it is kept, with no name over it',
            hint: 'Start the chat’s first line with the sender’s name in bold and a colon: `**Mara:** are you there?`',
          });
        }
        const sender = name ?? '';
        if (!run || run.sender.toLowerCase() !== sender.toLowerCase()) {
          const side = me && sender.toLowerCase() === me ? 'chat-sent' : 'chat-received';
          const head = last ? [classedParagraph(['chat-sender'], structuredClone(last.nodes), block.position)] : [];
          run = { sender, block: fictionBlock('chat-run', 'div', { className: ['chat-run', side] }, head, block.position) };
          children.push(run.block);
        }
        run.block.children.push(message(parsed, block));
      }
    }
    const properties = { className: ['chat', ...authorClasses(node)] };
    parent.children[index] = fictionBlock('chat', 'div', properties, children, node.position);
    return index;
  });
};

function message(parsed: Message, block: Paragraph): Paragraph {
  const time = parsed.time ? [fictionInline('span', { className: ['chat-time'] }, [{ type: 'text', value: parsed.time }])] : [];
  const gap: PhrasingContent[] = parsed.time && parsed.children.length > 0 ? [{ type: 'text', value: ' ' }] : [];
  return classedParagraph(['chat-message'], [...time, ...gap, ...parsed.children], block.position);
}

/** A line's time, sender and message; or a line of only a time stamp. */
function readLine(children: PhrasingContent[]): Message | { stamp: string } {
  let rest = [...children];
  let time: string | undefined;
  const first = rest[0];
  if (first?.type === 'text') {
    const match = TIME.exec(first.value);
    if (match) {
      time = (match[1] as string).trim();
      const after = first.value.slice(match[0].length);
      rest = after ? [{ ...first, value: after }, ...rest.slice(1)] : rest.slice(1);
      if (rest.length === 0) return { stamp: time };
    }
  }
  const name = rest[0];
  if (name?.type === 'strong') {
    const inside = name.children[name.children.length - 1];
    if (inside?.type === 'text' && /:\s*$/.test(inside.value)) {
      const sender = [...name.children.slice(0, -1), { ...inside, value: inside.value.replace(/\s*:\s*$/, '') }];
      return { sender: trimmed(sender), time, children: trimStart(rest.slice(1)) };
    }
    const next = rest[1];
    if (next?.type === 'text' && /^\s*:/.test(next.value)) {
      const after = next.value.replace(/^\s*:\s*/, '');
      return {
        sender: (name as Strong).children,
        time,
        children: [...(after ? [{ ...next, value: after }] : []), ...rest.slice(2)],
      };
    }
  }
  return { sender: undefined, time, children: trimStart(rest) };
}

/** A line's text directives (the `:04` of `21:04`) as the text typed, and touching text nodes as one. */
function textDirectivesAsText(line: PhrasingLine, source: string): PhrasingContent[] {
  const flat = (nodes: PhrasingContent[]): PhrasingContent[] =>
    nodes.flatMap((n): PhrasingContent[] => {
      if (n.type === 'textDirective') return flat(directiveAsPhrasing(n, source));
      if ('children' in n && n.type !== 'fictionInline')
        return [{ ...n, children: flat(n.children as PhrasingContent[]) } as PhrasingContent];
      return [n];
    });
  const merged: PhrasingContent[] = [];
  for (const node of flat(line.children)) {
    const before = merged[merged.length - 1];
    if (node.type === 'text' && before?.type === 'text')
      merged[merged.length - 1] = { ...before, value: before.value + node.value };
    else merged.push(node);
  }
  return merged;
}

function trimStart(nodes: PhrasingContent[]): PhrasingContent[] {
  const first = nodes[0];
  if (first?.type !== 'text') return nodes;
  const value = first.value.trimStart();
  return value ? [{ ...first, value } as Text, ...nodes.slice(1)] : nodes.slice(1);
}

function trimmed(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.filter((n) => n.type !== 'text' || n.value.trim() !== '');
}

function lineStart(line: PhrasingLine, block: Paragraph) {
  return line.line !== undefined ? { line: line.line, column: block.position?.start.column ?? 1 } : block.position?.start;
}
