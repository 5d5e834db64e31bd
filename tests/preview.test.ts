/**
 * `galley preview` in a real browser (Puppeteer driving Chromium): the book's pages render, an
 * edit shows without a reload, a broken book.yaml shows the overlay over the last good pages,
 * `..` paths are refused, only 127.0.0.1 accepts connections, and Ctrl-C stops it cleanly.
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PreviewHandle, preview } from '../src/core/preview.ts';
import { openPreviewApp, pagesShown, pdfPages, previewPages } from './helpers/preview-pages.ts';
import { REPO, tempDir } from './helpers/tmp.ts';

function rawGet(port: number, rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Text of the EPUB or print view, which live in shadow roots. */
function viewText(page: Page, id: 'epub-view' | 'print-view'): Promise<string> {
  return page.evaluate((viewId) => document.getElementById(viewId)?.shadowRoot?.textContent ?? '', id);
}

describe('galley preview', () => {
  let book: string;
  let handle: PreviewHandle;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    book = path.join(tempDir(), 'book');
    cpSync(path.join(REPO, 'manuscript'), book, { recursive: true });
    handle = await preview({ input: book, port: 4520 });
    ({ browser, page } = await openPreviewApp(handle.url));
    await page.waitForFunction(() => document.getElementById('book-title')?.textContent !== 'Galley');
  });

  afterAll(async () => {
    await browser?.close();
    await handle?.close();
  });

  it('serves on 127.0.0.1 and lists the chapters', async () => {
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const chapters = await page.$$eval('#chapters a', (links) => links.map((a) => a.textContent));
    expect(chapters).toEqual(['The Crossing', 'The Weather Book', 'Neap Tide', 'The Last Watch']);
  });

  it('shows the pages the PDF has: same text on each page, running heads and folios', async () => {
    const state = await pagesShown(handle, page);
    const shown = await previewPages(page);
    const printed = await pdfPages(book, state);
    expect(shown.length).toBeGreaterThan(12);
    expect(shown).toEqual(printed);
    // Real pages: the body starts at folio 1 on a recto after roman front matter, chapters open on
    // rectos, and the text is there as DOM text.
    expect(shown.map((p) => p.label).slice(0, 2)).toEqual(['i', 'ii']);
    const opener = state.print?.pages.find((p) => p.html.includes('The Weather Book') && p.html.includes('chapter-title'));
    expect(opener?.recto).toBe(true);
    expect(await viewText(page, 'print-view')).toContain('The mail boat left Callow harbour at seven');
  }, 60_000);

  it('goes to a page by its number, and zooms', async () => {
    await page.click('#goto-page', { clickCount: 3 });
    await page.type('#goto-page', '7');
    await page.keyboard.press('Enter');
    const target = await page.waitForFunction(() => {
      const box = document.getElementById('print-view')?.shadowRoot?.querySelector<HTMLElement>('.page.target');
      const rect = box?.getBoundingClientRect();
      return box && rect && rect.top < window.innerHeight && rect.bottom > 0 ? box.dataset.label : undefined;
    });
    expect(await target.jsonValue()).toBe('7');
    const width = () =>
      page.evaluate(
        () => document.getElementById('print-view')?.shadowRoot?.querySelector('.page')?.getBoundingClientRect().width ?? 0,
      );
    const full = await width();
    await page.$eval('#zoom', (input) => {
      (input as HTMLInputElement).value = '50';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect((await width()) / full).toBeCloseTo(0.5, 2);
    await page.$eval('#zoom', (input) => {
      (input as HTMLInputElement).value = '100';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  });

  it('sends the state as it is to a page that starts listening, so no update falls between /state and /events', async () => {
    await handle.settled();
    const now = (await (await fetch(`${handle.url}state`)).json()) as { version: number };
    const response = await fetch(`${handle.url}events`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!/\ndata: .*\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    const data = /\nevent: state\ndata: (.*)\n\n/.exec(text)?.[1];
    expect(data, text.slice(0, 200)).toBeDefined();
    expect((JSON.parse(data as string) as { version: number }).version).toBe(now.version);
  });

  it('shows the EPUB view with the book’s text', async () => {
    await page.click('#view-epub');
    expect(await viewText(page, 'epub-view')).toContain('The mail boat left Callow harbour at seven');
  });

  it('shows an edit to a chapter without reloading the page', async () => {
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    const file = path.join(book, '03-neap-tide.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA sentence added while the preview was open.\n`);
    await page.waitForFunction(
      () =>
        document.getElementById('epub-view')?.shadowRoot?.textContent?.includes('A sentence added while the preview was open.'),
      { timeout: 15_000 },
    );
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    // The print view: the edited chapter re-printed, the pages still those of a fresh PDF.
    await page.click('#view-print');
    await page.waitForFunction(
      () =>
        document.getElementById('print-view')?.shadowRoot?.textContent?.includes('A sentence added while the preview was open.'),
      { timeout: 30_000 },
    );
    const state = await pagesShown(handle, page);
    expect(await previewPages(page)).toEqual(await pdfPages(book, state));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  }, 90_000);

  it('lists galley check’s findings, each linked to its page', async () => {
    const file = path.join(book, '02-the-weather-book.md');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}
She read the the last letter twice.
`,
    );
    await page.waitForSelector('#diagnostics a[data-page]', { timeout: 30_000 });
    // The list is drawn again as the check and the pages catch up: wait for them, then read the
    // link and click it in one step in the page, so no later drawing can take it away between.
    await handle.settled();
    const text = await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('#diagnostics a[data-page]');
      link?.click();
      return link?.textContent ?? '';
    });
    expect(text).toMatch(/02-the-weather-book\.md:\d+:\d+\s+typo\/repeated-word/);
    const label = /p\. (\w+)/.exec(text)?.[1];
    const shown = await page.waitForFunction(() => {
      const box = document.getElementById('print-view')?.shadowRoot?.querySelector<HTMLElement>('.page.target');
      return box?.textContent?.includes('She read the the last letter twice.') ? box.dataset.label : undefined;
    });
    expect(await shown.jsonValue()).toBe(label);
  }, 60_000);

  it('keeps the page being read in view when an edit before it adds pages', async () => {
    await pagesShown(handle, page);
    await page.click('#goto-page', { clickCount: 3 });
    await page.type('#goto-page', '11');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('print-view')?.shadowRoot?.querySelector('.page.target'));
    const read = () =>
      page.evaluate(() => {
        const box = document.getElementById('print-view')?.shadowRoot?.querySelector<HTMLElement>('.page.target');
        const viewport = document.getElementById('viewport')?.getBoundingClientRect().top ?? 0;
        return {
          anchor: box?.dataset.anchor ?? '',
          label: box?.dataset.label ?? '',
          top: (box?.getBoundingClientRect().top ?? 0) - viewport,
        };
      });
    const before = await read();
    const file = path.join(book, '01-the-crossing.md');
    const added = 'The tide table on the kitchen wall had been ruled by hand, and every line of it was right. '.repeat(40);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n${added}\n`);
    // The page now has another number; it is still where it was on the screen.
    await page.waitForFunction(
      (anchor, label) => {
        const box = document.getElementById('print-view')?.shadowRoot?.querySelector<HTMLElement>(`[data-anchor="${anchor}"]`);
        return box && box.dataset.label !== label;
      },
      { timeout: 30_000 },
      before.anchor,
      before.label,
    );
    await handle.settled();
    const top = await page.evaluate((anchor) => {
      const box = document.getElementById('print-view')?.shadowRoot?.querySelector(`[data-anchor="${anchor}"]`);
      return (box?.getBoundingClientRect().top ?? 0) - (document.getElementById('viewport')?.getBoundingClientRect().top ?? 0);
    }, before.anchor);
    expect(Math.abs(top - before.top)).toBeLessThan(2);
  }, 60_000);

  it('shows a broken book.yaml as an overlay and keeps the last good text', async () => {
    const yaml = path.join(book, 'book.yaml');
    const good = readFileSync(yaml, 'utf8');
    writeFileSync(yaml, `${good}\nlanguage: [not, a, tag\n`);
    await page.waitForSelector('#overlay:not([hidden])', { timeout: 15_000 });
    expect(await page.$eval('#overlay-problems .location', (el) => el.textContent)).toMatch(/book\.yaml:\d+:\d+/);
    expect(await viewText(page, 'print-view')).toContain('The mail boat left Callow harbour at seven');
    await page.click('#view-epub');
    expect(await viewText(page, 'epub-view')).toContain('The mail boat left Callow harbour at seven');
    await page.click('#view-print');
    writeFileSync(yaml, good);
    await page.waitForSelector('#overlay[hidden]', { timeout: 15_000 });
  });

  it('shows every problem of a book.yaml with several, each with its place and hint', async () => {
    const yaml = path.join(book, 'book.yaml');
    const good = readFileSync(yaml, 'utf8');
    const lines = good.trimEnd().split('\n').length;
    writeFileSync(yaml, `${good.trimEnd()}\ntittle: Low Water\nautor: Wren Ashby\n`);
    await page.waitForFunction(() => document.querySelectorAll('#overlay-problems li').length === 2, { timeout: 15_000 });
    const shown = await page.$$eval('#overlay-problems li', (items) =>
      items.map((li) => ({
        location: li.querySelector('.location')?.textContent,
        message: li.querySelector('.message')?.textContent,
        hint: li.querySelector('.hint')?.textContent,
      })),
    );
    expect(shown[0]?.location).toMatch(new RegExp(`book\\.yaml:${lines + 1}:1$`));
    expect(shown[1]?.location).toMatch(new RegExp(`book\\.yaml:${lines + 2}:1$`));
    expect(shown[0]?.message).toMatch(/unknown key `tittle` \(did you mean `title`\?\)/);
    expect(shown[1]?.message).toMatch(/unknown key `autor` \(did you mean `author`\?\)/);
    expect(shown.every((p) => (p.hint ?? '').length > 0)).toBe(true);
    expect(await page.$eval('#overlay-title', (el) => el.textContent)).toMatch(/has 2 errors/);
    // What the page got is what the server sends: both problems, in order.
    const state = JSON.parse(await (await fetch(new URL('/state', handle.url))).text());
    expect(state.error.problems.map((p: { message: string }) => p.message)).toEqual(shown.map((p) => p.message));
    writeFileSync(yaml, good);
    await page.waitForSelector('#overlay[hidden]', { timeout: 15_000 });
  });

  it('refuses paths with ..', async () => {
    const port = new URL(handle.url).port;
    for (const raw of ['/book/../package.json', '/book/%2e%2e/book.yaml', '/book/images/../../../etc/passwd', '/../etc/passwd']) {
      expect(await rawGet(Number(port), raw), raw).toBe(400);
    }
    expect(await rawGet(Number(port), '/book/book.yaml')).toBe(404);
    expect(await rawGet(Number(port), '/book/images/cover.png')).toBe(200);
  });

  it('accepts connections on 127.0.0.1 only', async () => {
    const port = Number(new URL(handle.url).port);
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    expect(await canConnect('127.0.0.2', port)).toBe(false);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i?.address as string);
    for (const address of external) expect(await canConnect(address, port), address).toBe(false);
  });
});

describe('galley preview command', () => {
  it('uses the next free port and stops cleanly on Ctrl-C', async () => {
    const book = path.join(tempDir(), 'book');
    cpSync(path.join(REPO, 'manuscript'), book, { recursive: true });
    const blocker = await preview({ input: book, port: 4560 });
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'galley.js'), 'preview', book, '--port', '4560'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${stderr}`)), 30_000);
      child.stderr.on('data', () => {
        const match = /preview on (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(stderr);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    await blocker.close();
    expect(url).not.toBe('http://127.0.0.1:4560/');
    const port = Number(new URL(url).port);
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('preview stopped');
    expect(await canConnect('127.0.0.1', port)).toBe(false);
  });
});
