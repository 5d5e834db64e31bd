/**
 * The EPUB's lead-in: a chapter's first letter as a drop cap, its first words in small caps, or
 * both, made of spans that every reading system can style — no `::first-letter` and no
 * `initial-letter`, which Kindle does not honour. The drop cap is a span around the first letter
 * (with an opening quote mark before it, if any) inside the word, so the word's text stays whole
 * and in order for screen readers and search: `<span class="initial">T</span>he`.
 *
 *   <p class="opening drop-cap lead-small-caps">
 *     <span class="lead-in"><span class="initial">T</span>he lamps wer<span class="lead-in-last">e</span></span> lit at dusk…</p>
 *
 * The lead-in's last letter is untracked (lead-in-last.ts).
 *
 * A paragraph that does not open with plain text (`*Emphasis*` first) keeps its words as they are.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { addClass } from '../../book/chapter-head.ts';
import { firstLetter, splitLeadIn } from '../../book/lead-in-text.ts';
import { untrackedLast } from '../lead-in-last.ts';
import { type LeadIn, leadInParts } from '../theme-design.ts';

export function epubLeadIn(paragraph: Element, style: LeadIn): void {
  if (style === 'none') return;
  const { dropCap, smallCaps } = leadInParts(style);
  const first = paragraph.children[0];
  if (first?.type !== 'text') return;
  const split = splitLeadIn(first.value);
  if (!split) return;
  const { space, quote, lead, rest } = split;
  const letter = dropCap ? firstLetter(lead) : undefined;
  const words: ElementContent[] = letter
    ? [h('span.initial', `${quote}${letter.letter}`), ...(letter.after ? [{ type: 'text' as const, value: letter.after }] : [])]
    : [{ type: 'text', value: `${quote}${lead}` }];
  const parts: ElementContent[] = [];
  if (space) parts.push({ type: 'text', value: space });
  if (smallCaps) parts.push(h('span.lead-in', untrackedLast(words)));
  else parts.push(...words);
  if (rest) parts.push({ type: 'text', value: rest });
  paragraph.children.splice(0, 1, ...parts);
  if (letter) addClass(paragraph, 'drop-cap');
  if (smallCaps) addClass(paragraph, 'lead-small-caps');
}
