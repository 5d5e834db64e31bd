/**
 * One mark of inline text, read by the look-back limit's construct up to the character after it,
 * and counted: a line ending, `&`, `<`, `\`, `]`, `[` and `![` (where a footnote's walk back
 * stops), and runs of `*`, `_` and `~~` with whether they may open or close, as the parser will
 * decide it. The construct never matches: the parser's own constructs then take the mark.
 */
import { classifyCharacter } from 'micromark-util-classify-character';
import type { Code, Effects, State, TokenizeContext } from 'micromark-util-types';
import type { At, Run, SpanCost } from './look-back-cost.ts';
import { at, type Counter, openLabel } from './look-back-count.ts';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    galleyMarks: 'galleyMarks';
  }
}

export const ASTERISK = 42;
export const UNDERSCORE = 95;
export const TILDE = 126;
export const LEFT_BRACKET = 91;
export const RIGHT_BRACKET = 93;
export const EXCLAMATION = 33;
export const BACKSLASH = 92;
const CARET = 94;
const PUNCTUATION = 2;
export const BACKTICK = 96;
const RUNS = new Set([ASTERISK, UNDERSCORE, TILDE, BACKTICK]);
/** Codes whose tokens split the text: line endings, `&`, `<` (and `\`, `` ` ``, counted apart). */
export const SPLITTERS: Record<number, string> = { [-5]: 'line end', [-4]: 'line end', [-3]: 'line end', 38: '&', 60: '<' };

/** A mark, read up to the character after it (the states are methods: tokenizing is hot code). */
export class MarkScan {
  readonly state: State;
  private readonly previous: Code;
  private cost: SpanCost | undefined;
  private marker: Code = null;
  private size = 0;
  private phase: 'start' | 'peek' | 'run' = 'start';

  constructor(
    private readonly counter: Counter,
    private readonly context: TokenizeContext,
    private readonly effects: Effects,
    private readonly nok: State,
  ) {
    this.previous = context.previous;
    this.state = this.step.bind(this);
  }

  private step(code: Code): State | undefined {
    if (this.phase === 'start') return this.start(code);
    if (code === this.marker && (this.phase === 'run' || this.size === 0)) {
      this.effects.consume(code);
      this.size++;
      return this.state;
    }
    this.effects.exit('galleyMarks');
    const cost = this.cost as SpanCost;
    const here = this.here as At;
    if (this.phase === 'run') {
      // With `singleTilde: false`, as Galley parses, one `~` is text, and so are three or more.
      if (this.marker !== TILDE || this.size === 2)
        this.counter.check(cost, cost.run(flanking(this.marker as number, this.size, here, this.previous, code)));
    } else if (this.marker === BACKSLASH) {
      // A backslash escapes, or breaks the line (whose line ending counts already).
      if (!(code !== null && code < 0 && code > -6)) this.counter.check(cost, cost.mark('\\', here));
    } else {
      if (this.marker === LEFT_BRACKET || code === LEFT_BRACKET) cost.bracket(here);
      // `[^` is a footnote call, looked up among the footnotes.
      if (this.marker === LEFT_BRACKET && code === CARET) this.counter.check(cost, cost.mark('[^', here));
    }
    return this.nok(code);
  }

  private here: At | undefined;

  private start(code: Code): State | undefined {
    // The parser takes whole runs of `*`, `_`, `~` and `` ` ``, so only a run's first mark counts.
    if (code === null || (this.previous === code && RUNS.has(code))) return this.nok(code);
    const cost = this.counter.fresh(this.context, this.context.now().offset);
    if (!cost) return this.nok(code);
    const here = at(this.context.now());
    const splitter = SPLITTERS[code];
    if (splitter) this.counter.check(cost, cost.mark(splitter, here));
    else if (code === RIGHT_BRACKET) this.counter.check(cost, cost.labelEnd(here, openLabel(this.context)));
    else {
      this.cost = cost;
      this.here = here;
      this.marker = code;
      this.phase = code === LEFT_BRACKET || code === EXCLAMATION || code === BACKSLASH ? 'peek' : 'run';
      this.effects.enter('galleyMarks');
      return this.step(code);
    }
    return this.nok(code);
  }
}

/** The run as the parser classes it: whether it may open or close, by CommonMark's flanking rules. */
function flanking(marker: number, size: number, here: At, previous: Code, next: Code): Run {
  const before = classifyCharacter(previous);
  const after = classifyCharacter(next);
  let canOpen = !after || (after === PUNCTUATION && before !== undefined);
  let canClose = !before || (before === PUNCTUATION && after !== undefined);
  if (marker !== TILDE) {
    // GFM's `~` loosens the rules for `*` and `_` beside it.
    canOpen ||= next === TILDE;
    canClose ||= previous === TILDE;
    if (marker === UNDERSCORE)
      [canOpen, canClose] = [canOpen && (before !== undefined || !canClose), canClose && (after !== undefined || !canOpen)];
  }
  return { marker: String.fromCharCode(marker), at: here, size, canOpen, canClose };
}
