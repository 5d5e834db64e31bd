/**
 * A worker thread of a many-book build (started by core/batch-pool.ts). It builds the books it is
 * sent — reading, typesetting, laying out the print edition, putting the PDF and the EPUB
 * together, writing the files: all the work done in JavaScript — and prints through the main
 * thread's one browser. Several books may be in hand at once: while one waits for the browser,
 * another is typeset.
 */
import { parentPort } from 'node:worker_threads';
import { type BookJob, runBook } from './batch-book.ts';
import { connect, type Handlers } from './batch-rpc.ts';
import { remoteBrowser } from './batch-session.ts';

const port = parentPort;
if (!port) throw new Error('batch-worker.ts runs as a worker thread (see core/batch-pool.ts)');

const handlers: Handlers = {};
const call = connect(port, handlers);
const browser = remoteBrowser(call);
Object.assign(handlers, browser.handlers, {
  /** One book; `browser` names the main thread's browser (none for an EPUB-only build). */
  build: ({ id, job, browser: description }: { id: number; job: BookJob; browser?: string }) =>
    runBook(job, description === undefined ? undefined : browser.session(description), (slug) =>
      call<string>('name', { id, slug }),
    ),
});
