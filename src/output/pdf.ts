/**
 * The print edition: the typeset book laid out as one HTML document with the theme's print CSS,
 * the trim size and mirrored margins from book.yaml as @page rules, and printed by Chromium.
 * Only the book's own files (its images and the theme's fonts) can load.
 */
import type { Book } from '../book/model.ts';
import type { PrintConfig } from '../config/schema.ts';
import { parseLength, parseTrim } from '../config/trim.ts';
import { GalleyError } from '../errors.ts';
import { findBrowser, printToPdf, type Resource } from './browser.ts';

export { findBrowser };

import { fontFile, loadThemeFonts } from './fonts.ts';
import { themeCss } from './theme.ts';

export interface PdfOptions {
  /** Browser executable (else found by output/browser.ts). */
  browser?: string | undefined;
}

export interface PdfResult {
  pdf: Uint8Array;
  /** Requests refused while printing (anything not the book's own). */
  blocked: string[];
}

const CONTENT_TYPES: Record<string, string> = {
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  css: 'text/css; charset=utf-8',
};

export async function renderPdf(book: Book, options: PdfOptions = {}): Promise<PdfResult> {
  const [css, fonts] = await Promise.all([themeCss('print'), loadThemeFonts()]);
  const html = printDocument(book, css);
  const resolve = async (path: string): Promise<Resource | undefined> => {
    if (path === 'fonts.css') return { body: fonts.css, contentType: CONTENT_TYPES.css as string };
    if (path.startsWith('fonts/')) {
      const data = await fontFile(fonts, path.slice('fonts/'.length));
      const ext = path.split('.').pop() ?? '';
      return data && { body: data, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream' };
    }
    const image = book.images.get(path);
    return image && { body: image.data, contentType: image.mediaType };
  };
  const result = await printToPdf({
    html,
    resolve,
    executablePath: options.browser,
    pdf: { preferCSSPageSize: true, printBackground: true, outline: false, tagged: false, waitForFonts: true },
  });
  return result;
}

/** The whole book as one HTML document for the printer. */
export function printDocument(book: Book, css: string): string {
  const { config } = book;
  const sections = [...book.front, ...book.body].map((s) => s.html).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(config.language)}">
<head>
<meta charset="utf-8">
<title>${escapeText(config.title)}</title>
<link rel="stylesheet" href="fonts.css">
<style>
${css}
${pageRules(config.print)}
</style>
</head>
<body>
${sections}
</body>
</html>
`;
}

/** @page rules: trim size, mirrored margins with the gutter inside, folios at the foot. */
export function pageRules(print: PrintConfig): string {
  const trim = parseTrim(print.trim);
  const [inner, outer, top, bottom] = [print.inner, print.outer, print.top, print.bottom].map(parseLength);
  if (!trim || !inner || !outer || !top || !bottom) {
    throw new GalleyError('PDF_FAILED', 'the print settings are not valid', { hint: 'Check `print:` in book.yaml.' });
  }
  if (inner + outer >= trim.width - 72 || top + bottom >= trim.height - 72) {
    throw new GalleyError('PDF_FAILED', 'the print margins leave less than an inch for the text', {
      hint: 'Make `print.inner`/`print.outer` or `print.top`/`print.bottom` smaller in book.yaml.',
    });
  }
  const pt = (n: number) => `${n.toFixed(2)}pt`;
  return `
:root { --text-height: ${pt(trim.height - top - bottom)}; }
@page {
  size: ${pt(trim.width)} ${pt(trim.height)};
  margin: ${pt(top)} ${pt(outer)} ${pt(bottom)} ${pt(inner)};
  @bottom-center {
    content: counter(page);
    font-family: "EB Garamond", serif;
    font-size: 9.5pt;
    vertical-align: top;
    padding-top: 12pt;
  }
}
@page :right { margin-left: ${pt(inner)}; margin-right: ${pt(outer)}; }
@page :left { margin-left: ${pt(outer)}; margin-right: ${pt(inner)}; }
@page front { @bottom-center { content: none; } }
`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
