/**
 * When the browser dies: the errors Puppeteer gives when the browser, its connection or a page's
 * renderer goes away are BROWSER_CRASHED (which a build meets by printing again in a new
 * browser), and a page's steps stop waiting once its renderer has died.
 */
import type { Browser, Page } from 'puppeteer-core';
import { GalleyError } from '../errors.ts';

/**
 * Puppeteer's errors when the browser, its connection or the page's renderer goes away. Which one a
 * killed browser gives depends on which of its processes dies first: a renderer gone before the
 * browser detaches the page's frame ("Attempted to use detached Frame").
 */
const CRASH =
  /ConnectionClosedError|TargetCloseError|Target closed|Session closed|Connection closed|browser has disconnected|frame was detached|detached Frame|Page crashed/i;

/**
 * Runs a step in the browser, its failures as Galley errors. Any failure once the browser is
 * disconnected is a crash, whatever its message, so that it is retried in a new browser.
 */
export async function failsAsPdfError<T>(browser: Browser, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (cause) {
    if (cause instanceof GalleyError) throw cause;
    const error = cause as Error;
    if (!browser.connected || isCrash(error)) throw crashError(error);
    throw new GalleyError('PDF_FAILED', `printing failed: ${error.message}`, { cause });
  }
}

/** Whether Puppeteer's error says the browser, its connection or a page's renderer went away. */
export function isCrash(error: Error): boolean {
  return CRASH.test(`${error.name} ${error.message}`);
}

/** The Galley error for a browser that died: BROWSER_CRASHED, with a hint. */
export function crashError(cause: Error): GalleyError {
  return new GalleyError('BROWSER_CRASHED', `the browser closed while printing (${cause.message.split('\n')[0]})`, {
    hint: 'It may have run out of memory: close other programs and build again, or pass another browser with --browser.',
    cause,
  });
}

/**
 * Runs a page's steps as failsAsPdfError does, and knows a dead renderer (the out-of-memory killer
 * picks it, the biggest process, and leaves the browser running): each step stops waiting once the
 * page has crashed, where Puppeteer would wait for ever, and a step that fails is a crash unless
 * the page still answers, since the failure can come before the news of the crash (a load
 * aborted: net::ERR_ABORTED).
 */
export function pageSteps(browser: Browser, page: Page): <T>(step: () => Promise<T>) => Promise<T> {
  const crashed = new Promise<never>((_, reject) => page.once('error', reject));
  crashed.catch(() => undefined);
  const answers = async () => {
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), PROBE_MS);
    });
    try {
      await Promise.race([page.evaluate('1'), crashed, silence]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
  return (step) =>
    failsAsPdfError(browser, async () => {
      try {
        return await Promise.race([step(), crashed]);
      } catch (error) {
        if (error instanceof GalleyError || isCrash(error as Error) || (await answers())) throw error;
        throw crashError(error as Error);
      }
    });
}

/**
 * Opens a new page. A renderer that dies while its page opens leaves Puppeteer waiting for ever,
 * with no page yet to hear the crash from, so a page not open within OPEN_MS is a crash; should it
 * open later, it is closed.
 */
export async function opensPage(browser: Browser): Promise<Page> {
  const opening = browser.newPage();
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      opening.then((page) => page.close()).catch(() => undefined);
      reject(crashError(new Error(`no page opened within ${OPEN_MS / 1000} s`)));
    }, OPEN_MS);
  });
  try {
    return await Promise.race([opening, silence]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long a page that may have crashed has to answer. */
const PROBE_MS = 5000;

/** How long a new page may take to open: it takes well under a second on a loaded machine. */
const OPEN_MS = 20_000;
