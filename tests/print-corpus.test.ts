/**
 * A whole novel from the shared corpus (Pride and Prejudice, 121k words) in print: every
 * chapter opens on a recto, the word spacing holds over some 8,000 justified lines, hyphens never
 * run to three lines, no page ends on a widow, every page's text keeps inside the margins. Runs
 * only where ../shared is present (the project builds and tests without it).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typeset } from '../src/core/typeset.ts';
import { renderPdf } from '../src/output/pdf.ts';
import { autoInner } from '../src/output/print/geometry.ts';
import { endsHyphenated, justifiedGaps, type LaidOutPage, pdfLayout } from './helpers/pdf-layout.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { pdfFonts } from './helpers/tools.ts';

const manuscript = path.join(REPO, '..', 'shared', 'corpus', 'pride-and-prejudice', 'manuscript.md');
const MARGIN = 0.625 * 72;

// Nothing runs when the suite is collected: where ../shared is absent it is skipped having done no work.
describe.runIf(existsSync(manuscript))('Pride and Prejudice in print', () => {
  let file: string;
  let pages: LaidOutPage[];
  let bodyStart: number;
  let gutter: number;

  beforeAll(async () => {
    const { book } = await typeset({ input: manuscript });
    const { pdf, pageLabels } = await renderPdf(book);
    file = path.join(tempDir(), 'pride.pdf');
    writeFileSync(file, pdf);
    pages = await pdfLayout(file);
    bodyStart = pageLabels.indexOf('1');
    gutter = autoInner(pages.length);
  }, 600_000);

  const body = (page: LaidOutPage) => page.lines.filter((l) => l.y > MARGIN + 14.5 && l.y < page.height - MARGIN - 16.5);

  it('opens all 61 chapters on rectos', () => {
    const openers = pages.flatMap((p, i) => (p.lines.some((l) => /^[IVXLC]+$/.test(l.text) && l.y > 150) ? [i] : []));
    expect(openers).toHaveLength(61);
    for (const i of openers) expect((i + 1) % 2, `page ${i + 1}`).toBe(1);
  });

  it('keeps word spacing even, hyphens to two lines in a row, and every word inside the margins', () => {
    const gaps = justifiedGaps(
      pages.map((p, i) => ({ ...p, lines: i < bodyStart ? [] : body(p) })),
      (i) => (pages[0]?.width ?? 0) - (i % 2 === 0 ? MARGIN : gutter),
    );
    const all = gaps.flat().sort((a, b) => a - b);
    const median = all[Math.floor(all.length / 2)] as number;
    expect(gaps.length).toBeGreaterThan(6000);
    expect(gaps.filter((g) => Math.max(...g) > 1.8 * median).length / gaps.length).toBeLessThanOrEqual(0.02);
    pages.forEach((page, i) => {
      let run = 0;
      for (const line of body(page)) {
        run = endsHyphenated(line) ? run + 1 : 0;
        expect(run, `page ${i + 1}: ${line.text}`).toBeLessThanOrEqual(2);
      }
      const [left, right] = i % 2 === 0 ? [gutter, page.width - MARGIN] : [MARGIN, page.width - gutter];
      for (const w of page.words) {
        const bearing = w.yMax - w.yMin > 29 ? 3 : 0.5;
        expect(w.xMin, `page ${i + 1}`).toBeGreaterThanOrEqual(left - bearing);
        expect(w.xMax, `page ${i + 1}`).toBeLessThanOrEqual(right + 1);
      }
    });
  });

  it('leaves no widow: no page starts with the last line of a paragraph alone', () => {
    const indented = (x: number, left: number) => x > left + 10 && x < left + 25;
    pages.forEach((page, i) => {
      if (i <= bodyStart) return;
      const lines = body(page);
      // A chapter opener starts with its number, sunk: no paragraph runs on to it.
      if (lines.some((l) => /^[IVXLC]+$/.test(l.text) && l.y > 150)) return;
      const before = body(pages[i - 1] as LaidOutPage).at(-1);
      const left = i % 2 === 0 ? gutter : MARGIN;
      const runsOn = before !== undefined && before.xMax > page.width - (i % 2 === 1 ? MARGIN : gutter) - 1.5;
      const widow = runsOn && lines.length > 2 && !indented(lines[0]?.xMin ?? 0, left) && indented(lines[1]?.xMin ?? 0, left);
      expect(widow, `page ${i + 1}: ${lines[0]?.text}`).toBe(false);
    });
  });

  it('embeds its fonts as TrueType', async () => {
    const fonts = await pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).toMatch(/TrueType/);
    }
  });
});
