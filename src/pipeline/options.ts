/**
 * From a book's settings (book.yaml) to the options of the unified chain: the typographic pass
 * and scene-break detection as the author configured them.
 */
import type { BookConfig } from '../config/schema.ts';
import type { PipelineOptions } from './processor.ts';

export function pipelineOptions(config: BookConfig): PipelineOptions {
  const t = config.typography;
  return {
    language: config.language,
    parts: config.parts,
    typography: {
      quotes: t.quotes,
      quoteStyle: t['quote-style'],
      dashes: t.dashes,
      dashStyle: t['dash-style'],
      suppressedDash: t['suppressed-dash'],
      ranges: t.ranges,
      ellipses: t.ellipses,
      ellipsisStyle: t['ellipsis-style'],
      primes: t.primes,
      spaces: t.spaces,
      titleSpaces: t['title-spaces'],
      hairSpaces: t['hair-spaces'],
      frenchSpaces: t['french-spaces'],
    },
    sceneBreaks: { detect: config['scene-breaks'], setextHeadings: config['setext-headings'] },
  };
}
