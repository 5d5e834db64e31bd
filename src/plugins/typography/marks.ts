/**
 * Typographic fixes inside one run of text that change its length: dashes, ellipses and spaces.
 * Quotes are decided afterwards, across the whole block (see quotes.ts).
 */

/** Spaces an author does not mean: no-break and figure spaces pasted from the web, tabs. */
const ODD_SPACES = /[\t\u00a0\u2007\u202f\u3000]+/g;

export function fixDashesEllipsesSpaces(text: string): string {
  return (
    text
      .replace(ODD_SPACES, ' ')
      .replace(/ {2,}/g, ' ')
      // Four dots after a word: a full stop, then the ellipsis.
      .replace(/(?<=[\p{L}\p{N}])\.\.\.\.(?!\.)/gu, '.…')
      .replace(/\.\.\.|\. \. \./g, '…')
      // A dash typed as two or three hyphens; spaced between words it closes up (US style).
      .replace(/(?<=\S) -{2,3} (?=\S)/g, '—')
      .replace(/-{2,3}/g, '—')
  );
}
