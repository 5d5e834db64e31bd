/**
 * Scene breaks and page breaks in a Word body, found where Word keeps them (alignment, borders,
 * break characters, section properties) and rewritten as marker paragraphs that mammoth carries
 * through by style: `GalleySceneBreak` for a paragraph that is only a scene-break marker (`#`,
 * `***`, `* * *`, an ornament, a web-fiction marker, a centred short line of punctuation, an
 * empty paragraph with a rule under or over it, Word's horizontal line), `GalleyPageBreak` for a
 * page break, `page break before`, or a section break that starts a new page. Whether a page
 * break is a scene break or just precedes a chapter is decided later, when the chapters are known.
 */
import type { Element, ElementContent, Root } from 'xast';
import { isSceneMarker } from '../manuscript/scene-markers.ts';
import type { WordStyles } from './docx-package.ts';
import {
  attr,
  child,
  descendants,
  isElement,
  makeElement,
  named,
  parentsOf,
  replaceNode,
  shownText,
  splitAround,
  textRun,
} from './xml.ts';

export const SCENE_BREAK_STYLE = 'GalleySceneBreak';
export const PAGE_BREAK_STYLE = 'GalleyPageBreak';

export function markBreaks(document: Root, styles: WordStyles): void {
  markSectionBreaks(document);
  markPageBreaksBefore(document);
  splitAtPageBreaks(document);
  markSceneBreaks(document, styles);
}

function marker(style: string): Element {
  return makeElement('w:p', {}, [makeElement('w:pPr', {}, [makeElement('w:pStyle', { 'w:val': style })]), textRun('* * *')]);
}

function insertAfter(parents: Map<Element, Root | Element>, node: Element, added: Element): void {
  const parent = parents.get(node);
  if (!parent) return;
  const siblings = parent.children as ElementContent[];
  siblings.splice(siblings.indexOf(node) + 1, 0, added);
}

/** A section ends at the paragraph holding its properties; the next section's type says whether a new page starts. */
function markSectionBreaks(document: Root): void {
  const all = named(document, 'w:sectPr');
  const parents = parentsOf(document);
  all.forEach((props, i) => {
    const next = all[i + 1];
    const holder = parents.get(props);
    if (!next || !isElement(holder as Element, 'w:pPr')) return;
    const type = attr(child(next, 'w:type'), 'w:val') ?? 'nextPage';
    if (type === 'continuous') return;
    const paragraph = parents.get(holder as Element) as Element;
    insertAfter(parents, paragraph, marker(PAGE_BREAK_STYLE));
  });
}

const isOn = (el: Element | undefined) => el !== undefined && !/^(false|0|off)$/.test(attr(el, 'w:val') ?? '');

function markPageBreaksBefore(document: Root): void {
  const parents = parentsOf(document);
  for (const p of named(document, 'w:p')) {
    const props = child(p, 'w:pPr');
    const before = child(props, 'w:pageBreakBefore');
    if (!props || !before) continue;
    props.children = props.children.filter((c) => c !== before);
    if (!isOn(before)) continue;
    const parent = parents.get(p);
    if (!parent) continue;
    const siblings = parent.children as ElementContent[];
    siblings.splice(siblings.indexOf(p), 0, marker(PAGE_BREAK_STYLE));
  }
}

/** Anything a reader would see: text, a picture, an object, a note's mark. */
function hasContent(el: Element): boolean {
  if (shownText(el).trim() !== '') return true;
  return descendants(el, (d) => /^(w:drawing|w:pict|w:object|w:footnoteReference|w:endnoteReference)$/.test(d.name)).length > 0;
}

/** A page break inside a paragraph cuts it in two, with a page-break marker between the halves. */
function splitAtPageBreaks(document: Root): void {
  const isPageBreak = (el: Element) => el.name === 'w:br' && attr(el, 'w:type') === 'page';
  for (let guard = 0; guard < 100_000; guard++) {
    const br = descendants(document, isPageBreak)[0];
    if (!br) return;
    const parents = parentsOf(document);
    let p: Root | Element | undefined = parents.get(br);
    while (p && p.type === 'element' && p.name !== 'w:p') p = parents.get(p);
    if (p?.type !== 'element') {
      replaceNode(parents, br, []);
      continue;
    }
    const [before, after] = splitAround(p, br);
    const pieces = [hasContent(before) ? before : undefined, marker(PAGE_BREAK_STYLE), hasContent(after) ? after : undefined];
    replaceNode(
      parents,
      p,
      pieces.filter((x): x is Element => x !== undefined),
    );
  }
}

const LETTERS = /[\p{L}\p{N}]/u;
const ORNAMENT_CHARS = /^[\p{S}*#~§•·\-=_+.\s]+$/u;
const SCENE_STYLE = /scene|separator|ornament|dinkus|section break/i;

function markSceneBreaks(document: Root, styles: WordStyles): void {
  const parents = parentsOf(document);
  for (const p of named(document, 'w:p')) {
    // Only paragraphs of the running text: a table cell of asterisks stays a table cell.
    const parent = parents.get(p);
    if (parent?.type !== 'element' || !/^w:(body|sdtContent)$/.test(parent.name)) continue;
    if (isSceneBreak(p, styles)) replaceNode(parents, p, [marker(SCENE_BREAK_STYLE)]);
  }
}

function isSceneBreak(p: Element, styles: WordStyles): boolean {
  const props = child(p, 'w:pPr');
  const styleId = attr(child(props, 'w:pStyle'), 'w:val');
  if (styleId === SCENE_BREAK_STYLE || styleId === PAGE_BREAK_STYLE) return false;
  const text = shownText(p)
    .replace(/[\s\u00a0\u2007\u202f]+/g, ' ')
    .trim();
  const pictures = descendants(p, (d) => /^(w:drawing|w:object|v:imagedata)$/.test(d.name)).length > 0;
  const notes = descendants(p, (d) => /^w:(footnote|endnote)Reference$/.test(d.name)).length > 0;
  if (pictures || notes) return false;
  const style = styleId ? styles.get(styleId) : undefined;
  const sceneStyle = style !== undefined && SCENE_STYLE.test(style.name);
  if (text === '') {
    // Word's horizontal line (a VML rule) or an empty paragraph with a border drawn under or over it.
    const rule = descendants(p, (d) => d.name === 'v:rect' && attr(d, 'o:hr') === 't').length > 0;
    const border = child(props, 'w:pBdr');
    return (
      sceneStyle ||
      rule ||
      (border !== undefined && (child(border, 'w:bottom') !== undefined || child(border, 'w:top') !== undefined))
    );
  }
  if (isSceneMarker(text)) return true;
  if (LETTERS.test(text) || text.length > 40) return false;
  if (sceneStyle || (ORNAMENT_CHARS.test(text) && !/^[.\s]+$/.test(text))) return true;
  const align = attr(child(props, 'w:jc'), 'w:val') ?? (styleId ? styles.alignment(styleId) : undefined);
  return align === 'center';
}
