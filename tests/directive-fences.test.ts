/**
 * A directive container's fences (`:::verse` … `:::`) are not suspected scene-break markers
 * (`scene/unknown-marker`): written out, nested, in a list item, and in generated manuscripts
 * where remark-directive itself says which lines of colons are fences and which are text.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { scanSceneMarkers } from '../src/manuscript/scene-markers.ts';

const suspectLines = (text: string) => scanSceneMarkers(text).suspects.map((s) => s.line);

describe('directive fences are not suspected markers', () => {
  it('a container and its closing line', () => {
    expect(suspectLines(':::verse\nThe tide came in,\nthe tide went out.\n:::\n\nAfter.\n')).toEqual([]);
    expect(suspectLines(':::letter[9 September]{.formal}\nDear Ada,\n\nYours.\n:::\n')).toEqual([]);
    expect(suspectLines(':::chat{me=Nell}\nNell: here\n:::\n')).toEqual([]);
  });

  it('nested containers, the outer with more colons; a closing line as long as the outer closes both', () => {
    expect(suspectLines('::::letter\n:::verse\nA line.\n:::\nYours.\n::::\n')).toEqual([]);
    // The second ::: closes nothing (the first closed both): it is text, and suspect.
    expect(suspectLines(':::letter\n:::verse\nA line.\n:::\nYours.\n:::\n')).toEqual([6]);
  });

  it('a container in a list item, and one written with a space (::: verse)', () => {
    expect(suspectLines('- :::verse\n  A line.\n  :::\n')).toEqual([]);
    expect(suspectLines('::: verse\nA line.\n:::\n')).toEqual([]);
  });

  it('still suspects a line of colons that closes nothing, and other punctuation lines inside a container', () => {
    expect(suspectLines('A scene.\n\n:::\n\nAnother.\n')).toEqual([3]);
    expect(suspectLines('::::letter\nDear Ada,\n\n:::\n\n...\n::::\n')).toEqual([4, 6]);
  });

  it('a line of colons in fenced code is code', () => {
    expect(suspectLines('```\n:::\n```\n')).toEqual([]);
  });
});

/** The lines remark-directive reads as paragraph text: a line of colons there is text, not a fence. */
function textLines(text: string): Set<number> {
  const tree = unified().use(remarkParse).use(remarkDirective).parse(text) as Root;
  const lines = new Set<number>();
  visit(tree, 'paragraph', (node) => {
    for (let line = node.position?.start.line ?? 0; line <= (node.position?.end.line ?? -1); line++) lines.add(line);
  });
  return lines;
}

describe('generated manuscripts with directive containers', () => {
  const colons = fc.integer({ min: 3, max: 5 }).map((n) => ':'.repeat(n));
  const name = fc.constantFrom('verse', 'letter', 'chat', 'epigraph', 'aside', 'note-1');
  const opening = fc
    .tuple(colons, name, fc.constantFrom('', '[9 May]', '[From the quay]'), fc.constantFrom('', '{.formal}', '{me=Nell}'))
    .map((parts) => parts.join(''));
  const line = fc.oneof(
    { weight: 3, arbitrary: opening },
    { weight: 4, arbitrary: colons },
    { weight: 3, arbitrary: fc.constantFrom('The lamps were lit.', 'Nell: here', '> quoted', '- an item') },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('...', '!!!', '*.*') },
  );

  it('suspects a line of colons exactly when remark-directive reads it as text', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 24 }), (lines) => {
        const text = `${lines.join('\n')}\n`;
        const asText = textLines(text);
        const suspects = new Set(suspectLines(text));
        lines.forEach((content, i) => {
          if (!/^:{3,}$/.test(content)) return;
          expect(suspects.has(i + 1), `line ${i + 1} of\n${text}`).toBe(asText.has(i + 1));
        });
        // The other punctuation lines stay suspects wherever they stand as text.
        lines.forEach((content, i) => {
          if (['...', '!!!'].includes(content) && asText.has(i + 1)) expect(suspects.has(i + 1)).toBe(true);
        });
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });
});
