/**
 * The text of each page of a PDF, read with unpdf (pdf.js in a build that needs no canvas and
 * runs on Node 20; the only module that imports it). Page furniture — running heads and folios —
 * is left out: a line at the top or foot of a page, outside the text block and apart from the
 * text by more than the leading, at the same height on other pages, or that is only the folio. What remains is
 * the text the page holds, in reading order, for finding where each printed page begins.
 */

interface TextItem {
  str: string;
  transform: number[];
  hasEOL: boolean;
}

interface Line {
  y: number;
  text: string;
}

/** Words read from the start of each page: enough for page-places.ts, with the furniture. */
const WORDS_PER_PAGE = 80;

/**
 * The start of the body text of every page, in page order (its first 80 words or so, or all
 * of it); `labels` are the printed folios, when known; `only`: the pages (from 0) to read, the
 * others left empty. Reading stops once a page has given
 * enough words, which saves a third of the time on a long book.
 */
export async function pdfPageTexts(pdf: Uint8Array, labels: string[] = [], only?: Set<number>): Promise<string[]> {
  const { getDocumentProxy } = await import('unpdf');
  // pdf.js may take over the buffer it is given; the caller still needs the PDF. Quiet: its
  // notes about stopping early are expected.
  const document = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0, isEvalSupported: false });
  try {
    const pages: TextItem[][] = [];
    for (let n = 1; n <= document.numPages; n++) {
      if (only && !only.has(n - 1)) {
        pages.push([]);
        continue;
      }
      const page = await document.getPage(n);
      const reader = page.streamTextContent().getReader();
      const items: TextItem[] = [];
      let words = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const item of value.items) {
          if (!('str' in item)) continue;
          items.push({ str: item.str, transform: item.transform, hasEOL: item.hasEOL });
          words += item.str.split(/\s+/).filter(Boolean).length;
        }
        if (words >= WORDS_PER_PAGE) {
          await reader.cancel(new Error('enough words'));
          break;
        }
      }
      pages.push(items);
      page.cleanup();
    }
    return withoutFurniture(pages, labels);
  } finally {
    await document.destroy();
  }
}

/** Rounds a baseline so that glyphs of one line share it. */
function band(y: number): number {
  return Math.round(y * 2) / 2;
}

function linesOf(items: TextItem[]): Line[] {
  const lines = new Map<number, string>();
  for (const item of items) {
    const y = band(item.transform[5] ?? 0);
    const key = [...lines.keys()].find((k) => Math.abs(k - y) <= 1) ?? y;
    lines.set(key, (lines.get(key) ?? '') + item.str);
  }
  return [...lines]
    .map(([y, text]) => ({ y, text: text.trim() }))
    .filter((l) => l.text !== '')
    .sort((a, b) => b.y - a.y);
}

const FOLIO = /^(?:\d+|[ivxlcdm]+)$/i;

function withoutFurniture(pages: TextItem[][], labels: string[]): string[] {
  const lines = pages.map(linesOf);
  const gaps = lines.flatMap((page) => page.slice(1).map((line, i) => (page[i] as Line).y - line.y));
  const near = (median(gaps.filter((g) => g > 0)) ?? 0) * 1.4 + 0.5;
  const gapAbove = (page: Line[], i: number) =>
    i === 0 ? Number.POSITIVE_INFINITY : (page[i - 1] as Line).y - (page[i] as Line).y;
  const gapBelow = (page: Line[], i: number) =>
    i === page.length - 1 ? Number.POSITIVE_INFINITY : (page[i] as Line).y - (page[i + 1] as Line).y;
  /** The first or last line of a page, standing apart from the rest by more than the leading. */
  const apart = (page: Line[], i: number) => (i === 0 ? gapBelow(page, i) : gapAbove(page, i)) > near;
  const ends = (page: Line[]) => [...new Set([0, page.length - 1])].filter((i) => page[i]);
  // The text block is where running text stands (lines close to a neighbour); furniture is outside it.
  const running = lines.flatMap((page) => page.filter((_, i) => Math.min(gapAbove(page, i), gapBelow(page, i)) <= near));
  const top = Math.max(...running.map((l) => l.y));
  const bottom = Math.min(...running.map((l) => l.y));
  const counts = new Map<number, number>();
  for (const page of lines) {
    for (const i of ends(page)) {
      const { y } = page[i] as Line;
      if (apart(page, i) && (y > top + 1 || y < bottom - 1)) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  // Furniture stands at the same height on two pages or more.
  const furniture = new Set([...counts].filter(([, n]) => n >= 2).map(([y]) => y));
  return pages.map((items, n) => {
    const page = lines[n] as Line[];
    const label = (labels[n] ?? String(n + 1)).toLowerCase();
    const skip: number[] = [];
    for (const i of ends(page)) {
      const line = page[i] as Line;
      const folio = line.text.toLowerCase() === label || (FOLIO.test(line.text) && apart(page, i));
      if (folio || (furniture.has(line.y) && apart(page, i))) skip.push(line.y);
    }
    let text = '';
    for (const item of items) {
      const y = band(item.transform[5] ?? 0);
      if (skip.some((s) => Math.abs(s - y) <= 1)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    return text;
  });
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
