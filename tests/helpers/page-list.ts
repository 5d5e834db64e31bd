/**
 * An EPUB's page list checked against its print PDF, for epub-page-list.test.ts: for each page
 * of the list, the words its PDF page shows first (read back from the PDF here, in drawing
 * order, with the folio and running heads before them taken off) and the words that follow its
 * marker in the EPUB's text.
 */
import { decodeEntities, epubEntries, pdfInfo, pdfText } from './tools.ts';

/** Words as compared: lower case, letters and digits only, hyphenation at line ends undone. */
export function words(text: string): string[] {
  return text
    .replace(/(\p{L})[-\u00AD]\s*\n\s*(\p{L})/gu, '$1$2')
    .split(/[\s\u2012-\u2015]+/)
    .map((w) =>
      w
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]/gu, ''),
    )
    .filter(Boolean);
}

const UNITS =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty'.split(' ');

/** Chapter numbers in words, one to fifty-nine, as print's chapter heads spell them. */
export function numberWords(): string[] {
  const tens = TENS.flatMap((t) => [t, ...UNITS.slice(0, 9).map((u) => `${t}-${u}`)]);
  return [...UNITS, ...tens];
}

export interface ListedPage {
  file: string;
  id: string;
  label: string;
  /** What the PDF page shows, squashed (no spaces). */
  shown: string;
  /** The same, print's furniture at its start taken off. */
  printed: string;
  /** What follows the page's marker in its document, squashed, the same furniture taken off. */
  after: string;
  /** The first word after the marker. */
  firstWord: string;
  /** The words between the marker and the next page's marker in the same document (undefined in another). */
  beforeNext: string[] | undefined;
}

export interface PageList {
  entries: Map<string, string>;
  /** The page-list nav, from its `epub:type`. */
  list: string;
  pages: ListedPage[];
  pageCount: number;
}

/**
 * The page list of `epub` with each page's PDF words; `heads`: what print sets around the text
 * (the title and author in running heads, chapter titles and numbers), taken off the start of
 * both sides.
 */
export async function readPageList(epub: string, pdf: string, heads: string[]): Promise<PageList> {
  const entries = await epubEntries(epub);
  const nav = entries.get('OEBPS/toc.xhtml') as string;
  const list = nav.slice(nav.indexOf('epub:type="page-list"'));
  const listed = [...list.matchAll(/<li><a href="([^"#]+)#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => ({
    file: m[1] as string,
    id: m[2] as string,
    label: m[3] as string,
  }));
  const titles = [...nav.matchAll(/<a href="[^"#]+">([^<]+)<\/a>/g)].map((m) => decodeEntities(m[1] as string));
  const furniture = [...heads, ...titles].map((t) => words(t).join('')).sort((a, b) => b.length - a.length);
  const strip = (squashed: string, label: string) => {
    let text = squashed;
    for (let again = true; again; ) {
      again = false;
      for (const f of [label, ...furniture]) {
        if (f && text.startsWith(f)) {
          text = text.slice(f.length);
          again = true;
        }
      }
    }
    return text;
  };
  const pages: ListedPage[] = [];
  for (const [index, page] of listed.entries()) {
    const doc = entries.get(`OEBPS/${page.file}`) as string;
    const marker = doc.indexOf(`id="${page.id}"`);
    const rest = doc.slice(doc.indexOf('/>', marker) + 2);
    const following = words(decodeEntities(rest.replace(/<[^>]+>/g, ' ')));
    const next = listed[index + 1];
    const nextAt = next && next.file === page.file ? rest.lastIndexOf('<', rest.indexOf(`id="${next.id}"`)) : -1;
    const shown = words(await pdfText(pdf, { first: index + 1 })).join('');
    pages.push({
      ...page,
      shown,
      printed: strip(shown, page.label),
      after: strip(following.join(''), page.label),
      firstWord: following[0] ?? '',
      beforeNext: nextAt < 0 ? undefined : words(decodeEntities(rest.slice(0, nextAt).replace(/<[^>]+>/g, ' '))),
    });
  }
  return { entries, list, pages, pageCount: Number((await pdfInfo(pdf)).Pages) };
}

/**
 * Whether the page's marker stands just before the first words its PDF page shows (30 letters
 * of them): at them, or before the whole word when the page opens inside a word hyphenated
 * across the page break.
 */
export function standsBeforeItsWords(page: ListedPage): boolean {
  const expected = page.printed.slice(0, 30);
  const at = page.after.slice(0, 60).indexOf(expected);
  return at === 0 || (at > 0 && at < page.firstWord.length);
}

/** Whether the page's marker stands beside the next page's (no word between them), or last of all. */
export function standsBesideTheNext(page: ListedPage): boolean {
  return page.beforeNext === undefined ? page.after === '' : page.beforeNext.length === 0;
}
