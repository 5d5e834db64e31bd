/**
 * A PDF's words with their boxes, from poppler's `pdftotext -bbox`, grouped into lines per page:
 * what the print tests measure (margins, word gaps, hyphenated line ends, furniture).
 */
import { spawnSync } from 'node:child_process';

export interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface Line {
  /** Top of the line's words. */
  y: number;
  words: Word[];
  text: string;
  xMin: number;
  xMax: number;
}

export interface LaidOutPage {
  width: number;
  height: number;
  words: Word[];
  lines: Line[];
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

export function pdfLayout(file: string): LaidOutPage[] {
  const result = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftotext -bbox failed: ${result.stderr}`);
  return result.stdout
    .split('<page ')
    .slice(1)
    .map((chunk) => {
      const width = Number(/width="([\d.]+)"/.exec(chunk)?.[1]);
      const height = Number(/height="([\d.]+)"/.exec(chunk)?.[1]);
      const words = [
        ...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map(
        (m): Word => ({
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: decode(m[5] ?? ''),
        }),
      );
      return { width, height, words, lines: toLines(words) };
    });
}

/** Words whose vertical centres lie within 3 pt form a line; lines top to bottom, words left to right. */
function toLines(words: Word[]): Line[] {
  const lines: { words: Word[]; centre: number }[] = [];
  for (const word of [...words].sort((a, b) => a.yMin + a.yMax - (b.yMin + b.yMax))) {
    const centre = (word.yMin + word.yMax) / 2;
    const line = lines.find((l) => Math.abs(l.centre - centre) < 3);
    if (line) line.words.push(word);
    else lines.push({ words: [word], centre });
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
