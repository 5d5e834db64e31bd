/**
 * The spaces next to quote marks, once the marks are decided: a hair space between two adjacent
 * marks (“ ‘, ’ ”), French narrow no-break spaces inside « », and a stray space removed — before
 * a closing mark after sentence punctuation (`Stop! ”`), or after an opening mark before a word.
 */
import { BREAK, HAIR_SPACE, isClosingPunctuation, isSpace, isWord, NARROW_NBSP } from './chars.ts';
import type { Edits } from './edits.ts';
import type { Settings } from './settings.ts';
import { type QuoteTokens, Role } from './tokens.ts';

export function spaceQuotes(
  src: string,
  tokens: QuoteTokens,
  role: readonly number[],
  isGuillemet: (t: number) => boolean,
  settings: Settings,
  edits: Edits,
): void {
  const count = tokens.length;
  for (let t = 0; t < count; t++) {
    const r = role[t];
    if (r !== Role.Open && r !== Role.Close) continue;
    const pos = tokens.pos[t] as number;
    if (settings.frenchSpaces && isGuillemet(t)) {
      frenchSpace(src, edits, pos, r === Role.Open);
      continue;
    }
    if (r === Role.Close) {
      const a = runStart(src, pos);
      const before = src.charCodeAt(a - 1);
      if (a < pos && a > 0 && isClosingPunctuation(before) && before !== 0x2019) edits.set(a, pos, '', 'space');
    } else {
      const b = runEnd(src, pos + 1);
      if (b > pos + 1 && b < src.length && isWord(src.charCodeAt(b))) edits.set(pos + 1, b, '', 'space');
    }
    const u = t + 1;
    if (settings.hairSpaces && u < count && role[u] === r && !isGuillemet(u)) {
      const next = tokens.pos[u] as number;
      if (runEnd(src, pos + 1) === next) edits.set(pos + 1, next, HAIR_SPACE, 'hair-space');
    }
  }
}

/** « and » take a narrow no-break space inside, replacing any space typed there. */
function frenchSpace(src: string, edits: Edits, pos: number, opening: boolean): void {
  if (opening) {
    const b = runEnd(src, pos + 1);
    if (b < src.length) edits.set(pos + 1, b, NARROW_NBSP, 'french-space');
  } else {
    const a = runStart(src, pos);
    if (a > 0) edits.set(a, pos, NARROW_NBSP, 'french-space');
  }
}

/** Start of the run of spaces (no hard break) that ends at i. */
function runStart(src: string, i: number): number {
  let a = i;
  while (a > 0 && isSpace(src.charCodeAt(a - 1)) && src.charCodeAt(a - 1) !== BREAK) a--;
  return a;
}

/** End of the run of spaces (no hard break) that starts at i. */
function runEnd(src: string, i: number): number {
  let b = i;
  while (b < src.length && isSpace(src.charCodeAt(b)) && src.charCodeAt(b) !== BREAK) b++;
  return b;
}
