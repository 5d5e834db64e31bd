/**
 * The browser: found, launched, used and closed here, and only here (the one module that
 * runs puppeteer; browser-origin.ts takes its Page type only). A page is loaded from a private
 * origin whose every request is answered by the caller's resolver (browser-origin.ts).
 *
 * Lifetime. Chromium talks to Galley over a pipe, not a port, so it closes when Galley's process
 * ends, even by kill -9. Its profile is a folder of Galley's own (browser-profile.ts): removed
 * on close and on Ctrl-C, and swept at the next launch when the process that made it is gone. A browser that dies mid-print is a BROWSER_CRASHED error, never a bug.
 */
import { existsSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, PDFOptions } from 'puppeteer-core';
import { GalleyError } from '../errors.ts';
import { crashError, failsAsPdfError, isCrash, opensPage, pageSteps } from './browser-crash.ts';
import { answerRequests, PAGE_ORIGIN, type ResourceResolver, type ViewDocument } from './browser-origin.ts';
import { makeProfile, sweepStaleProfiles } from './browser-profile.ts';
import { bundledChromium } from './bundled-chromium.ts';

export { PAGE_ORIGIN, type Resource, type ResourceResolver, type ViewDocument } from './browser-origin.ts';

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

/** A browser found by the search, and where it came from. */
export interface BrowserChoice {
  executablePath: string;
  /** `--browser`, `PUPPETEER_EXECUTABLE_PATH`, `Puppeteer's download`, `system`, or `@sparticuz/chromium <version>`. */
  source: string;
  /** Chrome's headless shell (the registry's Chromium) rather than a full Chrome. */
  shell: boolean;
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // Galley frees what a long block's measure leaves behind in the print page (print/memory.ts).
  '--js-flags=--expose-gc',
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
 * PUPPETEER_EXECUTABLE_PATH, Puppeteer's own download (in its cache, where the install step
 * could download one: scripts/install-browser.mjs), a system Chrome or Chromium, and last the Chromium inside the
 * `@sparticuz/chromium` package (Linux x64; unpacked once into the user's cache).
 */
export async function findBrowser(requested?: string): Promise<BrowserChoice> {
  const asked = requested ?? process.env.PUPPETEER_EXECUTABLE_PATH;
  if (asked) {
    if (existsSync(asked))
      return { executablePath: asked, source: requested ? '--browser' : 'PUPPETEER_EXECUTABLE_PATH', shell: false };
    throw new GalleyError('BROWSER_NOT_FOUND', `no browser at ${asked}`, {
      hint: requested ? 'Check the --browser path.' : 'Check PUPPETEER_EXECUTABLE_PATH, or unset it to let Galley search.',
    });
  }
  const downloaded = await downloadedBrowser();
  if (downloaded && existsSync(downloaded)) return { executablePath: downloaded, source: "Puppeteer's download", shell: false };
  const system = SYSTEM_BROWSERS.find((c) => existsSync(c));
  if (system) return { executablePath: system, source: 'system', shell: false };
  const bundled = await bundledChromium().catch((cause: Error) => {
    throw new GalleyError('BROWSER_NOT_FOUND', `could not unpack the Chromium of @sparticuz/chromium: ${cause.message}`, {
      hint: 'Check that your cache folder (~/.cache or XDG_CACHE_HOME) is writable and has about 200 MB free.',
      cause,
    });
  });
  if (bundled) return { executablePath: bundled.executablePath, source: bundled.label, shell: true };
  throw new GalleyError('BROWSER_NOT_FOUND', 'no Chrome or Chromium found to print the PDF with', {
    hint:
      'Install Chrome or Chromium (Debian/Ubuntu: `apt-get install chromium`; or `npx puppeteer browsers install chrome`), ' +
      'or pass --browser <path>, or set PUPPETEER_EXECUTABLE_PATH. To skip the PDF: --format epub.',
  });
}

/** Puppeteer's own Chrome for this puppeteer-core, where the install step could download it. */
async function downloadedBrowser(): Promise<string | undefined> {
  // Loaded when a browser is looked for, as puppeteer-core is when one is launched: a build
  // without a PDF never loads either (bench/startup.bench.ts).
  const { Browser: BrowserKind, computeExecutablePath, detectBrowserPlatform } = await import('@puppeteer/browsers');
  const { PUPPETEER_REVISIONS } = await import('puppeteer-core/internal/revisions.js');
  const platform = detectBrowserPlatform();
  if (!platform) return undefined;
  const cacheDir = process.env.PUPPETEER_CACHE_DIR || path.join(os.homedir(), '.cache', 'puppeteer');
  return computeExecutablePath({ browser: BrowserKind.CHROME, buildId: PUPPETEER_REVISIONS.chrome, cacheDir, platform });
}

/** A running browser: print pages are opened in it, one after another or side by side. */
export interface BrowserSession {
  /** Requests refused so far, on every page: anything outside the book's own files. */
  readonly blocked: string[];
  /** What prints: the browser's version and where it was found, e.g. `HeadlessChrome/147.0 (system, /usr/bin/chromium)`. */
  readonly description: string;
  /**
   * Loads a document from the private origin; its requests are answered by `resolve`. Requests
   * it refuses go into `blocked` as well as the session's list (a caller sharing the session
   * among books keeps each book's apart).
   */
  open(html: string, resolve: ResourceResolver, blocked?: string[]): Promise<BookPage>;
  /**
   * Loads a document to look at rather than print (the gallery's pictures): its scripts run, at
   * the viewport given. Only sessions from launchBrowser() have it.
   */
  view?(document: ViewDocument, resolve: ResourceResolver, viewport: Viewport): Promise<ViewPage>;
  close(): Promise<void>;
}

export interface Viewport {
  /** CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel (default 1). */
  scale?: number;
}

/** A loaded page whose own scripts run. */
export interface ViewPage {
  /** Waits (up to `timeout` ms, default 60 s) until the expression is true in the page. */
  waitFor(expression: string, timeout?: number): Promise<void>;
  /** A PNG of the element `selector` matches, or of the viewport. */
  screenshot(selector?: string): Promise<Uint8Array>;
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
 * Starts a headless browser (the one given, or found as findBrowser() says). With `ownSignals`,
 * the caller handles Ctrl-C and closes the session itself; else Ctrl-C (and SIGTERM, SIGHUP)
 * kills the browser, removes its profile and ends the process.
 */
export async function launchBrowser(requested?: string | BrowserChoice, ownSignals = false): Promise<BrowserSession> {
  const choice = typeof requested === 'object' ? requested : await findBrowser(requested);
  try {
    return await launchOnce(choice, ownSignals);
  } catch (error) {
    if (!(error instanceof GalleyError) || error.code !== 'BROWSER_CRASHED') throw error;
    // A browser killed as it starts is started again, once; one that dies again as it starts
    // (a program that is not a browser, say) cannot start here.
    return await launchOnce(choice, ownSignals).catch((again: GalleyError) => {
      throw again.code === 'BROWSER_CRASHED' ? startError(choice, again.cause as Error) : again;
    });
  }
}

function startError(choice: BrowserChoice, cause: Error): GalleyError {
  return new GalleyError(
    'PDF_FAILED',
    `could not start the browser at ${choice.executablePath}: ${cause.message.split('\n')[0]}`,
    {
      hint: 'Check that the browser runs on this machine, or pass another with --browser.',
      cause,
    },
  );
}

/** One launch: a browser that dies as it starts is BROWSER_CRASHED, one that cannot start PDF_FAILED. */
async function launchOnce(choice: BrowserChoice, ownSignals: boolean): Promise<BrowserSession> {
  sweepStaleProfiles();
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = await makeProfile();
  const launching = puppeteer.launch({
    executablePath: choice.executablePath,
    headless: choice.shell ? 'shell' : true,
    args: choice.shell ? [...LAUNCH_ARGS, '--no-zygote'] : LAUNCH_ARGS,
    pipe: true,
    userDataDir: profile,
    protocolTimeout: 900_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // A signal during the launch waits for it, so the browser it starts is killed too.
  const onSignal = (signal: NodeJS.Signals) => {
    const exit = (browser?: Browser) => {
      browser?.process()?.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
      process.exit(128 + (os.constants.signals[signal] ?? 2));
    };
    launching.then(exit, () => exit());
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const release = () => {
    for (const s of signals) process.removeListener(s, onSignal);
  };
  if (!ownSignals) for (const s of signals) process.once(s, onSignal);
  const browser = await launching.catch(async (cause: Error) => {
    release();
    await rm(profile, { recursive: true, force: true });
    throw isCrash(cause) ? crashError(cause) : startError(choice, cause);
  });
  const version = await browser.version().catch(() => 'unknown version');
  const description = `${version} (${choice.source}, ${choice.executablePath})`;

  const blocked: string[] = [];
  return {
    blocked,
    description,
    open: (html, resolve, own) =>
      failsAsPdfError(browser, () => openPage(browser, html, resolve, own ? [blocked, own] : [blocked])),
    view: (document, resolve, viewport) =>
      failsAsPdfError(browser, () => openView(browser, document, resolve, viewport, blocked)),
    async close() {
      release();
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function openPage(browser: Browser, html: string, resolve: ResourceResolver, blocked: string[][]): Promise<BookPage> {
  const page = await opensPage(browser);
  const step = pageSteps(browser, page);
  await step(() => page.setJavaScriptEnabled(false));
  await step(() => answerRequests(page, { body: html, contentType: 'text/html; charset=utf-8' }, resolve, blocked));
  const response = await step(() => page.goto(`${PAGE_ORIGIN}index.html`, { waitUntil: 'load', timeout: 0 }));
  if (!response?.ok()) throw new GalleyError('PDF_FAILED', 'the print page did not load');
  return {
    // DevTools evaluation works while the page's own scripts are disabled.
    evaluate: <T>(expression: string) => step(() => page.evaluate(expression) as Promise<T>),
    pdf: (options) => step(() => page.pdf({ timeout: 0, ...options })),
    close: () => page.close().catch(() => undefined),
  };
}

async function openView(
  browser: Browser,
  document: ViewDocument,
  resolve: ResourceResolver,
  viewport: Viewport,
  blocked: string[],
): Promise<ViewPage> {
  const page = await opensPage(browser);
  const step = pageSteps(browser, page);
  await step(() => page.setViewport({ width: viewport.width, height: viewport.height, deviceScaleFactor: viewport.scale ?? 1 }));
  await step(() => answerRequests(page, document, resolve, [blocked]));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  const response = await step(() => page.goto(`${PAGE_ORIGIN}index.html`, { waitUntil: 'load', timeout: 0 }));
  if (!response?.ok()) throw new GalleyError('PDF_FAILED', 'the page to look at did not load');
  return {
    async waitFor(expression, timeout = 60_000) {
      await step(() => page.waitForFunction(expression, { timeout })).catch((error: GalleyError) => {
        if (error.code === 'BROWSER_CRASHED') throw error;
        const cause = error.cause as Error;
        throw new GalleyError('PDF_FAILED', `the page did not get ready: ${errors[0] ?? cause.message}`, { cause });
      });
    },
    async screenshot(selector) {
      const target = selector ? await page.$(selector) : page;
      if (!target) throw new GalleyError('PDF_FAILED', `nothing on the page matches ${selector}`);
      return await step(() => target.screenshot({ type: 'png' }));
    },
    close: () => page.close().catch(() => undefined),
  };
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
