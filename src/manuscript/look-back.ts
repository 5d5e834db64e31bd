/**
 * How much the Markdown parser looks back, bounded. micromark pairs emphasis (`*`, `_`), GFM
 * strikethrough (`~~`) and link brackets by walking back, from each mark that may close one,
 * over everything before it in its paragraph (or heading, or table cell) until it finds the
 * opening — or the start of the paragraph, when there is none; each pair it makes, and each
 * token that splits the text, is spliced into that paragraph's list of tokens; and with GFM,
 * every word after a `[` that nothing has closed yet walks back to that `[`. So a paragraph
 * costs up to (its marks) × (its length): prose never comes near, but 40 KB of `a_ a_ a_ …` in
 * one paragraph took seconds, and a stray `[` before 400 KB of words took minutes.
 *
 * This micromark extension counts each span's marks as the parser meets them, before it pairs
 * any (look-back-cost.ts keeps the accounts), and stops the parse at the first mark past a
 * budget: within the budgets, the parser's time is linear in the input. It never matches
 * anything, so it changes nothing the parser makes.
 */
import { codeText } from 'micromark-core-commonmark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { classifyCharacter } from 'micromark-util-classify-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Place } from '../errors.ts';
import { indexDefinitions } from './definition-index.ts';
import { type At, type Limits, MAX_MARKS, MAX_REACH, type Overrun, type Run, SpanCost } from './look-back-cost.ts';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    galleyMarks: 'galleyMarks';
  }
}

/** What stopped the parse, with its places. */
export interface MarksFound {
  kind: Overrun['kind'];
  /** Where the paragraph (heading, table cell) starts. */
  paragraph: Place;
  /** The mark past the budget. */
  place: Place;
  /** For `reach`: what the parser walks back to (a `[` left open, an opening `*`), or the paragraph's start. */
  from: Place;
  /** The mark as typed (`*`, `__`, `~~`, `]`, `<`…), or `line end`, `word`, `autolink`. */
  mark: string;
  /** Offsets in the document of the paragraph's start and of the mark. */
  offsets: { paragraph: number; place: number };
}

/** Thrown out of the parser at the first mark past a budget; the plugin makes it an error. */
export class TooManyMarks extends Error {
  constructor(readonly found: MarksFound) {
    super('too many marks in one paragraph');
  }
}

const ASTERISK = 42;
const UNDERSCORE = 95;
const TILDE = 126;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const EXCLAMATION = 33;
const BACKSLASH = 92;
const CARET = 94;
const PUNCTUATION = 2;
/**
 * A word's walk back to a `[` left open costs less than other walks (a type check per token):
 * counted as an eighth, so that a bracket may hold some 14 KB of a paragraph (measured: within
 * that, such text parses at about 2 ms a KB; prose at 0.5 to 1).
 */
const WORD_WALK = 1 / 8;
/** Reading ahead for a code span's closing run costs more: a state of the parser per character. */
const CODE_READ = 4;
const BACKTICK = 96;
const RUNS = new Set([ASTERISK, UNDERSCORE, TILDE, BACKTICK]);
/** Codes whose tokens split the text: line endings, `&`, `<` (and `\`, `` ` ``, counted apart). */
const SPLITTERS: Record<number, string> = { [-5]: 'line end', [-4]: 'line end', [-3]: 'line end', 38: '&', 60: '<' };

interface Span {
  cost: SpanCost;
  /** The offset last counted, so a place tried twice counts once. */
  last: number;
}

export interface LookBackOptions extends Partial<Limits> {
  /** The parser makes GFM's autolink literals (`www.`, `http://`, e-mail addresses): count them too. */
  gfm?: boolean;
  /** For measuring: sees a span's accounts after each of its marks. */
  observe?: (cost: SpanCost) => void;
}

/** The accounts of one parse's spans (each span's tokenizer is the key). */
class Counter {
  private readonly spans = new WeakMap<TokenizeContext, Span>();

  constructor(
    private readonly limits: Limits,
    private readonly observe: ((cost: SpanCost) => void) | undefined,
    private readonly gfm: boolean,
  ) {}

  /** The span's accounts. */
  span(context: TokenizeContext): Span {
    let span = this.spans.get(context);
    if (!span) {
      // Before any look-up of a label in this span (where no line started with `[`).
      indexDefinitions(context.parser, this.gfm);
      const first = context.events[0]?.[1].start ?? context.now();
      span = { cost: new SpanCost(at(first), this.limits), last: -1 };
      this.spans.set(context, span);
    }
    return span;
  }

  /** The span's accounts, or undefined when this place was counted already. */
  fresh(context: TokenizeContext, offset: number): SpanCost | undefined {
    const span = this.span(context);
    if (offset <= span.last) return undefined;
    span.last = offset;
    return span.cost;
  }

  check(cost: SpanCost, over: Overrun | undefined): void {
    this.observe?.(cost);
    if (!over) return;
    const { kind, mark } = over;
    throw new TooManyMarks({
      kind,
      mark,
      paragraph: place(cost.start),
      place: place(over.at),
      from: place(over.from),
      offsets: { paragraph: cost.start.offset, place: over.at.offset },
    });
  }
}

/**
 * The extension. Its own construct never matches: it only looks at the marks ahead and lets the
 * parser's constructs take them. With GFM, it stands in for GFM's autolink literals (the same
 * constructs, counted), as they walk back and make tokens where no mark is.
 */
export function lookBackLimit(options: LookBackOptions = {}): Extension {
  const gfm = options.gfm ?? false;
  const counter = new Counter({ marks: options.marks ?? MAX_MARKS, reach: options.reach ?? MAX_REACH }, options.observe, gfm);
  const marks: Construct = {
    name: 'galleyCountMarks',
    add: 'before',
    tokenize(effects, _ok, nok) {
      return new MarkScan(counter, this, effects, nok).state;
    },
  };
  const text: Record<number, Construct[]> = {};
  const add = (code: number, construct: Construct) => {
    text[code] = [...(text[code] ?? []), construct];
  };
  for (const code of [ASTERISK, UNDERSCORE, TILDE, LEFT_BRACKET, RIGHT_BRACKET, EXCLAMATION, BACKSLASH]) add(code, marks);
  for (const code of Object.keys(SPLITTERS)) add(Number(code), marks);
  add(BACKTICK, countedCode(counter));
  // Definitions start with `[`: the first line that does indexes the parser's lists, before any look-up.
  const indexer: Construct = {
    name: 'galleyIndexDefinitions',
    add: 'before',
    tokenize(_effects, _ok, nok) {
      indexDefinitions(this.parser, gfm);
      return nok;
    },
  };
  const document = { [LEFT_BRACKET]: [indexer] };
  const disable = { null: [codeText.name as string] };
  if (!gfm) return { text, document, disable };
  const literals = new Map<Construct, Construct>();
  for (const [code, value] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    for (const construct of Array.isArray(value) ? value : value ? [value] : []) {
      if (!literals.has(construct)) literals.set(construct, countedLiteral(construct, counter));
      add(Number(code), literals.get(construct) as Construct);
    }
  }
  for (const construct of literals.keys()) disable.null.push(construct.name as string);
  return { text, document, disable };
}

/**
 * The parser's code span, the same but counted: it is a token; and a run of backticks that no
 * run of the same length closes reads to the end of the paragraph for one, so that reading is a
 * walk (runs of many lengths would each read the whole paragraph).
 */
function countedCode(counter: Counter): Construct {
  return {
    ...codeText,
    name: 'galley-codeText',
    tokenize(effects, ok, nok) {
      const { cost } = counter.span(this);
      const start = at(this.now());
      counter.check(cost, cost.mark('`', start));
      return codeText.tokenize.call(this, effects, ok, (code) => {
        const end = at(this.now());
        counter.check(cost, cost.walk('`', end, (end.offset - start.offset) * CODE_READ, start));
        return nok(code);
      });
    },
  };
}

/**
 * One of GFM's autolink literal constructs, the same but counted: before it tries, it walks
 * back to a `[` left open (if any); when it makes a link, that is a token.
 */
function countedLiteral(construct: Construct, counter: Counter): Construct {
  return {
    ...construct,
    name: `galley-${construct.name}`,
    tokenize(effects, ok, nok) {
      const { cost } = counter.span(this);
      const open = openLabel(this);
      if (open) {
        const here = at(this.now());
        counter.check(cost, cost.walk('word', here, (here.offset - open.offset) * WORD_WALK, open));
      }
      // An anonymous state: naming one for each word (as a named function is) costs more than the word.
      return construct.tokenize.call(
        this,
        effects,
        (code) => {
          const link = this.events.at(-1)?.[1];
          counter.check(cost, cost.mark('autolink', at(link?.start ?? this.now())));
          return ok(code);
        },
        nok,
      );
    },
  };
}

/** A mark, read up to the character after it (the states are methods: tokenizing is hot code). */
class MarkScan {
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

/** Where the nearest `[` or `![` that nothing has closed yet starts. */
function openLabel(context: TokenizeContext): At | undefined {
  const starts = context._labelStarts ?? [];
  for (let index = starts.length - 1; index >= 0; index--) {
    const token = starts[index];
    if (token && !token._balanced) return at(token.start);
  }
  return undefined;
}

function at(point: At): At {
  return { offset: point.offset, line: point.line, column: point.column };
}

function place(point: At): Place {
  return { line: point.line, column: point.column };
}
