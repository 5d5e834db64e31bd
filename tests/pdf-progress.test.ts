/**
 * The PDF's progress as renderPdf reports it: each step starts before it ends, in order; the
 * pages are counted as the body is printed — after each run of a long body — and end at the PDF's
 * own count.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeset } from '../src/core/typeset.ts';
import { renderPdf } from '../src/output/pdf.ts';
import { REPO } from './helpers/tmp.ts';

describe('renderPdf progress', () => {
  it('reports each step as it starts and ends, and the pages after each run, ending at the count', async () => {
    const { book } = await typeset({ input: path.join(REPO, 'manuscript') });
    const steps: string[] = [];
    const pages: { done: number; total: number }[] = [];
    const result = await renderPdf(book, {
      runPages: 4,
      onStageStart: (step) => steps.push(`start ${step}`),
      onStage: (step) => steps.push(`end ${step}`),
      onProgress: (p) => pages.push(p),
    });
    // A gutter that had to widen lays the book out again: estimate, body and front once more.
    const once = ['prepare', 'estimate', 'body', 'front', 'assemble'].flatMap((s) => [`start ${s}`, `end ${s}`]);
    expect(steps.slice(0, 6)).toEqual(once.slice(0, 6));
    expect(steps.slice(-4)).toEqual(once.slice(-4));
    for (let i = 0; i < steps.length; i += 2) expect(steps[i + 1]).toBe((steps[i] as string).replace('start', 'end'));

    const count = result.pageLabels.length;
    expect(pages.at(-1)).toEqual({ done: count, total: count });
    expect(pages[0]?.done).toBe(0);
    const printing = pages.slice(1, -1);
    // The sample's body comes in several runs of about four pages: a count after each.
    expect(printing.length).toBeGreaterThan(2);
    for (const [i, p] of printing.entries()) {
      expect(p.done).toBeGreaterThan(i === 0 ? 0 : (printing[i - 1]?.done ?? 0));
      expect(p.total).toBeGreaterThan(p.done);
    }
  }, 90_000);
});
