/**
 * A corpus novel from ../shared (present on developers' machines and in CI, not in a user's
 * clone) builds to an EPUB that EPUBCheck 5.3 passes with no errors or warnings and DAISY Ace
 * with no violations. The suite checks The Great Gatsby (48,000 words); all three novels, War
 * and Peace included, are checked by `npm run validate:corpus` (scripts/validate-corpus.ts),
 * which would take the suite past its time budget. Speed is measured by `npm run bench`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { aceCheck, epubcheck } from './helpers/tools.ts';

const corpus = path.join(REPO, '..', 'shared', 'corpus');
const novels = ['gatsby'].filter((n) => existsSync(path.join(corpus, n, 'manuscript.md')));

describe.runIf(novels.length > 0)('the corpus in ../shared', () => {
  describe.each(novels)('%s', (novel) => {
    let file: string;

    it('builds an EPUB that EPUBCheck passes with no errors or warnings', { timeout: 300_000 }, async () => {
      const { files } = await build({ input: path.join(corpus, novel, 'manuscript.md'), out: tempDir(), formats: ['epub'] });
      file = files[0]?.path as string;
      const check = await epubcheck(file);
      expect(check.clean, check.output).toBe(true);
    });

    it('passes DAISY Ace with no violations', { timeout: 300_000 }, async () => {
      const ace = await aceCheck(file);
      expect(ace.violations, ace.violations.join('\n')).toEqual([]);
      expect(ace.outcome).toBe('pass');
    });
  });
});
