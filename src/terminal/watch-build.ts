/**
 * `galley build --watch`: builds, then builds again after each save — of the manuscript, its
 * book.yaml, its images or the theme — until Ctrl-C. A failed build prints its error and waits
 * for the next save. Saves during a build start one more build when it ends. One browser serves
 * every build of the session: started for the first PDF (and again after a crash), driven with
 * its signals left to us; Ctrl-C or SIGTERM stops watching, closes the browser (a print under
 * way stops with it), lets a write under way finish, and ends with 130 (143 for SIGTERM). A
 * second Ctrl-C ends at once.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BuildOptions, build } from '../core/build.ts';
import { GalleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { BrowserSession } from '../output/browser.ts';
import { TEMPLATES_DIR } from '../output/theme.ts';
import { isThemePath } from '../output/theme-locate.ts';
import { watchFiles } from '../preview/watch.ts';
import { formatMs } from './format.ts';
import { reportError } from './report.ts';

export interface WatchBuildOptions extends Omit<BuildOptions, 'session' | 'logger'> {
  logger: Logger;
  /** Resolves with the signal that stops the watch (default: the first SIGINT or SIGTERM). */
  stop?: Promise<NodeJS.Signals> | undefined;
}

/** How long a build under way may take to finish after Ctrl-C (a write, say). */
const FINISH_MS = 5000;

export async function watchBuild(options: WatchBuildOptions): Promise<number> {
  const { logger, stop, ...buildOptions } = options;
  const cwd = options.cwd ?? process.cwd();
  const input = path.resolve(cwd, options.input ?? 'manuscript');
  const root = (await isFolder(input)) ? input : path.dirname(input);
  // A manuscript that is not there fails as a plain build does, before anything is watched.
  if (!(await isFolder(root))) await build({ ...buildOptions, logger });
  const signals = listen();
  const stopped = stop ?? signals.stopped;
  const wantsPdf = (options.formats ?? ['epub', 'pdf']).includes('pdf');

  let session: Promise<BrowserSession> | undefined;
  const browser = (): Promise<BrowserSession> => {
    if (session) return session;
    const launching = import('../output/browser.ts').then(async (b) =>
      b.launchBrowser(await b.findBrowser(options.browser), true),
    );
    launching.catch(() => {
      if (session === launching) session = undefined; // the next build tries again
    });
    session = launching;
    return launching;
  };
  const closeBrowser = async () => {
    const open = session;
    session = undefined;
    await (await open?.catch(() => undefined))?.close();
  };

  let closing = false;
  const once = async () => {
    const started = performance.now();
    try {
      await build({ ...buildOptions, cwd, logger, session: wantsPdf ? await browser() : undefined });
      logger.info(`built in ${formatMs(performance.now() - started)}; waiting for changes (Ctrl-C stops)`);
    } catch (error) {
      if (closing) return;
      reportError(error, logger);
      if (error instanceof GalleyError && error.code === 'BROWSER_CRASHED') await closeBrowser();
      logger.info('the build failed; waiting for the next save (Ctrl-C stops)');
    }
  };
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = () => {
    if (closing) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await once();
      } while (again && !closing);
    })().finally(() => {
      running = undefined;
    });
  };

  const out = path.resolve(cwd, options.out ?? 'dist');
  const stopWatching = watchFiles({
    // A --theme folder of the author's own is watched too (book.yaml's is usually in the book's).
    folders: [root, TEMPLATES_DIR, ...themeFolder(options.theme, cwd)],
    ignore: [out],
    onChange(files) {
      if (closing) return;
      logger.info(`changed ${files.map((f) => path.relative(cwd, f) || f).join(', ')}`);
      schedule();
    },
  });
  logger.info(`watching ${path.relative(cwd, root) || '.'} for changes`);
  schedule();

  const signal = await stopped;
  closing = true;
  stopWatching();
  await closeBrowser();
  if (running) await Promise.race([running, delay(FINISH_MS)]);
  signals.release();
  logger.info('stopped watching');
  return 128 + (os.constants.signals[signal] ?? 2);
}

/** The first SIGINT or SIGTERM stops the watch; a second one ends the process at once. */
function listen(): { stopped: Promise<NodeJS.Signals>; release: () => void } {
  let count = 0;
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const stopped = new Promise<NodeJS.Signals>((r) => {
    resolve = r;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (count++ > 0) process.exit(128 + (os.constants.signals[signal] ?? 2));
    resolve(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stopped,
    release() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** The folder `--theme` names, when it is a path to a folder that is there. */
function themeFolder(theme: string | undefined, cwd: string): string[] {
  const dir = theme && isThemePath(theme) ? path.resolve(cwd, theme) : undefined;
  return dir && existsSync(dir) ? [dir] : [];
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function isFolder(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
