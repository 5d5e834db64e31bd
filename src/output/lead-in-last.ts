/**
 * The lead-in's last letter in `span.lead-in-last`, for print and the EPUB alike: CSS letter
 * spacing goes after every letter, the last one's too, so a tracked lead-in would widen the word
 * space after it by its tracking (a gap the eye reads as loose). The default theme's print.css and
 * epub.css set that span with no letter spacing, whatever tracking a theme gives `.lead-in`.
 */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';

/** The lead-in's words, their last grapheme (a letter with its marks, a flag) in `span.lead-in-last`. */
export function untrackedLast(words: ElementContent[]): ElementContent[] {
  const last = words.at(-1);
  if (last?.type !== 'text') return words;
  const letters = [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(last.value)];
  const end = letters.at(-1);
  if (!end || letters.length < 2) return [...words.slice(0, -1), h('span.lead-in-last', last.value)];
  return [...words.slice(0, -1), { type: 'text', value: last.value.slice(0, end.index) }, h('span.lead-in-last', end.segment)];
}
