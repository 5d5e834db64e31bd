/**
 * Paragraphs of a manuscript as line-breaker tokens, with widths from a rough table of an
 * old-style serif's advance widths (not the real font: the page measures those), for benches.
 * Words are hyphenated with Galley's own hyphenator; hard hyphens and em dashes become breaks.
 */
import { loadHyphenator } from '../src/output/print/hyphenate.ts';
import type { Token } from '../src/output/print/linebreak/tokens.ts';

/** 11 pt in CSS px, and the text block of a 5.5 × 8.5 in book with 0.75 and 0.625 in margins. */
export const FONT_PX = (11 * 96) / 72;
export const MEASURE_PX = (5.5 - 0.75 - 0.625) * 96;

function charEm(ch: string): number {
  if ("fijlrt.,;:'’‘!|()".includes(ch)) return 0.27;
  if ('mwMW'.includes(ch)) return 0.78;
  if (ch === '—') return 1;
  if (/\p{Lu}/u.test(ch)) return 0.66;
  if (/\d/.test(ch)) return 0.5;
  return 0.45;
}

const width = (text: string) => {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * FONT_PX;
};

/** The paragraphs of a Markdown manuscript (headings, front matter and blank lines left out). */
export function proseParagraphs(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').replace(/[*_]/g, '').replace(/--/g, '—').trim())
    .filter((p) => p && !p.startsWith('#'));
}

export function paragraphTokens(text: string, language = 'en-GB'): Token[] {
  const hyphenate = loadHyphenator(language) ?? ((word: string) => word);
  const space = width(' ');
  const tokens: Token[] = [];
  const pushWord = (text: string) => {
    const pieces = hyphenate(text)
      .split('\u00ad')
      .map((piece) => ({ text: piece, width: width(piece) }));
    tokens.push({ kind: 'word', text, width: width(text), pieces, hyphenWidth: width('-') });
  };
  text.split(' ').forEach((word, i) => {
    if (i > 0) tokens.push({ kind: 'space', width: space, stretch: space / 2, shrink: space / 3 });
    const parts = word.split(/(?<=[—-])(?=\p{L})/u);
    parts.forEach((part, k) => {
      if (k > 0) tokens.push({ kind: 'break-after' });
      pushWord(part);
    });
  });
  return tokens;
}
