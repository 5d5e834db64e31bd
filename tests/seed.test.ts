/**
 * The real web-pasted manuscript in ../shared/seed (present on developers' machines and in CI,
 * not in a user's clone): it must build with --title and --author to an EPUB that EPUBCheck
 * passes cleanly and a PDF, with every word of the seed in both.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { epubcheck, epubText, missingWords, pdfFonts, pdfText } from './helpers/tools.ts';

const seed = path.join(REPO, '..', 'shared', 'seed', '000_ee611fcb0cfb0b3d.txt');

describe.runIf(existsSync(seed))('seed manuscript (../shared/seed)', async () => {
  const out = tempDir();
  const lines: string[] = [];
  const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
  const code = await main(['node', 'galley', 'build', seed, '--out', out, '--title', 'Seed', '--author', 'Seed Author'], logger);
  const source = readFileSync(seed, 'utf8');

  it('builds with --title and --author', () => {
    expect(code, lines.join('\n')).toBe(0);
    expect(lines.some((l) => /^wrote .*seed\.epub/.test(l))).toBe(true);
    expect(lines.some((l) => /^wrote .*seed\.pdf/.test(l))).toBe(true);
  });

  it('gives an EPUB that EPUBCheck passes with no errors or warnings', () => {
    const check = epubcheck(path.join(out, 'seed.epub'));
    expect(check.clean, check.output).toBe(true);
  });

  it('keeps every word of the seed in the EPUB and the PDF', async () => {
    expect(missingWords(source, await epubText(path.join(out, 'seed.epub')))).toEqual([]);
    expect(missingWords(source, pdfText(path.join(out, 'seed.pdf')))).toEqual([]);
  });

  it('embeds every PDF font as TrueType', () => {
    for (const font of pdfFonts(path.join(out, 'seed.pdf'))) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).toMatch(/TrueType/);
    }
  });
});
