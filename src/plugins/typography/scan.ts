/**
 * One pass over a block's characters: spaces, dashes, number ranges and ellipses become edits at
 * once; quote marks become tokens, classified by what stands around them, for the quote resolver
 * to pair. Ordinary letters cost one table look-up each. A run of spaces is held back until the
 * next character is known, so a dash or an ellipsis can still change the space before it.
 */
import {
  BREAK,
  DOUBLE,
  isClosingPunctuation,
  isDigit,
  isLetter,
  isOpeningPunctuation,
  isSpace,
  isWord,
  NARROW_NBSP,
  NBSP,
  quoteKind,
} from './chars.ts';
import type { Edits, FixRule } from './edits.ts';
import { quoteContext, quoteHint } from './quote-context.ts';
import type { Settings } from './settings.ts';
import { closesAfterQuotes, closingAt, frenchSpaceWanted, isFrenchPunctuation, isRange, titleBefore } from './surroundings.ts';
import { Ctx, Hint, type QuoteTokens } from './tokens.ts';

/** ASCII characters the scanner stops at: spaces, quotes, hyphen, full stop, and ; : ! ? for French. */
const STOP = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32, 34, 39, 45, 46, 33, 58, 59, 63]) STOP[c] = 1;

function stopsAtHigh(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0xab ||
    c === 0xbb ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2013 ||
    c === 0x2014 ||
    (c >= 0x2018 && c <= 0x201f) ||
    c === 0x2026 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2e3a ||
    c === 0x3000 ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === BREAK
  );
}

/** Characters before which a held-back run of spaces may still change. */
function adjustsSpaceBefore(c: number): boolean {
  return c === 45 || c === 46 || c === 0x2014 || c === 0x2013 || c === 0x2e3a || c === 0x2026 || quoteKind(c) >= 0;
}

/** At j: an apostrophe and a two-digit year (`'80s`, `’07`), the second half of `1440-'80s`. */
function decadeAfter(src: string, j: number): boolean {
  const q = src.charCodeAt(j);
  return (
    (q === 39 || q === 0x2019) &&
    isDigit(src.charCodeAt(j + 1)) &&
    isDigit(src.charCodeAt(j + 2)) &&
    !isDigit(src.charCodeAt(j + 3))
  );
}

const isLineStart = (c: number) => c === -1 || c === 10 || c === 13 || c === BREAK;

export class Scanner {
  private src = '';
  private n = 0;
  private edits!: Edits;
  private tokens!: QuoteTokens;
  /** The held-back run of spaces, [wsFrom, wsTo), and what it becomes. */
  private wsFrom = -1;
  private wsTo = -1;
  private wsText = '';
  private wsRule: FixRule = 'space';
  /** A run of spaces starting here goes (after a closed-up dash). */
  private dropRunAt = -1;
  /** Where raw HTML stands: a run of spaces stops there. */
  private barriers: readonly number[] = [];

  /**
   * Two hyphens between digits make a range (`5--7`); false in a book whose author types ranges
   * with one hyphen (`1805-6`), where `--` is always the author's em dash.
   */
  doubleHyphenRanges = true;

  constructor(private readonly settings: Settings) {}

  scan(src: string, edits: Edits, tokens: QuoteTokens, barriers: readonly number[] = []): void {
    this.src = src;
    this.barriers = barriers;
    this.n = src.length;
    this.edits = edits;
    this.tokens = tokens;
    this.wsFrom = -1;
    this.dropRunAt = -1;
    const s = this.settings;
    const n = this.n;
    let i = 0;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c < 128 ? STOP[c] === 0 : !stopsAtHigh(c)) {
        i++;
        continue;
      }
      // A single space between two words, the commonest case: nothing to do.
      if (c === 32 && i > 0 && this.plainSpace(i)) {
        i++;
        continue;
      }
      if (isSpace(c)) {
        i = this.spaces(i);
        continue;
      }
      if (c === 45) {
        i = this.hyphens(i);
        continue;
      }
      if (c === 46) {
        i = this.dots(i);
        continue;
      }
      const kind = quoteKind(c);
      if (kind >= 0) {
        this.flush();
        this.quote(i, c, kind);
      } else if (c === 0x2014 || c === 0x2e3a || c === 0x2013) {
        this.typedDash(i, c);
      } else if (c === 0x2026) {
        this.ellipsis(i, i + 1, '…');
      } else if (s.frenchSpaces && isFrenchPunctuation(c)) {
        this.frenchPunctuation(i, c);
      } else {
        this.flush();
      }
      i++;
    }
    this.flush();
  }

  /** The space at i is one ordinary space that no rule changes (checked cheaply; false when unsure). */
  private plainSpace(i: number): boolean {
    const next = this.src.charCodeAt(i + 1);
    if (!(next > 32 && next < 128 && STOP[next] === 0) || i === this.dropRunAt) return false;
    const prev = this.src.charCodeAt(i - 1);
    if (prev === 46 || isSpace(prev)) return false;
    // A title without its full stop (Mr Darcy) ends in r, s, t or x before a capital.
    if (next >= 65 && next <= 90 && (prev === 114 || prev === 115 || prev === 116 || prev === 120)) return false;
    this.flush();
    return true;
  }

  private flush(): void {
    if (this.wsFrom < 0) return;
    const { wsFrom, wsTo, wsText } = this;
    if (!(wsTo - wsFrom === wsText.length && this.src.startsWith(wsText, wsFrom))) {
      this.edits.push(wsFrom, wsTo, wsText, this.wsRule);
    }
    this.wsFrom = -1;
  }

  private at(i: number): number {
    return i >= 0 && i < this.n ? this.src.charCodeAt(i) : -1;
  }

  /** A run of spaces from i: one space, a line break, or nothing at the block's ends. */
  private spaces(i: number): number {
    this.flush();
    const { src, n, settings: s } = this;
    let j = i + 1;
    let newline = src.charCodeAt(i) === 10;
    let hardBreak = src.charCodeAt(i) === BREAK;
    let limit = n;
    for (const barrier of this.barriers) {
      if (barrier > i) {
        limit = barrier;
        break;
      }
    }
    while (j < limit) {
      const d = src.charCodeAt(j);
      if (!isSpace(d)) break;
      if (d === 10) newline = true;
      else if (d === BREAK) hardBreak = true;
      j++;
    }
    if (hardBreak) {
      if (s.spaces) this.spacesAroundBreaks(i, j);
      return j;
    }
    let text: string;
    let rule: FixRule = 'space';
    if (i === this.dropRunAt) {
      text = '';
      rule = 'dash';
    } else if (!s.spaces) {
      text = src.slice(i, j);
    } else {
      text = i === 0 || j === n ? '' : newline ? '\n' : ' ';
    }
    if (text === ' ') {
      const next = this.at(j);
      if (s.titleSpaces && isLetter(next) && titleBefore(this.src, i, next)) {
        text = NBSP;
        rule = 'title-space';
      } else if (s.frenchSpaces && isFrenchPunctuation(next) && frenchSpaceWanted(this.src, i - 1, j, next)) {
        text = NARROW_NBSP;
        rule = 'french-space';
      }
    }
    this.wsFrom = i;
    this.wsTo = j;
    this.wsText = text;
    this.wsRule = rule;
    if (!adjustsSpaceBefore(this.at(j))) this.flush();
    return j;
  }

  /** Spaces next to a hard break go; the break stays. */
  private spacesAroundBreaks(i: number, j: number): void {
    let from = -1;
    for (let k = i; k <= j; k++) {
      const d = k < j ? this.src.charCodeAt(k) : BREAK;
      if (d === BREAK) {
        if (from >= 0) this.edits.push(from, k, '', 'space');
        from = -1;
      } else if (from < 0) {
        from = k;
      }
    }
  }

  /** `--`, `---`, `----`, or a single hyphen, from i. */
  private hyphens(i: number): number {
    const { src, n, settings: s } = this;
    let j = i + 1;
    while (j < n && src.charCodeAt(j) === 45) j++;
    const prev = this.at(i - 1);
    const next = this.at(j);
    if (
      s.ranges &&
      isDigit(prev) &&
      (j - i === 2 ? this.doubleHyphenRanges && isDigit(next) : j - i === 1 && decadeAfter(src, j))
    ) {
      // `5--7`, `(1912--2004)`: two hyphens between digits are a range; so is `1440-'80s`.
      this.flush();
      this.edits.push(i, j, '–', 'range');
      return j;
    }
    if (j - i === 1) {
      if (s.ranges && isDigit(prev) && isDigit(next) && isRange(this.src, i)) {
        this.flush();
        this.edits.push(i, j, '–', 'range');
      } else if (s.dashes) {
        this.dash(i, j, '—', true);
      } else {
        this.flush();
      }
      return j;
    }
    if (s.dashes) this.dash(i, j, j - i >= 4 ? '⸺' : '—', false);
    else this.flush();
    return j;
  }

  /** A dash from i to j (typed hyphens, or an em or en dash), with the spaces around it. */
  private dash(i: number, j: number, glyph: string, single: boolean): void {
    const { src, n, settings: s } = this;
    const spaceBefore = this.wsFrom >= 0 && this.wsTo === i;
    const b = spaceBefore ? this.at(this.wsFrom - 1) : this.at(i - 1);
    let k = j;
    while (k < n && isSpace(src.charCodeAt(k)) && src.charCodeAt(k) !== BREAK) k++;
    const spaceAfter = k > j;
    const a = this.at(k);
    const code = src.charCodeAt(i);
    const typed = code !== 45;

    // Cut-off speech: `w-"`, `oh--”`.
    const cutOff = !typed && !spaceBefore && isLetter(b) && quoteKind(this.at(j)) >= 0 && closesAfterQuotes(src, j);
    // A signature, or a dash that opens a line: `- M`, `-- M`.
    const signature = isLineStart(b) && spaceAfter && isLetter(a);
    const betweenWords = spaceBefore && spaceAfter && b !== -1 && a !== -1 && !(isDigit(b) && isDigit(a));
    if ((single || code === 0x2013) && !cutOff && !signature && !betweenWords) {
      this.flush(); // a hyphen (well-known, I-I, pre- and post-war), or an en dash in a range
      return;
    }
    if (signature || cutOff) {
      this.flush();
      if (!typed) this.edits.push(i, j, glyph, 'dash');
      return;
    }
    if (!single && spaceBefore && isWord(b) && (spaceAfter ? s.suppressedDash && a !== -1 : this.suppressed(j))) {
      this.flush(); // a dash standing for a word: `by —!`, `May —, 1922`, `his — teeth` (with the option)
      if (glyph !== src.slice(i, j)) this.edits.push(i, j, glyph, 'dash');
      return;
    }
    if (s.dashStyle === 'spaced-en' && (betweenWords || (!spaceBefore && !spaceAfter && isWord(b) && isWord(a)))) {
      let text = '–';
      if (spaceBefore) {
        this.wsText = NBSP;
        this.wsRule = 'dash';
      } else {
        text = NBSP + text;
      }
      if (!spaceAfter) text += ' ';
      this.flush();
      if (text !== src.slice(i, j)) this.edits.push(i, j, text, 'dash');
      return;
    }
    // Closed up, US style: spaces go where the dash stands between words, or next to a quote.
    const closeBefore = spaceBefore && (spaceAfter || a === -1 || closingAt(src, k));
    const closeAfter = spaceAfter && (spaceBefore || isOpeningPunctuation(b) || quoteKind(b) >= 0) && !isLineStart(b);
    if (closeBefore) {
      this.wsText = '';
      this.wsRule = 'dash';
    }
    this.flush();
    if (glyph !== src.slice(i, j)) this.edits.push(i, j, glyph, 'dash');
    if (closeAfter) this.dropRunAt = j;
  }

  /**
   * What follows a dash typed after a space, with no space after it, at j, shows it stands for a
   * suppressed word: sentence punctuation (`by --!`, `May --, 1922`), or closing quote marks that
   * end the sentence (`you --'` at the end of the paragraph or before more punctuation). Closing
   * marks followed by more words (`"I thought --" she said`) are speech broken off: closed up,
   * unless the book says its spaced dashes are suppressed words.
   */
  private suppressed(j: number): boolean {
    const a = this.at(j);
    if (a === 33 || a === 63 || a === 44 || a === 59 || a === 58 || a === 46) return true;
    if (quoteKind(a) < 0 || !closesAfterQuotes(this.src, j)) return false;
    if (this.settings.suppressedDash) return true;
    let q = j;
    while (q < this.n && quoteKind(this.src.charCodeAt(q)) >= 0) q++;
    const after = this.at(q);
    return after === -1 || (!isSpace(after) && after !== BREAK) || !isWord(this.at(q + 1));
  }

  /** A typed em dash, two-em dash or en dash: only its spacing may change. */
  private typedDash(i: number, c: number): void {
    const glyph = c === 0x2013 ? '—' : String.fromCharCode(c);
    if (this.settings.dashes) this.dash(i, i + 1, glyph, false);
    else this.flush();
  }

  /** A run of full stops from i: `..`, `...`, `....`, `. . .`, or a single stop. */
  private dots(i: number): number {
    const { src, n } = this;
    let j = i + 1;
    while (j < n && src.charCodeAt(j) === 46) j++;
    let count = j - i;
    if (count === 1 && src.charCodeAt(j) === 32 && src.charCodeAt(j + 1) === 46) {
      let k = i;
      let spaced = 0;
      let end = i + 1;
      while (k < n && src.charCodeAt(k) === 46) {
        spaced++;
        end = k + 1;
        if (src.charCodeAt(k + 1) === 32 && src.charCodeAt(k + 2) === 46) k += 2;
        else break;
      }
      if (spaced > 4) {
        this.flush(); // a leader (`Romeo. . . . . . Mr. Garrick`): kept as typed
        return end;
      }
      if (spaced >= 3) {
        count = spaced;
        j = end;
      }
    }
    if (count === 1 || !this.settings.ellipses) {
      this.flush();
      return j;
    }
    const prev = this.at(i - 1);
    if (count === 2 && isDigit(prev) && isDigit(this.at(j))) {
      this.flush(); // 1..10
      return j;
    }
    const afterWord = isWord(prev) || (isClosingPunctuation(prev) && prev !== 46 && prev !== 0x2026);
    this.ellipsis(i, j, count === 4 && afterWord && !(this.wsFrom >= 0 && this.wsTo === i) ? '.…' : '…');
    return j;
  }

  /** An ellipsis from i to j, spaced per the book's ellipsis style. */
  private ellipsis(i: number, j: number, glyph: string): void {
    const style = this.settings.ellipsisStyle;
    let text = glyph;
    const spaceBefore = this.wsFrom >= 0 && this.wsTo === i;
    if (style !== 'as-typed' && text === '…') {
      const before = spaceBefore ? this.at(this.wsFrom - 1) : this.at(i - 1);
      if (style === 'closed' && spaceBefore && isWord(before)) {
        this.wsText = '';
        this.wsRule = 'ellipsis';
      } else if (style === 'spaced') {
        if (spaceBefore && this.wsText === ' ' && isWord(before)) {
          this.wsText = NBSP;
          this.wsRule = 'ellipsis';
        } else if (!spaceBefore && isWord(before)) {
          text = NBSP + text;
        }
        if (isWord(this.at(j))) text += ' ';
      }
    }
    this.flush();
    if (text.length !== j - i || !this.src.startsWith(text, i)) this.edits.push(i, j, text, 'ellipsis');
  }

  /** French: a narrow no-break space before ; : ! ? when the author typed none. */
  private frenchPunctuation(i: number, c: number): void {
    this.flush();
    if (isSpace(this.at(i - 1))) return; // the run of spaces before it has been set already
    if (frenchSpaceWanted(this.src, i - 1, i, c)) this.edits.push(i, i, NARROW_NBSP, 'french-space');
  }

  /** Classifies the quote mark at i by its surroundings and pushes it as a token. */
  private quote(i: number, c: number, kind: number): void {
    const style = this.settings.style;
    if ((c === 0xab || c === 0xbb) && !style.guillemets) return;
    if (c === 0x201a && style.name !== 'de') return;
    const tokens = this.tokens;
    if (style.guillemets && (c === 0xab || c === 0xbb)) {
      tokens.push(i, DOUBLE, c === 0xab ? Ctx.FixedOpen : Ctx.FixedClose, Hint.None);
      return;
    }
    tokens.push(i, kind, quoteContext(this.src, i, kind, tokens, this.settings.primes), quoteHint(c, style.name === 'de'));
  }
}
