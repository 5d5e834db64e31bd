/**
 * The workers of a many-book build: worker threads (core/batch-worker.ts), started when first
 * needed and kept until close(), each with a few books in hand; books wait in order for a place.
 * The browser stays in this thread and serves every worker's pages (core/batch-session.ts). A
 * worker that stops (out of memory, say) fails only the books it had, and another takes its
 * place. With no workers, books are built in this thread, a few at a time.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { GalleyError } from '../errors.ts';
import type { BrowserSession } from '../output/browser.ts';
import { type BookJob, type BookReport, runBook } from './batch-book.ts';
import { type Call, connect, type Handlers, toWire } from './batch-rpc.ts';
import { serveBrowser } from './batch-session.ts';
import type { BuildOptions } from './build.ts';

export interface PoolOptions {
  /** Worker threads; 0 builds in this thread. */
  workers: number;
  /** Books one worker (or this thread, with no workers) has in hand at once. */
  perWorker: number;
  /** The shared browser, started (or started again after a crash) by the pool's owner. */
  browser: () => Promise<BrowserSession>;
}

export interface PoolJob {
  job: BookJob;
  /** Whether the book is printed (it needs the browser). */
  print: boolean;
  /** The output name for the book's slug (default: the slug). */
  name?: ((slug: string) => Promise<string>) | undefined;
  /** The caller's own plugins: functions, so only with no worker threads. */
  plugins?: BuildOptions['plugins'];
}

export interface Pool {
  run(job: PoolJob): Promise<BookReport>;
  close(): Promise<void>;
}

interface Running {
  resolve: (report: BookReport) => void;
  name: (slug: string) => Promise<string>;
}

interface Thread {
  worker: Worker;
  call: Call;
  running: Map<number, Running>;
  closePages: () => Promise<void>;
}

export function createPool(options: PoolOptions): Pool {
  const threads: Thread[] = [];
  const queue: { job: PoolJob; resolve: (report: BookReport) => void }[] = [];
  let inThread = 0;
  let ids = 0;
  let closed = false;

  const start = (): Thread => {
    const worker = spawnWorker();
    const running = new Map<number, Running>();
    const handlers: Handlers = {};
    const call = connect(worker, handlers);
    const server = serveBrowser(options.browser, call);
    Object.assign(handlers, server.handlers, {
      name: ({ id, slug }: { id: number; slug: string }) => running.get(id)?.name(slug) ?? slug,
    });
    const thread: Thread = { worker, call, running, closePages: server.closeAll };
    const stopped = (why: string) => {
      const index = threads.indexOf(thread);
      if (index < 0) return;
      threads.splice(index, 1);
      void server.closeAll();
      const error = new GalleyError('WORKER_FAILED', `the worker building this book stopped (${why})`, {
        hint: 'It may have run out of memory: build this book on its own (`galley build <book>`) to see more.',
      });
      for (const job of running.values()) job.resolve(failed(error));
      running.clear();
      pump();
    };
    worker.on('error', (error) => stopped(error.message));
    worker.on('exit', (code) => stopped(`exit code ${code}`));
    threads.push(thread);
    return thread;
  };

  const dispatch = async (thread: Thread, item: (typeof queue)[number]) => {
    const id = ids++;
    const name = item.job.name ?? (async (slug: string) => slug);
    thread.running.set(id, { resolve: item.resolve, name });
    // A book to print needs the browser; one that cannot be started fails the book (no worker
    // starts a browser of its own).
    const report = await (item.job.print ? options.browser() : Promise.resolve(undefined))
      .then((session) => thread.call<BookReport>('build', { id, job: item.job.job, browser: session?.description }))
      .catch(failed);
    if (!thread.running.delete(id)) return; // the worker stopped, and the book was answered
    item.resolve(report);
    pump();
  };

  const local = async (item: (typeof queue)[number]) => {
    inThread++;
    const report = await (item.job.print ? options.browser() : Promise.resolve(undefined))
      .then((session) => runBook(item.job.job, session, item.job.name, item.job.plugins))
      .catch(failed);
    item.resolve(report);
    inThread--;
    pump();
  };

  const pump = () => {
    while (queue.length > 0 && !closed) {
      if (options.workers <= 0) {
        if (inThread >= options.perWorker) return;
        void local(queue.shift() as (typeof queue)[number]);
        continue;
      }
      const free = threads.filter((t) => t.running.size < options.perWorker);
      const thread =
        threads.length < options.workers && free.every((t) => t.running.size > 0)
          ? start()
          : free.sort((a, b) => a.running.size - b.running.size)[0];
      if (!thread) return;
      void dispatch(thread, queue.shift() as (typeof queue)[number]);
    }
  };

  return {
    run(job) {
      if (closed) return Promise.reject(new Error('the builder is closed'));
      return new Promise<BookReport>((resolve) => {
        queue.push({ job, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      const error = new GalleyError('WORKER_FAILED', 'the builder was closed before this book was built');
      for (const item of queue.splice(0)) item.resolve(failed(error));
      const stopping = threads.splice(0);
      await Promise.all(
        stopping.map(async (t) => {
          await t.closePages();
          await t.worker.terminate();
        }),
      );
    },
  };
}

/** A book that failed before its build could start. */
function failed(error: unknown): BookReport {
  return { files: [], diagnostics: [], warnings: [], error: toWire(error), ms: 0 };
}

/** A worker thread running batch-worker: the compiled .js, or the .ts source through tsx (tests, `npm run bench`). */
function spawnWorker(): Worker {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(`./batch-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  if (!source) return new Worker(entry, { execArgv: workerArgv(process.execArgv) });
  // The ES module build of tsx's API (require.resolve finds its CommonJS twin beside it).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, execArgv: workerArgv(process.execArgv) });
}

/**
 * Node's flags for a worker: this process's, less those about how its own code was given
 * (`-e`, `--input-type`, …), which would make the worker's start fail.
 */
export function workerArgv(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (/^(-e|--eval|-p|--print|-pe|--input-type)$/.test(arg)) i++;
    else if (!/^(--eval|--print|--input-type)=/.test(arg)) out.push(arg);
  }
  return out;
}
