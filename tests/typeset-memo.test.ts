/**
 * The preview's typesetting memo (src/core/typeset-memo.ts): after every edit, the check with the
 * memo gives exactly what a fresh check gives — the sections' HTML and trees (places included),
 * titles and ids, front matter, findings and typographic fixes — over generated books and edits,
 * among them edits that change what other chapters are (a quotation left open at a chapter's
 * end, a number range, a footnote or link definition, a duplicate title, a part title, a code
 * block or comment left open); and the chapters an edit did not touch are reused, not made again.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../src/check/check.ts';
import { createTypesetMemo, type TypesetMemo } from '../src/core/typeset-memo.ts';
import { bookFiles, bookText, edit, type MemoBook, memoBook } from './helpers/memo-manuscripts.ts';
import { tempDir } from './helpers/tmp.ts';

type Checked = Awaited<ReturnType<typeof checkBook>>;

/** Everything the preview shows of a check, as one comparable value. */
function shown(result: Checked) {
  const section = (s: Checked['book']['body'][number]) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    inToc: s.inToc,
    source: s.source,
    html: s.html,
    hast: JSON.stringify(s.hast),
  });
  return {
    title: result.book.config.title,
    front: result.book.front.map(section),
    body: result.book.body.map(section),
    back: result.book.back.map(section),
    diagnostics: result.diagnostics,
    fixes: result.fixes,
    errors: result.errors,
    warnings: result.warnings,
  };
}

async function checked(input: string, memo?: TypesetMemo) {
  try {
    return shown(await checkBook({ input, fixes: true, ...(memo ? { memo } : {}) }));
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

/** Writes the book in one of its forms; returns the manuscript to check. */
function write(dir: string, book: MemoBook, form: 'file' | 'folder'): string {
  if (form === 'file') {
    const file = path.join(dir, 'book.md');
    writeFileSync(file, bookText(book));
    return file;
  }
  const folder = path.join(dir, 'book');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  for (const [name, text] of bookFiles(book)) writeFileSync(path.join(folder, name), text);
  return folder;
}

describe('typesetting with the memo', () => {
  for (const form of ['file', 'folder'] as const) {
    it(`gives what a fresh typesetting gives, after every edit (${form})`, async () => {
      for (let seed = 1; seed <= 6; seed++) {
        const { book, rand } = memoBook(seed * 7919 + (form === 'file' ? 0 : 1));
        const dir = tempDir();
        const memo = createTypesetMemo();
        const done: string[] = ['the first typesetting'];
        for (let step = 0; step < 14; step++) {
          const input = write(dir, book, form);
          const withMemo = await checked(input, memo);
          const fresh = await checked(input);
          expect(withMemo, `seed ${seed}, after ${done.join(', ')}`).toEqual(fresh);
          done.push(edit(book, rand));
        }
      }
    }, 120_000);
  }

  /** A book, its memo, and one edit at a time, each checked against a fresh typesetting. */
  async function editions(text: string, edits: ((text: string) => string)[]) {
    const file = path.join(tempDir(), 'book.md');
    const memo = createTypesetMemo();
    const results: ReturnType<typeof shown>[] = [];
    let current = text;
    for (const change of [(t: string) => t, ...edits]) {
      current = change(current);
      writeFileSync(file, current);
      const withMemo = shown(await checkBook({ input: file, memo }));
      expect(withMemo).toEqual(shown(await checkBook({ input: file })));
      results.push(withMemo);
    }
    return results;
  }

  const BOOK = [
    '---\ntitle: Three Chapters\nauthor: Galley Tests\n---\n',
    '# One\n\nShe said it was over.\n',
    '# Two\n\nIt is not over," he said, and "whatever she says.\n\n"And it never was."\n',
    '# Three\n\nThey went down to the harbour in 1805--6.\n',
  ].join('\n');
  const CLOSING = 'Closing quote without an opening quote before it in this paragraph';

  it('follows a quotation left open at the end of a chapter into the next', async () => {
    const [before, after] = await editions(BOOK, [(t) => t.replace('it was over.', 'it was over. "Is it')]);
    // The next chapter's first closing quote closes it: no longer a quote without an opening.
    expect(before?.diagnostics.map((d) => d.message)).toContain(CLOSING);
    expect(after?.diagnostics.map((d) => d.message)).not.toContain(CLOSING);
  });

  it('gives every chapter its new ids when a renamed heading takes another’s title', async () => {
    const [, after] = await editions(BOOK, [(t) => t.replace('# One', '# Three')]);
    expect(after?.body.map((s) => s.id)).toEqual(['three', 'two', 'three-1']);
  });

  it('reads the file as a whole when a footnote is added to an earlier chapter', async () => {
    const [, after] = await editions(BOOK, [
      (t) => t.replace('it was over.', 'it was over.[^a]').replace('in 1805--6.', 'in 1805--6.\n\n[^a]: So she said.'),
    ]);
    expect(after?.body[0]?.html).toContain('So she said.');
  });

  it('reads a `~~~` as the code fence a later chapter closes, not as a scene break', async () => {
    const [before, after] = await editions(BOOK, [
      (t) => t.replace('it was over.\n', 'it was over.\n\n~~~\nsome code\n').replace('in 1805--6.', 'in 1805--6.\n\n~~~'),
    ]);
    // The code block runs on over the next chapter's heading: an error, as in a fresh typesetting.
    expect(before?.errors).toBe(0);
    expect(after?.diagnostics.map((d) => d.ruleId)).toContain('code/crosses-chapter');
  });

  it('reads the file as a whole when a link in one chapter is defined in another', async () => {
    // The label runs over two lines, as Markdown allows.
    const [, after] = await editions(BOOK, [
      (t) => t.replace('it was over.', 'it was [over\nthere].').replace('in 1805--6.', 'in 1805--6.\n\n[over\nthere]: /map'),
    ]);
    expect(after?.body[0]?.html).toContain('href="/map"');
  });

  it('sets number ranges by the convention of the whole file', async () => {
    // With a range typed with one hyphen in the first chapter, `--` in the last is a dash, not a range.
    const [before, after] = await editions(BOOK, [(t) => t.replace('She said', 'In 1804-5 she said')]);
    expect(before?.body[2]?.html).toContain('1805–6');
    expect(after?.body[2]?.html).toContain('1805—6');
  });

  it('reuses the chapters an edit did not touch, and makes again those it moved', async () => {
    const file = path.join(tempDir(), 'book.md');
    const memo = createTypesetMemo();
    writeFileSync(file, BOOK);
    const first = await checkBook({ input: file, memo });
    writeFileSync(file, BOOK.replace('whatever she says', 'whatever she said'));
    const second = await checkBook({ input: file, memo });
    expect(second.book.body[0]?.hast).toBe(first.book.body[0]?.hast);
    expect(second.book.body[1]?.hast).not.toBe(first.book.body[1]?.hast);
    expect(second.book.body[2]?.hast).toBe(first.book.body[2]?.hast);
    // A line more in the first chapter: the chapters after it stand a line lower.
    writeFileSync(file, BOOK.replace('it was over.\n', 'it was over.\n\nAnd then?\n'));
    const third = await checkBook({ input: file, memo });
    expect(third.book.body[2]?.hast).not.toBe(second.book.body[2]?.hast);
    expect(shown(third)).toEqual(shown(await checkBook({ input: file })));
  });
});
