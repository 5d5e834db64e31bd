/**
 * How deeply `:::` containers (remark-directive) nest, measured line by line before parsing:
 * the parser checks every open container on every line, so containers opened inside one
 * another thousands deep (`:::a` lines never closed) take it minutes (1,000 levels 3 s, 3,000
 * levels 41 s). The count never falls short of the parser's: a line `:::name` opens one; a
 * fence line of colons closes the outermost open container (with as many `>` before it) that
 * it can close — one of as many colons or fewer — and those inside it, as the parser does; a
 * block quote's containers close when a line after a blank one has fewer `>`.
 */
import { MAX_NESTING, type TooDeep } from './depth.ts';

interface Open {
  /** The colons it opened with: a fence of as many or more closes it. */
  colons: number;
  /** The block quotes it stands in (`>` before it). */
  quotes: number;
}

const LINE = /^((?:[ \t]*>)*)[ \t]*(?:(?:[-*+]|\d{1,9}[.)]|\[\^[^\]]*\]:)[ \t]+)*(:{3,})(.?)/;

export function directiveDepth(text: string, max = MAX_NESTING): TooDeep | undefined {
  if (!text.includes(':::')) return undefined;
  const open: Open[] = [];
  let line = 0;
  let blank = false;
  for (const row of text.split(/\r\n|\r|\n/)) {
    line++;
    if (/^[ \t>]*$/.test(row)) {
      blank = true;
      continue;
    }
    const quotes = (/^(?:[ \t]*>)*/.exec(row)?.[0].match(/>/g) ?? []).length;
    if (blank) {
      const ended = open.findIndex((o) => o.quotes > quotes);
      if (ended !== -1) open.length = ended;
    }
    blank = false;
    const match = LINE.exec(row);
    if (!match) continue;
    const colons = (match[2] as string).length;
    const after = match[3] ?? '';
    if (after !== '' && !/\s/.test(after)) {
      open.push({ colons, quotes });
      if (open.length > max) {
        return { what: 'a `:::` container', depth: open.length, place: { line, column: row.indexOf(':') + 1 } };
      }
    } else if (/^[ \t]*$/.test(row.slice((match.index ?? 0) + match[0].length))) {
      const closes = open.findIndex((o) => o.quotes === quotes && o.colons <= colons);
      if (closes !== -1) open.length = closes;
    }
  }
  return undefined;
}
