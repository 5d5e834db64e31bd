/**
 * Nesting: block quotes, lists, footnotes, emphasis, links and HTML elements inside one another.
 * Up to 100 levels a book builds, EPUB and PDF; past that the build stops with an error at the
 * place where the nesting passes the limit — never a RangeError from a recursive pass, and never
 * minutes of parsing. Every kind is tried at 100, 101 and 10,000 levels, and random mixes of
 * kinds at random depths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { GalleyError } from '../src/errors.ts';
import { silentLogger } from '../src/logger.ts';
import { containerDepth, MAX_NESTING } from '../src/manuscript/depth.ts';
import { emphasisDepth } from '../src/manuscript/emphasis-depth.ts';
import { cpuTimedAsync } from './helpers/cpu-time.ts';
import { tempDir } from './helpers/tmp.ts';
import { epubText, pdfText } from './helpers/tools.ts';

const rep = (text: string, n: number) => text.repeat(n);

/** Each kind of nesting, `n` levels deep, with the word `Innermost` at the bottom. */
const KINDS: Record<string, (n: number) => string> = {
  'block quotes on one line': (n) => `${rep('> ', n)}Innermost`,
  'block quotes, one more each line': (n) =>
    `${Array.from({ length: n }, (_, i) => `${rep('>', i + 1)} Line`).join('\n')} Innermost`,
  'indented lists': (n) => `${Array.from({ length: n }, (_, i) => `${rep('  ', i)}- Item`).join('\n')} Innermost`,
  'lists on one line': (n) => `${rep('- ', n)}Innermost`,
  'numbered lists': (n) => `${Array.from({ length: n }, (_, i) => `${rep('   ', i)}1. Item`).join('\n')} Innermost`,
  'footnotes in footnotes': (n) => `Called[^a0].\n\n${Array.from({ length: n }, (_, i) => `[^a${i}]: `).join('')}Innermost`,
  emphasis: (n) => `${rep('_a ', n)}Innermost${rep(' a_', n)}`,
  'strong emphasis': (n) => `${rep('**a ', n)}Innermost${rep(' a**', n)}`,
  strikethrough: (n) => `${rep('~~a ', n)}Innermost${rep(' a~~', n)}`,
  // A link cannot hold a link, so a link nests only once: emphasis inside it makes the rest.
  'emphasis in a link': (n) => `[${rep('_a ', n - 1)}Innermost${rep(' a_', n - 1)}](u.html)`,
  '<span> elements': (n) => `${rep('<span>', n)}Innermost${rep('</span>', n)}`,
  'unclosed <b> elements': (n) => `${rep('<b>', n)}Innermost`,
  '<div> blocks': (n) => `${rep('<div>\n\n', n)}Innermost\n\n${rep('</div>\n\n', n)}`,
};

/** A one-chapter book with `body` after its heading (line 3 on). */
function bookWith(body: string, yaml = 'title: Deep Water\nauthor: Wren Ashby\n'): string {
  const dir = path.join(tempDir('galley-nesting-'), 'book');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'book.yaml'), yaml);
  writeFileSync(path.join(dir, '01-deep.md'), `# Deep\n\n${body}\n`);
  return dir;
}

type Outcome = { ok: true; epub: string } | { ok: false; error: GalleyError };

async function buildEpub(dir: string): Promise<Outcome> {
  try {
    const { files } = await build({ input: dir, out: path.join(dir, 'dist'), formats: ['epub'], logger: silentLogger });
    return { ok: true, epub: files[0]?.path as string };
  } catch (error) {
    if (error instanceof GalleyError) return { ok: false, error };
    throw error;
  }
}

/** The build stopped at a place in the chapter, saying what is nested how deep and what to do. */
function expectTooDeep(outcome: Outcome): GalleyError {
  expect(outcome.ok, 'the build should stop').toBe(false);
  const { error } = outcome as { error: GalleyError };
  expect(error.code).toBe('MANUSCRIPT_TOO_DEEP');
  expect(error.location).toMatch(/01-deep\.md:\d+:\d+$/);
  expect(error.message).toMatch(/is nested \d+ levels deep; Galley reads at most 100$/);
  expect(error.hint).toMatch(/Nest fewer/);
  return error;
}

describe('each kind of nesting', () => {
  it.each(Object.keys(KINDS))('%s: 100 levels build, with every word', async (kind) => {
    const outcome = await buildEpub(bookWith((KINDS[kind] as (n: number) => string)(MAX_NESTING)));
    expect(outcome.ok, outcome.ok ? '' : outcome.error.message).toBe(true);
    expect(await epubText((outcome as { epub: string }).epub)).toContain('Innermost');
  });

  it.each(Object.keys(KINDS))('%s: 101 levels stop the build at a place', async (kind) => {
    const error = expectTooDeep(await buildEpub(bookWith((KINDS[kind] as (n: number) => string)(MAX_NESTING + 1))));
    expect(error.message).toMatch(/nested 101 levels/);
  });

  /** Kinds written a line per level grow with the square of the depth: 2,000 levels are already 4 to 6 MB. */
  const deepest = (kind: string) => (/one more each line|indented|numbered/.test(kind) ? 2000 : 10_000);

  it.each(Object.keys(KINDS))('%s: 10,000 levels (2,000 a line each) stop the build within seconds', async (kind) => {
    const book = bookWith((KINDS[kind] as (n: number) => string)(deepest(kind)));
    const { ms, result } = await cpuTimedAsync(() => buildEpub(book));
    expectTooDeep(result);
    // Before the limit, these gave a RangeError, or ran for minutes; now they take well under a second.
    expect(ms, 'CPU time').toBeLessThan(15_000);
  });

  it('names the place where the limit is passed: the 101st `>`', async () => {
    const error = expectTooDeep(await buildEpub(bookWith(`Calm.\n\n${rep('> ', 300)}Innermost`)));
    expect(error.location?.endsWith('01-deep.md:5:201')).toBe(true);
    expect(error.message).toBe('a block quote is nested 101 levels deep; Galley reads at most 100');
  });

  it('names the place where the limit is passed: the 101st `<span>`', async () => {
    const error = expectTooDeep(await buildEpub(bookWith(`${rep('<span>', 150)}Innermost`)));
    expect(error.location?.endsWith('01-deep.md:3:601')).toBe(true);
    expect(error.message).toMatch(/^<span> is nested 101 levels/);
  });

  it('the issue’s list nested 2,000 levels deep is refused within seconds (it ran for over 120 s)', async () => {
    const book = bookWith(KINDS['indented lists']?.(2000) as string);
    const { ms, result } = await cpuTimedAsync(() => buildEpub(book));
    const error = expectTooDeep(result);
    expect(error.location?.endsWith('01-deep.md:103:201')).toBe(true);
    expect(ms, 'CPU time').toBeLessThan(15_000);
  });

  it('deep nesting in a metadata text (the dedication) names the key', async () => {
    const yaml = `title: Deep Water\nauthor: Wren Ashby\ndedication: "${rep('*', 10_000)}For you${rep('*', 10_000)}"\n`;
    const outcome = await buildEpub(bookWith('Calm water.', yaml));
    expect(outcome.ok).toBe(false);
    const { error } = outcome as { error: GalleyError };
    expect(error.code).toBe('MANUSCRIPT_TOO_DEEP');
    expect(error.location).toMatch(/book\.yaml$/);
    expect(error.message).toMatch(/in `dedication` is nested/);
  });
});

describe('random mixes of nesting', () => {
  /** One level of a kind: block kinds go in a line's prefix, inline kinds around the words. */
  const BLOCK = ['> ', '- ', '1. '];
  const INLINE: [open: string, close: string][] = [
    ['_a ', ' a_'],
    ['**a ', ' a**'],
    ['~~a ', ' a~~'],
    ['[a ', ' a](u.html)'],
    ['<span>', '</span>'],
    ['<i>', '</i>'],
  ];
  const mix = fc.record({
    blocks: fc.array(fc.constantFrom(...BLOCK), { maxLength: 80 }),
    inline: fc.array(fc.constantFrom(...INLINE), { maxLength: 80 }),
  });

  it('build when 100 levels deep or less, with every word, and stop at a place when deeper', async () => {
    await fc.assert(
      fc.asyncProperty(mix, async ({ blocks, inline }) => {
        // A link cannot hold a link: only the innermost `[…](…)` is one, the others are text.
        const links = inline.filter(([open]) => open === '[a ').length;
        const depth = blocks.length + inline.length - Math.max(0, links - 1);
        const body = `${blocks.join('')}${inline.map(([open]) => open).join('')}Innermost${inline
          .map(([, close]) => close)
          .reverse()
          .join('')}`;
        const outcome = await buildEpub(bookWith(body));
        if (depth <= MAX_NESTING) {
          expect(outcome.ok, outcome.ok ? '' : outcome.error.message).toBe(true);
          expect(await epubText((outcome as { epub: string }).epub)).toContain('Innermost');
        } else {
          expectTooDeep(outcome);
        }
      }),
      { seed: 20261201, numRuns: 30, endOnFailure: true },
    );
  });
});

describe('what is not nesting', () => {
  it('stray asterisks and underscores that never close are not emphasis levels', () => {
    const prose = rep('He said *this and _that, ', 500);
    expect(emphasisDepth(prose, MAX_NESTING)).toBeUndefined();
    expect(emphasisDepth(rep('a_b_c snake_case *p++ = *q++; ', 500), MAX_NESTING)).toBeUndefined();
    expect(emphasisDepth(rep('*one* **two** ~~three~~ ', 2000), MAX_NESTING)).toBeUndefined();
  });

  it('scene breaks, code and deep indentation outside lists are no containers', () => {
    expect(containerDepth(rep('* * *\n\nText.\n\n', 500), MAX_NESTING)).toBeUndefined();
    expect(containerDepth(`${rep(' ', 1000)}A poem's far-indented line.\n`, MAX_NESTING)).toBeUndefined();
    expect(containerDepth(rep('- item\n\n', 1000), MAX_NESTING)).toBeUndefined();
    expect(containerDepth(rep('> a\n> > b\n\n', 1000), MAX_NESTING)).toBeUndefined();
  });

  it('lazy lines and tabs do not hide a deep list from the line scan', () => {
    const lazy = Array.from({ length: 200 }, (_, i) => `${rep('  ', i)}- Item\nlazy text`).join('\n');
    expect(containerDepth(lazy, MAX_NESTING)?.place).toEqual({ line: 201, column: 201 });
    const tabs = Array.from({ length: 200 }, (_, i) => `${rep('\t', i)}- Item`).join('\n');
    expect(containerDepth(tabs, MAX_NESTING)?.depth).toBe(101);
  });
});

describe('100 levels in the print PDF', () => {
  // Half of them block quotes and lists: past three levels those indent no further (print-nesting.test.ts).
  it('a mix of kinds 100 levels deep prints, with its innermost word', async () => {
    const inline = `${rep('_a ', 16)}${rep('**a ', 17)}${rep('<span>', 17)}Innermost${rep('</span>', 17)}${rep(' a**', 17)}${rep(' a_', 16)}`;
    const body = `${rep('> ', 25)}${rep('- ', 25)}${inline}`;
    const dir = bookWith(body);
    const { files } = await build({ input: dir, out: path.join(dir, 'dist'), formats: ['pdf'], logger: silentLogger });
    expect(await pdfText(files[0]?.path as string)).toContain('Innermost');
  }, 120_000);
});
