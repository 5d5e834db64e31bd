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
 * any (look-back-marks.ts reads them, look-back-cost.ts keeps the accounts, look-back-count.ts
 * holds them per span), and stops the parse at the first mark past a budget: within the budgets,
 * the parser's time is linear in the input. Its own construct never matches; where it stands in
 * for the parser's (code spans, GFM's autolink literals) it runs them unchanged. So it changes
 * nothing the parser makes (tested on generated Markdown and on the corpus).
 */
import { codeText } from 'micromark-core-commonmark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import type { Construct, Extension } from 'micromark-util-types';
import { indexDefinitions } from './definition-index.ts';
import { type Limits, MAX_MARKS, MAX_REACH, type SpanCost } from './look-back-cost.ts';
import { at, Counter, openLabel } from './look-back-count.ts';
import {
  ASTERISK,
  BACKSLASH,
  BACKTICK,
  EXCLAMATION,
  LEFT_BRACKET,
  MarkScan,
  RIGHT_BRACKET,
  SPLITTERS,
  TILDE,
  UNDERSCORE,
} from './look-back-marks.ts';

export { type MarksFound, TooManyMarks } from './look-back-count.ts';

/**
 * A word's walk back to a `[` left open costs less than other walks (a type check per token):
 * counted as an eighth, so that a bracket may hold some 14 KB of a paragraph (measured: within
 * that, such text parses at about 2 ms a KB; prose at 0.5 to 1).
 */
const WORD_WALK = 1 / 8;
/** Reading ahead for a code span's closing run costs more: a state of the parser per character. */
const CODE_READ = 4;

export interface LookBackOptions extends Partial<Limits> {
  /** The parser makes GFM's autolink literals (`www.`, `http://`, e-mail addresses): count them too. */
  gfm?: boolean;
  /** For measuring: sees a span's accounts after each of its marks. */
  observe?: (cost: SpanCost) => void;
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
