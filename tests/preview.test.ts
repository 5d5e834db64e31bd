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
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PreviewHandle, preview } from '../src/core/preview.ts';
import { findBrowser } from '../src/output/browser.ts';
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
    browser = await puppeteer.launch({ executablePath: findBrowser(), args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.goto(handle.url, { waitUntil: 'load' });
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
  });

  it('shows a broken book.yaml as an overlay and keeps the last good text', async () => {
    const yaml = path.join(book, 'book.yaml');
    const good = readFileSync(yaml, 'utf8');
    writeFileSync(yaml, `${good}\nlanguage: [not, a, tag\n`);
    await page.waitForSelector('#overlay:not([hidden])', { timeout: 15_000 });
    expect(await page.$eval('#overlay-location', (el) => el.textContent)).toMatch(/book\.yaml:\d+:\d+/);
    expect(await viewText(page, 'epub-view')).toContain('The mail boat left Callow harbour at seven');
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
