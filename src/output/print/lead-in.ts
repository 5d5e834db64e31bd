/**
 * The print edition's lead-in: a chapter's opening paragraph with its first words in small caps
 * (the words src/book/lead-in-text.ts chooses, as the EPUB's), a drop cap, or both.
 *
 * The drop cap is a vector float (drop-cap.ts), hidden from assistive technology, and the real
 * initial stays in the text, just before the rest of its word, in the same face and size: so the
 * PDF's text has the word whole ("They", not "T hey"), for search, copying and screen readers.
 * That initial is set in a box of no width whose text runs leftwards (right to left outside, the
 * letters left to right inside), so it stands under the float, just before the line's start, and
 * takes no room in the line; it is transparent (Chromium keeps transparent text in the PDF).
 *
 *   <p class="opening has-drop-cap lead-small-caps" data-drop-lines="3" data-drop-width="33.2"
 *      style="--drop-lines:3;--drop-width:33.2pt;min-height:43.5pt">
 *     <span class="drop-cap-art" aria-hidden="true" style="float:left;width:33.2pt;…"><svg>…</svg></span>
 *     <span class="lead-in"><span class="drop-initial" style="display:inline-block;width:0;…">
 *       <span style="direction:ltr;unicode-bidi:isolate">“T</span></span>hey sa<span
 *       class="lead-in-last">t</span></span> by the…</p>
 *
 * `data-drop-lines` and `data-drop-width` (points; the same as `--drop-lines` and `--drop-width`)
 * tell the line breaker how many first lines are narrower, and by how much. The paragraph is at
 * least as tall as the cap (`min-height`), so a paragraph of one line keeps its drop cap and the
 * next paragraph starts below it. When the face cannot draw the initial (its font has no file
 * opentype.js reads), the paragraph falls back to the theme's CSS drop cap (class `drop-cap`,
 * with `initial-letter`), whose letter prints as a word of its own.
 */
import type { Element, ElementContent, Text } from 'hast';
import { h } from 'hastscript';
import { firstLetter, splitLeadIn } from '../../book/lead-in-text.ts';
import { untrackedLast } from '../lead-in-last.ts';
import { type DropCapArt, type DropCapFace, dropCapArt } from './drop-cap.ts';

export interface LeadInParts {
  dropCap: boolean;
  smallCaps: boolean;
}

/** Sets the opening paragraph's lead-in in place. */
export function setLeadIn(paragraph: Element, parts: LeadInParts, face: DropCapFace | undefined): void {
  if (!parts.dropCap && !parts.smallCaps) return;
  const first = paragraph.children[0];
  if (first?.type !== 'text') {
    // The drop cap only (and the theme's CSS one when it cannot be drawn).
    if (parts.dropCap && !(face && dropInto(paragraph, face))) addClass(paragraph, 'drop-cap');
    if (parts.smallCaps) addClass(paragraph, 'lead-small-caps');
    return;
  }
  const split = splitLeadIn(first.value);
  if (!split) return;
  const { space, quote, lead, rest } = split;
  const letter = parts.dropCap ? firstLetter(lead) : undefined;
  const art = letter && face ? dropCapArt(face, quote, letter.letter) : undefined;
  const out: ElementContent[] = [];
  if (art) out.push(art.element);
  if (space) out.push(text(space));
  let words: ElementContent[];
  if (art && letter) words = [initial(`${quote}${letter.letter}`), text(letter.after)];
  else if (letter) {
    // The theme's CSS drop cap (::first-letter), its quote mark floated before it.
    if (quote) out.push(h('span.lead-quote', quote));
    words = [text(lead)];
  } else words = [text(`${quote}${lead}`)];
  if (parts.smallCaps) out.push(h('span.lead-in', untrackedLast(words)));
  else out.push(...words);
  if (rest) out.push(text(rest));
  paragraph.children.splice(0, 1, ...out.filter((c) => c.type !== 'text' || c.value !== ''));
  if (art) markDropped(paragraph, art);
  else if (letter) addClass(paragraph, 'drop-cap');
  if (parts.smallCaps) addClass(paragraph, 'lead-small-caps');
}

/**
 * A paragraph that opens with an element (`*Never*, she said`): the drop cap only, its initial
 * the first letter inside that element (so it keeps the element's face).
 */
function dropInto(paragraph: Element, face: DropCapFace): boolean {
  const found = firstText(paragraph);
  if (!found) return false;
  const { parent, node } = found;
  const match = /^(\s*)(["“‘'«„‚]?)/.exec(node.value);
  const [space = '', quote = ''] = match ?? [];
  const letter = firstLetter(node.value.slice(space.length + quote.length));
  const art = letter && dropCapArt(face, quote, letter.letter);
  if (!letter || !art) return false;
  const replaced: ElementContent[] = [initial(`${quote}${letter.letter}`)];
  if (letter.after) replaced.push(text(letter.after));
  parent.children.splice(parent.children.indexOf(node), 1, ...(space ? [text(space)] : []), ...replaced);
  paragraph.children.unshift(art.element);
  markDropped(paragraph, art);
  return true;
}

/** The first text with a letter, through the inline elements the paragraph opens with. */
function firstText(parent: Element): { parent: Element; node: Text } | undefined {
  for (const child of parent.children) {
    if (child.type === 'text') return /\S/.test(child.value) ? { parent, node: child } : undefined;
    if (child.type !== 'element') continue;
    if (!INLINE.has(child.tagName)) return undefined;
    return firstText(child);
  }
  return undefined;
}

const INLINE = new Set(['em', 'i', 'strong', 'b', 'span', 'a', 'cite', 'q', 'small', 'mark', 'u', 's']);

/** The real initial, transparent, in a box of no width that it overflows leftwards. */
function initial(value: string): Element {
  return h('span.drop-initial', { style: 'display:inline-block;width:0;direction:rtl;color:transparent;white-space:nowrap' }, [
    h('span', { style: 'direction:ltr;unicode-bidi:isolate' }, value),
  ]);
}

function markDropped(paragraph: Element, art: DropCapArt): void {
  addClass(paragraph, 'has-drop-cap');
  paragraph.properties.dataDropLines = String(art.lines);
  paragraph.properties.dataDropWidth = String(art.width);
  const own = paragraph.properties.style ? `${String(paragraph.properties.style).replace(/;?\s*$/, ';')}` : '';
  paragraph.properties.style = `${own}--drop-lines:${art.lines};--drop-width:${art.width}pt;min-height:${art.height}pt`;
}

function text(value: string): Text {
  return { type: 'text', value };
}

function addClass(node: Element, name: string): void {
  const classes = node.properties.className;
  if (Array.isArray(classes) && classes.includes(name)) return;
  node.properties.className = Array.isArray(classes) ? [...classes, name] : [name];
}
