/**
 * Which printed page each line of the book went to. Chromium says where things fall only through
 * the PDF, and a marker inside a paragraph's text would move its lines; so each container (a
 * paragraph, heading, list item, image) has a marker before its first line and one after its
 * last (line-marks.js), and the lines between are placed from their tops as measured on screen,
 * where the lines are the printed lines:
 *
 * - container on one page: every line there;
 * - split across pages: the last page holds the lines that fit above the end marker; each page
 *   between is full (a page breaks mid-paragraph only when it is full, or for a widow or an
 *   orphan, which only the first and last pages can have); the first page holds the rest.
 */
import type { Mark } from './markers.ts';

export interface ContainerLines {
  /** Index of the container's first line among all lines. */
  first: number;
  /** Each line's top, in points below the first line's. */
  tops: number[];
}

export interface TextBlockBox {
  /** Top of the text block on the page, in points from the page top. */
  top: number;
  /** Its height, in points. */
  height: number;
  /** The line height, in points. */
  line: number;
}

/**
 * The first line of each printed page (undefined for a page where no line starts), from the
 * containers' lines and their `line` and `end` marks.
 */
export function pageStarts(
  containers: ContainerLines[],
  marks: Mark[],
  box: TextBlockBox,
  pageCount: number,
): (number | undefined)[] {
  const starts = new Map<number, Mark>();
  const ends = new Map<number, Mark>();
  for (const mark of marks) {
    const index = mark.kind === 'line' ? starts : mark.kind === 'end' ? ends : undefined;
    if (index && !index.has(mark.n)) index.set(mark.n, mark);
  }
  const slack = box.line / 2;
  const linePages: number[] = [];
  containers.forEach((container, n) => {
    const start = starts.get(n);
    const first = startPage(start, box, linePages.at(-1) ?? 0);
    const end = ends.get(n);
    const last = end ? Math.max(first, end.page) : first;
    const pages = container.tops.map(() => first);
    if (end && last > first) {
      const tops = container.tops;
      // The last page: the lines whose distance above the last line fits above the end mark.
      let page = last;
      let bottom = tops.length - 1;
      let room = end.top - box.top;
      for (let i = bottom; i >= 0; i--) {
        if ((tops[bottom] as number) - (tops[i] as number) > room + slack) {
          // Line i is on an earlier page: a full one, unless it is the first page.
          page = Math.max(first, page - 1);
          bottom = i;
          room = box.height - box.line;
        }
        pages[i] = page;
      }
    }
    linePages.push(...pages);
  });
  // Pages only go forward; the first line on each page starts it.
  const result: (number | undefined)[] = new Array(pageCount).fill(undefined);
  let floor = 0;
  linePages.forEach((page, line) => {
    floor = Math.max(floor, page);
    if (floor < pageCount && result[floor] === undefined) result[floor] = line;
  });
  return result;
}

/**
 * The page a container starts on. An element-level marker (before an image or rule) caught at a
 * page break stays at the foot of the page before; it belongs at the top of the next.
 */
function startPage(mark: Mark | undefined, box: TextBlockBox, previous: number): number {
  if (!mark) return previous;
  return mark.top > box.top + box.height - box.line / 2 ? mark.page + 1 : mark.page;
}
