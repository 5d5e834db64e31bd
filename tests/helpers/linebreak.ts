/**
 * For the line breaker's tests: tokens written compactly, and checks of a Setting computed from
 * the tokens alone (not from the breaker's items), so a breaker bug cannot hide in both.
 */
import {
  FITS,
  fitLine,
  fitnessOf,
  lineDemerits,
  newFit,
  OVERFULL,
  type PassOptions,
} from '../../src/output/print/linebreak/fit.ts';
import { BREAK, FORCED, HYPHEN_BREAK, type Items, paragraphStart } from '../../src/output/print/linebreak/items.ts';
import type { BreakRules } from '../../src/output/print/linebreak/rules.ts';
import type { LineSetting, LineWidths, Setting, Token } from '../../src/output/print/linebreak/tokens.ts';

export const CHAR = 5;
export const SPACE = { kind: 'space', width: 4, stretch: 2, shrink: 4 / 3 } as const;
export const TIE = { kind: 'tie', width: 4, stretch: 2, shrink: 4 / 3 } as const;
const HYPHEN = 6;

/** A word; `|` marks the hyphenator's break points ("ex|am|ple"); widths CHAR per character. */
export function word(marked: string, capitalised?: boolean): Token {
  const parts = marked.split('|');
  const text = parts.join('');
  const token: Token = {
    kind: 'word',
    text,
    width: [...text].length * CHAR,
    pieces: parts.map((p) => ({ text: p, width: [...p].length * CHAR })),
    hyphenWidth: HYPHEN,
  };
  if (capitalised !== undefined) token.capitalised = capitalised;
  return token;
}

/** Words separated by spaces: `~` after a word makes the next space a tie, `\n` a newline. */
export function prose(text: string): Token[] {
  const tokens: Token[] = [];
  let glue: Token | undefined;
  for (const part of text.split(/(\s+)/).filter(Boolean)) {
    if (part.includes('\n')) glue = { kind: 'newline' };
    else if (/^\s+$/.test(part)) glue ??= SPACE;
    else {
      if (glue && tokens.length) tokens.push(glue);
      glue = undefined;
      const tied = part.endsWith('~');
      tokens.push(word(tied ? part.slice(0, -1) : part));
      if (tied) glue = TIE;
    }
  }
  return tokens;
}

export const fixed =
  (width: number, narrower: { lines: number; by: number } = { lines: 0, by: 0 }): LineWidths =>
  (line) =>
    line < narrower.lines ? { width, indent: narrower.by } : { width };

const avail = (widths: LineWidths, line: number) => {
  const spec = widths(line);
  return spec.width - (spec.indent ?? 0);
};

const discardable = (t: Token | undefined) => t?.kind === 'space' || t?.kind === 'tie' || t?.kind === 'break-after';

/** The visible content of a line, from the tokens: index range without the discarded ends. */
export function lineContent(tokens: Token[], line: LineSetting, last: boolean) {
  let from = line.from;
  let to = line.to;
  if (line.fromPiece === 0) while (from <= to && discardable(tokens[from])) from++;
  if (!line.hyphenated) while (to >= from && (discardable(tokens[to]) || tokens[to]?.kind === 'newline')) to--;
  if (last) while (to >= from && tokens[to]?.kind !== 'word' && tokens[to]?.kind !== 'box') to--;
  let natural = 0;
  let shrink = 0;
  let glue = 0;
  let letters = 0;
  let chars = line.hyphenated ? 1 : 0;
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'space' || t.kind === 'tie') {
      natural += t.width;
      shrink += t.shrink;
      glue++;
    } else if (t.kind === 'box') natural += t.width;
    else if (t.kind === 'word') {
      const pieceSum = (k: number) => t.pieces.slice(0, k).reduce((s, p) => s + p.width, 0);
      const start = i === line.from ? line.fromPiece : 0;
      const end = i === line.to && line.hyphenated ? line.toPiece : undefined;
      const w = end !== undefined ? pieceSum(end + 1) - pieceSum(start) + t.hyphenWidth : t.width - pieceSum(start);
      natural += w;
      letters += w - (end !== undefined ? t.hyphenWidth : 0);
      const text =
        t.pieces.length > 1
          ? t.pieces
              .slice(start, end === undefined ? undefined : end + 1)
              .map((p) => p.text)
              .join('')
          : t.text;
      chars += [...text].length;
    }
  }
  return { from, to, natural, shrink, glue, letters, chars };
}

/** Problems with a setting's coverage of the tokens: every token (or piece) once, in order. */
export function coverageProblems(tokens: Token[], setting: Setting): string[] {
  const problems: string[] = [];
  const lines = setting.lines;
  if (tokens.length === 0) return lines.length ? ['lines for no tokens'] : [];
  const first = lines[0];
  if (first?.from !== 0 || first.fromPiece !== 0) problems.push('the first line does not start at token 0');
  if (lines.at(-1)?.to !== tokens.length - 1) problems.push('the last line does not end at the last token');
  lines.forEach((line, i) => {
    if (line.to < line.from) problems.push(`line ${i} ends before it starts`);
    const t = tokens[line.to];
    if (line.hyphenated && (t?.kind !== 'word' || line.toPiece >= t.pieces.length - 1))
      problems.push(`line ${i} is hyphenated where its word has no later piece`);
    const next = lines[i + 1];
    if (!next) return;
    const expected = line.hyphenated ? [line.to, line.toPiece + 1] : [line.to + 1, 0];
    if (next.from !== expected[0] || next.fromPiece !== expected[1])
      problems.push(`line ${i + 1} does not start where line ${i} ends`);
    if (setting.breaks[i]?.token !== line.to || (setting.breaks[i]?.piece ?? -1) !== (line.hyphenated ? line.toPiece : -1))
      problems.push(`break ${i} does not match line ${i}'s end`);
  });
  if (setting.breaks.length !== lines.length) problems.push('one break per line expected');
  return problems;
}

/** Problems with each line's width: set to its measure exactly, or short of it only as allowed. */
export function widthProblems(
  tokens: Token[],
  setting: Setting,
  widths: LineWidths,
  letterLimit = 0.01,
  expansionLimit = 0.03,
): string[] {
  const problems: string[] = [];
  setting.lines.forEach((line, i) => {
    const c = lineContent(tokens, line, i === setting.lines.length - 1);
    const room = avail(widths, i);
    const set = c.natural + line.expansion * c.letters + line.wordSpacing * c.glue + line.letterSpacing * c.chars;
    if (Math.abs(line.letterSpacing * c.chars) > letterLimit * c.letters + 1e-6)
      problems.push(`line ${i}: letter spacing over ${letterLimit}`);
    if (Math.abs(line.expansion) > expansionLimit + 1e-9) problems.push(`line ${i}: glyphs expanded over ${expansionLimit}`);
    if (line.wordSpacing * c.glue < -c.shrink - 1e-6) problems.push(`line ${i}: spaces shrunk past their shrink`);
    if (line.overfull > 1e-9) {
      if (Math.abs(set - line.overfull - room) > 1e-6)
        problems.push(`line ${i}: overfull by ${line.overfull} but set ${set} in ${room}`);
      return;
    }
    if (set > room + 1e-6) problems.push(`line ${i}: ${set} px in ${room}`);
    // A justified line is set to its width, unless it has no space to stretch (one word, loose).
    if (line.justified && Math.abs(set - room) > 1e-6 && c.glue > 0) problems.push(`line ${i}: justified to ${set}, not ${room}`);
    if (!line.justified && line.wordSpacing > 1e-9) problems.push(`line ${i}: ragged but stretched`);
  });
  return problems;
}

const LETTER = /\p{L}/gu;
const letterCount = (text: string) => text.match(LETTER)?.length ?? 0;
const isCapital = (text: string) => /^\P{L}*\p{Lu}/u.test(text);
/** A word a line may not start with: —, ― (after an opening quote too), a lone –. */
export const isDash = (t: Token | undefined) => t?.kind === 'word' && /^[\p{Ps}\p{Pi}"']?[—―]|^–$/u.test(t.text);
const nextSolid = (tokens: Token[], i: number) => {
  let j = i;
  while (tokens[j]?.kind === 'space' || tokens[j]?.kind === 'tie') j++;
  return tokens[j];
};

export interface RuleOptions {
  hyphenateCapitalised?: boolean;
  titles: string[];
  maxHyphenLines: number;
}

/** Problems with a setting against the book's rules, read from the tokens. */
export function ruleProblems(tokens: Token[], setting: Setting, rules: RuleOptions): string[] {
  const problems: string[] = [];
  let lastWord = tokens.length - 1;
  while (lastWord >= 0 && tokens[lastWord]?.kind !== 'word') lastWord--;
  let run = 0;
  setting.lines.forEach((line, i) => {
    const isLast = i === setting.lines.length - 1;
    const end = tokens[line.to];
    if (line.hyphenated && end?.kind === 'word') {
      const before = letterCount(
        end.pieces
          .slice(0, line.toPiece + 1)
          .map((p) => p.text)
          .join(''),
      );
      const all = letterCount(end.text);
      if (!rules.hyphenateCapitalised && (end.capitalised ?? isCapital(end.text)))
        problems.push(`line ${i}: ${end.text} is capitalised`);
      if (all < 6 || before < 3 || all - before < 3)
        problems.push(`line ${i}: ${end.text} broken after ${before} of ${all} letters`);
      if (line.to === lastWord) problems.push(`line ${i}: the paragraph's last word is hyphenated`);
    }
    const hardHyphen = end?.kind === 'break-after' && /-$/.test((tokens[line.to - 1] as { text?: string }).text ?? '');
    run = line.hyphenated || hardHyphen ? run + 1 : 0;
    if (rules.maxHyphenLines > 0 && run > rules.maxHyphenLines) problems.push(`line ${i}: ${run} lines in a row end in a hyphen`);
    if (!isLast && !line.hyphenated) {
      const after = nextSolid(tokens, line.to + 1);
      const before = tokens[line.to - 1];
      if (end?.kind === 'space') {
        if (before?.kind !== 'word' && before?.kind !== 'box')
          problems.push(`line ${i}: breaks at a space after a ${before?.kind}`);
        if (before?.kind === 'word' && rules.titles.includes(before.text.replace(/^\P{L}+/u, '')))
          problems.push(`line ${i}: breaks after the title ${before.text}`);
        if (isDash(after)) problems.push(`line ${i}: the next line starts with a dash`);
      } else if (end?.kind === 'break-after') {
        if (isDash(tokens[line.to + 1])) problems.push(`line ${i}: the next line starts with a dash`);
      } else if (end?.kind !== 'newline') problems.push(`line ${i}: ends at a ${end?.kind}, not a break`);
    }
    if (line.overfull > 0) {
      for (let t = line.from; t < line.to; t++) {
        const token = tokens[t] as Token;
        const prev = tokens[t - 1];
        const breakable =
          (token.kind === 'space' && (prev?.kind === 'word' || prev?.kind === 'box') && !isDash(nextSolid(tokens, t + 1))) ||
          (token.kind === 'break-after' && !isDash(tokens[t + 1]));
        const title = token.kind === 'space' && prev?.kind === 'word' && rules.titles.includes(prev.text.replace(/^\P{L}+/u, ''));
        const following = nextSolid(tokens, t + 1);
        const dropped = !following || following.kind === 'newline';
        if (breakable && !title && !dropped) problems.push(`line ${i}: overfull though it could break at token ${t}`);
      }
    }
  });
  return problems;
}

/**
 * The least demerits over every feasible sequence of breaks, by plain recursion over the next
 * break from each state (break, fitness of its line, hyphens in a row, line number), memoised:
 * the same model as the breaker without its active list, its pruning or its shortcuts.
 */
export function leastDemerits(
  items: Items,
  avail: (line: number) => number,
  pass: PassOptions,
  resolved: BreakRules,
): number | undefined {
  const fit = newFit();
  const memo = new Map<string, number>();
  const from = (pos: number, start: number, fitness: number, run: number, line: number): number => {
    const key = `${pos},${fitness},${run},${line}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best = Number.POSITIVE_INFINITY;
    for (let b = start; b < items.n; b++) {
      const how = items.breaks[b];
      if (how !== BREAK && !(how === HYPHEN_BREAK && pass.hyphens)) continue;
      const forced = items.kind[b] === FORCED;
      if (!(items.flagged[b] && run >= resolved.maxHyphenLines)) {
        const status = fitLine(items, start, b, avail(line), pass, fit).status;
        if (status === FITS) {
          const f = fitnessOf(fit);
          const d = lineDemerits(items, b, fit, f, fitness, run, resolved);
          const rest = items.final[b] ? 0 : from(b, items.after[b] as number, f, items.flagged[b] ? run + 1 : 0, line + 1);
          best = Math.min(best, d + rest);
        } else if (status === OVERFULL) break;
      }
      if (forced) break;
    }
    memo.set(key, best);
    return best;
  };
  const least = from(-1, paragraphStart(items), 2, 0, 0);
  return Number.isFinite(least) ? least : undefined;
}
