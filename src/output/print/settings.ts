/**
 * Everything the print edition is set with, resolved once: book.yaml's `print:` settings over the
 * theme's (font size, line height, lead-in, ornament), the fonts, and the hyphenator for the
 * book's language.
 */
import { authorsOf } from '../../book/front-matter.ts';
import type { Book } from '../../book/model.ts';
import type { PrintConfig } from '../../config/schema.ts';
import { parseLength } from '../../config/trim.ts';
import { GalleyError } from '../../errors.ts';
import { loadPrintFonts, type PrintFonts } from '../fonts.ts';
import { type Theme, themeCss } from '../theme.ts';
import type { LeadIn } from './blocks.ts';
import type { DocumentStyle } from './document.ts';
import type { Furniture } from './geometry.ts';
import { type Hyphenator, loadHyphenator } from './hyphenate.ts';

export interface PrintSetup {
  print: PrintConfig;
  fonts: PrintFonts;
  style: DocumentStyle;
  /** Line height in points: the baseline grid. */
  line: number;
  leadIn: LeadIn;
  ornament: string;
  furniture: Furniture;
  hyphenate: Hyphenator | undefined;
  /** The verso running head. */
  author: string;
}

/** The print setup of `book` in its theme (or in `theme`). */
export async function printSetup(book: Book, theme: Theme = book.theme): Promise<PrintSetup> {
  const print = book.config.print;
  const fonts = await loadPrintFonts(print.font, theme);
  const css = await themeCss(theme, 'print', fonts);
  const manifest = { print: theme.print };
  const line = parseLength(manifest.print['line-height']);
  if (!line || !parseLength(manifest.print['font-size'])) {
    throw new GalleyError('PDF_FAILED', 'the theme’s print font size or line height is not a length', {
      file: theme.layers.at(-1)?.file,
      hint: 'Give `print.font-size` and `print.line-height` as lengths such as 11pt and 14pt.',
    });
  }
  return {
    print,
    fonts,
    style: { css, fonts, fontSize: manifest.print['font-size'] },
    line,
    leadIn: print['lead-in'] ?? manifest.print['lead-in'],
    ornament: manifest.print.ornament,
    furniture: { heads: print['running-heads'] !== 'none', folios: print.folios },
    hyphenate: print.hyphenate ? loadHyphenator(book.config.language) : undefined,
    author: authorsOf(book.config.creators)
      .map((c) => c.name)
      .join(' & '),
  };
}
