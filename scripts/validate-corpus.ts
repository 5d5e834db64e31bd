/**
 * `npm run validate:corpus`: builds every novel of ../shared/corpus (or GALLEY_SHARED) to EPUB and
 * runs EPUBCheck 5.3 and DAISY Ace on each. Exits 1 if any has an error, a warning or a violation.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/core/build.ts';
import { aceCheck, epubcheck } from '../tests/helpers/tools.ts';

const shared = process.env.GALLEY_SHARED ?? path.join(import.meta.dirname, '..', '..', 'shared');
const novels = ['gatsby', 'pride-and-prejudice', 'war-and-peace'];
let failed = false;
for (const novel of novels) {
  const input = path.join(shared, 'corpus', novel, 'manuscript.md');
  if (!existsSync(input)) {
    console.log(`${novel}: not found in ${shared}`);
    continue;
  }
  const out = mkdtempSync(path.join(os.tmpdir(), 'galley-corpus-'));
  const { files } = await build({ input, out, formats: ['epub'] });
  const file = files[0]?.path as string;
  const check = await epubcheck(file);
  const ace = await aceCheck(file);
  const ok = check.clean && ace.outcome === 'pass' && ace.violations.length === 0;
  failed ||= !ok;
  console.log(`${novel}: EPUBCheck ${check.summary}; Ace ${ace.outcome}, ${ace.violations.length} violations`);
  if (!check.clean) console.log(check.output);
  for (const v of ace.violations) console.log(`  ${v}`);
}
process.exitCode = failed ? 1 : 0;
