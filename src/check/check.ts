/**
 * `galley check`: lints a manuscript without building anything. It reads the manuscript and its
 * metadata as a build would, runs the same unified chain with the linter's rules added (text
 * rules before the typographic pass, structure rules after book structure) and the typographic
 * pass reporting what it could not pair or decide, then gives every diagnostic the severity
 * book.yaml sets for its rule (`check: { rules: { typo/repeated-word: off } }`).
 * With `fixes`, it also returns every change the typographic pass makes, with its place.
 */
import { VFile } from 'vfile';
import { resolveConfig } from '../config/load.ts';
import { collectDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { readManuscript } from '../manuscript/read.ts';
import { pipelineOptions } from '../pipeline/options.ts';
import { createProcessor, parseFile } from '../pipeline/processor.ts';
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
  /** Metadata that overrides the manuscript's (from the command line). */
  overrides?: { title?: string | undefined; author?: string | undefined };
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
  const cwd = options.cwd ?? process.cwd();
  const manuscript = await readManuscript(options.input, cwd);
  const config = resolveConfig(manuscript.metadata, { ...options.overrides }, manuscript.metadataFile);
  const base = pipelineOptions(config);
  const processor = createProcessor({
    ...base,
    typography: { ...base.typography, report: true, recordFixes: options.fixes ?? false },
    beforeTypography: [[remarkLintLines, { setextHeadings: config['setext-headings'] }], [remarkLintText]],
    afterStructure: [[remarkLintStructure]],
  });
  const plain = manuscript.form === 'text';
  const files = manuscript.files.map((source) => {
    const file = new VFile({ path: source.display, value: source.text, cwd });
    processor.runSync(parseFile(processor, file, plain), file);
    return file;
  });

  const order = new Map(files.map((f, i) => [f.path, i]));
  const settings = config.check.rules as Partial<Record<RuleId, RuleSetting>>;
  const diagnostics = collectDiagnostics(files)
    .flatMap((d): Diagnostic[] => {
      const known = CHECK_RULES[d.ruleId as RuleId];
      if (!known) return [d];
      const setting = settings[d.ruleId as RuleId] ?? known.severity;
      return setting === 'off' ? [] : [{ ...d, severity: setting }];
    })
    .sort(
      (a, b) =>
        (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
  const fixes = files.flatMap((file) => (file.data.typographyFixes ?? []).map((fix) => ({ ...fix, file: file.path })));
  return {
    diagnostics,
    fixes,
    files: files.length,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
