/**
 * The browser: found, launched, used and closed here, and only here (the one module that
 * imports puppeteer). A page is loaded from a private origin whose every request is answered
 * by the caller's resolver; anything the resolver does not know is blocked, so a book's page can
 * load only the book's own files.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type PDFOptions } from 'puppeteer';
import { GalleyError } from '../errors.ts';

/** The private origin print pages are served from. */
export const PAGE_ORIGIN = 'https://book.galley.invalid/';

export interface Resource {
  body: Buffer | string;
  contentType: string;
}

/** Answers a path under PAGE_ORIGIN (e.g. `images/map.png`), or undefined to block it. */
export type ResourceResolver = (path: string) => Promise<Resource | undefined>;

export interface PrintJob {
  /** The document; served as PAGE_ORIGIN + `index.html`. */
  html: string;
  resolve: ResourceResolver;
  pdf: PDFOptions;
  /** Browser executable to use instead of the search (`--browser`). */
  executablePath?: string | undefined;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Requests that were refused: anything outside the book's own files. */
  blocked: string[];
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The browser to print with, in this order: the one asked for (`--browser`), then
 * PUPPETEER_EXECUTABLE_PATH, Puppeteer's own download, and a system Chrome or Chromium.
 */
export function findBrowser(requested?: string): string {
  const asked = requested ?? process.env.PUPPETEER_EXECUTABLE_PATH;
  if (asked) {
    if (existsSync(asked)) return asked;
    throw new GalleyError('BROWSER_NOT_FOUND', `no browser at ${asked}`, {
      hint: requested ? 'Check the --browser path.' : 'Check PUPPETEER_EXECUTABLE_PATH, or unset it to let Galley search.',
    });
  }
  const candidates = [downloadedBrowser(), ...SYSTEM_BROWSERS];
  const found = candidates.find((c): c is string => c !== undefined && existsSync(c));
  if (found) return found;
  throw new GalleyError('BROWSER_NOT_FOUND', 'no Chrome or Chromium found to print the PDF with', {
    hint:
      'Install one (Debian/Ubuntu: `apt-get install chromium`; or `npx puppeteer browsers install chrome`), ' +
      'or pass --browser <path>, or set PUPPETEER_EXECUTABLE_PATH. To skip the PDF: --format epub.',
  });
}

function downloadedBrowser(): string | undefined {
  try {
    return puppeteer.executablePath();
  } catch {
    // Puppeteer throws when it has no download of its own; the system search goes on.
    return undefined;
  }
}

/** A running browser: print pages are opened in it, one after another or side by side. */
export interface BrowserSession {
  /** Requests refused so far, on every page: anything outside the book's own files. */
  readonly blocked: string[];
  /** Loads a document from the private origin; its requests are answered by `resolve`. */
  open(html: string, resolve: ResourceResolver): Promise<BookPage>;
  close(): Promise<void>;
}

/** A loaded print page. The book's own scripts never run on it. */
export interface BookPage {
  /** Evaluates a JavaScript expression (Galley's, never the book's) in the page. */
  evaluate<T>(expression: string): Promise<T>;
  pdf(options: PDFOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Starts a headless browser (found as findBrowser() says). With `ownSignals`, the caller handles
 * Ctrl-C and closes the session itself (else Puppeteer closes the browser and exits the process).
 */
export async function launchBrowser(requested?: string, ownSignals = false): Promise<BrowserSession> {
  const executablePath = findBrowser(requested);
  const signals = ownSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {};
  const browser = await puppeteer
    .launch({ executablePath, headless: true, args: LAUNCH_ARGS, protocolTimeout: 900_000, ...signals })
    .catch((cause: Error) => {
      throw new GalleyError('PDF_FAILED', `could not start the browser at ${executablePath}: ${cause.message.split('\n')[0]}`, {
        hint: 'Check that the browser runs on this machine, or pass another with --browser.',
        cause,
      });
    });
  const blocked: string[] = [];
  return {
    blocked,
    open: (html, resolve) => failsAsPdfError(() => openPage(browser, html, resolve, blocked)),
    close: () => browser.close(),
  };
}

async function openPage(browser: Browser, html: string, resolve: ResourceResolver, blocked: string[]): Promise<BookPage> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    const path = url.startsWith(PAGE_ORIGIN)
      ? decodeURIComponent(url.slice(PAGE_ORIGIN.length).split(/[?#]/)[0] ?? '')
      : undefined;
    const answer =
      path === 'index.html'
        ? Promise.resolve<Resource>({ body: html, contentType: 'text/html; charset=utf-8' })
        : path === undefined
          ? Promise.resolve(undefined)
          : resolve(path);
    answer.then(
      (resource) => {
        if (resource) return request.respond({ status: 200, contentType: resource.contentType, body: resource.body });
        if (!url.endsWith('/favicon.ico')) blocked.push(url);
        return request.abort('blockedbyclient');
      },
      () => request.abort('failed'),
    );
  });
  const response = await page.goto(`${PAGE_ORIGIN}index.html`, { waitUntil: 'load', timeout: 0 });
  if (!response?.ok()) throw new GalleyError('PDF_FAILED', 'the print page did not load');
  return {
    // DevTools evaluation works while the page's own scripts are disabled.
    evaluate: <T>(expression: string) => failsAsPdfError(() => page.evaluate(expression) as Promise<T>),
    pdf: (options) => failsAsPdfError(() => page.pdf({ timeout: 0, ...options })),
    close: () => page.close(),
  };
}

async function failsAsPdfError<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (cause) {
    if (cause instanceof GalleyError) throw cause;
    throw new GalleyError('PDF_FAILED', `printing failed: ${(cause as Error).message}`, { cause });
  }
}

/** Loads the job's document in a fresh headless browser and prints it to PDF. */
export async function printToPdf(job: PrintJob): Promise<PrintResult> {
  const session = await launchBrowser(job.executablePath);
  try {
    const page = await session.open(job.html, job.resolve);
    const pdf = await page.pdf(job.pdf);
    return { pdf, blocked: session.blocked };
  } finally {
    await session.close();
  }
}
