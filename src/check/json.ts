/**
 * `galley check --format json`: every finding as one JSON document on stdout, for CI and
 * editors. The shape is stable (README, *Checking a manuscript*); a key is never left out:
 * what is not known is null. Version 1:
 *
 *   { "version": 1, "files": 3,
 *     "diagnostics": [{ "file", "line", "column", "ruleId", "severity", "message", "hint" }],
 *     "fixes": [{ "file", "line", "column", "ruleId", "from", "to" }]   (only with --fixes)
 *     "summary": { "errors", "warnings", "notes", "maxWarnings", "passed" } }
 *
 * A manuscript that cannot be read at all (no such file, book.yaml that is not YAML) gives the
 * same document, its problems as errors whose ruleId is the error's code (`CONFIG_INVALID`).
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { GalleyError } from '../errors.ts';
import type { CheckResult, FileFix } from './check.ts';

export interface JsonDiagnostic {
  file: string;
  line: number | null;
  column: number | null;
  ruleId: string;
  severity: Diagnostic['severity'];
  message: string;
  hint: string | null;
}

export interface JsonFix {
  file: string;
  line: number | null;
  column: number | null;
  /** `fix/dash`, as the text output names it. */
  ruleId: string;
  from: string;
  to: string;
}

export interface CheckReport {
  version: 1;
  /** Manuscript files read. */
  files: number;
  diagnostics: JsonDiagnostic[];
  fixes?: JsonFix[];
  summary: {
    errors: number;
    warnings: number;
    notes: number;
    /** `--max-warnings`, or null. */
    maxWarnings: number | null;
    /** No error, and no more warnings than allowed: the exit code is 0. */
    passed: boolean;
  };
}

export function checkReport(result: CheckResult, options: { fixes: boolean; maxWarnings?: number | undefined }): CheckReport {
  const diagnostics = result.diagnostics.map(jsonDiagnostic);
  return {
    version: 1,
    files: result.files,
    diagnostics,
    ...(options.fixes ? { fixes: result.fixes.map(jsonFix) } : {}),
    summary: summary(diagnostics, options.maxWarnings),
  };
}

/** The report of a check that could not run: the error's problems, each an error. */
export function failureReport(error: GalleyError, options: { fixes: boolean; maxWarnings?: number | undefined }): CheckReport {
  const diagnostics = error.problems.map(
    (p): JsonDiagnostic => ({
      file: p.file ?? '',
      line: p.place?.line ?? null,
      column: p.place?.column ?? null,
      ruleId: error.code,
      severity: 'error',
      message: p.message,
      hint: p.hint ?? null,
    }),
  );
  return {
    version: 1,
    files: 0,
    diagnostics,
    ...(options.fixes ? { fixes: [] } : {}),
    summary: summary(diagnostics, options.maxWarnings),
  };
}

/** Whether a check passes: no error, and no more warnings than `maxWarnings` (when given). */
export function passes(errors: number, warnings: number, maxWarnings: number | undefined): boolean {
  return errors === 0 && (maxWarnings === undefined || warnings <= maxWarnings);
}

function summary(diagnostics: JsonDiagnostic[], maxWarnings: number | undefined): CheckReport['summary'] {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return {
    errors,
    warnings,
    notes: diagnostics.length - errors - warnings,
    maxWarnings: maxWarnings ?? null,
    passed: passes(errors, warnings, maxWarnings),
  };
}

function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    file: d.file,
    line: d.line ?? null,
    column: d.line === undefined ? null : (d.column ?? 1),
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? null,
  };
}

function jsonFix(fix: FileFix): JsonFix {
  return {
    file: fix.file,
    line: fix.place?.line ?? null,
    column: fix.place?.column ?? null,
    ruleId: `fix/${fix.rule}`,
    from: fix.from,
    to: fix.to,
  };
}
