/**
 * The preview's pages as a test reads them, and the PDF's alike: each page's text block and its
 * furniture (running head, folio) as letters and digits only, so that the two compare page by
 * page; a browser to show the preview app in; and the waits for the preview to have laid its
 * pages out and shown them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build } from '../../src/core/build.ts';
import type { PreviewHandle, PreviewState } from '../../src/core/preview.ts';
import { findBrowser } from '../../src/output/browser.ts';
import { tempDir } from './tmp.ts';
import { type PdfWord, pdfPageWords } from './tools.ts';

/**
 * Letters and digits only, lower case: what survives any difference in how text is extracted. A
 * PDF's text may give a quote as the modifier letter its font draws with the same glyph (ʼ for ’,
 * ʻ for ‘, in Source Serif 4): those go too.
 */
export function letters(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[ʼʻ]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface PageText {
  label: string;
  body: string;
  furniture: string;
}

/** The print view's pages: each one's text block and its furniture (running head, folio). */
export async function previewPages(page: Page): Promise<PageText[]> {
  const pages = await page.evaluate(() => {
    const root = document.getElementById('print-view')?.shadowRoot;
    // Off-screen spreads skip their rendering (content-visibility), and so have no innerText.
    if (root && !root.getElementById('test-render-all')) {
      const style = document.createElement('style');
      style.id = 'test-render-all';
      style.textContent = '.spread { content-visibility: visible !important; }';
      root.append(style);
    }
    return [...(root?.querySelectorAll<HTMLElement>('.page') ?? [])].map((box) => {
      // A numbered item's number is a marker, outside innerText; the PDF has it as text.
      const items = [...box.querySelectorAll<HTMLLIElement>('ol > li:not(.galley-cont)')];
      const marked = items.filter(
        (li) => getComputedStyle(li).display === 'list-item' && getComputedStyle(li).listStyleType !== 'none',
      );
      const numbers = marked.map((li) => {
        const number = document.createElement('span');
        number.textContent = `${li.value}. `;
        li.prepend(number);
        return number;
      });
      const text = {
        label: box.dataset.label ?? '',
        body: box.querySelector<HTMLElement>('.print-body')?.innerText ?? '',
        furniture: box.querySelector<HTMLElement>('.furniture-page')?.innerText ?? '',
      };
      for (const number of numbers) number.remove();
      return text;
    });
  });
  return pages.map((p) => ({ label: p.label, body: letters(p.body), furniture: letters(p.furniture) }));
}

/** The same for the PDF `galley build` makes of the book: text inside the text block, and outside it. */
export async function pdfPages(input: string, state: PreviewState): Promise<PageText[]> {
  const out = tempDir();
  await build({ input, out, formats: ['pdf'] });
  return pdfFilePages(path.join(out, readdirSync(out).find((f) => f.endsWith('.pdf')) ?? ''), state);
}

/** A PDF's pages, read as pdfPages() reads them, labelled as the preview's state labels them. */
export async function pdfFilePages(file: string, state: PreviewState): Promise<PageText[]> {
  const box = state.print?.page.recto ?? { top: 0, height: 0 };
  return (await pdfPageWords(file)).map((words, i) => {
    const inside = words.filter((w) => w.top >= box.top - 6 && w.bottom <= box.top + box.height + 4);
    const outside = words.filter((w) => !inside.includes(w));
    return {
      label: state.print?.pages[i]?.label ?? '',
      body: letters(inLines(inside)),
      furniture: letters(inLines(outside)),
    };
  });
}

/** Words in lines (tops within a few points; a drop cap joins its first line), left to right. */
function inLines(words: PdfWord[]): string {
  const rows: PdfWord[][] = [];
  for (const word of [...words].sort((a, b) => a.top - b.top)) {
    const row = rows.at(-1);
    if (row && word.top - (row[0]?.top ?? 0) < 5) row.push(word);
    else rows.push([word]);
  }
  return rows
    .map((row) =>
      row
        .sort((a, b) => a.left - b.left)
        .map((w) => w.text)
        .join(' '),
    )
    .join('\n');
}

export async function currentState(handle: PreviewHandle): Promise<PreviewState> {
  return (await (await fetch(`${handle.url}state`)).json()) as PreviewState;
}

/** Waits until the preview has laid the pages out and the browser shows them. */
export async function pagesShown(handle: PreviewHandle, page: Page): Promise<PreviewState> {
  await handle.settled();
  const state = await currentState(handle);
  await page.waitForFunction(
    (count) => document.getElementById('print-view')?.shadowRoot?.querySelectorAll('.page').length === count,
    { timeout: 30_000 },
    state.print?.pages.length ?? -1,
  );
  return state;
}

/** A browser (found as for the PDF) showing the preview app at `url`, loaded. */
export async function openPreviewApp(url: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await puppeteer.launch({
    executablePath: (await findBrowser()).executablePath,
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { browser, page };
}
