import { describe, expect, it } from 'vitest';

describe('public API', () => {
  it('exposes the build, the typesetter, the plugins and the helpers', async () => {
    const api = await import('../src/index.ts');
    expect(Object.keys(api).sort()).toEqual([
      'GalleyError',
      'bookSchema',
      'build',
      'buildMany',
      'check',
      'createBuilder',
      'createLogger',
      'exitCodeFor',
      'formatDiagnostic',
      'importManuscript',
      'listThemes',
      'preview',
      'rehypeContentModel',
      'rehypeImages',
      'rehypeSafeHtml',
      'remarkAlign',
      'remarkBookStructure',
      'remarkChapterImage',
      'remarkChat',
      'remarkDefinitions',
      'remarkEpigraph',
      'remarkHeadingAttributes',
      'remarkKnownHtml',
      'remarkLetter',
      'remarkSceneBreaks',
      'remarkTableCells',
      'remarkTypography',
      'remarkUnclosed',
      'remarkUnclosedDirectives',
      'remarkUnknownDirectives',
      'remarkVerse',
      'resolveTheme',
      'silentLogger',
      'themeCss',
      'typeset',
    ]);
  });
});
