import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { leadInWordCount } from '../src/book/lead-in-phrase.ts';
import { parseLength } from '../src/config/trim.ts';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import type { Diagnostic } from '../src/diagnostics.ts';
import type { DropCapFace } from '../src/output/print/drop-cap.ts';
import { autoInner, BINDING, kdpGutter, type PageGeometry, pageGeometry } from '../src/output/print/geometry.ts';
import { printedPpi, printedSize } from '../src/output/print/image-size.ts';
import { setLeadIn } from '../src/output/print/lead-in.ts';
import { type PageDrawings, pdfDrawings } from './helpers/pdf-drawings.ts';
import { type LaidOutPage, pdfLayout } from './helpers/pdf-layout.ts';
import { type DrawnPage, drawnPages } from './helpers/pdf-read.ts';
import { chapterText, random } from './helpers/prose.ts';
import { tempDir } from './helpers/tmp.ts';

describe('printed image sizes and their resolution', () => {
  const text = { width: 288, height: 29 * 14.5, line: 14.5 };

  it('prints a block image on whole lines inside the text block, and an inline one at its own size', () => {
    // 1200 × 800 px: 900 × 600 pt at 96 to the inch, so the text block's width decides.
    const wide = printedSize({ width: 900, height: 600 }, text, true);
    expect(wide.height).toBe(13 * 14.5);
    expect(wide.width).toBeCloseTo((13 * 14.5 * 900) / 600, 6);
    expect(printedPpi({ width: 1200, height: 800 }, wide)).toBeCloseTo(1200 / (wide.width / 72), 6);
    // A tall one: the text block less two lines.
    expect(printedSize({ width: 300, height: 3000 }, text, true).height).toBe(27 * 14.5);
    // A small one keeps its size, rounded down to lines (at least one).
    expect(printedSize({ width: 150, height: 112.5 }, text, true).height).toBe(7 * 14.5);
    expect(printedSize({ width: 30, height: 6 }, text, true).height).toBe(14.5);
    expect(printedSize({ width: 150, height: 112.5 }, text, false)).toEqual({ width: 150, height: 112.5 });
    // 200 px across on 150 pt (2.08 in): 96 ppi.
    expect(printedPpi({ width: 200, height: 150 }, printedSize({ width: 150, height: 112.5 }, text, false))).toBeCloseTo(96, 6);
  });

  it('never prints a block image outside the text block or off the grid (generated sizes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 150, max: 400 }),
        fc.integer({ min: 20, max: 45 }),
        (w, h, width, lines) => {
          const block = { width, height: lines * 14.5, line: 14.5 };
          const size = printedSize({ width: w * 0.75, height: h * 0.75 }, block, true);
          expect(size.width).toBeLessThanOrEqual(width + 1e-9);
          expect(size.height).toBeLessThanOrEqual(Math.max(14.5, block.height - 29) + 1e-9);
          expect(Math.abs(size.height / 14.5 - Math.round(size.height / 14.5))).toBeLessThan(1e-9);
          // The shape is kept unless the image is too wide even at one line.
          if (size.width < width - 1e-9) expect(size.width / size.height).toBeCloseTo(w / h, 6);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('lead-in phrases', () => {
  const lead = (text: string) =>
    text
      .split(/\s+/)
      .slice(0, leadInWordCount(text.split(/\s+/)))
      .join(' ');

  it('keeps a title with its name, and a name whole', () => {
    expect(lead('Mrs. Halloway came up the lane at noon')).toBe('Mrs. Halloway came up');
    expect(lead('When Dr. Anselm opened the door she')).toBe('When Dr. Anselm opened');
    expect(lead('I saw old Mr. Pellow by the quay')).toBe('I saw old Mr. Pellow');
    expect(lead('Then she met Lady Brantwood at last')).toBe('Then she met Lady Brantwood');
    expect(lead('Later they found Tamsin Orrell asleep')).toBe('Later they found Tamsin Orrell');
    expect(lead('Mr. Quill, said the clerk, was out')).toBe('Mr. Quill,');
    expect(lead('They sat by the fire all evening')).toBe('They sat by the');
    expect(lead('Yes. Then she left the room')).toBe('Yes.');
    // A name too long to take whole: the lead-in stops before it.
    expect(lead('He met Sir John Arthur Henry Pellow Smith')).toBe('He met');
  });

  it('never ends between a title and the capitalised word after it (generated openings)', () => {
    const words = ['the', 'quay', 'Mr.', 'Mrs.', 'Lady', 'Sir', 'Dr.', 'Pellow', 'Anne', 'sat', 'said,', 'dawn.', 'J.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 9 }), (opening) => {
        const n = leadInWordCount(opening);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(6);
        const last = opening[n - 1] as string;
        const next = opening[n];
        // Only a name that runs through every word looked at is cut (at the last of them).
        if (next && /^\p{Lu}/u.test(next) && n < 6) expect(/^(Mr\.|Mrs\.|Lady|Sir|Dr\.|J\.)$/.test(last)).toBe(false);
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

/** The text of a tree, in order. */
function toText(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(toText).join('') : '';
}

describe('the opening paragraph’s lead-in', () => {
  // A face that draws every letter as a box: 0.65 em capitals, ink from 0.05 to 0.6 em.
  const face: DropCapFace = {
    lines: 3,
    fontSize: 11.25,
    line: 14.5,
    gap: 2.8,
    letterforms: {
      face: 'Test 400 normal',
      capHeight: (c) => (/\p{L}|\p{N}/u.test(c) ? 0.65 : 0.7),
      outline: (_c, size) => ({
        d: `M0 0H${size / 2}V${-0.65 * size}Z`,
        x1: 0.05 * size,
        x2: 0.6 * size,
        y1: -0.65 * size,
        y2: 0,
      }),
    },
  };
  const opened = (markdown: string, parts = { dropCap: true, smallCaps: true }, drawn: 'drawn' | 'no face' = 'drawn') => {
    const paragraph = h('p.opening', fromHtml(markdown, { fragment: true }).children as ElementContent[]);
    setLeadIn(paragraph, parts, drawn === 'drawn' ? face : undefined);
    return paragraph;
  };

  it('draws the cap as a float beside the text and keeps its letter in the word, with what the line breaker needs', () => {
    const p = opened('“Mr. Pellow,” she said, and went in.');
    const html = toHtml(p);
    expect(p.children[0]).toMatchObject({ tagName: 'span', properties: { className: ['drop-cap-art'], ariaHidden: 'true' } });
    expect(toText(p)).toBe('“Mr. Pellow,” she said, and went in.');
    expect(html).toContain('<span class="lead-in"><span class="drop-initial"');
    expect(html).toContain(
      '<span style="direction:ltr;unicode-bidi:isolate">“M</span></span>r. Pellow,<span class="lead-in-last">”</span></span> she said',
    );
    // 3 lines of 14.5 pt; the cap 1.05 em of its size, the quote half that, and the gap.
    const size = (2 * 14.5 + 0.65 * 11.25) / 0.65;
    const width = 0.55 * size * 0.5 + 0.04 * size + 0.55 * size + 2.8;
    expect(p.properties.dataDropLines).toBe('3');
    expect(Number(p.properties.dataDropWidth)).toBeCloseTo(width, 2);
    expect(String(p.properties.style)).toMatch(/--drop-lines:3;--drop-width:[\d.]+pt;min-height:43\.5pt$/);
    expect(p.properties.className).toEqual(['opening', 'has-drop-cap', 'lead-small-caps']);
  });

  it('drops the first letter inside an element the paragraph opens with, and falls back to the CSS cap without a face', () => {
    const em = opened('<em>Never</em> again, she said.');
    expect(toHtml(em)).toMatch(
      /^<p class="opening has-drop-cap lead-small-caps"[^>]*><span class="drop-cap-art"[\s\S]*<em><span class="drop-initial"[^>]*><span[^>]*>N<\/span><\/span>ever<\/em> again/,
    );
    const plain = opened('They sat by the fire.', { dropCap: true, smallCaps: false }, 'no face');
    expect(toHtml(plain)).toBe('<p class="opening drop-cap">They sat by the fire.</p>');
    const none = opened('They sat by the fire.', { dropCap: false, smallCaps: true });
    expect(toHtml(none)).toBe(
      '<p class="opening lead-small-caps"><span class="lead-in">They sat by th<span class="lead-in-last">e</span></span> fire.</p>',
    );
  });

  it('sets the lead-in’s last letter (a whole grapheme) apart, for the theme to give it no tracking after it', () => {
    const small = { dropCap: false, smallCaps: true };
    // An e and its combining acute are one letter; so is a flag of two regional indicators.
    expect(toHtml(opened('A small cafe\u0301', small))).toContain('A small caf<span class="lead-in-last">e\u0301</span></span>');
    expect(toHtml(opened('Home at last 🇬🇧', small))).toContain('Home at last <span class="lead-in-last">🇬🇧</span></span>');
    // A lead-in of one letter, the drawn initial's: its last letter is the initial, untracked in its box.
    const one = toHtml(opened('I went home.', { dropCap: true, smallCaps: true }));
    expect(one).toContain('<span class="lead-in"><span class="drop-initial"');
    expect(toText(opened('The cafe\u0301 was shut.', small))).toBe('The cafe\u0301 was shut.');
  });
});

describe('the default inside margin', () => {
  it('is KDP’s minimum for the page count and 0.125 in for the binding', () => {
    expect(BINDING).toBe(9);
    for (const pages of [24, 150, 151, 300, 420, 600, 800]) expect(autoInner(pages)).toBe(kdpGutter(pages) + 0.125 * 72);
  });
});

/** The book: five chapters, each opening as the test needs; images written in beforeAll. */
const CHAPTERS = [
  { file: '01-harbour.md', title: 'The Harbour', first: 'They', opening: 'They sat by the harbour wall until the light went.' },
  { file: '02-rain.md', title: 'Rain', first: 'It', opening: 'It rained all night.' },
  {
    file: '03-visitor.md',
    title: 'The Visitor',
    first: 'Mrs.',
    opening: 'Mrs. Halloway came up the lane at noon with a basket.',
  },
  {
    file: '04-plates.md',
    title: 'Plates',
    first: '“When',
    opening: '“When Dr. Anselm opened the door,” she said, “the room was cold.”',
  },
  { file: '05-after.md', title: 'Afterwards', first: 'Nobody', opening: 'Nobody spoke of the plates again.' },
];
/** The line of 04-plates.md holding the low-resolution image. */
const SMALL_IMAGE_LINE = 5;

function writeBook(): string {
  const dir = path.join(tempDir(), 'book');
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  writeFileSync(
    path.join(dir, 'book.yaml'),
    'title: The Plate Room\nauthor: Wren Tallis\nlanguage: en\nprint:\n  chapter-start: any\n',
  );
  CHAPTERS.forEach((c, i) => {
    const rest = chapterText(random(40 + i), i === 3 ? 4 : 9).replace(/^[^\n]*\n\n/, '');
    let text = `# ${c.title}\n\n${c.opening}\n\n${rest}\n`;
    if (i === 3) {
      // The low-resolution image on line 5, the oversized one at the chapter's end.
      text = `# ${c.title}\n\n${c.opening}\n\n![A small map of the bay](images/small.png)\n\n${rest}\n\n![A tall chart of the tides](images/tall.png)\n`;
    }
    writeFileSync(path.join(dir, c.file), text);
  });
  return dir;
}

async function writeImages(dir: string): Promise<void> {
  const png = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 90, g: 110, b: 130 } } })
      .png()
      .toBuffer();
  writeFileSync(path.join(dir, 'images', 'small.png'), await png(200, 150));
  writeFileSync(path.join(dir, 'images', 'tall.png'), await png(400, 4000));
}

/** pdf.js's text content of a page, its items joined as they come (a line end where it says so). */
async function rawText(file: string, page: number): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  const document = await getDocumentProxy(new Uint8Array(readFileSync(file)), { verbosity: 0 });
  try {
    const content = await (await document.getPage(page)).getTextContent();
    return content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('');
  } finally {
    await document.destroy();
  }
}

describe.sequential('a small book printed', () => {
  let pdf: string;
  let diagnostics: Diagnostic[];
  let pages: LaidOutPage[];
  let drawings: PageDrawings[];
  let drawn: DrawnPage[];
  let geometry: PageGeometry;
  let openers: number[];

  beforeAll(async () => {
    const input = writeBook();
    await writeImages(input);
    const logger = { info() {}, warn() {}, error() {} };
    const built = await build({ input, out: tempDir(), formats: ['pdf'], logger });
    pdf = built.files[0]?.path as string;
    diagnostics = built.diagnostics;
    [pages, drawings, drawn] = await Promise.all([pdfLayout(pdf), pdfDrawings(pdf), drawnPages(pdf)]);
    const { book } = await typeset({ input });
    const line = parseLength(book.theme.print['line-height']) as number;
    const furniture = { heads: book.config.print['running-heads'] !== 'none', folios: book.config.print.folios };
    geometry = pageGeometry(book.config.print, kdpGutter(pages.length), line, furniture);
    openers = CHAPTERS.map((c) => pages.findIndex((p) => p.lines.some((l) => l.text === c.title)));
  }, 120_000);

  /** The page's text block (rectos are the odd pages). */
  const block = (i: number) => (i % 2 === 0 ? geometry.recto : geometry.verso);
  /** The first line of the chapter's text on its opener. */
  const firstLine = (k: number) => {
    const page = pages[openers[k] as number] as LaidOutPage;
    const title = page.lines.findIndex((l) => l.text === CHAPTERS[k]?.title);
    return page.lines.slice(title + 1).find((l) => l.words.length > 1) as LaidOutPage['lines'][number];
  };

  it('opens every chapter on a page of its own, with a drop cap three lines tall beside its first lines', () => {
    expect(openers.every((i) => i >= 0)).toBe(true);
    openers.forEach((i, k) => {
      const line = firstLine(k);
      const box = block(i);
      const caps = (drawings[i]?.paths ?? []).filter(
        (p) => p.alpha > 0 && p.yMax - p.yMin > 2 * geometry.line && p.xMax <= (line.words[1]?.xMin ?? 0),
      );
      expect(caps, CHAPTERS[k]?.title).toHaveLength(1);
      const cap = caps[0] as (typeof caps)[number];
      // From the first line's capitals (EB Garamond's are 0.65 em) to the third line's baseline;
      // its left edge the text block's.
      const base = drawn[i]?.words.find((w) => w.text === CHAPTERS[k]?.first)?.base ?? Number.NaN;
      expect(cap.yMax - (base + 2 * geometry.line), CHAPTERS[k]?.title).toBeGreaterThan(-0.5);
      expect(cap.yMax - (base + 2 * geometry.line), CHAPTERS[k]?.title).toBeLessThan(1.5);
      expect(base - cap.yMin, CHAPTERS[k]?.title).toBeGreaterThan(0.65 * 11.25 - 0.5);
      expect(base - cap.yMin, CHAPTERS[k]?.title).toBeLessThan(0.65 * 11.25 + 3);
      const quoted = CHAPTERS[k]?.first.startsWith('“') ?? false;
      if (!quoted) expect(cap.xMin, CHAPTERS[k]?.title).toBeCloseTo(box.left, 1);
      expect(cap.xMin, CHAPTERS[k]?.title).toBeGreaterThanOrEqual(box.left - 0.01);
    });
  });

  it('keeps the drop cap of a one-line first paragraph, the next paragraph starting below it', () => {
    const page = pages[openers[1] as number] as LaidOutPage;
    const line = firstLine(1);
    expect(line.text).toBe('It rained all night.');
    const next = page.lines[page.lines.indexOf(line) + 1] as LaidOutPage['lines'][number];
    expect(next.y - line.y).toBeGreaterThan(2.5 * geometry.line);
    expect(next.xMin).toBeGreaterThan(block(openers[1] as number).left);
    expect(next.xMin).toBeLessThan(block(openers[1] as number).left + 20);
  });

  it('extracts each chapter’s first word whole, from the word boxes and from pdf.js’s text', async () => {
    // The initial in the text is drawn transparent, under the cap (Chromium keeps such text).
    for (const i of openers) expect(drawings[i]?.clearText, `page ${i + 1}`).toBeGreaterThan(0);
    const elsewhere = drawings.flatMap((d, i) => (d.clearText > 0 && !openers.includes(i) ? [i + 1] : []));
    expect(elsewhere, 'pages with transparent text that open no chapter').toEqual([]);
    for (const [k, chapter] of CHAPTERS.entries()) {
      expect(firstLine(k).words[0]?.text, chapter.title).toBe(chapter.first);
      const text = await rawText(pdf, (openers[k] as number) + 1);
      expect(text, chapter.title).toContain(chapter.opening.split(' ').slice(0, 2).join(' '));
    }
  });

  it('sets a lead-in’s words in small caps as a whole phrase, a title with its name', () => {
    const size = (k: number, n: number) => Number((firstLine(k).words[n] as { yMax: number; yMin: number }).yMax.toFixed(1));
    const inLead = (k: number, n: number) => size(k, n) !== size(k, firstLine(k).words.length - 1);
    // Mrs. Halloway came up | the lane…
    expect([0, 1, 2, 3].map((n) => inLead(2, n))).toEqual([true, true, true, true]);
    expect(inLead(2, 4)).toBe(false);
    // “When Dr. Anselm opened | the door…
    expect([0, 1, 2, 3].map((n) => inLead(3, n))).toEqual([true, true, true, true]);
    expect(inLead(3, 4)).toBe(false);
  });

  it('keeps an oversized image at a chapter’s end inside the text block, on the grid; the next chapter opens on the next page', () => {
    const tall = drawings.flatMap((d, i) => d.images.map((box) => ({ ...box, page: i }))).find((b) => b.yMax - b.yMin > 200);
    expect(tall).toBeDefined();
    const { page, xMin, xMax, yMin, yMax } = tall as NonNullable<typeof tall>;
    const box = block(page);
    expect(xMin).toBeGreaterThanOrEqual(box.left - 0.5);
    expect(xMax).toBeLessThanOrEqual(box.left + box.width + 0.5);
    expect(yMin).toBeGreaterThanOrEqual(box.top - 0.5);
    expect(yMax).toBeLessThanOrEqual(box.top + box.height + 0.5);
    const lines = (yMax - yMin) / geometry.line;
    expect(Math.abs(lines - Math.round(lines))).toBeLessThan(0.02);
    expect(openers[4]).toBe(page + 1);
    expect(page).toBeGreaterThan(openers[3] as number);
  });

  it('prints a small image alone in its paragraph at the size the resolution check works out', () => {
    const small = drawings.flatMap((d) => d.images).filter((b) => b.yMax - b.yMin < 200);
    expect(small).toHaveLength(1);
    const box = small[0] as (typeof small)[number];
    // 200 × 150 px is 150 × 112.5 pt; rounded down to seven lines, its shape kept.
    const { width, height } = geometry.recto;
    const expected = printedSize({ width: 150, height: 112.5 }, { width, height, line: geometry.line }, true);
    expect(expected.height).toBe(7 * geometry.line);
    // Chromium paints an image on whole pixels (0.75 pt): its box is laid out as worked out.
    expect(Math.abs(box.yMax - box.yMin - expected.height)).toBeLessThanOrEqual(0.75);
    expect(Math.abs(box.xMax - box.xMin - expected.width)).toBeLessThanOrEqual(0.75);
    // The lines after it stay on the grid of the lines before it (to Chromium's pixel).
    const page = drawings.findIndex((d) => d.images.some((b) => b.yMax - b.yMin < 200));
    const bases = [...new Set((drawn[page]?.words ?? []).filter((w) => Math.abs(w.size - 11.25) < 0.01).map((w) => w.base))];
    const below = bases.filter((b) => b > box.yMax);
    expect(below.length).toBeGreaterThan(3);
    for (const base of below) {
      const lines = (base - (bases[0] as number)) / geometry.line;
      expect(Math.abs(lines - Math.round(lines)), `baseline ${base}`).toBeLessThan(0.06);
    }
  });

  it('warns of the low-resolution image at its place', () => {
    const low = diagnostics.filter((d) => d.ruleId === 'print/low-resolution');
    expect(low).toHaveLength(1);
    expect(low[0]?.file.endsWith('04-plates.md')).toBe(true);
    expect([low[0]?.line, low[0]?.column]).toEqual([SMALL_IMAGE_LINE, 1]);
    // 150 × 112.5 pt at 96 to the inch, a block image: seven lines (101.5 pt) tall, 135.3 pt (1.88 in) across.
    expect(low[0]?.message).toMatch(/^`images\/small\.png` prints at 106 ppi \(200 × 150 px on 1\.88 × 1\.41 in\)/);
  });

  it('puts nothing inside the gutter, and the inside margin is KDP’s minimum and 0.125 in', () => {
    expect(geometry.inner).toBe(kdpGutter(pages.length) + 0.125 * 72);
    pages.forEach((page, i) => {
      const recto = i % 2 === 0;
      // Within a twentieth of a point: Chromium places glyphs to a sixty-fourth of a pixel.
      const inside = (box: { xMin: number; xMax: number }) =>
        recto ? box.xMin < geometry.inner - 0.05 : box.xMax > page.width - geometry.inner + 0.05;
      expect(
        page.words.filter(inside).map((w) => `${w.text} ${w.xMin.toFixed(2)}-${w.xMax.toFixed(2)} of ${page.width}`),
        `words, page ${i + 1}`,
      ).toEqual([]);
      const d = drawings[i] as PageDrawings;
      expect(d.images.filter(inside), `images, page ${i + 1}`).toEqual([]);
      expect(
        d.paths.filter((p) => p.alpha > 0 && inside(p)),
        `paths, page ${i + 1}`,
      ).toEqual([]);
    });
    // The text starts at the margin on rectos (a full line begins there).
    const rectoEdges = pages.flatMap((p, i) =>
      i % 2 === 0 && p.words.length > 60 ? [Math.min(...p.words.map((w) => w.xMin))] : [],
    );
    expect(rectoEdges.length).toBeGreaterThan(0);
    for (const edge of rectoEdges) expect(edge).toBeCloseTo(geometry.inner, 1);
  });
});
