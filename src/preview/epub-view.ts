/**
 * The preview's EPUB view: the sections as the EPUB sets them (src/output/epub/design.ts — the
 * theme's chapter heads, lead-ins and scene-break ornaments), with the EPUB's CSS and the CSS
 * theme.json's values add. An ornament image is shown from a `data:` address. The view is a
 * shadow root, where no `html` or `body` exists: the CSS's `:root` and `html` rules go to its host
 * (so the custom properties the theme and Galley set reach the book), its `body` rules to the
 * `.book` element that holds the sections.
 */
import { toHtml } from 'hast-util-to-html';
import type { Book } from '../book/model.ts';
import { designCss, designedTrees } from '../output/epub/design.ts';
import { dataUrl, loadOrnaments } from '../output/ornaments.ts';
import { themeCss } from '../output/theme.ts';
import { themeDesign } from '../output/theme-design.ts';
import { scopeCss } from './print-css.ts';

export interface EpubViewSection {
  id: string;
  kind: string;
  title: string;
  html: string;
}

export async function epubView(book: Book): Promise<{ css: string; sections: EpubViewSection[] }> {
  const design = themeDesign(book.theme.layers);
  const images = await loadOrnaments(design);
  const designed = designedTrees(book, {
    design,
    language: book.config.language,
    images: { head: images.head && dataUrl(images.head), sceneBreak: images.sceneBreak && dataUrl(images.sceneBreak) },
  });
  const sections = [...book.front, ...book.body].map((section) => {
    const tree = designed.get(section);
    return { id: section.id, kind: section.kind, title: section.title, html: tree ? toHtml(tree) : section.html };
  });
  const css = `${await themeCss(book.theme, 'epub')}\n${designCss(design)}`;
  return { css: scopeCss(css, ':host', '.book'), sections };
}
