/**
 * The preview's HTTP server: bound to 127.0.0.1 only, on the first free port from the one asked
 * for. It serves the preview app, the current state as JSON, a server-sent event stream of
 * updates, and the book's own images and the theme's fonts — looked up by name in what the book
 * already loaded, never by mapping a URL onto the file system, so no URL can reach a file
 * outside the book.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Points the book's image references (`images/…`) at the server's /book/images/. */
export function bookUrls(html: string): string {
  return html.replace(/ src="images\//g, ' src="/book/images/');
}

/** Points @font-face rules (`url(fonts/…)`) at the server's /book/<folder>/. */
export function fontUrls(css: string, folder: 'fonts' | 'print-fonts'): string {
  return css.replace(/url\(fonts\//g, `url(/book/${folder}/`);
}

/** What the server needs from the preview session. */
export interface PreviewSource {
  /** The current state, as sent to the browser. */
  state(): unknown;
  /** A book resource (image or font) by its path in the book, or undefined. */
  resource(name: string): Promise<{ body: Buffer | string; contentType: string } | undefined>;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Sends an event to every open page. */
  broadcast(event: string, data: unknown): void;
  close(): Promise<void>;
}

const CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));
const CLIENT_FILES: Record<string, string> = {
  '/': 'index.html',
  '/preview.js': 'preview.js',
  '/preview.css': 'preview.css',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export async function startPreviewServer(source: PreviewSource, port = 4173): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    handle(request, response, source, clients).catch((error: Error) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `preview error: ${error.message}`);
    });
  });
  const bound = await listenOnFreePort(server, port);
  return {
    url: `http://127.0.0.1:${bound}/`,
    port: bound,
    broadcast(event, data) {
      const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const client of clients) client.write(message);
    },
    close() {
      for (const client of clients) client.end();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, source: PreviewSource, clients: Set<ServerResponse>) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'GET only');
  // Judge the path as sent: URL parsing would quietly resolve the `..` away.
  const raw = decodeURIComponent((request.url ?? '/').split(/[?#]/)[0] ?? '/');
  if (raw.split(/[/\\]/).includes('..')) return send(response, 400, 'text/plain', 'no “..” in preview paths');
  const pathname = new URL(raw, 'http://127.0.0.1').pathname;
  const client = CLIENT_FILES[pathname];
  if (client) {
    const body = await readFile(path.join(CLIENT_DIR, client));
    return send(response, 200, TYPES[path.extname(client)] ?? 'application/octet-stream', body);
  }
  if (pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
  if (pathname === '/state') return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(source.state()));
  if (pathname === '/events') {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(': connected\n\n');
    clients.add(response);
    request.on('close', () => clients.delete(response));
    return;
  }
  if (pathname.startsWith('/book/')) {
    const resource = await source.resource(pathname.slice('/book/'.length));
    if (resource) return send(response, 200, resource.contentType, resource.body);
  }
  return send(response, 404, 'text/plain', 'not found');
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

/** Listens on 127.0.0.1 at `port`, or the next free one after it. */
async function listenOnFreePort(server: Server, port: number): Promise<number> {
  for (let candidate = port; candidate < port + 100; candidate++) {
    const ok = await new Promise<boolean>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE') resolve(false);
        else reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(candidate, '127.0.0.1');
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  throw new Error(`no free port from ${port} to ${port + 99}`);
}
