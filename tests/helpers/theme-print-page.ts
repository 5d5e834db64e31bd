/**
 * A book's chapters as the print page sets them under a theme, opened in a browser session to
 * read computed styles from: the body blocks in one print document with the theme's CSS and
 * fonts, its grid's line given (the page geometry does not change the type). The caller closes
 * the page.
 */
import type { Book } from '../../src/book/model.ts';
import type { BookPage, BrowserSession } from '../../src/output/browser.ts';
import { resolver } from '../../src/output/pdf.ts';
import { bodyBlocks } from '../../src/output/print/blocks.ts';
import { printDocument } from '../../src/output/print/document.ts';
import { printSetup } from '../../src/output/print/settings.ts';
import type { Theme } from '../../src/output/theme.ts';

export interface ThemePrintPage {
  page: BookPage;
  /** The document opened. */
  html: string;
}

/** Opens `book`'s chapters under `theme` (the book's own by default), with `extra` HTML after them. */
export async function openThemePrintPage(
  session: BrowserSession,
  book: Book,
  options: { theme?: Theme; extra?: string } = {},
): Promise<ThemePrintPage> {
  const setup = await printSetup(book, options.theme ?? book.theme);
  const blocks = bodyBlocks(book, {
    chapterStart: setup.print['chapter-start'],
    leadIn: setup.leadIn,
    hyphenate: undefined,
    language: book.config.language,
  });
  const html = printDocument({
    language: book.config.language,
    title: book.config.title,
    style: setup.style,
    pageRules: `:root { --line: ${setup.line}pt; }`,
    body: [...blocks.map((b) => b.html), options.extra ?? ''].join('\n'),
  });
  return { page: await session.open(html, resolver(book, setup.fonts)), html };
}
