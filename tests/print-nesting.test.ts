/**
 * Deep block quotes and lists keep every word in print and on a phone. Each level used to indent
 * the text further (a block quote on both sides), so at 12 levels the printed column was two
 * words wide and at 20 the innermost text was set in no width at all, and clipped: missing from
 * the PDF. Past three levels nothing indents further now; every word prints, in order, in a
 * column of most of the text block's width.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { silentLogger } from '../src/logger.ts';
import { findBrowser } from '../src/output/browser.ts';
import { tempDir } from './helpers/tmp.ts';
import { epubcheck, epubEntries, missingWords, pdfPageWords, pdfText } from './helpers/tools.ts';

type Kind = '>' | '-' | '1.';

/** What keeps a level's container open on the lines after its first. */
const CONTINUE: Record<Kind, string> = { '>': '> ', '-': '  ', '1.': '   ' };

const WORDS = 'tide harbour lantern ferry gull rope salt dune kelp buoy'.split(' ');

/** A level's paragraph: its own words (`n3`, then ordinary ones), so that each can be found. */
const paragraph = (level: number, words: number) =>
  `Level${level} ${Array.from({ length: words }, (_, i) => WORDS[(level + i) % WORDS.length]).join(' ')}.`;

/** Containers nested in the order given, each holding a paragraph and then the next. */
function nested(kinds: Kind[], innermostWords = 40): string {
  const lines: string[] = [];
  let prefix = '';
  kinds.forEach((kind, level) => {
    lines.push(`${prefix}${kind} ${paragraph(level, 6)}`, (prefix + CONTINUE[kind]).trimEnd());
    prefix += CONTINUE[kind];
  });
  lines.push(`${prefix}${paragraph(kinds.length, innermostWords)}`);
  return lines.join('\n');
}

function bookWith(body: string): string {
  const dir = path.join(tempDir('galley-print-nesting-'), 'book');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'book.yaml'), 'title: Deep Harbour\nauthor: Wren Ashby\n');
  writeFileSync(path.join(dir, '01-harbour.md'), `# Harbour\n\n${body}\n`);
  return dir;
}

async function buildBoth(body: string): Promise<{ pdf: string; epub: string }> {
  const dir = bookWith(body);
  const { files } = await build({ input: dir, out: path.join(dir, 'dist'), formats: ['epub', 'pdf'], logger: silentLogger });
  const find = (ext: string) => files.find((f) => f.path.endsWith(ext))?.path as string;
  return { pdf: find('.pdf'), epub: find('.epub') };
}

/** The words of `source`, in order, as a subsequence of `output`'s; the first one missing, if any. */
function firstOutOfOrder(source: string, output: string): string | undefined {
  const words = (text: string) => text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const have = words(output);
  let at = 0;
  for (const word of words(source)) {
    while (at < have.length && have[at] !== word) at++;
    if (at === have.length) return word;
    at++;
  }
  return undefined;
}

/** Where each level's first word (`LevelN`) starts on the page, in points from the left. */
async function levelLefts(pdf: string): Promise<Map<number, number>> {
  const lefts = new Map<number, number>();
  for (const word of (await pdfPageWords(pdf)).flat()) {
    const level = /^Level(\d+)$/.exec(word.text)?.[1];
    if (level !== undefined) lefts.set(Number(level), word.left);
  }
  return lefts;
}

describe('deep nesting in print', () => {
  it('10 block quotes and 10 lists, interleaved (20 levels): every word prints, in order, most of the width', async () => {
    const kinds = Array.from({ length: 20 }, (_, i): Kind => (i % 2 ? '-' : '>'));
    const body = nested(kinds);
    const { pdf } = await buildBoth(body);
    const text = await pdfText(pdf);
    expect(missingWords(body, text)).toEqual([]);
    expect(firstOutOfOrder(body, text)).toBeUndefined();
    const lefts = await levelLefts(pdf);
    // The first levels indent; past the third, none further (a list's marker may stand in the line).
    expect(lefts.get(1) as number).toBeGreaterThan(lefts.get(0) as number);
    expect((lefts.get(20) as number) - (lefts.get(0) as number)).toBeLessThan(80);
  }, 120_000);

  it('random mixes of block quotes and lists, 12 to 40 levels: every word prints, in order', async () => {
    const kind = fc.constantFrom<Kind>('>', '-', '1.');
    const mixes = fc.integer({ min: 12, max: 40 }).chain((n) => fc.array(kind, { minLength: n, maxLength: n }));
    await fc.assert(
      fc.asyncProperty(mixes, async (kinds) => {
        const body = nested(kinds, 25);
        const text = await pdfText((await buildBoth(body)).pdf);
        expect(missingWords(body, text), kinds.join(' ')).toEqual([]);
        expect(firstOutOfOrder(body, text), kinds.join(' ')).toBeUndefined();
      }),
      { seed: 20261205, numRuns: 4, endOnFailure: true },
    );
  }, 300_000);
});

describe('deep nesting in the EPUB, on a phone', () => {
  it('20 levels at 360 px wide: the innermost paragraph keeps most of the width; EPUBCheck passes', async () => {
    const kinds = Array.from({ length: 20 }, (_, i): Kind => (i % 2 ? '-' : '>'));
    const { epub } = await buildBoth(nested(kinds));
    const entries = await epubEntries(epub);
    const css = [...entries].filter(([name]) => name.endsWith('.css')).map(([, text]) => text);
    const [, chapter] = [...entries].find(([name, text]) => name.endsWith('.xhtml') && text.includes('Level20')) ?? [];
    const body = (chapter ?? '').replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    const browser = await puppeteer.launch({
      executablePath: (await findBrowser()).executablePath,
      pipe: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 360, height: 640 });
      await page.setContent(`<!DOCTYPE html><html><head><style>${css.join('\n')}</style></head><body>${body}</body></html>`);
      const widths = await page.evaluate(() => {
        const paragraphs = [...document.querySelectorAll('p')].filter((p) => /Level\d+/.test(p.textContent ?? ''));
        return { body: document.body.clientWidth, innermost: paragraphs.at(-1)?.getBoundingClientRect().width ?? 0 };
      });
      expect(widths.innermost / widths.body).toBeGreaterThan(0.6);
    } finally {
      await browser.close();
    }
    expect((await epubcheck(epub)).summary).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
  }, 120_000);
});
