/**
 * `galley check --format json` and `--max-warnings`, for CI and editors: one JSON document on
 * stdout with the findings the text output lists (the same ones, for hand-made and generated
 * manuscripts), in a stable shape; a manuscript that cannot be read gives the same document;
 * more warnings than allowed fail the check.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/check/json.ts';
import { runCheck } from '../src/check/run.ts';
import { GalleyError } from '../src/errors.ts';
import type { Logger } from '../src/logger.ts';
import { manuscripts } from './helpers/manuscripts.ts';
import { REPO, tempDir } from './helpers/tmp.ts';

const bin = path.join(REPO, 'bin', 'galley.js');

function galley(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BOOK = `---
title: Tide Tables
author: Ines Morrow
---

# The Harbour

She walked to the the harbour.He waited by the nets.

### Too Deep

"An open quote that never closes, and the tide comes in.

!!

Then the boats came home -- late, as always...
`;

/** A folder with book.md (and `# Empty`, an error, when asked). */
function book(withError: boolean): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.md'), withError ? `${BOOK}\n# Empty\n` : BOOK);
  return dir;
}

/** The text output's findings, as `severity place  rule  message` (an error's hint is on the line after). */
function textFindings(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^(warning|error) \S+:\d+:\d+ {2}/.test(l));
}

function jsonFindings(report: CheckReport): string[] {
  return report.diagnostics.map((d) => `${d.severity} ${d.file}:${d.line}:${d.column}  ${d.ruleId}  ${d.message}`);
}

describe('galley check --format json', () => {
  it('prints one JSON document on stdout, nothing on stderr, with the findings the text output lists', () => {
    const dir = book(true);
    const json = galley(dir, 'check', 'book.md', '--format', 'json');
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as CheckReport;
    expect(Object.keys(report)).toEqual(['version', 'files', 'diagnostics', 'summary']);
    expect(report.version).toBe(1);
    expect(report.files).toBe(1);
    for (const d of report.diagnostics) {
      expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'ruleId', 'severity', 'message', 'hint']);
    }
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual([
      'typo/repeated-word',
      'typo/missing-space',
      'structure/heading-skip',
      'typo/unmatched-quote',
      'scene/unknown-marker',
      'structure/empty-chapter',
    ]);
    expect(report.summary).toEqual({ errors: 1, warnings: 5, notes: 0, maxWarnings: null, passed: false });

    const text = galley(dir, 'check', 'book.md');
    expect(text.code).toBe(1);
    expect(jsonFindings(report)).toEqual(textFindings(text.stderr));
  });

  it('lists the typographic changes with --fixes, as the text output does', () => {
    const dir = book(false);
    const report = JSON.parse(galley(dir, 'check', 'book.md', '--format', 'json', '--fixes').stdout) as CheckReport;
    expect(report.fixes).toEqual([
      { file: 'book.md', line: 12, column: 1, ruleId: 'fix/quote', from: '"', to: '“' },
      { file: 'book.md', line: 16, column: 25, ruleId: 'fix/dash', from: ' -- ', to: '—' },
      { file: 'book.md', line: 16, column: 44, ruleId: 'fix/ellipsis', from: '...', to: '…' },
    ]);
    const text = galley(dir, 'check', 'book.md', '--fixes');
    const lines = text.stdout.trim().split('\n');
    expect(lines.map((l) => l.split('  ').slice(0, 2).join('  '))).toEqual(
      (report.fixes ?? []).map((f) => `${f.file}:${f.line}:${f.column}  ${f.ruleId}`),
    );
  });

  it('reports a manuscript that cannot be read in the same shape, each problem at its place', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'novel'));
    writeFileSync(path.join(dir, 'novel', 'book.yaml'), 'tittle: Tide Tables\nauthor: Ines Morrow\nlanguage: english\n');
    writeFileSync(path.join(dir, 'novel', '01.md'), '# One\n\nText.\n');
    const json = galley(dir, 'check', 'novel', '--format', 'json');
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as CheckReport;
    expect(report.files).toBe(0);
    expect(report.summary.passed).toBe(false);
    const places = report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.severity}`);
    expect(places).toContain('novel/book.yaml:1:1 CONFIG_INVALID error');
    expect(places.some((p) => p.startsWith('novel/book.yaml:3:'))).toBe(true);
    expect(report.diagnostics.every((d) => d.hint !== null && d.hint.length > 0)).toBe(true);
    // The text output says the same.
    const text = galley(dir, 'check', 'novel');
    for (const d of report.diagnostics) expect(text.stderr).toContain(`${d.file}:${d.line}:${d.column}: ${d.message}`);
  });

  it('refuses a format it does not know', () => {
    const result = galley(book(false), 'check', 'book.md', '--format', 'xml');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/expected text or json/);
  });
});

describe('--max-warnings', () => {
  it('fails the check when there are more warnings than allowed, in text and JSON', () => {
    const dir = book(false);
    const over = galley(dir, 'check', 'book.md', '--max-warnings', '4');
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/^error 5 warnings, more than --max-warnings allows \(4\)$/m);
    const enough = galley(dir, 'check', 'book.md', '--max-warnings', '5');
    expect(enough.code).toBe(0);
    expect(enough.stderr).not.toMatch(/^error/m);
    const json = galley(dir, 'check', 'book.md', '--max-warnings', '4', '--format', 'json');
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as CheckReport).summary).toEqual({
      errors: 0,
      warnings: 5,
      notes: 0,
      maxWarnings: 4,
      passed: false,
    });
    expect(galley(dir, 'check', 'book.md', '--max-warnings', '0', '--format', 'json').code).toBe(1);
  });

  it('takes only a whole number', () => {
    const dir = book(false);
    for (const bad of ['-1', 'many', '2.5']) expect(galley(dir, 'check', 'book.md', '--max-warnings', bad).code, bad).toBe(2);
  });
});

describe('JSON and text agree on generated manuscripts', () => {
  const capture = () => {
    const lines: string[] = [];
    const logger: Logger = {
      info: () => undefined,
      warn: (m) => lines.push(`warning ${m}`),
      error: (m) => lines.push(`error ${m.split('\n')[0]}`),
    };
    return { logger, lines };
  };

  it('lists the same findings, and gives the same exit code', async () => {
    const dir = tempDir();
    let findings = 0;
    await fc.assert(
      fc.asyncProperty(manuscripts, async (m) => {
        const file = path.join(dir, 'book.md');
        writeFileSync(file, m.text);
        const text = capture();
        let out = '';
        const json = capture();
        const jsonCode = await runCheck({ input: file, logger: json.logger, format: 'json', write: (l) => (out += l) });
        expect(json.lines).toEqual([]);
        const report = JSON.parse(out) as CheckReport;
        findings += report.diagnostics.length;
        const failure = await runCheck({ input: file, logger: text.logger }).then(
          (code) => {
            expect(jsonCode).toBe(code);
            return undefined;
          },
          (error: unknown) => error,
        );
        if (failure) {
          // What stops even a check (a manuscript nested too deep): the same problems, as errors.
          expect(failure).toBeInstanceOf(GalleyError);
          expect(jsonCode).toBe(1);
          expect(report.diagnostics.map((d) => d.message)).toEqual((failure as GalleyError).problems.map((p) => p.message));
          return;
        }
        const placed = text.lines.filter((l) => /^(warning|error) \S+:\d+:\d+ {2}/.test(l));
        const unplaced = text.lines.filter((l) => !placed.includes(l));
        expect(jsonFindings(report).filter((l) => !l.includes(':null:'))).toEqual(placed);
        expect(report.diagnostics.filter((d) => d.line === null).length).toBe(unplaced.length);
      }),
      { seed: 13, numRuns: 20 },
    );
    // The manuscripts made have findings to compare.
    expect(findings).toBeGreaterThan(20);
  }, 60_000);
});
