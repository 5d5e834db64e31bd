/**
 * The one place manuscript diagnostics are formatted: `file:line:col  rule-id  message`, in
 * file order. Plugins only put messages on their VFile; they never print.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export interface Diagnostic {
  file: string;
  line: number | undefined;
  column: number | undefined;
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** What to do about it, when the rule says. */
  hint?: string | undefined;
}

export function collectDiagnostics(files: VFile[]): Diagnostic[] {
  return files.flatMap((file) =>
    file.messages.map((m: VFileMessage) => ({
      file: file.path,
      line: m.line ?? undefined,
      column: m.column ?? undefined,
      ruleId: `${m.source ? `${m.source}/` : ''}${m.ruleId ?? 'message'}`.replace(/^galley\//, ''),
      severity: m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info',
      message: m.reason,
      ...(m.note ? { hint: m.note } : {}),
    })),
  );
}

export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  return `${place}  ${d.ruleId}  ${d.message}`;
}
