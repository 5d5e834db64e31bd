/**
 * How parsing time grows with the size of hostile inline text in one paragraph — the patterns
 * micromark resolves by looking back over the paragraph — and with text just inside the budgets
 * (manuscript/look-back.ts): time per KB should stay flat as the input doubles. Each cell is the
 * median of 3 parses through Galley's processor (a refusal counts as the end of the parse). With
 * ../shared, it also shows how far the corpus is from the budgets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { GalleyError } from '../src/errors.ts';
import { lookBackLimit } from '../src/manuscript/look-back.ts';
import { MAX_MARKS, MAX_REACH, type SpanCost } from '../src/manuscript/look-back-cost.ts';
import { createProcessor } from '../src/pipeline/processor.ts';
import type { Bench } from './run.ts';
import { median, timeRuns } from './stats.ts';

/** One paragraph of the unit repeated (the first four took 1–12 s at 40 KB before the bound). */
const HOSTILE: Record<string, string> = {
  'mismatched * and _': '*a_ ',
  'closers without openers': 'a_ ',
  'link openers, emphasis closers': '[ a_',
  'unclosed links': '[a](<b',
  '] without [': 'a] ',
  '~~ closers': 'a~~ ',
  'a [ left open, then words': 'said the fox ',
  'lines of words': 'He said hello to the world.\n',
};

/** Text the budgets let through, as close to them as it gets: each builds. */
const WITHIN: Record<string, (bytes: number) => string> = {
  'paragraphs of 40 mismatched pairs': (bytes) => fill(`${'*a_ '.repeat(40)}\n\n`, bytes),
  '990 line ends, then one long line': (bytes) => `${'a b\n'.repeat(990)}${fill('said the fox ', bytes - 3960)}`,
  'prose paragraphs': (bytes) => fill(`${'She said *no* twice and [left](https://example.org) at two. '.repeat(6)}\n\n`, bytes),
};

const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.round(bytes / unit.length)));
const SIZES = [128_000, 256_000, 512_000, 1_024_000];

const bench: Bench = async ({ log, shared }) => {
  const processor = createProcessor({ language: 'en', parts: [] });
  const parse = (text: string): string => {
    try {
      processor.parse(new VFile({ path: 'bench.md', value: `# Bench\n\n${text}\n` }));
      return 'built';
    } catch (error) {
      if (!(error instanceof GalleyError)) throw error;
      return 'refused';
    }
  };
  const row = async (name: string, make: (bytes: number) => string) => {
    const perKb: number[] = [];
    let outcome = '';
    const cells: string[] = [];
    for (const bytes of SIZES) {
      const text = make(bytes);
      outcome = parse(text);
      const ms = median(await timeRuns(3, () => parse(text)));
      perKb.push(ms / (text.length / 1000));
      cells.push(`${(bytes / 1000).toFixed(0)} KB ${ms.toFixed(0)} ms`.padEnd(20));
    }
    const flat = (perKb.at(-1) as number) / (perKb[0] as number);
    log(
      `${name.padEnd(36)}${cells.join('')}${outcome}; ms/KB ${(perKb[0] as number).toFixed(2)} → ${(perKb.at(-1) as number).toFixed(2)} (×${flat.toFixed(2)} for input ×8)`,
    );
  };
  log(`hostile, one paragraph (refused past ${MAX_MARKS} marks or ${MAX_REACH} characters walked per character)`);
  for (const [name, unit] of Object.entries(HOSTILE))
    await row(name, (bytes) => (name.startsWith('a [') ? `[ ${fill(unit, bytes)}` : fill(unit, bytes)));
  await row('backtick runs of every length', (bytes) => {
    let text = '';
    for (let length = 1; text.length < bytes; length++) text += `${'`'.repeat(length)} a `;
    return text;
  });
  log('within the budgets (built)');
  for (const [name, make] of Object.entries(WITHIN)) await row(name, make);

  if (!shared) return;
  log(
    `the corpus against the budgets: most marks in one paragraph (of ${MAX_MARKS}), most walked per character (of ${MAX_REACH})`,
  );
  for (const book of ['gatsby', 'pride-and-prejudice', 'war-and-peace']) {
    let marks = 0;
    let reach = 0;
    const observe = (cost: SpanCost) => {
      marks = Math.max(marks, cost.marks);
      reach = Math.max(reach, cost.reachPerCharacter);
    };
    const measuring = unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkGfm, { singleTilde: false })
      .use(function () {
        this.data().micromarkExtensions?.push(
          lookBackLimit({ marks: Number.POSITIVE_INFINITY, reach: Number.POSITIVE_INFINITY, gfm: true, observe }),
        );
      });
    measuring.parse(readFileSync(path.join(shared, 'corpus', book, 'manuscript.md'), 'utf8'));
    log(`${book.padEnd(36)}${marks} marks, ${reach.toFixed(2)} walked per character`);
  }
};

export default bench;
