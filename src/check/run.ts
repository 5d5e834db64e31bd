/**
 * `galley check` as the command line runs it: the diagnostics on stderr through the logger as
 * `file:line:col  rule-id  message`, then a one-line summary; with `--fixes`, the typographic
 * pass's changes on stdout, one a line, so they can be saved or searched. Returns the exit code:
 * 1 when there is an error, else 0.
 */
import { formatDiagnostic } from '../diagnostics.ts';
import type { Logger } from '../logger.ts';
import { check, type FileFix } from './check.ts';

export interface CheckCliOptions {
  input: string;
  fixes?: boolean;
  title?: string | undefined;
  author?: string | undefined;
  logger: Logger;
  /** Where the list of fixes goes (default: stdout). */
  write?: (line: string) => void;
}

export async function runCheck(options: CheckCliOptions): Promise<number> {
  const { logger } = options;
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const result = await check({
    input: options.input,
    fixes: options.fixes ?? false,
    overrides: { title: options.title, author: options.author },
  });
  if (options.fixes) for (const fix of result.fixes) write(formatFix(fix));
  for (const d of result.diagnostics) {
    const line = d.severity === 'error' && d.hint ? `${formatDiagnostic(d)}\n  ${d.hint}` : formatDiagnostic(d);
    if (d.severity === 'error') logger.error(line);
    else if (d.severity === 'warning') logger.warn(line);
    else logger.info(line);
  }
  const files = `${result.files} file${result.files === 1 ? '' : 's'}`;
  const counts = [plural(result.errors, 'error'), plural(result.warnings, 'warning')];
  const others = result.diagnostics.length - result.errors - result.warnings;
  if (others > 0) counts.push(plural(others, 'note'));
  logger.info(result.diagnostics.length === 0 ? `checked ${files}: no problems` : `checked ${files}: ${counts.join(', ')}`);
  if (options.fixes) logger.info(`${plural(result.fixes.length, 'typographic change')} listed`);
  return result.errors > 0 ? 1 : 0;
}

/** `file:line:col  fix/dash  -- → —`, with invisible spaces named. */
export function formatFix(fix: FileFix): string {
  const place = fix.place ? `${fix.file}:${fix.place.line}:${fix.place.column}` : fix.file;
  return `${place}  fix/${fix.rule}  ${show(fix.from)} → ${show(fix.to)}`;
}

const NAMES: Record<string, string> = {
  ' ': '[space]',
  '\u00a0': '[no-break space]',
  '\u202f': '[narrow no-break space]',
  '\u200a': '[hair space]',
  '\t': '[tab]',
  '\n': '[line break]',
};

function show(text: string): string {
  if (text === '') return '[nothing]';
  return text.replace(
    /[\s\u00a0\u202f\u200a]/g,
    (c) => NAMES[c] ?? `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
