/**
 * What an import could not carry over as it was, and where: a paragraph of the source
 * (`para 12`), or a chapter and paragraph of the result (`chapter 3, para 5`). Each is one line on
 * stderr, `file:para N  import/<id>  message`, through the logger; nothing is printed here.
 */

export interface ImportProblem {
  /** `para 12`, `chapter 3, para 5`, or undefined for the whole document. */
  where?: string | undefined;
  /** Stable id, printed as `import/<id>`. */
  id: string;
  message: string;
}

export function formatProblem(file: string, problem: ImportProblem): string {
  return `${file}${problem.where ? `:${problem.where}` : ''}  import/${problem.id}  ${problem.message}`;
}

export function para(n: number | undefined): string | undefined {
  return n === undefined ? undefined : `para ${n}`;
}

/** The first words of a text, quoted, to say which paragraph is meant: “The lamp was lit…”. */
export function excerpt(text: string, words = 6): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  if (all.length === 0) return '(no text)';
  const shown = all.slice(0, words).join(' ');
  return `“${shown}${all.length > words ? '…' : ''}”`;
}
