/**
 * The preview's EPUB view: the sections as the EPUB sets them (src/output/epub/design.ts — the
 * theme's chapter heads, lead-ins and scene-break ornaments), with the EPUB's CSS and the CSS
 * theme.json's values add. An ornament image is shown from a `data:` address.
 */
import { toHtml } from 'hast-util-to-html';
import type { Book } from '../book/model.ts';
import { designCss, designedTrees } from '../output/epub/design.ts';
import { dataUrl, loadOrnaments } from '../output/ornaments.ts';
import { themeCss } from '../output/theme.ts';
import { themeDesign } from '../output/theme-design.ts';

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
  return { css: `${await themeCss(book.theme, 'epub')}\n${designCss(design)}`, sections };
}
