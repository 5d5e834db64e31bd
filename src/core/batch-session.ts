/**
 * One browser for every worker of a many-book build. The browser lives in the main thread (it is
 * driven over a pipe, which one thread holds); a worker gets a BrowserSession whose pages are
 * opened, evaluated, printed and closed there, through calls on the worker's port. Each page's
 * requests are answered by the resolver the worker gave (the book's images and the theme's
 * fonts, which the worker holds), and the requests the browser refused come back with each reply.
 */
import { GalleyError } from '../errors.ts';
import type { BookPage, BrowserSession, Resource, ResourceResolver } from '../output/browser.ts';
import type { Call, Handlers } from './batch-rpc.ts';

interface Served {
  page: BookPage;
  blocked: string[];
  /** How many of `blocked` the worker has been sent. */
  sent: number;
}

/** A reply to the worker: the value, and the requests refused on the page since the last one. */
interface PageReply<T> {
  value: T;
  blocked: string[];
}

/** Main thread: the calls a worker makes to use `browser`'s pages, and a way to close what it left open. */
export function serveBrowser(browser: () => Promise<BrowserSession>, call: Call) {
  const pages = new Map<number, Served>();
  let next = 0;
  const served = (id: number): Served => {
    const entry = pages.get(id);
    if (!entry) throw new GalleyError('PDF_FAILED', 'the print page was already closed');
    return entry;
  };
  const reply = <T>(entry: Served, value: T): PageReply<T> => {
    const blocked = entry.blocked.slice(entry.sent);
    entry.sent = entry.blocked.length;
    return { value, blocked };
  };
  const handlers = {
    async open({ html, resolver }: { html: string; resolver: number }) {
      const session = await browser();
      const entry: Served = { page: undefined as unknown as BookPage, blocked: [], sent: 0 };
      const resolve: ResourceResolver = async (path) => asBuffer(await call<Resource | undefined>('resolve', { resolver, path }));
      entry.page = await session.open(html, resolve, entry.blocked);
      const id = next++;
      pages.set(id, entry);
      return reply(entry, id);
    },
    async evaluate({ page, expression }: { page: number; expression: string }) {
      const entry = served(page);
      return reply(entry, await entry.page.evaluate<unknown>(expression));
    },
    async pdf({ page, options }: { page: number; options: Parameters<BookPage['pdf']>[0] }) {
      const entry = served(page);
      return reply(entry, await entry.page.pdf(options));
    },
    async closePage({ page }: { page: number }) {
      const entry = pages.get(page);
      pages.delete(page);
      await entry?.page.close();
      return entry ? reply(entry, undefined) : { value: undefined, blocked: [] };
    },
  } satisfies Handlers;
  return {
    handlers,
    /** Closes every page still open (the worker stopped). */
    async closeAll() {
      const open = [...pages.values()];
      pages.clear();
      await Promise.all(open.map((e) => e.page.close().catch(() => undefined)));
    },
  };
}

/** A resource's body as puppeteer takes it: a structured clone turns a Buffer into a Uint8Array. */
function asBuffer(resource: Resource | undefined): Resource | undefined {
  if (!resource || typeof resource.body === 'string' || Buffer.isBuffer(resource.body)) return resource;
  const body = resource.body as Uint8Array;
  return { ...resource, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
}

/**
 * Worker thread: BrowserSessions over the port (`session(description)`, one per book, named after
 * the main thread's browser; close() leaves it running), and the call the main thread makes to
 * resolve a page's requests.
 */
export function remoteBrowser(call: Call) {
  const resolvers = new Map<number, ResourceResolver>();
  let next = 0;
  const handlers = {
    resolve: ({ resolver, path }: { resolver: number; path: string }) => resolvers.get(resolver)?.(path),
  } satisfies Handlers;
  const session = (description: string): BrowserSession => {
    const all: string[] = [];
    return {
      blocked: all,
      description,
      async open(html, resolve, blocked) {
        const resolver = next++;
        resolvers.set(resolver, resolve);
        const take = <T>(reply: PageReply<T>): T => {
          all.push(...reply.blocked);
          blocked?.push(...reply.blocked);
          return reply.value;
        };
        const page = take(await call<PageReply<number>>('open', { html, resolver }).catch(forget(resolvers, resolver)));
        return {
          evaluate: async <T>(expression: string) => take(await call<PageReply<T>>('evaluate', { page, expression })),
          pdf: async (options) => take(await call<PageReply<Uint8Array>>('pdf', { page, options })),
          async close() {
            take(await call<PageReply<undefined>>('closePage', { page }).catch(() => ({ value: undefined, blocked: [] })));
            resolvers.delete(resolver);
          },
        };
      },
      async close() {},
    };
  };
  return { handlers, session };
}

function forget(resolvers: Map<number, ResourceResolver>, id: number) {
  return (error: unknown): never => {
    resolvers.delete(id);
    throw error;
  };
}
