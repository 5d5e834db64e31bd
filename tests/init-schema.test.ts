/**
 * `galley init` starts a book that builds at once and never overwrites a file; `galley schema`
 * prints a JSON Schema of book.yaml, made from the zod schema, that accepts the sample's and a new
 * book's book.yaml and rejects a typo — checked with Ajv, as an editor's YAML support would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../src/cli.ts';
import type { Logger } from '../src/logger.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { epubcheck, epubText } from './helpers/tools.ts';

async function galley(...args: string[]) {
  const lines: string[] = [];
  const logger: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(`error ${m}`) };
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    return { code: await main(['node', 'galley', ...args], logger), lines, stdout };
  } finally {
    spy.mockRestore();
  }
}

async function schemaValidator() {
  const run = await galley('schema');
  expect(run.code).toBe(0);
  const schema = JSON.parse(run.stdout) as Record<string, unknown>;
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('galley init', () => {
  it('starts a book that builds at once, EPUB and PDF', async () => {
    const dir = path.join(tempDir(), 'my-novel');
    const made = await galley('init', dir);
    expect(made.code, made.lines.join('\n')).toBe(0);
    for (const name of ['book.yaml', 'book.schema.json', '01-the-harbour.md', '02-the-letter.md', '.gitignore']) {
      expect(made.lines).toContain(`wrote ${path.join(dir, name)}`);
    }
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
    expect(readFileSync(path.join(dir, 'book.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\/book\.schema\.json$/m,
    );

    const out = tempDir();
    const built = await galley('build', dir, '--out', out);
    expect(built.code, built.lines.join('\n')).toBe(0);
    const epub = path.join(out, 'untitled-novel.epub');
    expect((await epubcheck(epub)).clean).toBe(true);
    const text = await epubText(epub);
    expect(text).toContain('“Straight quotes” become curly ones, the apostrophe in don’t');
    expect(built.lines.some((l) => /^wrote .*untitled-novel\.pdf/.test(l))).toBe(true);
  }, 120_000);

  it('never overwrites a file: a second init keeps every one as it is', async () => {
    const dir = tempDir();
    await galley('init', dir);
    writeFileSync(path.join(dir, 'book.yaml'), 'title: Mine\nauthor: Me\n');
    const again = await galley('init', dir);
    expect(again.code).toBe(0);
    expect(again.lines.filter((l) => l.startsWith('wrote'))).toEqual([]);
    expect(again.lines).toContain(`kept ${path.join(dir, 'book.yaml')} (it was there already)`);
    expect(readFileSync(path.join(dir, 'book.yaml'), 'utf8')).toBe('title: Mine\nauthor: Me\n');
  });
});

describe('galley schema', () => {
  it("accepts the sample's book.yaml and a new book's", async () => {
    const validate = await schemaValidator();
    const sample = parse(readFileSync(path.join(REPO, 'manuscript', 'book.yaml'), 'utf8'));
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    const fresh = parse(readFileSync(path.join(REPO, 'templates', 'init', 'book.yaml'), 'utf8'));
    expect(validate(fresh), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ title: 'T', lang: 'fr', author: [{ name: 'A', role: 'translator' }] })).toBe(true);
  });

  it('rejects a typo, a wrong type and a missing title', async () => {
    const validate = await schemaValidator();
    expect(validate({ tittle: 'The Harbour', title: 'The Harbour', author: 'A' })).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'tittle')).toBe(
      true,
    );
    expect(validate({ title: 'T', author: 'A', print: { bleed: 'yes' } })).toBe(false);
    expect(validate({ author: 'A' })).toBe(false);
  });
});
