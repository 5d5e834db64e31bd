/**
 * The preview's HTTP server: bound to 127.0.0.1 only, on the first free port from the one asked
 * for. It serves the preview app, the current state as JSON, a server-sent event stream of
 * updates, and the book's own images and the theme's fonts — looked up by name in what the book
 * already loaded, never by mapping a URL onto the file system, so no URL can reach a file
 * outside the book.
 *
 * It answers only requests addressed to it by name — `Host: 127.0.0.1:PORT` or `localhost:PORT`
 * (403 otherwise) — so a web page that points its own domain at 127.0.0.1 (DNS rebinding)
 * cannot read the manuscript. Every answer forbids framing and type sniffing and carries a
 * Content-Security-Policy: the app loads scripts, data and fonts from itself only; a book's SVG
 * image opened on its own is sandboxed (no scripts, nothing loaded).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileScope, readBookFile } from '../book/book-files.ts';

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
      if (clients.size === 0) return;
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

/** The app's policy: its own scripts and data only; inline styles (the pages are laid out with them). */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
/** A book's SVG opened on its own: a sandbox that runs nothing and loads nothing. */
export const SVG_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/** True when the request names this server: `127.0.0.1:PORT` or `localhost:PORT`. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  const name = (host ?? '').trim().toLowerCase();
  return name === `127.0.0.1:${port}` || name === `localhost:${port}`;
}

async function handle(request: IncomingMessage, response: ServerResponse, source: PreviewSource, clients: Set<ServerResponse>) {
  if (!isOwnHost(request.headers.host, request.socket.localPort ?? 0)) {
    return send(response, 403, 'text/plain', 'this preview answers only at 127.0.0.1 or localhost');
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'GET only');
  // Judge the path as sent: URL parsing would quietly resolve the `..` away.
  let raw: string;
  try {
    raw = decodeURIComponent((request.url ?? '/').split(/[?#]/)[0] ?? '/');
  } catch {
    return send(response, 400, 'text/plain', 'malformed % escape in the path');
  }
  if (raw.split(/[/\\]/).includes('..')) return send(response, 400, 'text/plain', 'no “..” in preview paths');
  if (!raw.startsWith('/') || raw.includes('\0')) return send(response, 400, 'text/plain', 'not a preview path');
  // `/./a` and `//a` are `/a` (never a host: the path is not parsed as a URL).
  const pathname = path.posix.normalize(raw);
  const client = CLIENT_FILES[pathname];
  if (client) {
    const scope = await fileScope(CLIENT_DIR, "the preview app's folder");
    const { data: body } = await readBookFile(scope, client, { file: client, what: 'the preview app file' });
    return send(response, 200, TYPES[path.extname(client)] ?? 'application/octet-stream', body);
  }
  if (pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
  if (pathname === '/state') return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(source.state()));
  if (pathname === '/events') {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    // The state as it is now, first: an update sent after the page read /state and before it
    // listened here would otherwise be lost until the next save.
    response.write(`: connected\n\nevent: state\ndata: ${JSON.stringify(source.state())}\n\n`);
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

const SECURITY_HEADERS = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const csp = type.startsWith('image/svg+xml') ? SVG_CSP : APP_CSP;
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-security-policy': csp,
    'content-type': type,
    'cache-control': 'no-store',
  });
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
