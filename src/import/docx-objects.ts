/**
 * The things in a Word body that are not plain paragraphs of text, made into text mammoth reads
 * or left out with a note, each at its paragraph: right-to-left spans give up their runs; a text box's paragraphs are moved after the
 * paragraph it is anchored in; an equation becomes its text; a simple field is unwrapped to the
 * text it showed (complex fields already are), a table of contents is left out (Galley makes its
 * own); charts, diagrams and shapes without text cannot be carried over, and embedded objects
 * come through only as their picture.
 */
import type { Element, ElementContent, Root } from 'xast';
import { excerpt, type ImportProblem, para } from './problems.ts';
import {
  attr,
  child,
  descendants,
  isElement,
  named,
  paragraphNumbers,
  parentsOf,
  replaceNode,
  shownText,
  textRun,
} from './xml.ts';

export function carryObjects(document: Root, problems: ImportProblem[]): void {
  chooseAlternates(document);
  unwrapDirections(document);
  leaveOutContents(document, problems);
  moveTextBoxes(document, problems);
  flattenEquations(document, problems);
  settleFields(document, problems);
  noteGraphics(document, problems);
}

/**
 * Markup-compatibility blocks hold the same thing twice, new and old: keep the old form (the one
 * mammoth reads, a VML picture or text box) when there is one, else the new.
 */
function chooseAlternates(document: Root): void {
  const find = () => descendants(document, (el) => el.name === 'mc:AlternateContent', true);
  for (let round = find(); round.length > 0; round = find()) {
    const parents = parentsOf(document);
    for (const alt of round) {
      const chosen = child(alt, 'mc:Fallback') ?? child(alt, 'mc:Choice');
      replaceNode(parents, alt, chosen?.children ?? []);
    }
  }
}

/** Right-to-left and bidirectional spans (`w:dir`, `w:bdo`), which mammoth would skip with their text, give up their runs. */
function unwrapDirections(document: Root): void {
  const find = () => descendants(document, (el) => el.name === 'w:dir' || el.name === 'w:bdo', true);
  for (let round = find(); round.length > 0; round = find()) {
    const parents = parentsOf(document);
    for (const el of round) replaceNode(parents, el, el.children);
  }
}

/** A content control holding a table of contents (Word's References → Table of Contents). */
function leaveOutContents(document: Root, problems: ImportProblem[]): void {
  const numbers = paragraphNumbers(document);
  const parents = parentsOf(document);
  for (const sdt of named(document, 'w:sdt')) {
    const gallery = attr(child(child(child(sdt, 'w:sdtPr'), 'w:docPartObj'), 'w:docPartGallery'), 'w:val');
    if (gallery !== 'Table of Contents') continue;
    problems.push({
      where: para(numbers.get(sdt)),
      id: 'contents-left-out',
      message: "the document's table of contents was left out: Galley makes the book's own",
    });
    replaceNode(parents, sdt, []);
  }
}

/** The holder of a text box in a run: a VML picture or a drawing. */
const HOLDERS = new Set(['w:pict', 'w:drawing']);

function moveTextBoxes(document: Root, problems: ImportProblem[]): void {
  for (let round = 0; round < 8; round++) {
    const holders = descendants(document, (el) => HOLDERS.has(el.name) && named(el, 'w:txbxContent').length > 0, true);
    if (holders.length === 0) return;
    const numbers = paragraphNumbers(document);
    const parents = parentsOf(document);
    for (const holder of holders) {
      const box = named(holder, 'w:txbxContent')[0];
      const paragraphs = (box?.children ?? []).filter((c): c is Element => isElement(c) && /^w:(p|tbl)$/.test(c.name));
      const host = bodyParagraph(parents, holder);
      problems.push({
        where: para(numbers.get(holder)),
        id: 'text-box',
        message: `a text box's text is put after its paragraph, as paragraphs of its own: ${excerpt(paragraphs.map((p) => shownText(p)).join(' '))}`,
      });
      replaceNode(parents, holder, []);
      if (host) {
        const parent = parents.get(host);
        if (parent) {
          const siblings = parent.children as ElementContent[];
          siblings.splice(siblings.indexOf(host) + 1, 0, ...paragraphs);
        }
      }
    }
  }
}

/** The outermost paragraph an element is in (a text box's paragraphs are inside its anchor's). */
function bodyParagraph(parents: Map<Element, Root | Element>, el: Element): Element | undefined {
  let found: Element | undefined;
  for (let at: Root | Element | undefined = el; at && at.type === 'element'; at = parents.get(at)) {
    if (at.name === 'w:p') found = at;
  }
  return found;
}

function flattenEquations(document: Root, problems: ImportProblem[]): void {
  const numbers = paragraphNumbers(document);
  const parents = parentsOf(document);
  for (const math of descendants(document, (el) => el.name === 'm:oMathPara' || el.name === 'm:oMath', true)) {
    const text = shownText(math);
    problems.push({
      where: para(numbers.get(math)),
      id: 'equation',
      message: `an equation is kept as plain text: ${excerpt(text)}`,
    });
    replaceNode(parents, math, text ? [textRun(text)] : []);
  }
}

interface OpenField {
  instruction: string;
  begin: Element;
  shown: string;
  result: boolean;
  /** Every run from the field's begin to its end. */
  runs: Element[];
}

/** Simple fields are unwrapped to what they showed; complex ones noted; a table-of-contents field is left out. */
function settleFields(document: Root, problems: ImportProblem[]): void {
  const numbers = paragraphNumbers(document);
  const parents = parentsOf(document);
  for (const simple of named(document, 'w:fldSimple')) {
    const instruction = (attr(simple, 'w:instr') ?? '').trim();
    noteField(problems, numbers.get(simple), instruction, shownText(simple));
    replaceNode(parents, simple, fieldName(instruction) === 'TOC' ? [] : simple.children);
  }
  const stack: OpenField[] = [];
  const doomed: Element[] = [];
  for (const run of descendants(document, (el) => el.name === 'w:r', true)) {
    const ended: OpenField[] = [];
    for (const c of run.children) {
      if (!isElement(c)) continue;
      const type = c.name === 'w:fldChar' ? attr(c, 'w:fldCharType') : undefined;
      const top = stack.at(-1);
      if (type === 'begin') stack.push({ instruction: '', begin: c, shown: '', result: false, runs: [] });
      else if (c.name === 'w:instrText' && top && !top.result) top.instruction += shownTextOf(c);
      else if (type === 'separate' && top) top.result = true;
      else if (type === 'end' && top) ended.push(stack.pop() as OpenField);
      else if (top?.result && c.name === 'w:t') for (const f of stack) f.shown += shownTextOf(c);
    }
    for (const f of [...stack, ...ended]) f.runs.push(run);
    for (const field of ended) {
      const inContents = stack.some((f) => fieldName(f.instruction) === 'TOC');
      if (fieldName(field.instruction) === 'TOC') {
        doomed.push(...field.runs);
        problems.push({
          where: para(numbers.get(field.begin)),
          id: 'contents-left-out',
          message: "the document's table of contents was left out: Galley makes the book's own",
        });
      } else if (!inContents) noteField(problems, numbers.get(field.begin), field.instruction, field.shown);
    }
  }
  for (const run of new Set(doomed)) replaceNode(parents, run, []);
}

function shownTextOf(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}

function fieldName(instruction: string): string {
  return instruction.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
}

/** Fields whose text is all there is to them: links, and references inside the text. */
const QUIET = new Set(['HYPERLINK', 'NOTEREF', 'SYMBOL', '']);

function noteField(problems: ImportProblem[], paragraph: number | undefined, instruction: string, shown: string): void {
  const name = fieldName(instruction);
  if (QUIET.has(name)) return;
  problems.push({
    where: para(paragraph),
    id: 'field',
    message: `a ${name} field is kept as the text it showed${shown.trim() ? `, ${excerpt(shown)}` : ' (none)'}; it will not update`,
  });
}

const GRAPHIC_KINDS: Array<[RegExp, string]> = [
  [/\/chart$/, 'a chart'],
  [/\/diagram$/, 'a SmartArt diagram'],
  [/wordprocessingShape$/, 'a shape'],
  [/wordprocessingGroup$/, 'a group of shapes'],
  [/wordprocessingCanvas$/, 'a drawing canvas'],
];

/** Graphics other than pictures, and embedded objects, each noted where it stands. */
function noteGraphics(document: Root, problems: ImportProblem[]): void {
  const numbers = paragraphNumbers(document);
  for (const data of named(document, 'a:graphicData')) {
    const uri = attr(data, 'uri') ?? '';
    if (/\/picture$/.test(uri)) continue;
    const pictures = named(data, 'pic:pic').length;
    const kind = GRAPHIC_KINDS.find(([re]) => re.test(uri))?.[1] ?? 'a drawing';
    problems.push({
      where: para(numbers.get(data)),
      id: 'graphic',
      message: `${kind} cannot be carried over and is left out${pictures ? ' (pictures inside it are kept)' : ''}: save it as a picture and put that in its place`,
    });
  }
  for (const object of named(document, 'w:object')) {
    problems.push({
      where: para(numbers.get(object)),
      id: 'embedded-object',
      message: 'an embedded object (a spreadsheet, a file, …) comes through only as the picture Word shows of it',
    });
  }
}
