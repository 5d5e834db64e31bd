/**
 * The print documents Chromium lays out: the front matter, the body, and (made from them) the
 * screen edition's single document. Each is one HTML page: the theme's print CSS, the fonts, the
 * book's font settings as CSS variables, and the page rules in a style element of their own
 * (`#galley-page`), which Galley swaps when the gutter changes or a document becomes the screen
 * edition.
 */
import type { PrintFonts } from '../fonts.ts';

export interface DocumentStyle {
  /** The theme's print CSS. */
  css: string;
  fonts: PrintFonts;
  fontSize: string;
}

/** CSS variables for the fonts, shared by the book's documents and the furniture document. */
export function fontVariables(style: DocumentStyle): string {
  const sc = style.fonts.smallCaps;
  return `:root {
  --text-font: "${style.fonts.text}";
  --sc-font: ${sc ? `"${sc.family}"` : `"${style.fonts.text}"`};
  --sc-weight: ${sc ? sc.weight : 400};
  --font-size: ${style.fontSize};
}`;
}

export function printDocument(options: {
  language: string;
  title: string;
  style: DocumentStyle;
  pageRules: string;
  /** The blocks' HTML, in order. */
  body: string;
}): string {
  const { style } = options;
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.language)}"${style.fonts.smallCaps ? '' : ' class="no-small-caps"'}>
<head>
<meta charset="utf-8">
<title>${escapeText(options.title)}</title>
<link rel="stylesheet" href="fonts.css">
<style>
${style.css}
${fontVariables(style)}
</style>
<style id="galley-page">
${options.pageRules}
</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
