/**
 * `galley preview` answers only its own address and serves only the book: raw HTTP requests with
 * forged Host headers (generated), encoded and `..` paths (generated), a malformed `%`, the
 * headers on every answer, a book SVG's sandbox; and, in Chromium, the app working under its own
 * Content-Security-Policy with no violation, and the EPUB button showing the EPUB at the top of
 * the view with the print spreads gone from the screen (boxes measured, not text read).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PreviewHandle, preview } from '../src/core/preview.ts';
import { findBrowser } from '../src/output/browser.ts';
import { tempDir } from './helpers/tmp.ts';

const SECRET = 'BILGE-PUMP-SECRET-7731';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET `rawPath` exactly as written, with the Host header given (none when undefined). */
function get(port: number, rawPath: string, host?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', setHost: false }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    if (host !== undefined) req.setHeader('host', host);
    req.on('error', reject);
    req.end();
  });
}

/** A small book with a PNG, an SVG, and beside them a link to a secret outside the book. */
async function smallBook(): Promise<string> {
  const top = tempDir('galley-preview-sec-');
  const book = path.join(top, 'book');
  mkdirSync(path.join(book, 'images'), { recursive: true });
  writeFileSync(path.join(top, 'secret.txt'), SECRET);
  symlinkSync(path.join(top, 'secret.txt'), path.join(book, 'images', 'leak.png'));
  symlinkSync(path.join(top, 'secret.txt'), path.join(book, 'notes.txt'));
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#246' } })
    .png()
    .toBuffer();
  writeFileSync(path.join(book, 'images', 'chart.png'), png);
  writeFileSync(
    path.join(book, 'images', 'rose.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" onload="fetch(\'/state\')"><circle r="9" cx="10" cy="10"/></svg>',
  );
  writeFileSync(path.join(book, 'book.yaml'), 'title: The Bilge Pump\nauthor: Hester Vane\n');
  const prose = 'The pump was worked by hand, and the men took turns at it through the night. '.repeat(30);
  const chapters = ['The Leak', 'The Pump', 'The Harbour'].map(
    (title, i) =>
      `# ${title}\n\n${prose}\n\n${i === 0 ? '![A chart of the bay](images/chart.png)\n\n![A compass rose](images/rose.svg)\n\n' : ''}${prose}\n`,
  );
  for (const [i, text] of chapters.entries()) writeFileSync(path.join(book, `0${i + 1}.md`), text);
  return book;
}

let handle: PreviewHandle;
let port: number;

beforeAll(async () => {
  handle = await preview({ input: await smallBook(), port: 4610 });
  port = Number(new URL(handle.url).port);
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

describe('the preview server', () => {
  it('answers 127.0.0.1:PORT and localhost:PORT, and nothing else (403)', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`]) {
      expect((await get(port, '/state', host)).status, host).toBe(200);
    }
    const forged = fc.oneof(
      fc.domain(),
      fc.domain().map((d) => `${d}:${port}`),
      fc.ipV4().map((ip) => `${ip}:${port}`),
      fc.constantFrom(
        '127.0.0.1',
        'localhost',
        `127.0.0.1:${port + 1}`,
        `localhost.attacker.test:${port}`,
        `127.0.0.1.attacker.test:${port}`,
        `[::1]:${port}`,
        `0.0.0.0:${port}`,
        '',
      ),
    );
    await fc.assert(
      fc.asyncProperty(forged, fc.constantFrom('/state', '/', '/events', '/book/images/chart.png'), async (host, url) => {
        fc.pre(host !== `127.0.0.1:${port}` && host.toLowerCase() !== `localhost:${port}`);
        const answer = await get(port, url, host);
        expect(answer.status, host).toBe(403);
        expect(answer.body).not.toContain('Bilge');
      }),
      { seed: 8, numRuns: 60 },
    );
    // No Host at all: Node's HTTP parser refuses it (400) before the app sees it.
    expect([400, 403]).toContain((await get(port, '/state')).status);
  });

  it('sends its security headers on every answer', async () => {
    for (const url of ['/', '/preview.js', '/state', '/nowhere', '/book/images/chart.png']) {
      const { headers } = await get(port, url, `127.0.0.1:${port}`);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], url).not.toMatch(/script-src[^;]*unsafe/);
    }
  });

  it('serves a book SVG sanitised and inside a sandbox', async () => {
    const state = JSON.parse((await get(port, '/state', `127.0.0.1:${port}`)).body) as { sections: { html: string }[] };
    const src = /src="(\/book\/images\/rose-[^"]+)"/.exec(state.sections.map((s) => s.html).join(''))?.[1] ?? '';
    const answer = await get(port, src, `127.0.0.1:${port}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/svg+xml');
    expect(answer.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(answer.body).not.toContain('onload');
  });

  it('answers a malformed % with 400', async () => {
    for (const url of ['/%', '/state%', '/book/images/%zz.png', '/%E0%A4%A', '/book/%C0%AF']) {
      expect((await get(port, url, `127.0.0.1:${port}`)).status, url).toBe(400);
    }
  });

  it('no path, however written or encoded, serves a file outside the book', async () => {
    const segment = fc.constantFrom(
      '..',
      '%2e%2e',
      '%2E%2e',
      '.%2e',
      '%252e%252e',
      '..%2f',
      '..%5c',
      '%2f',
      '\\',
      '.',
      'book',
      'images',
      'fonts',
      'print-fonts',
      'leak.png',
      'notes.txt',
      'secret.txt',
      'etc',
      'passwd',
      'package.json',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 7 }), async (segments) => {
        const url = `/${segments.join('/')}`;
        const answer = await get(port, url, `127.0.0.1:${port}`);
        expect(answer.body, url).not.toContain(SECRET);
        expect(answer.body, url).not.toContain('root:');
        expect(answer.body, url).not.toContain('"dependencies"');
        expect([200, 204, 400, 404], url).toContain(answer.status);
      }),
      { seed: 99, numRuns: 150 },
    );
    expect((await get(port, '/book/images/leak.png', `127.0.0.1:${port}`)).status).toBe(404);
  });
});

describe('the preview app in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    const choice = await findBrowser();
    browser = await puppeteer.launch({
      executablePath: choice.executablePath,
      headless: choice.shell ? 'shell' : true,
      pipe: true,
      args: ['--no-sandbox', '--disable-gpu', ...(choice.shell ? ['--no-zygote'] : [])],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 800 });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(handle.url, { waitUntil: 'load' });
    await handle.settled();
    await page.waitForFunction(
      () => (document.getElementById('print-view')?.shadowRoot?.querySelectorAll('.page').length ?? 0) > 4,
      {
        timeout: 60_000,
      },
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Where a view's box is on the screen, and whether it is shown at all. */
  function box(id: string) {
    return page.$eval(`#${id}`, (el) => {
      const rect = el.getBoundingClientRect();
      const viewport = document.getElementById('viewport')?.getBoundingClientRect();
      return { top: rect.top - (viewport?.top ?? 0), height: rect.height, display: getComputedStyle(el).display };
    });
  }

  it('runs under its Content-Security-Policy: pages, fonts and images load, nothing is refused', async () => {
    const images = await page.evaluate(() =>
      [...(document.getElementById('print-view')?.shadowRoot?.querySelectorAll('img') ?? [])].map((img) => img.naturalWidth),
    );
    expect(images.length, 'images in the print view').toBeGreaterThan(0);
    expect(images, 'image widths').not.toContain(0);
    const loaded = await page.evaluate(async () => (await document.fonts.load('12pt "EB Garamond"')).length);
    expect(loaded, 'EB Garamond faces loaded').toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  it('the EPUB button shows the EPUB at the top of the view, and the print spreads are gone', async () => {
    const before = await box('print-view');
    expect(before.height).toBeGreaterThan(2000);
    await page.click('#view-epub');
    const print = await box('print-view');
    const epub = await box('epub-view');
    expect(print).toMatchObject({ height: 0, display: 'none' });
    expect(epub.display).not.toBe('none');
    expect(epub.height).toBeGreaterThan(500);
    expect(Math.abs(epub.top)).toBeLessThan(60);
    // Back to print: the spreads return, and the EPUB view leaves the screen.
    await page.click('#view-print');
    expect((await box('epub-view')).display).toBe('none');
    expect((await box('print-view')).height).toBeGreaterThan(2000);
    expect(violations).toEqual([]);
  });
});
