/**
 * remark plugin: letters, notes and diary entries — `:::letter`, `:::note`, `:::diary`. The
 * parts a reader expects are found by how letters are written, and set apart by class (and by
 * DAISY's structural semantics in the EPUB):
 * - the label is the dateline (place and date): `:::letter[Orra Light, 14 March]`;
 * - the salutation is the first paragraph when it is one line ending in a comma or colon
 *   (`Dear Nell,`, `Sir:`);
 * - the sign-off is the last paragraph (before any `P.S.`) when it starts with a dash (`— Ada`,
 *   typed `-- Ada`, or `- Ada` as a one-item list), or is a name (one to three capitalised words
 *   or initials: `Ada`, `M. G.`, `T. Marrack`), or a closing and a name (`Love, Ada`), or two
 *   to four short lines whose first ends in a comma (`Your mother,\` then `Ada`): the closing
 *   lines are the valediction, the last the signature.
 *   A one-line closing just before a name's paragraph (`Yours,` then `Ada`) is its valediction;
 * - paragraphs after it that open with `P.S.` (`P.P.S.`) are postscripts.
 * Everything else is the body, set as the book's paragraphs are (the first flush left).
 */
import type { List, Paragraph, PhrasingContent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as plainText } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import {
  addParagraphClass,
  authorClasses,
  classedParagraph,
  type FictionBlock,
  fictionBlock,
  splitLabel,
} from './fiction-nodes.ts';
import { phrasingLines } from './phrasing-lines.ts';

/** The containers, their classes and their EPUB semantics. */
const KINDS: Record<string, { classes: string[]; type: string }> = {
  letter: { classes: ['letter'], type: 'z3998:letter' },
  note: { classes: ['letter', 'letter-note'], type: 'z3998:letter' },
  diary: { classes: ['letter', 'letter-diary'], type: 'z3998:diary-entry' },
};

type Block = FictionBlock['children'][number];

export const remarkLetter: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value ?? '');
  visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
    const kind = KINDS[node.name];
    if (!kind || !parent || index === undefined) return undefined;
    const { label, blocks } = splitLabel(node);
    const body = [...blocks] as Block[];
    const head: Block[] = [];
    if (label) head.push(classedParagraph(['dateline'], label.children, label.position));
    const first = body[0];
    if (first?.type === 'paragraph' && isSalutation(first)) {
      body.shift();
      head.push(classedParagraph(['salutation'], first.children, first.position, { 'epub:type': 'z3998:salutation' }));
    }
    const postscripts: Block[] = [];
    while (body.length > 1 && isPostscript(body[body.length - 1])) {
      const ps = body.pop() as Paragraph;
      addParagraphClass(ps, 'postscript');
      ps.data ??= {};
      ps.data.hProperties = { ...ps.data.hProperties, 'epub:type': 'z3998:postscript' };
      postscripts.unshift(ps);
    }
    const signOff = takeSignOff(body, source);
    const opening = body.find((b) => b.type === 'paragraph');
    if (opening?.type === 'paragraph' && opening === body[0]) addParagraphClass(opening, 'flush');
    const children = [...head, ...body, ...(signOff ? [signOff] : []), ...postscripts];
    const properties = { className: [...kind.classes, ...authorClasses(node)], 'epub:type': kind.type };
    parent.children[index] = fictionBlock(node.name, 'div', properties, children, node.position);
    return index;
  });
};

function isSalutation(node: Paragraph): boolean {
  const lines = phrasingLines(node);
  const text = plainText(node).trim();
  return lines.length === 1 && text.length <= 80 && /[,:]$/.test(text);
}

function isPostscript(node: Block | undefined): boolean {
  return node?.type === 'paragraph' && /^(?:P\.\s?)+S\./i.test(plainText(node).trim());
}

/** A name as it signs a letter: one to three capitalised words or initials. */
const NAME = /^(?:\p{Lu}\.|\p{Lu}[\p{L}’'-]*)(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}’'-]*)){0,2}$/u;
const DASHED = /^(?:—|–|--?)\s*\S/;

/** Takes the sign-off from the end of the body, if the body ends with one, as a block of its own. */
function takeSignOff(body: Block[], source: string): Block | undefined {
  const last = body[body.length - 1];
  if (body.length < 2 || !last) return undefined;
  const dashedList = last.type === 'list' ? dashedItem(last, source) : undefined;
  if (dashedList) {
    body.pop();
    return signOff([signature([{ type: 'text', value: '— ' }, ...dashedList.children], dashedList.position)], last);
  }
  if (last.type !== 'paragraph') return undefined;
  const lines = phrasingLines(last);
  const texts = lines.map((l) => plainText({ type: 'paragraph', children: l.children }).trim());
  const short = texts.every((t) => t.length <= 60) && lines.length <= 4;
  const one = texts[0] ?? '';
  if (!short) return undefined;
  if (DASHED.test(one) || (lines.length === 1 && (NAME.test(one) || /^[^,]{1,40},\s+\p{Lu}[^,]{0,30}$/u.test(one)))) {
    body.pop();
    const before = body[body.length - 1];
    const closing =
      body.length > 1 && before?.type === 'paragraph' && isClosingLine(before) && NAME.test(one) ? before : undefined;
    if (closing) body.pop();
    return signOff(
      [...(closing ? [valediction(closing.children, closing.position)] : []), signature(last.children, last.position)],
      last,
    );
  }
  if (lines.length >= 2 && one.endsWith(',')) {
    body.pop();
    const closingLines = lines
      .slice(0, -1)
      .flatMap((l, i): PhrasingContent[] => [...(i > 0 ? [{ type: 'break' } as const] : []), ...l.children]);
    const name = lines[lines.length - 1]?.children ?? [];
    return signOff([valediction(closingLines, last.position), signature(name, last.position)], last);
  }
  return undefined;
}

function isClosingLine(node: Paragraph): boolean {
  const text = plainText(node).trim();
  return phrasingLines(node).length === 1 && text.endsWith(',') && text.split(/\s+/).length <= 8;
}

/** `- Ada` under a letter: a one-item list of a name, typed with a hyphen. */
function dashedItem(list: List, source: string): Paragraph | undefined {
  const item = list.children.length === 1 && !list.ordered ? list.children[0] : undefined;
  const paragraph = item?.children.length === 1 ? item.children[0] : undefined;
  const offset = list.position?.start.offset;
  if (paragraph?.type !== 'paragraph' || offset === undefined || source[offset] !== '-') return undefined;
  return NAME.test(plainText(paragraph).trim()) ? paragraph : undefined;
}

function signOff(children: Paragraph[], from: Block): Block {
  return fictionBlock('sign-off', 'div', { className: ['sign-off'] }, children, from.position);
}

function valediction(children: PhrasingContent[], position: Paragraph['position']): Paragraph {
  return classedParagraph(['valediction'], children, position, { 'epub:type': 'z3998:valediction' });
}

function signature(children: PhrasingContent[], position: Paragraph['position']): Paragraph {
  return classedParagraph(['signature'], children, position, { 'epub:type': 'z3998:signature' });
}
