/**
 * `galley check`: lints a manuscript without building anything. It typesets the book exactly as
 * a build does (core/typeset.ts: the same chain, the same HTML made safe, the same images and
 * cover loaded), so it reports everything a build would — with the linter's rules added (text
 * rules before the typographic pass, structure rules after book structure) and the typographic
 * pass reporting what it could not pair or decide — and lists every error where a build stops
 * at the first. Each diagnostic gets the severity book.yaml sets for its rule (`check: { rules:
 * { typo/repeated-word: off } }`), except the rules a build stops on, which are always errors.
 * With `fixes`, it also returns every change the typographic pass makes, with its place.
 */
import type { Book } from '../book/model.ts';
import { typeset } from '../core/typeset.ts';
import type { TypesetMemo } from '../core/typeset-memo.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { TypographyFix } from '../plugins/remark-typography.ts';
import { remarkLintLines } from './lint-lines.ts';
import { remarkLintStructure } from './lint-structure.ts';
import { remarkLintText } from './lint-text.ts';
import { CHECK_RULES, type RuleId, type RuleSetting } from './rule-ids.ts';

export interface CheckOptions {
  /** Manuscript: a folder, a .md file or a .txt file. */
  input: string;
  cwd?: string;
  /** Also list the typographic pass's changes (default false). */
  fixes?: boolean;
  /** Metadata that overrides the manuscript's (from the command line), and the theme (`--theme`). */
  overrides?: { title?: string | undefined; author?: string | undefined; theme?: string | undefined };
  /** The preview's memo (core/typeset-memo.ts), kept from one check to the next. */
  memo?: TypesetMemo | undefined;
}

export interface FileFix extends TypographyFix {
  /** The manuscript file, as shown to the author. */
  file: string;
}

export interface CheckResult {
  /** Problems, in manuscript order, with the severity book.yaml gives their rule. */
  diagnostics: Diagnostic[];
  /** The typographic pass's changes (only with `fixes`). */
  fixes: FileFix[];
  /** How many manuscript files were read. */
  files: number;
  errors: number;
  warnings: number;
}

export async function check(options: CheckOptions): Promise<CheckResult> {
  const { book: _, ...result } = await checkBook(options);
  return result;
}

/**
 * The check and the book it typeset (the same book a build typesets, when `errors` is 0): the
 * preview's one typesetting per save.
 */
export async function checkBook(options: CheckOptions): Promise<CheckResult & { book: Book }> {
  let settings: Partial<Record<RuleId, RuleSetting>> = {};
  const {
    diagnostics: found,
    files,
    book,
  } = await typeset({
    input: options.input,
    overrides: { ...options.overrides },
    ...(options.cwd ? { cwd: options.cwd } : {}),
    memo: options.memo,
    lint: (config, base) => {
      settings = config.check.rules as Partial<Record<RuleId, RuleSetting>>;
      // GFM as a build has it (the tree is the same where the text cannot hold any; twice as fast).
      return {
        typography: { ...base.typography, report: true, recordFixes: options.fixes ?? false },
        beforeTypography: [[remarkLintLines, { setextHeadings: config['setext-headings'] }], [remarkLintText]],
        afterStructure: [[remarkLintStructure]],
      };
    },
  });
  const order = new Map(files.map((f, i) => [f.path, i]));
  const diagnostics = found
    .flatMap((d): Diagnostic[] => {
      const known: { severity: string; stops?: boolean } | undefined = CHECK_RULES[d.ruleId as RuleId];
      if (!known) return [d];
      if (known.stops) return [{ ...d, severity: 'error' }];
      const setting = settings[d.ruleId as RuleId] ?? known.severity;
      return setting === 'off' ? [] : [{ ...d, severity: setting as Diagnostic['severity'] }];
    })
    .sort(
      (a, b) =>
        (order.get(a.file) ?? files.length) - (order.get(b.file) ?? files.length) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
  const fixes = files.flatMap((file) => (file.data.typographyFixes ?? []).map((fix) => ({ ...fix, file: file.path })));
  return {
    diagnostics,
    fixes,
    book,
    files: files.length,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
