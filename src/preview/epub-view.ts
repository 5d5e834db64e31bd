/**
 * The preview's EPUB view: the sections as the EPUB sets them (src/output/epub/design.ts — the
 * theme's chapter heads, lead-ins and scene-break ornaments), with the EPUB's CSS and the CSS
 * theme.json's values add. An ornament image is shown from a `data:` address. The view is a
 * shadow root, where no `html` or `body` exists: the CSS's `:root` and `html` rules go to its host
 * (so the custom properties the theme and Galley set reach the book), its `body` rules to the
 * `.book` element that holds the sections. Given the memo of the last views, a section whose
 * text, place and design are as before is not set again.
 */
import { createHash } from 'node:crypto';
import { toHtml } from 'hast-util-to-html';
import type { Book, Section } from '../book/model.ts';
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

export async function epubView(book: Book, memo?: Map<string, string>): Promise<{ css: string; sections: EpubViewSection[] }> {
  const design = themeDesign(book.theme.layers);
  const images = await loadOrnaments(design);
  const urls = { head: images.head && dataUrl(images.head), sceneBreak: images.sceneBreak && dataUrl(images.sceneBreak) };
  const designKey = createHash('sha1')
    .update(JSON.stringify([design, urls, book.config.language]))
    .digest('hex');
  const chapters = book.body.filter((s) => s.kind === 'chapter').length;
  const all = [...book.front, ...book.body, ...book.back];
  if (memo && memo.size > 4 * all.length + 16) memo.clear();
  const keys = new Map<Section, string>();
  const designed = designedTrees(book, {
    design,
    language: book.config.language,
    images: urls,
    wanted: (section, number) => {
      if (book.back.includes(section)) return false;
      const key = `${designKey} ${section.kind} ${number ?? '-'} ${chapters}\n${section.title}\n${section.html}`;
      keys.set(section, key);
      return !memo?.has(key);
    },
  });
  const sections = [...book.front, ...book.body].map((section) => {
    const key = keys.get(section);
    const tree = designed.get(section);
    const html = tree ? toHtml(tree) : key !== undefined ? memo?.get(key) : undefined;
    if (key !== undefined && tree && html !== undefined) memo?.set(key, html);
    return { id: section.id, kind: section.kind, title: section.title, html: html ?? section.html };
  });
  const css = `${await themeCss(book.theme, 'epub')}\n${designCss(design)}`;
  return { css: scopeCss(css, ':host', '.book'), sections };
}
