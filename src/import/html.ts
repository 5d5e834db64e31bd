/**
 * Reads a saved web page or an archive's HTML download: the story, without the site around it.
 * The page is read with linkedom; the site's furniture — navigation, headers and footers outside
 * the text, menus, comments, kudos and share buttons, statistics, forms, scripts — is taken out
 * by role, element and class or id word (never an element that holds most of the page's text);
 * then Mozilla's Readability (Firefox's Reader View) picks the main text. Centred lines of only
 * punctuation become scene breaks before Readability drops their alignment. Title, author,
 * language and description come from the page's metadata (og:title, meta author, `<title>`,
 * a `rel=author` link, `<html lang>`). Pictures are taken from inside the page's folder (a saved
 * page's `_files/`) or from data: URLs; a picture on the web is not fetched, and is reported.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parseHTML } from 'linkedom';
import { visit } from 'unist-util-visit';
import { probeImage } from '../book/raster.ts';
import { IMAGE_PROBLEM, type ImportedDocument, type ImportedImage, languageTag } from './imported.ts';
import { extractNotes } from './notes.ts';
import type { ImportProblem } from './problems.ts';
import { hastText } from './words.ts';

export interface HtmlOptions {
  /** The folder the page is in: pictures are read from there, and only there. */
  folder: string;
}

const CHROME_WORDS = new Set(
  (
    'nav navigation navbar menu menus breadcrumb breadcrumbs sidebar comment comments commentlist feedback kudos share ' +
    'sharing social related pagination pager skiplinks login signup subscribe advert ads cookie cookies banner landmark ' +
    'stats meta tags byline actions toolbar masthead'
  ).split(' '),
);
const CHROME_ROLES = /^(navigation|banner|contentinfo|search|complementary|menu|menubar|toolbar|dialog|alert)$/i;
const CHROME_TAGS = 'nav, aside, form, script, style, noscript, template, iframe, button, select, input, textarea, object, embed';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['querySelectorAll']>[number];

export async function readHtml(text: string, options: HtmlOptions): Promise<ImportedDocument> {
  const { document } = parseHTML(text);
  const problems: ImportProblem[] = [];
  const meta = pageMetadata(document);
  markCentredBreaks(document);
  removeChrome(document, meta);
  const article = new Readability(document as unknown as Document, { keepClasses: true, charThreshold: 0 }).parse();
  const tree = fromHtml(article?.content ?? document.body?.innerHTML ?? '', { fragment: true });
  dropTitleHeading(tree, meta.title ?? article?.title ?? undefined);
  const { notes } = extractNotes(tree);
  const images = await keepImages(tree, options.folder);
  return {
    meta: {
      title: meta.title ?? (article?.title || undefined),
      authors: meta.author ? [meta.author] : article?.byline ? [article.byline] : [],
      language: languageTag(meta.language ?? article?.lang ?? undefined),
      description: meta.description,
    },
    tree,
    notes,
    images,
    problems,
  };
}

function pageMetadata(document: Doc) {
  const content = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const authorLink = document.querySelector('a[rel~="author"]')?.textContent?.trim() || undefined;
  const summary = document.querySelector('.summary blockquote, .summary .userstuff')?.textContent?.trim() || undefined;
  return {
    title:
      content('meta[property="og:title"]') ??
      content('meta[name="twitter:title"]') ??
      content('meta[name="dc.title"]') ??
      (document.querySelector('title')?.textContent?.trim() || undefined),
    author: content('meta[name="author"]') ?? content('meta[name="dc.creator"]') ?? authorLink,
    language: document.documentElement?.getAttribute('lang') ?? undefined,
    description: content('meta[name="description"]') ?? content('meta[property="og:description"]') ?? summary,
  };
}

const textLength = (el: El | null | undefined) =>
  [...(el?.querySelectorAll('p') ?? [])].reduce((n, p) => n + (p.textContent?.length ?? 0), 0);

/** Words of an element's id and classes: `comments_placeholder` → comments, placeholder. */
const wordsOf = (el: El) =>
  `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);

function removeChrome(document: Doc, meta: { description?: string | undefined }): void {
  const total = textLength(document.body);
  const guarded = (el: El) => total > 0 && textLength(el) > total / 2;
  const candidates = [...document.querySelectorAll('*')].filter((el) => {
    const tag = el.tagName.toLowerCase();
    if (el.matches(CHROME_TAGS)) return true;
    if ((tag === 'header' || tag === 'footer') && !el.closest('article, main, [role="main"], [role="article"]')) return true;
    if (CHROME_ROLES.test(el.getAttribute('role') ?? '')) return true;
    if (el.getAttribute('aria-hidden') === 'true') return true;
    // A work's summary is its description (kept in book.yaml), not its text.
    if (wordsOf(el).includes('summary') && meta.description) return true;
    return wordsOf(el).some((w) => CHROME_WORDS.has(w));
  });
  for (const el of candidates) if (el.isConnected && !guarded(el)) el.remove();
}

/** A centred line of only punctuation or ornaments is a scene break: say so in words Readability keeps. */
function markCentredBreaks(document: Doc): void {
  for (const el of document.querySelectorAll('p, div, center')) {
    const text = el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!text || text.length > 40 || /[\p{L}\p{N}]/u.test(text) || el.querySelector('img, p, div')) continue;
    const style = `${el.getAttribute('style') ?? ''} ${el.getAttribute('align') ?? ''} ${el.getAttribute('class') ?? ''} ${el.tagName}`;
    if (/center/i.test(style)) el.textContent = '* * *';
  }
}

/** The page's own title, repeated as its first heading, is the book's title (in book.yaml), not a chapter. */
function dropTitleHeading(tree: Root, title: string | undefined): void {
  if (!title) return;
  const same = (a: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === title.replace(/\s+/g, ' ').trim().toLowerCase();
  let done = false;
  visit(tree, 'element', (el, index, parent) => {
    if (done || !parent || index === undefined || !/^h[1-6]$/.test(el.tagName)) return;
    done = true;
    if (!same(hastText(el))) return;
    parent.children.splice(index, 1);
    return index;
  });
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

/** Pictures from data: URLs or from inside the page's folder; anything else is marked for a report. */
async function keepImages(tree: Root, folder: string): Promise<ImportedImage[]> {
  const images: ImportedImage[] = [];
  const found: Array<{ properties: Record<string, unknown> }> = [];
  visit(tree, 'element', (el) => {
    if (el.tagName === 'img') found.push(el);
  });
  const root = await realpath(folder).catch(() => folder);
  for (const el of found) {
    const src = String(el.properties.src ?? '');
    const data = await imageBytes(src, root);
    if (typeof data === 'string') {
      el.properties[IMAGE_PROBLEM] = data;
      continue;
    }
    const facts = await probeImage(data);
    if (!('mediaType' in facts)) {
      el.properties[IMAGE_PROBLEM] =
        `the picture ${src.slice(0, 80)} is not one a book can hold (${facts.fault}); convert it to PNG or JPEG and add it by hand`;
      continue;
    }
    const name = `image-${images.length + 1}.${EXTENSIONS[facts.mediaType] ?? 'img'}`;
    images.push({ name, data });
    el.properties.src = `images/${name}`;
  }
  return images;
}

async function imageBytes(src: string, root: string): Promise<Buffer | string> {
  const data = /^data:[^,]*;base64,(.*)$/s.exec(src);
  if (data) return Buffer.from(data[1] ?? '', 'base64');
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return `the picture ${src.slice(0, 80)} is on the web and is not fetched: save it beside the page and add it with ![what it shows](images/…)`;
  }
  const file = path.resolve(root, decodeURIComponent(src.split(/[?#]/)[0] ?? ''));
  const real = await realpath(file).catch(() => undefined);
  if (!real || (real !== root && !real.startsWith(root + path.sep))) {
    return `the picture ${src.slice(0, 80)} is not in the page's folder, so it is not read: copy it into the book's images/ folder and add it by hand`;
  }
  return readFile(real);
}
