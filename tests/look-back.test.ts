/**
 * The parser's look-back, bounded: hostile inline text (emphasis marks that never pair, `]`
 * without `[`, a `[` left open before a long paragraph, thousands of tokens in one paragraph)
 * builds or stops at a located error, in time linear in its size — never the seconds-to-hours of
 * micromark's look-back — and the bound changes nothing in what it lets through.
 *
 * "In time" is a ratio, not a clock: the parse's CPU time against that of a peer parsed in the
 * same process just before it, a paragraph of plain words of the same size. Linear work stays
 * within a few times the peer; the look-back this bounds grows with the square of the paragraph,
 * hundreds of times the peer at these sizes. CPU time and a same-process peer keep the guard
 * steady on a shared, loaded machine, where a wall-clock limit was not.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { GalleyError } from '../src/errors.ts';
import { silentLogger } from '../src/logger.ts';
import { MAX_MARKS } from '../src/manuscript/look-back-cost.ts';
import { createProcessor } from '../src/pipeline/processor.ts';
import { remarkLookBackLimit } from '../src/plugins/remark-look-back-limit.ts';
import { cpuTimed } from './helpers/cpu-time.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { epubText } from './helpers/tools.ts';

/** Units of hostile text, each repeated to make a paragraph (the first four are the issue's). */
const HOSTILE: Record<string, string> = {
  'mismatched * and _': '*a_ ',
  'closers without openers': 'a_ ',
  'link openers, emphasis closers': '[ a_',
  'unclosed links': '[a](<b',
  '] without [': 'a] ',
  '~~ closers': 'a~~ ',
  'closers, a line each': 'a_\n',
  'emphasis that pairs': '*a* ',
  'lines of words': 'He said hello to the world.\n',
  entities: '&amp; ',
  tags: '<b>a</b> ',
  escapes: '\\* ',
  'code spans': '`a` ',
  'autolink literals': 'www.a.bc ',
  'e-mail addresses': 'a@b.cd ',
  'footnote calls': '[^n] ',
  'images left open': '![a ',
  'links left open': '[a ',
};

const processor = createProcessor({ language: 'en', parts: [] });
const SHARED = path.join(REPO, '..', 'shared', 'corpus');

type Parsed = { ok: true } | { ok: false; error: GalleyError };

/** Parses `body` as a chapter's text (from line 3), as a build does. */
function parse(body: string): Parsed {
  try {
    processor.parse(new VFile({ path: 'chapter.md', value: `# Chapter\n\n${body}\n` }));
    return { ok: true };
  } catch (error) {
    if (error instanceof GalleyError) return { ok: false, error };
    throw error;
  }
}

const repeat = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.round(bytes / unit.length)));

/** At most this many times the peer's CPU time (hostile linear text measured at 2-6×). */
const PEER_RATIO = 25;
const peers = new Map<number, number>();

/** The CPU time of the peer for a paragraph of `bytes`: plain words, parsed once per size. */
function peerMs(bytes: number): number {
  let ms = peers.get(bytes);
  if (ms === undefined) {
    ms = cpuTimed(() => parse(repeat('said the fox ', bytes))).ms;
    peers.set(bytes, ms);
  }
  return ms;
}

/** Parses `body`, in CPU time within PEER_RATIO of its peer's. */
function parseInTime(body: string): Parsed {
  const peer = peerMs(body.length);
  const { ms, result } = cpuTimed(() => parse(body));
  const took = `${(body.length / 1000).toFixed(0)} KB took ${ms.toFixed(0)} ms of CPU; plain words ${peer.toFixed(0)} ms`;
  expect(ms, took).toBeLessThan(PEER_RATIO * peer + 50);
  return result;
}

/** The outcome is a build or a refusal at a place in the text, with what to do. */
function expectBuiltOrRefused(body: string, outcome: Parsed): void {
  if (outcome.ok) return;
  const { error } = outcome;
  expect(error.code, error.message).toBe('MANUSCRIPT_TOO_MANY_MARKS');
  const [, line, column] = /^chapter\.md:(\d+):(\d+)$/.exec(error.location ?? '') ?? [];
  const lines = `# Chapter\n\n${body}`.split('\n');
  expect(Number(line)).toBeGreaterThanOrEqual(3);
  expect(Number(column)).toBeLessThanOrEqual((lines[Number(line) - 1]?.length ?? 0) + 1);
  expect(error.hint).toMatch(/split the paragraph|blank line/);
}

describe('hostile inline text', () => {
  // The patterns that took seconds at 40 KB at 1 MB; the others at 256 KB, to keep the suite fast.
  const LARGEST = Object.keys(HOSTILE).slice(0, 6);
  const size = (name: string) => (LARGEST.includes(name) ? 1_000_000 : 256_000);

  it.each(Object.keys(HOSTILE))('%s, up to 1 MB in one paragraph: built or refused at a place, in time', (name) => {
    const body = repeat(HOSTILE[name] as string, size(name));
    expectBuiltOrRefused(body, parseInTime(body));
  });

  it('the issue’s four patterns are refused, at a mark of the pattern, saying why', () => {
    for (const [name, mark] of [
      ['mismatched * and _', '_'],
      ['closers without openers', '_'],
      ['link openers, emphasis closers', '_'],
      ['unclosed links', ']'],
    ] as const) {
      const unit = HOSTILE[name] as string;
      const outcome = parse(repeat(unit, 40_000));
      expect(outcome.ok, name).toBe(false);
      const { error } = outcome as { error: GalleyError };
      const column = Number(error.location?.split(':')[2]);
      expect(unit[(column - 1) % unit.length], `${name}: ${error.message}`).toBe(mark);
      expect(error.message).toMatch(/^the paragraph at line 3 has /);
    }
  });

  it('a `[` left open before a long paragraph is named, with its place; 10 KB in brackets build', () => {
    expect(parse(`Calm. [${repeat('said the fox ', 10_000)}] and on.`).ok).toBe(true);
    const outcome = parse(`Calm. [ ${repeat('said the fox ', 200_000)}`);
    expect(outcome.ok).toBe(false);
    const { error } = outcome as { error: GalleyError };
    expect(error.message).toMatch(/^a `\[` \(3:7\) is followed by too much of its paragraph before a `]` closes it/);
    expect(error.hint).toMatch(/Close it sooner with `]`, write it `\\\[`/);
  });

  it('backtick runs of every length, none closed (each reads to the end of the paragraph): refused, in time', () => {
    let body = '';
    for (let length = 1; body.length < 500_000; length++) body += `${'`'.repeat(length)} a `;
    const outcome = parseInTime(body);
    expectBuiltOrRefused(body, outcome);
    expect(outcome.ok).toBe(false);
    expect((outcome as { error: GalleyError }).error.message).toMatch(/runs of backticks that no run of the same length closes/);
  });

  it(`${MAX_MARKS} marks in a paragraph build; one more stops at that mark`, () => {
    expect(parse(repeat('*a* ', (MAX_MARKS / 2) * 4)).ok).toBe(true);
    const outcome = parse(`${repeat('*a* ', (MAX_MARKS / 2) * 4)}**b**`);
    expect(outcome.ok).toBe(false);
    expect((outcome as { error: GalleyError }).error.location).toBe(`chapter.md:3:${MAX_MARKS * 2 + 1}`);
  });

  it('random mixes of hostile units, up to 1 MB, build or stop at a place, in time', () => {
    const units = Object.values(HOSTILE);
    const mix = fc.record({
      parts: fc.array(fc.constantFrom(...units, 'word ', '\n\n', '[', '*', '_'), { minLength: 1, maxLength: 6 }),
      bytes: fc.constantFrom(2_000, 30_000, 250_000, 1_000_000),
    });
    fc.assert(
      fc.property(mix, ({ parts, bytes }) => {
        const body = repeat(parts.join(''), bytes);
        expectBuiltOrRefused(body, parseInTime(body));
      }),
      { seed: 20261202, numRuns: 10, endOnFailure: true },
    );
  }, 120_000);
});

describe('what the bound lets through is parsed as before', () => {
  const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false });
  const counted = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm, { singleTilde: false })
    .use(remarkLookBackLimit);
  const atoms = [
    '*a*',
    '_b_',
    '**c**',
    '__d__',
    '~~e~~',
    '*',
    '_',
    '~~',
    '[',
    ']',
    '![',
    '[x](u.html)',
    '[x][r]',
    '[r]',
    '[^1]',
    '[^2]',
    '<b>',
    '</b>',
    '<u@v.io>',
    '&amp;',
    '&#1;',
    '\\*',
    '\\',
    '`c`',
    '``',
    'www.site.org',
    'http://a.b/c',
    'me@mail.com',
    'word',
    'snake_case',
    '2*3*4',
    ' ',
    ' ',
    '\n',
    '  \n',
    '\n\n',
    '> ',
    '- ',
    '| a | b |\n|---|---|\n',
  ];
  const document = fc
    .array(fc.constantFrom(...atoms), { maxLength: 80 })
    .map((parts) => `${parts.join('')}\n\n[r]: https://example.org\n[^1]: A note.\n`);

  it('a soup of marks gives the same tree with the bound as without', () => {
    const soup = fc.array(fc.constantFrom(...'*_~[]!()`<>\\&^@:/.w a\n'), { maxLength: 120 }).map((c) => c.join(''));
    fc.assert(
      fc.property(soup, (text) => {
        expect(JSON.stringify(counted.parse(text))).toBe(JSON.stringify(plain.parse(text)));
      }),
      { seed: 20261204, numRuns: 600 },
    );
  });

  it.runIf(existsSync(SHARED))(
    'the corpus gives the same trees with the bound as without',
    () => {
      for (const book of ['gatsby', 'pride-and-prejudice']) {
        const text = readFileSync(path.join(SHARED, book, 'manuscript.md'), 'utf8');
        expect(JSON.stringify(counted.parse(text)) === JSON.stringify(plain.parse(text)), book).toBe(true);
      }
    },
    60_000,
  );

  it('generated Markdown of every inline kind gives the same tree with the bound as without', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(JSON.stringify(counted.parse(text))).toBe(JSON.stringify(plain.parse(text)));
      }),
      { seed: 20261203, numRuns: 400 },
    );
  });
});

describe('in a book', () => {
  function bookWith(body: string, yaml = 'title: Deep Water\nauthor: Wren Ashby\n'): string {
    const dir = path.join(tempDir('galley-look-back-'), 'book');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'book.yaml'), yaml);
    writeFileSync(path.join(dir, '01-tide.md'), `# Tide\n\n${body}\n`);
    return dir;
  }
  const buildEpub = (dir: string) => build({ input: dir, out: path.join(dir, 'dist'), formats: ['epub'], logger: silentLogger });

  it('a hostile paragraph stops the build at its file, line and column', async () => {
    const error = await buildEpub(bookWith(`Calm water.\n\n${repeat('a_ ', 40_000)}`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GalleyError);
    expect((error as GalleyError).location).toMatch(/01-tide\.md:5:\d+$/);
  });

  it('in a metadata text, the error names the key', async () => {
    const yaml = `title: Deep Water\nauthor: Wren Ashby\ndedication: "${repeat('a_ ', 30_000)}"\n`;
    const error = await buildEpub(bookWith('Calm water.', yaml)).catch((e: unknown) => e);
    expect((error as GalleyError).message).toMatch(/^a paragraph in `dedication` has too many emphasis marks/);
    expect((error as GalleyError).location).toMatch(/book\.yaml$/);
  });

  it('prose with italics, links, notes and stray marks builds, with every paragraph', async () => {
    const sentence = 'She said *no* -- twice_ -- and [left](https://example.org) at 5 * 3 past two[^1]; see www.example.org. ';
    const paragraphs = Array.from({ length: 60 }, () => sentence.repeat(6));
    const { files } = await buildEpub(bookWith(`${paragraphs.join('\n\n')}\n\n[^1]: The hour.`));
    const text = await epubText(files[0]?.path as string);
    expect(text.match(/left/g)?.length).toBe(360);
  }, 60_000);
});
