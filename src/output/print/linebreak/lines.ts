/**
 * From chosen breaks (item indices) to the Setting the page sets: each line's tokens and pieces,
 * its ratio, word and letter spacing, and the demerits, by the same formula the passes use.
 */
import { type Fit, fitLine, fitnessOf, lineDemerits, newFit, type PassOptions } from './fit.ts';
import { FORCED, HYPHEN_BREAK, type Items, PENALTY, paragraphStart } from './items.ts';
import type { BreakRules } from './rules.ts';
import type { Break, LineSetting, Pass, Setting, Token } from './tokens.ts';

const lastPiece = (token: Token | undefined) => (token?.kind === 'word' ? Math.max(0, token.pieces.length - 1) : 0);

/** Characters of the words on a line, which letter spacing is spread over. */
function lineCharacters(tokens: Token[], line: LineSetting): number {
  let count = line.hyphenated ? 1 : 0;
  for (let i = line.from; i <= line.to; i++) {
    const t = tokens[i];
    if (t?.kind !== 'word') continue;
    const whole = t.pieces.length <= 1 || (i !== line.from && i !== line.to);
    const text = whole
      ? t.text
      : t.pieces
          .slice(i === line.from ? line.fromPiece : 0, (i === line.to ? line.toPiece : t.pieces.length - 1) + 1)
          .map((p) => p.text)
          .join('');
    for (const _ of text) count++;
  }
  return count;
}

export function buildSetting(
  tokens: Token[],
  items: Items,
  positions: number[],
  avail: (line: number) => number,
  rules: BreakRules,
  pass: PassOptions,
  name: Pass,
): Setting {
  const fit: Fit = newFit();
  const breaks: Break[] = [];
  const lines: LineSetting[] = [];
  let start = paragraphStart(items);
  let from = 0;
  let fromPiece = 0;
  let prevFitness = 2;
  let prevRun = 0;
  let demerits = 0;
  for (let line = 0; line < positions.length; line++) {
    const b = positions[line] as number;
    fitLine(items, start, b, avail(line), pass, fit);
    const fitness = fitnessOf(fit);
    demerits += lineDemerits(items, b, fit, fitness, prevFitness, prevRun, rules);
    const to = items.token[b] as number;
    const hyphenated = items.kind[b] === PENALTY && items.breaks[b] === HYPHEN_BREAK;
    const toPiece = hyphenated ? (items.piece[b] as number) : lastPiece(tokens[to]);
    const glue = (items.sumGlue[b] as number) - (items.sumGlue[start] as number);
    const words = (items.sumLetters[b] as number) - (items.sumLetters[start] as number);
    const setting: LineSetting = {
      from,
      fromPiece,
      to,
      toPiece,
      ratio: fit.ratio,
      hyphenated,
      justified: items.kind[b] !== FORCED,
      wordSpacing: glue > 0 ? fit.wordAdjust / glue : 0,
      letterSpacing: 0,
      expansion: words > 0 ? fit.expandAdjust / words : 0,
      overfull: fit.overfull,
    };
    if (fit.letterAdjust !== 0) {
      const chars = lineCharacters(tokens, setting);
      if (chars > 0) setting.letterSpacing = fit.letterAdjust / chars;
    }
    lines.push(setting);
    breaks.push(hyphenated ? { token: to, piece: toPiece } : { token: to });
    prevFitness = fitness;
    prevRun = items.flagged[b] ? prevRun + 1 : 0;
    start = items.after[b] as number;
    from = hyphenated ? to : to + 1;
    fromPiece = hyphenated ? toPiece + 1 : 0;
  }
  return { breaks, lines, demerits, pass: name };
}
