/**
 * Page-break markers from the print edition. Each printed page's first words are found in the
 * book's text (page-places.ts) and a marker
 * `<span epub:type="pagebreak" role="doc-pagebreak" id="page-N" aria-label="N"/>` is put just
 * before them: before the block they open when a page starts with a paragraph or heading,
 * between words otherwise, and before the whole word when print hyphenated it across the page
 * break. A page with no text of its own (a blank verso, print's table of contents) gets its
 * marker beside the next page's.
 */
import type { Element, ElementContent, Text } from 'xast';
import { comparable, comparableWords, placePages, textIndex } from './page-places.ts';

export interface MarkedDocument {
  /** File name of the document in the EPUB. */
  file: string;
  root: Element;
}

export interface PageTarget {
  label: string;
  /** `file#id` of the marker. */
  href: string;
}

const BLOCKS = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 li blockquote div section aside figure figcaption table tr td th thead tbody ' +
    'tfoot ul ol dl dt dd hr br pre header footer hgroup caption details summary'
  ).split(' '),
);
/** Elements a marker may stand in directly, between blocks. */
const FLOW = new Set(['section', 'div', 'blockquote', 'li', 'aside', 'figure', 'td', 'th', 'dd', 'header', 'footer', 'details']);

interface Word {
  key: string;
  doc: number;
  node: Text;
  offset: number;
  /** Offset just after the word in its node. */
  end: number;
}

/** Puts a marker for each page into `documents` (in print order); returns the page list. */
export function insertPageBreaks(documents: MarkedDocument[], pages: string[], labels: string[]): PageTarget[] {
  return pageBreaks(documents).insert(pages, labels);
}

/**
 * The documents' words, found and indexed before the pages are known (while the print edition
 * is made); `insert` then puts a marker for each page into the documents and returns the page list.
 */
export function pageBreaks(documents: MarkedDocument[]): { insert(pages: string[], labels: string[]): PageTarget[] } {
  const parents = new Map<ElementContent | Element, Element>();
  const words = collectWords(documents, parents);
  const text = textIndex(words.map((w) => w.key));
  return {
    insert: (pages, labels) => markPages(documents, words, parents, placePages(text, pages.map(comparableWords)), labels),
  };
}

/** A marker before each page's first word (`starts`, one a page), the page list. */
function markPages(
  documents: MarkedDocument[],
  words: Word[],
  parents: Map<ElementContent | Element, Element>,
  starts: (number | undefined)[],
  labels: string[],
): PageTarget[] {
  const ids = new Set<string>();
  const markers = starts.map((word, n) => {
    const label = labels[n] ?? String(n + 1);
    let id = `page-${label.replace(/[^A-Za-z0-9_.-]/g, '-')}`;
    for (let k = 2; ids.has(id); k++) id = `page-${label.replace(/[^A-Za-z0-9_.-]/g, '-')}-${k}`;
    ids.add(id);
    return { label, id, word };
  });
  // Insert from the end, so that earlier positions stay valid; markers at one place keep page order.
  const byWord = new Map<number | undefined, Element[]>();
  for (const marker of markers) {
    const span: Element = {
      type: 'element',
      name: 'span',
      attributes: { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id: marker.id, 'aria-label': marker.label },
      children: [],
    };
    byWord.set(marker.word, [...(byWord.get(marker.word) ?? []), span]);
  }
  const places = [...byWord.keys()].sort((a, b) => (b ?? Number.POSITIVE_INFINITY) - (a ?? Number.POSITIVE_INFINITY));
  for (const place of places) {
    const spans = byWord.get(place) as Element[];
    const word = place === undefined ? undefined : words[place];
    if (word) insertBefore(word, spans, parents);
    else documents.at(-1)?.root.children.push(...spans);
  }
  return markers.map((m) => {
    const word = m.word === undefined ? undefined : words[m.word];
    return { label: m.label, href: `${documents[word?.doc ?? documents.length - 1]?.file}#${m.id}` };
  });
}

/** Every word of the documents, with the text node and offset where it starts. */
function collectWords(documents: MarkedDocument[], parents: Map<ElementContent | Element, Element>): Word[] {
  const words: Word[] = [];
  documents.forEach((document, doc) => {
    const walk = (element: Element) => {
      for (const child of element.children) {
        parents.set(child, element);
        if (child.type === 'element') {
          walk(child);
        } else if (child.type === 'text') {
          for (const match of child.value.matchAll(/[^\s\u2012-\u2015]+/g)) {
            const key = comparable(match[0]);
            if (!key) continue;
            const previous = words.at(-1);
            // A word split by inline markup (`<em>wo</em>rd`) is one word.
            if (match.index === 0 && previous && glued(previous, child, parents)) {
              previous.key += key;
              continue;
            }
            words.push({ key, doc, node: child, offset: match.index, end: match.index + match[0].length });
          }
        }
      }
    };
    walk(document.root);
  });
  return words;
}

/** True when the previous word ends its text node and `node` continues it (inline markup only between). */
function glued(previous: Word, node: Text, parents: Map<ElementContent | Element, Element>): boolean {
  const text = previous.node.value;
  if (previous.node === node || previous.end !== text.length) return false;
  return nextText(previous.node, parents) === node;
}

/** The text node that follows `node` in document order (through inline elements only). */
function nextText(node: Text, parents: Map<ElementContent | Element, Element>): Text | undefined {
  let current: ElementContent | Element = node;
  for (;;) {
    const parent = parents.get(current);
    if (!parent) return undefined;
    const index = parent.children.indexOf(current as ElementContent);
    const next = parent.children[index + 1];
    if (next) {
      let first: ElementContent | undefined = next;
      while (first?.type === 'element') {
        if (BLOCKS.has(first.name)) return undefined;
        first = first.children[0];
      }
      return first?.type === 'text' ? first : undefined;
    }
    if (BLOCKS.has(parent.name)) return undefined;
    current = parent;
  }
}

/** Inserts the markers before `word`: before the blocks and inline elements it opens, else in its text. */
function insertBefore(word: Word, spans: Element[], parents: Map<ElementContent | Element, Element>): void {
  const { node, offset } = word;
  let parent = parents.get(node) as Element;
  if (node.value.slice(0, offset).trim() !== '') {
    const index = parent.children.indexOf(node);
    const rest: Text = { type: 'text', value: node.value.slice(offset) };
    node.value = node.value.slice(0, offset);
    parent.children.splice(index + 1, 0, ...spans, rest);
    return;
  }
  // At the start of its text: climb out of the elements it opens, as far as a span may stand.
  let child: ElementContent = node;
  while (parents.has(parent) && opens(parent, child)) {
    const grand = parents.get(parent) as Element;
    if (BLOCKS.has(parent.name) && !FLOW.has(grand.name)) break;
    child = parent;
    parent = grand;
  }
  parent.children.splice(parent.children.indexOf(child), 0, ...spans);
}

/** True when nothing but white space comes before `child` in `parent`. */
function opens(parent: Element, child: ElementContent): boolean {
  for (const sibling of parent.children) {
    if (sibling === child) return true;
    if (sibling.type !== 'text' || sibling.value.trim() !== '') return false;
  }
  return false;
}
