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
import { dataUrl, loadOrnaments } from '../ornaments.ts';
import { type Theme, themeCss } from '../theme.ts';
import { leadInParts, themeDesign } from '../theme-design.ts';
import type { LeadIn, PrintDesign } from './blocks.ts';
import type { DocumentStyle } from './document.ts';
import { loadDropCap } from './drop-cap.ts';
import type { Furniture } from './geometry.ts';
import { type Hyphenator, loadHyphenator } from './hyphenate.ts';

export interface PrintSetup {
  print: PrintConfig;
  fonts: PrintFonts;
  style: DocumentStyle;
  /** Line height in points: the baseline grid. */
  line: number;
  leadIn: LeadIn;
  /** The ornament the furniture draws where a break falls at a page's top or foot ('' when the theme sets it at every break). */
  ornament: string;
  /** The theme's chapter heads and scene breaks (theme.json `chapter`, `scene-break`), and its drop cap. */
  design: PrintDesign;
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
  const resolved = themeDesign(theme.layers);
  const images = await loadOrnaments(resolved);
  const design: PrintDesign = {
    chapter: resolved.chapter,
    sceneBreak: resolved.sceneBreak,
    images: { head: images.head && dataUrl(images.head), sceneBreak: images.sceneBreak && dataUrl(images.sceneBreak) },
  };
  const line = parseLength(manifest.print['line-height']);
  const fontSize = parseLength(manifest.print['font-size']);
  if (!line || !fontSize) {
    throw new GalleyError('PDF_FAILED', 'the theme’s print font size or line height is not a length', {
      file: theme.layers.at(-1)?.file,
      hint: 'Give `print.font-size` and `print.line-height` as lengths such as 11pt and 14pt.',
    });
  }
  const leadIn = print['lead-in'] ?? resolved.leadIn;
  if (leadInParts(leadIn).dropCap) design.dropCap = await loadDropCap(css, fonts, { fontSize, line });
  return {
    print,
    fonts,
    style: { css: `${css}${sinkCss(design)}`, fonts, fontSize: manifest.print['font-size'] },
    line,
    leadIn,
    ornament: design.sceneBreak.show === 'always' || design.images.sceneBreak ? '' : design.sceneBreak.ornament,
    design,
    furniture: { heads: print['running-heads'] !== 'none', folios: print.folios },
    hyphenate: print.hyphenate ? loadHyphenator(book.config.language) : undefined,
    author: authorsOf(book.config.creators)
      .map((c) => c.name)
      .join(' & '),
  };
}

/** theme.json's chapter sink, when it gives one, over the theme's CSS: whole lines of the grid. */
function sinkCss(design: PrintDesign): string {
  const { sink } = design.chapter;
  if (sink === undefined) return '';
  return `\n/* theme.json: the chapter head's sink. */\n.opener { padding-top: calc(${Math.max(0, Math.round(sink))} * var(--line)); }\n`;
}
