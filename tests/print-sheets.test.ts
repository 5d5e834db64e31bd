/**
 * The print's sheets (page-cut.js with `sheets`, body.ts setSheets): the made-up pages, cut from
 * the flow, each in a box of the text block's size that Chromium prints fast. They are used only
 * when they hold every page as the flow laid it out; otherwise the flow stays, untouched, and is
 * printed as it is. Each case is a made-up flow, in a real page: a cut that reproduces it, and
 * one of each way a cut can differ (a rule keyed to what stands before an element, content
 * taller than its sheet, a line sticking out at the side), generated over several page starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BookPage, type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { setSheets } from '../src/output/print/body.ts';

const LINE = 19;
const HEIGHT_PT = 10 * LINE * 0.75;

/** A flow of `paragraphs` paragraphs of `lines` line boxes each, a page starting at each of `starts` (paragraph, line). */
function flow(
  paragraphs: number,
  lines: number,
  starts: Array<[number, number]>,
  css = '',
  line = (p: number, l: number) => `words of paragraph ${p}, line ${l}`,
): string {
  const body = Array.from({ length: paragraphs }, (_, p) => {
    const startsHere = starts.find(([sp, sl]) => sp === p && sl === 0) ? ' class="galley-page-start"' : '';
    const boxes = Array.from({ length: lines }, (_, l) => {
      const start = l > 0 && starts.some(([sp, sl]) => sp === p && sl === l) ? ' galley-page-start' : '';
      // Spans set as blocks (a div would close the paragraph when the HTML is parsed).
      return `<span class="galley-line${l === 0 ? ' galley-first' : ''}${start}">${line(p, l)}</span>`;
    }).join('');
    // The first paragraph is as tall as a drop cap at least (lead-in.ts sets its min-height).
    return `<p${startsHere}${p === 0 ? ' data-first' : ''}>${boxes}</p>`;
  }).join('\n');
  return `<!doctype html><html><head><style>
    body { margin: 0; width: 300px; font: 14px/19px serif; }
    p { margin: 0; }
    /* As lines-cut.js sets line boxes. */
    .galley-line { display: block; height: 19px; white-space: nowrap; text-indent: 0; text-align-last: auto; }
    .galley-line.galley-first { text-indent: inherit; }
    .galley-top { margin-top: 0 !important; }
    ${css}
  </style></head><body><section data-block="0">${body}</section></body></html>`;
}

let session: BrowserSession;
const none = async () => undefined;

beforeAll(async () => {
  session = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await session?.close();
});

async function opened(html: string): Promise<BookPage> {
  return session.open(html, none);
}

const state = (page: BookPage) =>
  page.evaluate<{ sheets: number; flowSections: number; text: string }>(`(() => ({
    sheets: document.querySelectorAll('.galley-sheet').length,
    flowSections: [...document.querySelectorAll('section[data-block]')].filter((s) => !s.closest('.galley-sheet')).length,
    text: document.body.innerText.replace(/\\s+/g, ' ').trim(),
  }))()`);

/** Page starts: every `every` lines of a flow of paragraphs of `lines` lines. */
function startsEvery(paragraphs: number, lines: number, every: number): Array<[number, number]> {
  const starts: Array<[number, number]> = [];
  for (let n = every; n < paragraphs * lines; n += every) starts.push([Math.floor(n / lines), n % lines]);
  return starts;
}

describe('the print sheets', () => {
  it('hold each page as the flow laid it out, at page starts inside and between paragraphs, and the flow goes', async () => {
    for (const every of [3, 4, 7, 10]) {
      const starts = startsEvery(6, 5, every);
      // An indent given by what stands before (`p + p`) is kept where a paragraph starts a page; a
      // least height is the first part's, not a continued part's.
      const page = await opened(flow(6, 5, starts, 'p + p { text-indent: 2em; } p[data-first] { min-height: 76px; }'));
      const before = await state(page);
      const marks = await setSheets(page, { top: 36, height: HEIGHT_PT, line: 14.25 });
      const after = await state(page);
      expect(marks, `pages every ${every} lines`).toBeDefined();
      expect(after.sheets).toBe(starts.length + 1);
      expect(after.flowSections).toBe(0);
      expect(after.text).toBe(before.text);
      await page.close();
    }
  }, 60_000);

  it('are not used, and the flow stays untouched, where a rule keyed to what stands before moves a page’s first lines', async () => {
    for (const every of [5, 10]) {
      const starts = startsEvery(6, 5, every);
      const page = await opened(flow(6, 5, starts, 'p + p { margin-left: 12px; }'));
      const before = await state(page);
      expect(await setSheets(page, { top: 36, height: HEIGHT_PT, line: 14.25 })).toBeUndefined();
      expect(await state(page)).toEqual(before);
      await page.close();
    }
  }, 60_000);

  it('are not used where a page’s content is taller than its sheet, or sticks out at its side', async () => {
    const tall = await opened(flow(4, 6, [[2, 0]]));
    const before = await state(tall);
    expect(await setSheets(tall, { top: 36, height: HEIGHT_PT, line: 14.25 })).toBeUndefined();
    expect(await state(tall)).toEqual(before);
    await tall.close();

    const long = (p: number, l: number) => (p === 1 && l === 2 ? 'unbreakable'.repeat(8) : `words ${p} ${l}`);
    const wide = await opened(flow(4, 4, [[2, 0]], '', long));
    const wideBefore = await state(wide);
    expect(await setSheets(wide, { top: 36, height: HEIGHT_PT, line: 14.25 })).toBeUndefined();
    expect(await state(wide)).toEqual(wideBefore);
    await wide.close();
  }, 60_000);
});
