/**
 * A PDF's words with their boxes (read with pdf.js in pdf-read.ts), grouped
 * into lines per page: what the print tests measure (margins, word gaps, hyphenated line ends,
 * furniture).
 */
import { drawnPages } from './pdf-read.ts';

export interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface Line<W extends Word = Word> {
  /** Top of the line's words. */
  y: number;
  words: W[];
  text: string;
  xMin: number;
  xMax: number;
}

export interface LaidOutPage {
  width: number;
  height: number;
  /** The page's words line by line, top to bottom, each line left to right. */
  words: Word[];
  lines: Line[];
}

/** Each page's words and lines, in points from the page's top left. */
export async function pdfLayout(file: string): Promise<LaidOutPage[]> {
  return (await drawnPages(file)).map(({ width, height, words }) => {
    const lines = linesOf(words.map(({ text, xMin, xMax, yMin, yMax }) => ({ text, xMin, xMax, yMin, yMax })));
    return { width, height, words: lines.flatMap((l) => l.words), lines };
  });
}

/**
 * Words whose vertical centres lie within 3 pt form a line, unless one is more than twice the
 * other's height (a drop cap stands beside the lines, not in one); lines top to bottom, words
 * left to right.
 */
export function linesOf<W extends Word>(words: W[]): Line<W>[] {
  const lines: { words: W[]; centre: number; height: number }[] = [];
  for (const word of [...words].sort((a, b) => a.yMin + a.yMax - (b.yMin + b.yMax))) {
    const centre = (word.yMin + word.yMax) / 2;
    const height = word.yMax - word.yMin;
    const line = lines.find(
      (l) => Math.abs(l.centre - centre) < 3 && Math.max(l.height, height) <= 2 * Math.min(l.height, height),
    );
    if (line) line.words.push(word);
    else lines.push({ words: [word], centre, height });
  }
  return lines
    .map(({ words: ws }) => {
      const sorted = ws.sort((a, b) => a.xMin - b.xMin);
      return {
        y: Math.min(...sorted.map((w) => w.yMin)),
        words: sorted,
        text: sorted.map((w) => w.text).join(' '),
        xMin: sorted[0]?.xMin ?? 0,
        xMax: Math.max(...sorted.map((w) => w.xMax)),
      };
    })
    .sort((a, b) => a.y - b.y);
}

/** A line that ends in a hyphen: a soft hyphen broken there, or a hard hyphen. */
export function endsHyphenated(line: Line): boolean {
  return /[-\u2010]$/.test(line.text.replace(/\u00ad/g, ''));
}

/**
 * Justified lines: those that reach the right edge of the text block (within 1 pt), with at
 * least four words. Returns, per line, its word gaps.
 */
export function justifiedGaps(pages: LaidOutPage[], right: (pageIndex: number) => number): number[][] {
  const gaps: number[][] = [];
  pages.forEach((page, i) => {
    const edge = right(i);
    // A drop cap is a "word" several lines tall; the lines beside it have no word space after it.
    const drops = page.words.filter((w) => w.yMax - w.yMin > 30);
    for (const line of page.lines) {
      if (line.words.length < 4 || Math.abs(line.xMax - edge) > 1) continue;
      if (drops.some((d) => line.y < d.yMax && line.y + 5 > d.yMin)) continue;
      const words = line.words;
      const lineGaps: number[] = [];
      for (let k = 1; k < words.length; k++) lineGaps.push((words[k]?.xMin ?? 0) - (words[k - 1]?.xMax ?? 0));
      if (lineGaps.length >= 3) gaps.push(lineGaps);
    }
  });
  return gaps;
}
