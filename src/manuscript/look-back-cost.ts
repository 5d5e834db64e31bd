/**
 * What one span of inline text (a paragraph, a heading, a table cell) will cost the Markdown
 * parser, counted as the parser meets its marks, before it pairs any of them (see look-back.ts
 * for where each count comes from). Two budgets, each linear in the span's length:
 *
 * - **marks**: every token that splits the span's text — a line ending, an emphasis or `~~` run,
 *   a `]`, an escape, an entity, a code span, a tag, an autolink. For each, the parser splices
 *   the span's list of tokens (it moves all the tokens after it), so a span may hold at most
 *   `marks` of them.
 * - **reach**: how far the parser walks back, in characters, plus a weight for each emphasis
 *   opening it compares on the way. A closing `*`, `_` or `~~` walks back to its opening or, with
 *   none, to the start of the span; a `]` to its `[` (and, for GFM footnotes, to the previous
 *   bracket); a word after a `[` that nothing has closed yet walks back to that `[` (GFM's
 *   autolink literals). The walk is simulated here as the parser does it — CommonMark's pairing,
 *   with the rule of three — and may reach at most `reach` times the span's length so far.
 */
/** A place in the document: offset, and line and column for reporting. */
export interface At {
  offset: number;
  line: number;
  column: number;
}

/** Tokens that split the text, allowed in one span (documented in the README). */
export const MAX_MARKS = 1000;
/** Characters walked back (and emphasis openings compared) per character of the span. */
export const MAX_REACH = 200;
/** What comparing one emphasis opening costs the parser, in characters walked. */
const COMPARE = 30;

export interface Overrun {
  kind: 'marks' | 'reach';
  mark: string;
  at: At;
  /** For `reach`: the mark walked back to, or the span's start. */
  from: At;
}

/** A run of `*`, `_` or `~` as the parser sees it: where, how long, and whether it may open or close. */
export interface Run {
  marker: string;
  at: At;
  size: number;
  canOpen: boolean;
  canClose: boolean;
}

interface Opener {
  marker: string;
  at: At;
  size: number;
  canClose: boolean;
}

export interface Limits {
  marks: number;
  reach: number;
}

export class SpanCost {
  marks = 0;
  reach = 0;
  /** The last mark counted. */
  last: At;
  private readonly openers: Opener[] = [];
  /** The last `[` or `![`: where a GFM footnote's walk back from `]` stops. */
  private lastBracket: At;

  constructor(
    readonly start: At,
    private readonly limits: Limits,
  ) {
    this.lastBracket = start;
    this.last = start;
  }

  /** Characters walked back per character of the span so far (the `reach` budget's measure). */
  get reachPerCharacter(): number {
    return this.reach / (this.last.offset - this.start.offset + 100);
  }

  /** A token that splits the text (a line ending, a tag, an escape…). */
  mark(mark: string, at: At): Overrun | undefined {
    this.last = at;
    this.marks++;
    if (this.marks > this.limits.marks) return { kind: 'marks', mark, at, from: this.start };
    return undefined;
  }

  /** Walked back `distance` characters (and compared `compared` openings) from `at` to `from`. */
  walk(mark: string, at: At, distance: number, from: At, compared = 0): Overrun | undefined {
    this.last = at;
    this.reach += distance + compared * COMPARE;
    // Some slack, so that short spans are never refused.
    if (this.reach > this.limits.reach * (at.offset - this.start.offset + 100)) return { kind: 'reach', mark, at, from };
    return undefined;
  }

  /** A `[` or `![`. */
  bracket(at: At): void {
    this.lastBracket = at;
  }

  /**
   * A `]`: the parser reads its label back to the `[` still open (if any, and twice when it
   * makes a link) and, for GFM footnotes, walks back to the previous bracket.
   */
  labelEnd(at: At, open: At | undefined): Overrun | undefined {
    const label = open ? 2 * (at.offset - open.offset) : 0;
    const back = at.offset - this.lastBracket.offset;
    return this.mark(']', at) ?? this.walk(']', at, label + back, open ?? this.lastBracket);
  }

  /** A run of emphasis or strikethrough marks: paired here as the parser will pair it, walking back over the openings. */
  run(run: Run): Overrun | undefined {
    const mark = run.marker.repeat(run.size);
    const counted = this.mark(mark, run.at);
    if (counted) return counted;
    let size = run.size;
    while (run.canClose && size > 0) {
      const { index, compared } = this.match(run, size);
      const opener = this.openers[index];
      const stop = opener ? opener.at : this.start;
      // Walked back to the opening (or the start); a pair also re-reads what it holds.
      const distance = (run.at.offset - stop.offset) * (opener ? 2 : 1);
      const over = this.walk(mark, run.at, distance, stop, run.marker === '~' ? 0 : compared);
      if (over) return over;
      if (!opener) break;
      const use = run.marker === '~' ? size : opener.size > 1 && size > 1 ? 2 : 1;
      opener.size -= use;
      size -= use;
      // Openings between the pair are inside it: the parser makes them text.
      this.openers.length = opener.size > 0 ? index + 1 : index;
    }
    if (run.canOpen && size > 0) this.openers.push({ marker: run.marker, at: run.at, size, canClose: run.canClose });
    return undefined;
  }

  /** The opening a closing run of `size` marks pairs with (index -1: none), and how many it compared on the way. */
  private match(run: Run, size: number): { index: number; compared: number } {
    let compared = 0;
    for (let index = this.openers.length - 1; index >= 0; index--) {
      const opener = this.openers[index] as Opener;
      compared++;
      if (opener.marker !== run.marker) continue;
      if (run.marker === '~') {
        if (opener.size === size) return { index, compared };
        continue;
      }
      // CommonMark's rule of three: such a pair is skipped, and the walk goes on.
      if ((opener.canClose || run.canOpen) && size % 3 !== 0 && (opener.size + size) % 3 === 0) continue;
      return { index, compared };
    }
    return { index: -1, compared };
  }
}
