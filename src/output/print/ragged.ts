/**
 * Lines for text that is not justified (headings, centred or right-aligned blocks, verse): first
 * fit, as a browser sets them, at natural spacing. Such text is not hyphenated, so a line ends only
 * at a space, after a dash, or at a forced break; a word wider than the line stands alone on it.
 * The result has the line breaker's shape (linebreak/tokens.ts), so the page sets both alike.
 */
import type { LineSetting, LineWidths, Setting, Token } from './linebreak/tokens.ts';

export function raggedSetting(tokens: Token[], widths: LineWidths): Setting {
  const lines: LineSetting[] = [];
  let from = 0;
  let width = 0;
  /** The last place the line may end: after token `end`, the line being `width` wide there. */
  let fit: { end: number; width: number } | undefined;
  const measure = (line: number) => {
    const spec = widths(line);
    return spec.width - (spec.indent ?? 0);
  };
  const close = (to: number, lineWidth: number) => {
    lines.push({
      from,
      fromPiece: 0,
      to,
      toPiece: -1,
      ratio: 0,
      hyphenated: false,
      justified: false,
      wordSpacing: 0,
      letterSpacing: 0,
      expansion: 0,
      overfull: Math.max(0, lineWidth - measure(lines.length)),
    });
    from = to + 1;
    while (tokens[from]?.kind === 'space') from++;
    width = 0;
    fit = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'newline') {
      close(i, width);
      continue;
    }
    if (token.kind === 'space') {
      if (i > from) fit = { end: i - 1, width };
      width += token.width;
      continue;
    }
    if (token.kind === 'break-after') {
      fit = { end: i, width };
      continue;
    }
    const w = token.kind === 'tie' || token.kind === 'box' || token.kind === 'word' ? token.width : 0;
    if (width + w > measure(lines.length) + 0.01 && fit) {
      const back = fit;
      close(back.end, back.width);
      i = from - 1;
      continue;
    }
    width += w;
  }
  if (from < tokens.length || lines.length === 0) close(tokens.length - 1, width);
  return {
    breaks: lines.map((line) => ({ token: line.to })),
    lines,
    demerits: 0,
    pass: 'tolerance',
  };
}
