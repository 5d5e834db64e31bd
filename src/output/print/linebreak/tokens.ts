/**
 * The line breaker's data, as the page sends it and as it comes back. The breaker is pure (no
 * DOM, no I/O): the page measures with the real fonts, sends one paragraph's tokens, and sets the
 * lines it is given.
 *
 * Tokens, in reading order:
 * - `word`: `text` as typed (soft hyphens removed) and `width` measured whole, so kerning and
 *   ligatures inside the word count. `pieces` are the fragments between the hyphenator's soft
 *   hyphens (one piece, or none, when there are none); a piece's `width` is what it adds to the
 *   line: the page may measure each fragment alone, or send differences of measured prefixes
 *   (exact). The breaker gives the last piece the rest of `width`, so an unbroken word is always
 *   exactly `width`. A line broken after piece k holds pieces ..k plus `hyphenWidth` (the width of
 *   the hyphen glyph). Inline markup inside a word is the page's business: it sums the widths.
 *   `capitalised` defaults to "the first letter is upper case".
 * - `space`: a breakable space (natural `width`, and the px it may `stretch` and `shrink`, TeX's
 *   glue). Several in a row break only at the first.
 * - `tie`: a no-break space (glue with no break).
 * - `break-after`: a break with no space (after an em dash or a hard hyphen: "well-" | "known").
 * - `newline`: a forced break (`<br>`): the line before it is set ragged, at natural spacing.
 * - `box`: something unbreakable inline (an image, a note call); it is never letter-spaced.
 *
 * A Setting lists the lines in order. Every token lies in exactly one line, except a word broken
 * at a hyphen, whose pieces `..toPiece` end one line and `fromPiece..` begin the next. A line's
 * `to` token may be the space it breaks at: the page draws nothing for it (and for spaces a line
 * starts with, which are discarded as in TeX). `breaks[i]` says where line i ends: after token
 * `token`, or, with `piece`, after that piece of the word (a hyphen is drawn).
 * Per line: `ratio` is TeX's adjustment ratio (−1 = all shrink used, 1 = all stretch used);
 * `wordSpacing` is the px to add to every space and tie of the line (negative to shrink) so the
 * line is exactly its width, as CSS `word-spacing`; `letterSpacing` the px to add after every
 * letter of its words, as CSS `letter-spacing` (0 unless the paragraph could not be set within
 * the tolerance otherwise, and never more than ±1% of the words' width). When the page applies
 * `letter-spacing` to spaces as well (CSS does), it takes `letterSpacing` off `wordSpacing`.
 * `expansion` is how much wider (or, below 0, narrower) the line's glyphs are set, as a fraction
 * of their width (0.01: 101%), never past the rules' `maxExpansion`; spacing is given as set after it.
 * `justified` is false for the paragraph's last line and a line ended by a newline (set ragged,
 * natural spacing, `wordSpacing` 0 unless it must shrink). `overfull` is the px a line still
 * sticks out (only when one unbreakable stretch of text is wider than the line; nothing is ever
 * dropped to avoid it).
 */

export interface Piece {
  text: string;
  width: number;
}

export type Token =
  | { kind: 'word'; text: string; width: number; pieces: Piece[]; hyphenWidth: number; capitalised?: boolean }
  | { kind: 'space'; width: number; stretch: number; shrink: number }
  | { kind: 'tie'; width: number; stretch: number; shrink: number }
  | { kind: 'break-after' }
  | { kind: 'newline' }
  | { kind: 'box'; width: number };

/** One line's measure: the text fits in `width − indent` (indent: text-indent, a drop cap's width). */
export interface LineSpec {
  width: number;
  indent?: number;
}

/** Widths of the lines, by line number from 0. */
export type LineWidths = (line: number) => LineSpec;

/** Where a line ends: after token `token`, or after piece `piece` of that word (hyphenated). */
export interface Break {
  token: number;
  piece?: number;
}

export interface LineSetting {
  /** First token of the line and, for a word broken on the line before, its first piece here. */
  from: number;
  fromPiece: number;
  /** Last token of the line and, for a word hyphenated here, its last piece on this line. */
  to: number;
  toPiece: number;
  ratio: number;
  hyphenated: boolean;
  justified: boolean;
  wordSpacing: number;
  letterSpacing: number;
  expansion: number;
  overfull: number;
}

/** Which pass found the setting: TeX's first (no hyphenation), second, emergency, and a last resort. */
export type Pass = 'pretolerance' | 'tolerance' | 'emergency' | 'last-resort';

export interface Setting {
  breaks: Break[];
  lines: LineSetting[];
  demerits: number;
  pass: Pass;
}
