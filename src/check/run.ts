/**
 * `galley check` as the command line runs it: the diagnostics on stderr through the logger as
 * `file:line:col  rule-id  message`, then a one-line summary; with `--fixes`, the typographic
 * pass's changes on stdout, one a line, so they can be saved or searched. With `--format json`,
 * one JSON document on stdout instead (check/json.ts) and nothing on stderr. Returns the exit
 * code: 1 when there is an error, or more warnings than `--max-warnings`; else 0.
 */
import { formatDiagnostic } from '../diagnostics.ts';
import { GalleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { type CheckResult, check, type FileFix } from './check.ts';
import { type CheckReport, checkReport, failureReport, passes } from './json.ts';

export interface CheckCliOptions {
  input: string;
  fixes?: boolean;
  title?: string | undefined;
  author?: string | undefined;
  logger: Logger;
  /** Where the list of fixes, or the JSON, goes (default: stdout). */
  write?: (line: string) => void;
  /** `text` (default): lines on stderr; `json`: one document on stdout. */
  format?: 'text' | 'json' | undefined;
  /** Fail (exit code 1) when there are more warnings than this. */
  maxWarnings?: number | undefined;
}

export async function runCheck(options: CheckCliOptions): Promise<number> {
  const { logger } = options;
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const run = () =>
    check({ input: options.input, fixes: options.fixes ?? false, overrides: { title: options.title, author: options.author } });
  if (options.format === 'json') {
    const report = await jsonCheck(run, options);
    write(JSON.stringify(report, null, 2));
    return report.summary.passed ? 0 : 1;
  }
  const result = await run();
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
  const max = options.maxWarnings;
  if (max !== undefined && result.warnings > max) {
    logger.error(`${plural(result.warnings, 'warning')}, more than --max-warnings allows (${max})`);
  }
  return passes(result.errors, result.warnings, max) ? 0 : 1;
}

/** The JSON report; a manuscript that cannot be checked at all is a report of its error. */
async function jsonCheck(run: () => Promise<CheckResult>, options: CheckCliOptions): Promise<CheckReport> {
  const settings = { fixes: options.fixes ?? false, maxWarnings: options.maxWarnings };
  try {
    return checkReport(await run(), settings);
  } catch (error) {
    if (error instanceof GalleyError) return failureReport(error, settings);
    throw error;
  }
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
