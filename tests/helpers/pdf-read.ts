/**
 * The words a PDF draws, page by page, read with pdf.js (unpdf's build): each glyph's text and
 * advance box on the page, from the page's operator list (pdf.js parses the content streams,
 * forms and fonts; this follows the text state and the transforms). The glyphs are grouped
 * into words by the rules common PDF text extractors use (no program is run): a space or a gap
 * of more than a tenth of the font size ends a word; a box runs from the font's descent to its
 * ascent (its FontDescriptor's).
 */
import { readFileSync } from 'node:fs';

interface Glyph {
  text: string;
  /** The advance box, in points; `base` is the baseline. */
  left: number;
  right: number;
  base: number;
  /** The font size on the page, and the font's ascent and descent in ems (descent below 0). */
  size: number;
  ascent: number;
  descent: number;
  /** Drawn right after an invisible character (see `visible`). */
  afterInvisible?: boolean;
  /** The font's name, less a subset's tag (`AlegreyaSC-Regular`). */
  font: string;
}

export interface DrawnWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  base: number;
  size: number;
  /** The word ends in the hyphen of a soft hyphen broken at the line end (see `visible`). */
  softHyphen: boolean;
  /** Its first glyph's font (less a subset's tag), where known. */
  font?: string;
}

export interface DrawnPage {
  width: number;
  height: number;
  /** Words in the order they are drawn. */
  words: DrawnWord[];
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` then `n`, in PDF's row-vector convention. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

/**
 * pdf.js builds operator lists with `ArrayBuffer.prototype.transferToFixedLength` (ES2024), which
 * Node 20 lacks. This gives the same bytes, copying instead of moving them.
 */
export function provideTransfer(): void {
  if ('transferToFixedLength' in ArrayBuffer.prototype) return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length = this.byteLength) {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}

interface PdfjsGlyph {
  unicode: string;
  width?: number;
  isSpace: boolean;
}

interface PdfjsFont {
  name?: string;
  fontMatrix?: number[];
  ascent?: number;
  descent?: number;
}

/** The graphics state the text depends on: the transform, and the text state (PDF 1.7, 9.3). */
interface State {
  ctm: Matrix;
  font: PdfjsFont;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  scale: number;
  leading: number;
  rise: number;
}

type Ops = Record<string, number>;

/**
 * Follows an operator list as the PDF spec says a viewer draws it, and gives each glyph with its
 * advance box in page space (points from the bottom left of the page's user space).
 */
function glyphsOf(list: { fnArray: number[]; argsArray: unknown[] }, OPS: Ops, fontOf: (name: string) => PdfjsFont): Glyph[] {
  const glyphs: Glyph[] = [];
  let state: State = { ctm: IDENTITY, font: {}, size: 0, charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, rise: 0 };
  const saved: State[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  const moveTo = (x: number, y: number) => {
    tlm = multiply([1, 0, 0, 1, x, y], tlm);
    tm = tlm;
  };
  const show = (items: (PdfjsGlyph | number)[]) => {
    const { ctm, font, size, charSpacing, wordSpacing, scale, rise } = state;
    const em = (font.fontMatrix?.[0] ?? 0.001) * size;
    for (const glyph of items) {
      // A number in a TJ array moves the next glyph back, in thousandths of an em.
      const advance =
        typeof glyph === 'number'
          ? (-glyph / 1000) * size * scale
          : ((glyph.width ?? 0) * em + charSpacing + (glyph.isSpace ? wordSpacing : 0)) * scale;
      if (typeof glyph !== 'number') {
        const toPage = multiply(tm, ctm);
        const [left, base] = apply(toPage, 0, rise);
        const [right] = apply(toPage, advance, rise);
        const { ascent, descent } = font;
        const metrics = { size: size * Math.hypot(toPage[2], toPage[3]), ascent: ascent || 0.95, descent: descent || -0.35 };
        glyphs.push({ text: glyph.unicode, left, right, base, ...metrics, font: (font.name ?? '').replace(/^[A-Z]{6}\+/, '') });
      }
      tm = multiply([1, 0, 0, 1, advance, 0], tm);
    }
  };
  list.fnArray.forEach((fn, i) => {
    // Each operator's arguments, as pdf.js gives them (typed where used).
    const args = (list.argsArray[i] ?? []) as [never, never];
    const [a, b] = args;
    if (fn === OPS.save) saved.push({ ...state });
    else if (fn === OPS.restore) state = saved.pop() ?? state;
    else if (fn === OPS.transform) state.ctm = multiply([...(args as number[])] as Matrix, state.ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      saved.push({ ...state });
      if (a) state.ctm = multiply([...(a as number[])] as Matrix, state.ctm);
    } else if (fn === OPS.paintFormXObjectEnd) state = saved.pop() ?? state;
    else if (fn === OPS.beginText) tm = tlm = IDENTITY;
    else if (fn === OPS.setFont) [state.font, state.size] = [fontOf(a), b];
    else if (fn === OPS.setTextMatrix) tm = tlm = [...(a as number[])] as Matrix;
    else if (fn === OPS.moveText) moveTo(a, b);
    else if (fn === OPS.setLeadingMoveText) {
      state.leading = -b;
      moveTo(a, b);
    } else if (fn === OPS.nextLine) moveTo(0, -state.leading);
    else if (fn === OPS.setLeading) state.leading = a;
    else if (fn === OPS.setCharSpacing) state.charSpacing = a;
    else if (fn === OPS.setWordSpacing) state.wordSpacing = a;
    else if (fn === OPS.setHScale) state.scale = (a as number) / 100;
    else if (fn === OPS.setTextRise) state.rise = a;
    else if (fn === OPS.showText) show(a);
  });
  return glyphs;
}

/** The words drawn on pages `first` to `last` (1-based; all pages by default). */
export async function drawnPages(file: string, first = 1, last = Number.POSITIVE_INFINITY): Promise<DrawnPage[]> {
  provideTransfer();
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const { OPS, AnnotationMode } = await getResolvedPDFJS();
  const document = await getDocumentProxy(new Uint8Array(readFileSync(file)), {
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
  });
  try {
    const pages: DrawnPage[] = [];
    for (let n = first; n <= Math.min(last, document.numPages); n++) {
      const page = await document.getPage(n);
      // The crop box: what the words are measured from, its top left the origin.
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const [width, height] = [x1 - x0, y1 - y0];
      const list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
      const glyphs = glyphsOf(list, OPS, (name) => page.commonObjs.get(name) as PdfjsFont)
        .map((g) => ({ ...g, left: g.left - x0, right: g.right - x0, base: y1 - g.base }))
        // What is drawn off the page is left out.
        .filter((g) => g.right >= 0 && g.left <= width && g.base >= 0 && g.base <= height);
      pages.push({ width, height, words: wordsOf(visible(glyphs)) });
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/**
 * The glyphs one sees. A blank glyph that the next glyph is drawn over (at its own left edge) is
 * no space: it is how the browser's shaper (HarfBuzz) draws an invisible character, such as a
 * soft hyphen (U+00AD) or a zero-width space — the font's space glyph with no advance. It is
 * left out, and does not end a word. A soft hyphen broken at a line end is that blank with the
 * hyphen drawn over it; a hyphen typed in the text follows its letter.
 */
function visible(glyphs: Glyph[]): Glyph[] {
  const blank = (g: Glyph | undefined) => g !== undefined && /^\s$/u.test(g.text);
  const under = (a: Glyph, b: Glyph | undefined) =>
    b !== undefined && Math.abs(b.left - a.left) < 0.01 * a.size && Math.abs(b.base - a.base) < 0.5;
  const out: Glyph[] = [];
  glyphs.forEach((glyph, i) => {
    const previous = glyphs[i - 1];
    if (blank(glyph) && under(glyph, glyphs[i + 1])) return;
    out.push(previous && blank(previous) && under(previous, glyph) ? { ...glyph, afterInvisible: true } : glyph);
  });
  return out;
}

/** A space, a gap, a jump back, another baseline or size ends a word. */
function wordsOf(glyphs: Glyph[]): DrawnWord[] {
  const words: Glyph[][] = [];
  let current: Glyph[] = [];
  const end = () => {
    if (current.length) words.push(current);
    current = [];
  };
  for (const glyph of glyphs) {
    if (/^\s*$/u.test(glyph.text)) {
      end();
      continue;
    }
    const first = current[0];
    const last = current.at(-1);
    if (first && last) {
      const gap = glyph.left - last.right;
      const apart = gap > 0.1 * first.size || gap < -0.2 * first.size;
      if (apart || Math.abs(glyph.base - first.base) > 0.5 || Math.abs(glyph.size - first.size) > 0.01) end();
    }
    current.push(glyph);
  }
  end();
  return words.map((glyphsOfWord, k) => {
    const first = glyphsOfWord[0] as Glyph;
    const last = glyphsOfWord.at(-1) as Glyph;
    const next = words[k + 1]?.[0];
    // Whether the next word is on the same line.
    const sameLine = next && Math.abs(next.base - first.base) < 0.5 * first.size && next.left > last.right - 0.2 * first.size;
    return {
      text: glyphsOfWord.map((g) => g.text).join(''),
      xMin: first.left,
      xMax: last.right,
      yMin: first.base - first.ascent * first.size,
      yMax: first.base - first.descent * first.size,
      base: first.base,
      size: first.size,
      softHyphen: !sameLine && last.afterInvisible === true && /^[-\u2010]$/.test(last.text) && glyphsOfWord.length > 1,
      font: first.font,
    };
  });
}
