/**
 * Golden fixtures for the whole text pipeline: each folder in tests/fixtures/pipeline holds an
 * `input.md` or `input.txt` and the `output.html` it must give (the book's chapters, then any
 * diagnostics). Run with UPDATE=1 to rewrite the expected files, then review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeset } from '../src/core/typeset.ts';
import { formatDiagnostic } from '../src/diagnostics.ts';

const root = path.join(import.meta.dirname, 'fixtures', 'pipeline');
const cases = readdirSync(root).sort();

describe('pipeline fixtures', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(root, name);
    const input = ['input.md', 'input.txt'].map((f) => path.join(dir, f)).find((f) => existsSync(f));
    if (!input) throw new Error(`${name}: no input.md or input.txt`);
    const { book, diagnostics } = await typeset({
      input,
      cwd: dir,
      overrides: { title: 'Fixture', author: 'Galley Tests' },
    });
    const notes = diagnostics.map(formatDiagnostic);
    const actual = `${book.body.map((s) => s.html).join('\n')}\n${notes.length ? `<!-- diagnostics\n${notes.join('\n')}\n-->\n` : ''}`;
    const expectedFile = path.join(dir, 'output.html');
    if (process.env.UPDATE) writeFileSync(expectedFile, actual);
    if (!existsSync(expectedFile))
      throw new Error(`${name}: no output.html; run UPDATE=1 npx vitest run tests/pipeline.test.ts and review it`);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
