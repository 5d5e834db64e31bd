/**
 * The look-back limit's accounts for one parse: each span of inline text (one tokenizer of the
 * parser's) has its SpanCost; a check past a budget throws TooManyMarks, with the places the
 * plugin needs for its error.
 */
import type { TokenizeContext } from 'micromark-util-types';
import type { Place } from '../errors.ts';
import { indexDefinitions } from './definition-index.ts';
import { type At, type Limits, type Overrun, SpanCost } from './look-back-cost.ts';

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

interface Span {
  cost: SpanCost;
  /** The offset last counted, so a place tried twice counts once. */
  last: number;
}

/** The accounts of one parse's spans (each span's tokenizer is the key). */
export class Counter {
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

/** Where the nearest `[` or `![` that nothing has closed yet starts. */
export function openLabel(context: TokenizeContext): At | undefined {
  const starts = context._labelStarts ?? [];
  for (let index = starts.length - 1; index >= 0; index--) {
    const token = starts[index];
    if (token && !token._balanced) return at(token.start);
  }
  return undefined;
}

export function at(point: At): At {
  return { offset: point.offset, line: point.line, column: point.column };
}

function place(point: At): Place {
  return { line: point.line, column: point.column };
}
