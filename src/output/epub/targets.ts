/**
 * Store targets: where a store needs the EPUB made differently, its differences in one place.
 * `generic` follows EPUB 3.3 and suits every reading system; the others change only what their
 * store asks for.
 *
 * The theme's lead-in and hyphenation need nothing of their own on Apple Books and Kobo: Apple
 * Books (WebKit) floats the drop cap span and hyphenates by `-webkit-hyphens`; Kobo's two engines
 * take the same CSS (its KEPUB reader is WebKit, its EPUB reader Adobe's, which reads
 * `adobe-hyphenate`), so `kobo` stays the generic book. Kindle differs (see `dropCapLineFloor` and
 * `mobiFallback`).
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
  /**
   * The drop cap's line height, where the reading system has a floor under it. KF8 and KFX drop
   * any `line-height` below 1.2 (the theme's 0.85 would be left for the reader's own), so there
   * the floated letter is given the floor itself: its box is then its size × 1.2, about three
   * lines at the theme's 3.2em, and the theme's size is kept.
   */
  dropCapLineFloor: number | undefined;
  /**
   * CSS for the old Mobipocket renderer of older Kindles, in Amazon's `@media amzn-mobi` (KF8 and
   * KFX ignore it): it floats nothing and has no small caps, so the drop cap becomes a plain
   * letter of the text and the lead-in's small caps capitals.
   */
  mobiFallback: boolean;
}

const GENERIC: TargetProfile = {
  name: 'generic',
  maxTocLevels: 3,
  alignHeadings: false,
  coverInReadingOrder: true,
  embedFontsByDefault: false,
  dropCapLineFloor: undefined,
  mobiFallback: false,
};

const PROFILES: Record<EpubTarget, TargetProfile> = {
  generic: GENERIC,
  kindle: {
    ...GENERIC,
    name: 'kindle',
    maxTocLevels: 2,
    alignHeadings: true,
    coverInReadingOrder: false,
    dropCapLineFloor: 1.2,
    mobiFallback: true,
  },
  apple: { ...GENERIC, name: 'apple', embedFontsByDefault: true },
  kobo: { ...GENERIC, name: 'kobo' },
};

export function targetProfile(target: EpubTarget = 'generic'): TargetProfile {
  return PROFILES[target];
}

/** CSS a target adds after the theme's (Kindle: heading alignment, the drop cap, the Mobipocket fallback). */
export function targetCss(profile: TargetProfile): string {
  const parts: string[] = [];
  if (profile.alignHeadings) {
    parts.push(`
/* Kindle: every heading level carries its own alignment. */
h1, h2, h3 { text-align: center; }
h4, h5, h6, .footnotes .notes-title { text-align: left; }
`);
  }
  if (profile.dropCapLineFloor !== undefined) {
    parts.push(`
/* ${profile.name}: line heights below ${profile.dropCapLineFloor} are dropped, so the drop cap is set on that line. */
p.drop-cap .initial { line-height: ${profile.dropCapLineFloor}; margin-top: 0; }
`);
  }
  if (profile.mobiFallback) {
    parts.push(`
/* Older Kindles (Mobipocket): no floats, no small caps. */
@media amzn-mobi {
  p.drop-cap .initial { float: none; font-size: 1em; margin: 0; }
  .lead-in { font-variant: normal; text-transform: uppercase; font-size: 0.85em; }
}
`);
  }
  return parts.join('');
}
