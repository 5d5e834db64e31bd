/**
 * The real web-pasted manuscript in ../shared/seed (present on developers' machines and in CI,
 * not in a user's clone): it must build with --title and --author to an EPUB that EPUBCheck
 * passes cleanly and a PDF, with every word of the seed in both.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { listThemes } from '../src/output/theme-list.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { epubcheck, epubcheckMany, epubText, missingWords, pdfFonts, pdfText } from './helpers/tools.ts';

const seed = path.join(REPO, '..', 'shared', 'seed', '000_ee611fcb0cfb0b3d.txt');

// Nothing runs when the suite is collected: where ../shared is absent it is skipped having done no work.
describe.runIf(existsSync(seed))('seed manuscript (../shared/seed)', () => {
  const lines: string[] = [];
  let out: string;
  let code: number;
  let source: string;

  beforeAll(async () => {
    out = tempDir();
    const add = (m: string) => lines.push(m);
    code = await main(['node', 'galley', 'build', seed, '--out', out, '--title', 'Seed', '--author', 'Seed Author'], {
      info: add,
      warn: add,
      error: add,
    });
    source = readFileSync(seed, 'utf8');
  });

  it('builds with --title and --author', () => {
    expect(code, lines.join('\n')).toBe(0);
    expect(lines.some((l) => /^wrote .*seed\.epub/.test(l))).toBe(true);
    expect(lines.some((l) => /^wrote .*seed\.pdf/.test(l))).toBe(true);
  });

  it('gives an EPUB that EPUBCheck passes with no errors or warnings', async () => {
    const check = await epubcheck(path.join(out, 'seed.epub'));
    expect(check.clean, check.output).toBe(true);
  });

  it('keeps every word of the seed in the EPUB and the PDF', async () => {
    expect(missingWords(source, await epubText(path.join(out, 'seed.epub')))).toEqual([]);
    expect(missingWords(source, await pdfText(path.join(out, 'seed.pdf')))).toEqual([]);
  });

  it('embeds every PDF font as TrueType', async () => {
    const fonts = await pdfFonts(path.join(out, 'seed.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).toMatch(/TrueType/);
    }
  });
});

// Every built-in theme on the seed: one build each (one browser each, as the CLI runs), every EPUB
// through one EPUBCheck, every word in each EPUB and PDF.
describe.runIf(existsSync(seed))('seed manuscript with every built-in theme', () => {
  const built: Array<{ theme: string; out: string; code: number; lines: string[] }> = [];
  let source: string;

  beforeAll(async () => {
    source = readFileSync(seed, 'utf8');
    for (const { name } of await listThemes()) {
      const out = tempDir();
      const lines: string[] = [];
      const add = (m: string) => lines.push(m);
      const args = ['node', 'galley', 'build', seed, '--out', out, '--title', 'Seed', '--author', 'Seed Author', '--theme', name];
      built.push({ theme: name, out, code: await main(args, { info: add, warn: add, error: add }), lines });
    }
  }, 900_000);

  it('builds the EPUB and the PDF with each, and EPUBCheck passes every EPUB cleanly', async () => {
    expect(built.length).toBeGreaterThanOrEqual(8);
    for (const b of built) expect(b.code, `${b.theme}\n${b.lines.join('\n')}`).toBe(0);
    const checks = await epubcheckMany(built.map((b) => path.join(b.out, 'seed.epub')));
    for (const [i, check] of checks.entries()) expect(check.clean, `${built[i]?.theme}\n${check.output}`).toBe(true);
  });

  it('keeps every word of the seed in each theme’s EPUB and PDF', async () => {
    // Compared without case: a theme may set its lead-in in capitals (thriller's), which the PDF's text keeps.
    const lower = source.toLowerCase();
    for (const b of built) {
      expect(missingWords(lower, (await epubText(path.join(b.out, 'seed.epub'))).toLowerCase()), b.theme).toEqual([]);
      expect(missingWords(lower, (await pdfText(path.join(b.out, 'seed.pdf'))).toLowerCase()), b.theme).toEqual([]);
    }
  });
});
