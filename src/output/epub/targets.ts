/**
 * Store targets: where a store needs the EPUB made differently, its differences in one place.
 * `generic` follows EPUB 3.3 and suits every reading system; the others change only what their
 * store asks for.
 */

export type EpubTarget = 'generic' | 'kindle' | 'apple' | 'kobo';

export const EPUB_TARGETS: EpubTarget[] = ['generic', 'kindle', 'apple', 'kobo'];

export interface TargetProfile {
  name: EpubTarget;
  /** Deepest nesting of the table of contents (Kindle shows two levels). */
  maxTocLevels: number;
  /** Every heading level gets an explicit `text-align` (Kindle justifies headings that lack one). */
  alignHeadings: boolean;
  /**
   * The cover page is part of the reading order. Kindle shows the cover image from the package
   * and would show an in-book cover page a second time, so there it is reachable only from the
   * landmarks (`linear="no"`). Kobo wants it as a page of its own, first in the reading order.
   */
  coverInReadingOrder: boolean;
  /** Embed the theme's fonts unless book.yaml says `epub: {embed-fonts: false}` (Apple Books). */
  embedFontsByDefault: boolean;
}

const GENERIC: TargetProfile = {
  name: 'generic',
  maxTocLevels: 3,
  alignHeadings: false,
  coverInReadingOrder: true,
  embedFontsByDefault: false,
};

const PROFILES: Record<EpubTarget, TargetProfile> = {
  generic: GENERIC,
  kindle: { ...GENERIC, name: 'kindle', maxTocLevels: 2, alignHeadings: true, coverInReadingOrder: false },
  apple: { ...GENERIC, name: 'apple', embedFontsByDefault: true },
  kobo: { ...GENERIC, name: 'kobo' },
};

export function targetProfile(target: EpubTarget = 'generic'): TargetProfile {
  return PROFILES[target];
}

/** CSS a target adds after the theme's: Kindle gets an explicit alignment on every heading level. */
export function targetCss(profile: TargetProfile): string {
  if (!profile.alignHeadings) return '';
  return `
/* Kindle: every heading level carries its own alignment. */
h1, h2, h3 { text-align: center; }
h4, h5, h6, .footnotes .notes-title { text-align: left; }
`;
}
