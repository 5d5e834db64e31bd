/**
 * The line-level scan for scene-break markers: which lines are markers, and the rewritten text
 * Markdown parses (same length and lines, so every position stays true).
 */
import { describe, expect, it } from 'vitest';
import { isSceneMarker, scanSceneMarkers } from '../src/manuscript/scene-markers.ts';

const markers = [
  '* * *',
  '***',
  '---',
  '___',
  '- - -',
  '_ _ _',
  '#',
  '###',
  '~~~',
  '§',
  '⁂',
  '* * *\u00a0\u00a0',
  '    * * *',
  '\\* \\* \\*',
  'xXx',
  'XxX',
  'oOo',
  'o0o',
  'OoO',
  '-o-',
  '~x~',
  '~*~',
  '*~*~*',
  '=====',
  '+++',
  '• • •',
  '❧',
];

const notMarkers = [
  '...',
  '--',
  '**',
  'xxx',
  'ooo',
  'Oh.',
  'OK',
  'X',
  '* * * END * * *',
  'Text',
  '| --- | --- |',
  '1805',
  '-',
  '"..."',
];

describe('scene-break markers', () => {
  it.each(markers)('%j is a marker', (line) => {
    expect(isSceneMarker(line)).toBe(true);
  });

  it.each(notMarkers)('%j is not a marker', (line) => {
    expect(isSceneMarker(line)).toBe(false);
  });
});

describe('scanSceneMarkers', () => {
  it('rewrites marker lines at the same length and remembers their lines', () => {
    const text = 'One.\n§\nTwo.\n\n~~~\n\nThree.\n  xXx  \nFour.';
    const scan = scanSceneMarkers(text);
    expect(scan.source.length).toBe(text.length);
    expect(scan.source.split('\n')).toEqual(['One.', '#', 'Two.', '', '***', '', 'Three.', '*******', 'Four.']);
    expect([...scan.markers.keys()]).toEqual([2, 5, 8]);
    expect(scan.markers.get(8)).toEqual({ line: 8, column: 3, text: 'xXx', thematic: false });
  });

  it('makes lines of only no-break spaces blank', () => {
    expect(scanSceneMarkers('A.\n\u00a0\u00a0\nB.').source).toBe('A.\n  \nB.');
  });

  it('leaves front matter alone', () => {
    const scan = scanSceneMarkers('---\ntitle: T\n---\n\nText.\n\n---\n\nMore.');
    expect([...scan.markers.keys()]).toEqual([7]);
  });

  it('leaves fenced code alone, and a bare ~~~ with code under it and a closing fence is code', () => {
    const scan = scanSceneMarkers('```\n* * *\n```\n\n~~~\n§\n~~~\n\n~~~ js\n#\n~~~\n');
    expect(scan.markers.size).toBe(0);
  });

  it('takes a bare ~~~ without a closing fence as a marker', () => {
    expect([...scanSceneMarkers('A.\n\n~~~\nB.').markers.keys()]).toEqual([3]);
  });

  it('leaves indented code alone but finds an indented marker', () => {
    const scan = scanSceneMarkers('Text.\n\n    code line\n    ***\n\nMore.\n\n    * * *\n\nEnd.');
    expect([...scan.markers.keys()]).toEqual([8]);
  });

  it('keeps a setext underline when the book says so', () => {
    expect(scanSceneMarkers('Title\n---\nText', { setextHeadings: true }).markers.size).toBe(0);
    expect([...scanSceneMarkers('Title\n---\nText').markers.keys()]).toEqual([2]);
  });

  it('lists lines of only punctuation that are not markers', () => {
    const scan = scanSceneMarkers('A.\n\n...\n\n"..."\n\n* * *\n\n!!\n\n> \n\n| - |');
    expect(scan.suspects.map((s) => [s.line, s.text])).toEqual([
      [3, '...'],
      [9, '!!'],
    ]);
  });
});
