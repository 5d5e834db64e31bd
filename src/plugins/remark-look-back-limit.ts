/**
 * remark plugin: refuses a paragraph that would make the Markdown parser look back further, or
 * splice more often, than any prose does (see manuscript/look-back.ts), with an error at the mark
 * past the budget, before the parser spends minutes on it.
 *
 * Like the nesting limit it works inside parsing: it adds a micromark extension and wraps the
 * processor's parser to turn what the extension finds into an error. Use it after remark-parse
 * and after remark-gfm: its count must see `~~` before GFM's strikethrough takes it, and it
 * counts GFM's autolink literals when remark-gfm is there.
 */
import { htmlTagNames } from 'html-tag-names';
import type { Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { GalleyError, type Place } from '../errors.ts';
import { MAX_NESTING } from '../manuscript/depth.ts';
import { lookBackLimit, type MarksFound, TooManyMarks } from '../manuscript/look-back.ts';
import { type Limits, MAX_MARKS } from '../manuscript/look-back-cost.ts';
import { openElements } from '../manuscript/tree-depth.ts';
import { tooDeep } from './remark-nesting-limit.ts';

export interface LookBackLimitOptions extends Partial<Limits> {
  /** The text is the value of this metadata key: name the key, as places inside it are not the file's. */
  key?: string;
}

export const remarkLookBackLimit: Plugin<[LookBackLimitOptions?], Root> = function (this: Processor, options = {}) {
  const { key, ...limits } = options;
  const data = this.data();
  data.micromarkExtensions ??= [];
  const gfm = data.micromarkExtensions.some(makesAutolinkLiterals);
  data.micromarkExtensions.push(lookBackLimit({ ...limits, gfm }));
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document: string, file: VFile) => {
    try {
      return parse(document, file);
    } catch (error) {
      if (!(error instanceof TooManyMarks)) throw error;
      // Thousands of tags in a paragraph are most often elements nested inside one another: say so, where it happens.
      const { paragraph, place } = error.found.offsets;
      const deep = openElements(document.slice(paragraph, place), [], MAX_NESTING, error.found.paragraph, (name) =>
        KNOWN.has(name),
      );
      if (deep) throw tooDeep(deep, MAX_NESTING, file, key);
      throw tooMany(error.found, limits.marks ?? MAX_MARKS, file, key);
    }
  };
};

/** Whether an extension holds GFM's autolink literals (as remark-gfm's does). */
function makesAutolinkLiterals(extension: Extension | Extension[]): boolean {
  if (Array.isArray(extension)) return extension.some(makesAutolinkLiterals);
  const list = extension.text?.[119];
  return (Array.isArray(list) ? list : list ? [list] : []).some((construct) => construct.name === 'wwwAutolink');
}

/** The names Galley reads as HTML elements (others are text: see micromark-known-html.ts). */
const KNOWN = new Set(htmlTagNames);

function tooMany(found: MarksFound, max: number, file: VFile, key: string | undefined): GalleyError {
  const at = (place: Place) => (key ? '' : ` (${place.line}:${place.column})`);
  const paragraph = key ? `a paragraph in \`${key}\`` : `the paragraph at line ${found.paragraph.line}`;
  const split = 'split the paragraph with a blank line';
  let message: string;
  let hint: string;
  if (found.kind === 'marks') {
    message = `${paragraph} has more than ${max} marks that split its text (emphasis marks, brackets, line ends, tags, entities, escapes); Galley reads at most ${max} in one paragraph`;
    hint = `No prose has so many in one paragraph: ${split} where a new one begins.`;
  } else if (found.mark === 'word') {
    message = `a \`[\`${at(found.from)} is followed by too much of its paragraph before a \`]\` closes it, if one does: the Markdown parser looks back to it from every word until then`;
    hint = `Close it sooner with \`]\`, write it \`\\[\` if it is a bracket meant as text, or ${split}.`;
  } else if (found.mark === '`') {
    message = `${paragraph} has too many runs of backticks that no run of the same length closes: the Markdown parser reads to the end of the paragraph for each`;
    hint = `Put a backslash before backticks meant as text (\`\\\`\`), or ${split}.`;
  } else if (found.mark === ']' || found.mark === '[^') {
    message = `${paragraph} has too many \`]\` that the Markdown parser must look back for, from their \`[\` or the start of the paragraph`;
    hint = `Write \`\\]\` (and \`\\[\`) for brackets meant as text, or ${split}.`;
  } else {
    message = `${paragraph} has too many emphasis marks that find no partner (\`*\`, \`_\`, \`~~\`): the Markdown parser would look back over the paragraph for each; this \`${found.mark}\` is one too many`;
    hint = `Put a backslash before marks meant as plain characters (\`\\*\`, \`\\_\`, \`\\~\`), or ${split}.`;
  }
  return new GalleyError('MANUSCRIPT_TOO_MANY_MARKS', message, {
    file: file.path || undefined,
    place: key ? undefined : found.place,
    hint,
  });
}
