/**
 * remark plugin: refuses a manuscript nested deeper than Galley can read (see
 * manuscript/depth.ts), with an error at the place where the nesting passes the limit, before
 * the parser spends minutes on it or a pass over the tree runs out of stack.
 *
 * The check has to run inside parsing, so this is not a tree transformer: it wraps the
 * processor's parser (use it right after remark-parse) to scan the lines first, and adds a
 * from-markdown transform that measures the tree before the transforms of the plugins used
 * after it (GFM's autolink literals walk the tree recursively while it is still being made).
 */
import type { Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { GalleyError } from '../errors.ts';
import { containerDepth, MAX_NESTING, type TooDeep } from '../manuscript/depth.ts';
import { directiveDepth } from '../manuscript/directive-depth.ts';
import { emphasisDepth } from '../manuscript/emphasis-depth.ts';
import { treeDepth } from '../manuscript/tree-depth.ts';

export interface NestingLimitOptions {
  /** Levels allowed (default MAX_NESTING, 100). */
  max?: number;
  /** The text is the value of this metadata key: name the key, as places inside it are not the file's. */
  key?: string;
}

/** Carries a finding out of the from-markdown transform, which does not know the file. */
class Found extends Error {
  constructor(readonly deep: TooDeep) {
    super('nested too deeply');
  }
}

export const remarkNestingLimit: Plugin<[NestingLimitOptions?], Root> = function (this: Processor, options = {}) {
  const max = options.max ?? MAX_NESTING;
  const data = this.data();
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push({
    transforms: [
      (tree) => {
        const deep = treeDepth(tree, max);
        if (deep) throw new Found(deep);
      },
    ],
  });
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document: string, file: VFile) => {
    try {
      const deep = containerDepth(document, max) ?? emphasisDepth(document, max) ?? directiveDepth(document, max);
      if (deep) throw new Found(deep);
      return parse(document, file);
    } catch (error) {
      if (error instanceof Found) throw tooDeep(error.deep, max, file, options.key);
      throw error;
    }
  };
};

export function tooDeep(deep: TooDeep, max: number, file: VFile, key: string | undefined): GalleyError {
  const where = key ? ` in \`${key}\`` : '';
  return new GalleyError(
    'MANUSCRIPT_TOO_DEEP',
    `${deep.what}${where} is nested ${deep.depth} levels deep; Galley reads at most ${max}`,
    {
      file: file.path || undefined,
      place: key ? undefined : deep.place,
      hint: 'Nest fewer block quotes, lists, `:::` containers, emphasis, links or HTML elements inside one another here; no book needs more than a few levels.',
    },
  );
}
