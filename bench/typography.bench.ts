/**
 * How right the typographic pass is, on the corpus: each book's chapters are typeset to HTML and
 * scored against its golden edition with ../shared/tools/typo_score.py (paragraphs and words
 * kept, and the share of curly quotes, apostrophes, dashes and ellipses right). Needs python3
 * and the corpus. The golden editions themselves are also put through the pass (as plain text):
 * curly marks that are right must stay right. When pandoc is installed it is scored too, as the
 * issue's peer: given `---` for em dashes (the corpus's `--` rewritten), and given the books as typed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toString as plainText } from 'mdast-util-to-string';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { typeset } from '../src/core/typeset.ts';
import { parsePlainText } from '../src/manuscript/plain-text.ts';
import { remarkTypography } from '../src/plugins/remark-typography.ts';
import type { Bench } from './run.ts';

const books = ['gatsby', 'pride-and-prejudice', 'war-and-peace'];

interface Score {
  paragraphs: number;
  matched: number;
  'words kept': number;
  marks: number;
  'marks right': number;
  accuracy: number;
}

const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;

const bench: Bench = async ({ shared, log }) => {
  if (!shared || !has('python3', ['--version'])) {
    log('skipped: needs the corpus and python3');
    return;
  }
  const pandoc = has('pandoc', ['--version']);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'galley-typo-'));
  const scorer = path.join(shared, 'tools', 'typo_score.py');
  const score = (book: string, candidate: string): Score =>
    JSON.parse(
      execFileSync('python3', [scorer, path.join(shared, 'corpus', book, 'golden.txt'), candidate, '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as Score;
  const line = (who: string, book: string, s: Score) =>
    log(
      `${who.padEnd(26)}${book.padEnd(21)}${`${s.matched}/${s.paragraphs}`.padStart(12)}${`${(s['words kept'] * 100).toFixed(2)}%`.padStart(9)}` +
        `${`${s['marks right']}/${s.marks}`.padStart(14)}${`${(s.accuracy * 100).toFixed(3)}%`.padStart(10)}`,
    );
  try {
    log('who                       book                   paragraphs    words     marks right  accuracy   (target ≥ 99.99%)');
    for (const book of books) {
      const manuscript = path.join(shared, 'corpus', book, 'manuscript.md');
      const { book: typeset_ } = await typeset({ input: manuscript });
      const html = path.join(dir, `${book}.html`);
      writeFileSync(html, `<html><body>${typeset_.body.map((s) => s.html).join('\n')}</body></html>`);
      line('galley', book, score(book, html));
    }
    for (const book of books) {
      const golden = readFileSync(path.join(shared, 'corpus', book, 'golden.txt'), 'utf8')
        .split('\n')
        .join('\n\n');
      const tree = unified().use(remarkTypography).runSync(parsePlainText(golden), new VFile(golden));
      const text = path.join(dir, `${book}.golden.txt`);
      writeFileSync(text, tree.children.map((block) => plainText(block)).join('\n'));
      line('galley, golden as input', book, score(book, text));
    }
    if (!pandoc) {
      log('(pandoc not installed: not scored)');
      return;
    }
    for (const [label, rewrite] of [
      ['pandoc, --- for dashes', true],
      ['pandoc, as typed', false],
    ] as const) {
      for (const book of books) {
        const source = readFileSync(path.join(shared, 'corpus', book, 'manuscript.md'), 'utf8');
        const input = path.join(dir, `${book}.pandoc.md`);
        writeFileSync(input, rewrite ? source.replace(/(?<!-)--(?!-)/g, '---') : source);
        const html = path.join(dir, `${book}.pandoc.html`);
        execFileSync('pandoc', ['-f', 'markdown+smart', '-t', 'html', input, '-o', html]);
        line(label, book, score(book, html));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
