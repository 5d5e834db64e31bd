/**
 * The gallery's two pictures of a theme, made in the browser: the first chapter's opener spread
 * drawn from the print PDF by pdf.js (the build unpdf ships), and the first chapter's page of the
 * EPUB at a phone's size, its XHTML with the EPUB's own style sheet and fonts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import type { BrowserSession, Resource } from '../src/output/browser.ts';

/** Width of the spread picture, in pixels (two pages side by side on a grey ground). */
export const SPREAD_WIDTH = 1200;

/** A phone's screen in CSS pixels, and its pixel density in the picture. */
export const PHONE = { width: 390, height: 844, scale: 1.5 };

const PDFJS = readFileSync(fileURLToPath(import.meta.resolve('unpdf/pdfjs')));

/**
 * The page the body starts on (labelled 1: the first chapter's opener, or the part page before
 * it) and the page facing it, drawn side by side. A blank facing page is drawn as one.
 */
export async function spreadPicture(session: BrowserSession, pdf: Uint8Array): Promise<Uint8Array> {
  const html = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #e4e2dc; }
  #spread { display: inline-flex; padding: 20px; }
  canvas { display: block; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
</style></head>
<body><div id="spread"></div>
<script type="module">
  import { getDocument } from './pdfjs.mjs';
  const data = new Uint8Array(await (await fetch('book.pdf')).arrayBuffer());
  const doc = await getDocument({ data, isEvalSupported: false }).promise;
  const labels = (await doc.getPageLabels()) ?? [];
  const opener = Math.max(0, labels.indexOf('1'));
  // A page's index is even on a recto (page 1, 3, …): its spread is the page before and it.
  const first = opener % 2 === 0 ? Math.max(0, opener - 1) : opener;
  const pages = first === opener && opener % 2 === 0 ? [opener] : [first, Math.min(first + 1, doc.numPages - 1)];
  const width = (${SPREAD_WIDTH} - 40) / 2;
  for (const index of pages) {
    const page = await doc.getPage(index + 1);
    const viewport = page.getViewport({ scale: width / page.view[2] });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    document.getElementById('spread').append(canvas);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
  document.body.dataset.ready = 'yes';
</script></body></html>`;
  const files: Record<string, Resource> = {
    'pdfjs.mjs': { body: PDFJS, contentType: 'text/javascript' },
    'book.pdf': { body: Buffer.from(pdf), contentType: 'application/pdf' },
  };
  return await look(session, { body: html, contentType: 'text/html; charset=utf-8' }, files, '#spread', {
    width: SPREAD_WIDTH,
    height: 1000,
  });
}

/** The EPUB's first chapter as a phone shows it: the top of its first screen. */
export async function phonePicture(session: BrowserSession, epub: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(epub);
  const opfPath = /full-path="([^"]+)"/.exec((await zip.file('META-INF/container.xml')?.async('string')) ?? '')?.[1];
  const opf = opfPath ? await zip.file(opfPath)?.async('string') : undefined;
  if (!opfPath || !opf) throw new Error('the EPUB has no package document');
  const root = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : '';
  const hrefs = new Map([...opf.matchAll(/<item\b[^>]*\bid="([^"]+)"[^>]*\bhref="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  let chapter: string | undefined;
  for (const [, idref] of opf.matchAll(/<itemref\b[^>]*\bidref="([^"]+)"/g)) {
    const href = hrefs.get(idref ?? '');
    const text = href ? await zip.file(root + href)?.async('string') : undefined;
    if (text && /role="doc-chapter"/.test(text)) {
      chapter = text;
      break;
    }
  }
  if (!chapter) throw new Error('the EPUB has no chapter');
  // What a reading system adds: its margins, its text size, and no scroll bar.
  const reader = `<style>html { font-size: 18px; padding: 28px 20px; background: #fff; overflow: hidden; }</style>`;
  const body = chapter.replace(/<\/head>/, `${reader}</head>`);
  const resolve = async (path: string): Promise<Resource | undefined> => {
    const file = zip.file(root + path);
    if (!file) return undefined;
    return { body: await file.async('nodebuffer'), contentType: mediaType(path) };
  };
  return await look(
    session,
    { body, contentType: 'application/xhtml+xml' },
    resolve,
    undefined,
    PHONE,
    'document.fonts.status === "loaded"',
  );
}

async function look(
  session: BrowserSession,
  document: { body: string; contentType: string },
  files: Record<string, Resource> | ((path: string) => Promise<Resource | undefined>),
  selector: string | undefined,
  viewport: { width: number; height: number; scale?: number },
  ready = 'document.body.dataset.ready === "yes"',
): Promise<Uint8Array> {
  if (!session.view) throw new Error('this browser session cannot show pages');
  const resolve = typeof files === 'function' ? files : async (path: string) => files[path];
  const page = await session.view(document, resolve, viewport);
  try {
    await page.waitFor(ready);
    return await page.screenshot(selector);
  } finally {
    await page.close();
  }
}

function mediaType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const types: Record<string, string> = {
    css: 'text/css',
    woff2: 'font/woff2',
    woff: 'font/woff',
    ttf: 'font/ttf',
    otf: 'font/otf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    svg: 'image/svg+xml',
    webp: 'image/webp',
    xhtml: 'application/xhtml+xml',
  };
  return types[ext] ?? 'application/octet-stream';
}
