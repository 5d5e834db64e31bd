/**
 * What the preview's browser shows (PreviewState), and how an error and the findings become part
 * of it: an error as its problems, each with its place and what to do; the findings each once,
 * with the page it is on.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { type GalleyError, locationOf } from '../errors.ts';
import type { PrintView } from './print-view.ts';

export interface PreviewSection {
  id: string;
  kind: string;
  title: string;
  html: string;
}

/** One problem of an error: where (`file:line:col`), what, and what to do. */
export interface PreviewProblem {
  location: string | undefined;
  message: string;
  hint: string | undefined;
}

/** The error, as its first problem, and every problem it names (all of book.yaml's at once), in order. */
export interface PreviewError extends PreviewProblem {
  problems: PreviewProblem[];
}

/** Everything the browser shows. */
export interface PreviewState {
  version: number;
  title: string;
  language: string;
  /** The book's theme, as named (`default`, `modern`, `./themes/harbour`). */
  theme: string;
  css: { epub: string; fonts: string };
  sections: PreviewSection[];
  diagnostics: PreviewDiagnostic[];
  error: PreviewError | undefined;
  /** The printed pages; undefined until the first layout is done. */
  print: PrintView | undefined;
  /** What the print view is doing: `layout` (pages coming), `ready`, or why it cannot show. */
  printStatus: string;
}

export interface PreviewDiagnostic extends Diagnostic {
  /** As `galley check` prints it. */
  text: string;
  /** The page it is on (index and label), when known. */
  page: { index: number; label: string } | undefined;
}

export function previewError(error: GalleyError): PreviewError {
  const problems = error.problems.map((problem) => ({
    location: locationOf(problem),
    message: problem.message,
    hint: problem.hint,
  }));
  return { ...(problems[0] as PreviewProblem), problems };
}

/**
 * The findings as the side panel lists them: each once (`galley check` reports the typesetter's
 * too), with the page it is on — the last page of its manuscript file that starts at or before
 * its line.
 */
export function linkDiagnostics(all: Diagnostic[], view: PrintView | undefined): PreviewDiagnostic[] {
  const seen = new Set<string>();
  return all.flatMap((d) => {
    const text = formatDiagnostic(d);
    if (seen.has(text)) return [];
    seen.add(text);
    let page: PreviewDiagnostic['page'];
    for (const p of view?.pages ?? []) {
      if (p.source === d.file && p.line !== undefined && d.line !== undefined && p.line <= d.line)
        page = { index: p.index, label: p.label };
    }
    return [{ ...d, text, page }];
  });
}
