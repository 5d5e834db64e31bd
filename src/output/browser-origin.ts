/**
 * The private origin a print or view page is loaded from. Its document is served as
 * PAGE_ORIGIN + `index.html`; every other request is answered by the caller's resolver, and
 * whatever the resolver does not know is blocked, so a book's page can load only the book's own
 * files (browser.ts opens the pages).
 */
import type { Page } from 'puppeteer-core';

/** The private origin print pages are served from. */
export const PAGE_ORIGIN = 'https://book.galley.invalid/';

export interface Resource {
  body: Buffer | string;
  contentType: string;
}

/** Answers a path under PAGE_ORIGIN (e.g. `images/map.png`), or undefined to block it. */
export type ResourceResolver = (path: string) => Promise<Resource | undefined>;

/** A document served as PAGE_ORIGIN + `index.html`, with its media type (HTML or XHTML). */
export interface ViewDocument {
  body: string;
  contentType: string;
}

/** Serves `index.html` and asks `resolve` for everything else; what it refuses is blocked. */
export async function answerRequests(
  page: Page,
  document: ViewDocument,
  resolve: ResourceResolver,
  blocked: string[][],
): Promise<void> {
  const html = document.body;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    const path = url.startsWith(PAGE_ORIGIN) ? safeDecode(url.slice(PAGE_ORIGIN.length).split(/[?#]/)[0] ?? '') : undefined;
    const answer =
      path === 'index.html'
        ? Promise.resolve<Resource>({ body: html, contentType: document.contentType })
        : path === undefined
          ? Promise.resolve(undefined)
          : resolve(path);
    answer.then(
      (resource) => {
        if (resource) return request.respond({ status: 200, contentType: resource.contentType, body: resource.body });
        if (!url.endsWith('/favicon.ico')) for (const list of blocked) list.push(url);
        return request.abort('blockedbyclient');
      },
      () => request.abort('failed'),
    );
  });
}

/** A path from a URL, or undefined (so the request is blocked) when its `%` escapes are malformed. */
function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
