/**
 * The parts of the book schema that shape the text: the typographic pass (`typography:`), how
 * scene breaks are found (`scene-breaks:`, `setext-headings:`) and the rules of `galley check`
 * (`check:`). Imported by schema.ts, which holds them as keys of the book.
 */
import { z } from 'zod';
import { RULE_IDS } from '../check/rule-ids.ts';

const onOff = z.boolean({ message: 'must be true or false' });

/** Each rule of the typographic pass on or off, and its styles. */
export const typographySchema = z
  .object({
    /** Curly quotes and apostrophes (default true). */
    quotes: onOff.default(true),
    /** Quote marks: `auto` (from `language`), `en`, `en-single` (single outermost), `fr`, `de`, `es` (default auto). */
    'quote-style': z.enum(['auto', 'en', 'en-single', 'fr', 'de', 'es']).default('auto'),
    /** `--`, `---`, spaced hyphens, cut-off speech and signatures become dashes (default true). */
    dashes: onOff.default(true),
    /** `em`: closed em dash (default); `spaced-en`: spaced en dash between words (British). */
    'dash-style': z.enum(['em', 'spaced-en']).default('em'),
    /** A dash spaced on both sides stands for a suppressed word and keeps its spaces, `his — teeth` (default false). */
    'suppressed-dash': onOff.default(false),
    /** En dash in number ranges, 1914–1918 (default true). */
    ranges: onOff.default(true),
    /** `...`, `. . .`, `..` become … (default true). */
    ellipses: onOff.default(true),
    /** Spaces around an ellipsis: `as-typed` (default), `closed` or `spaced`. */
    'ellipsis-style': z.enum(['as-typed', 'closed', 'spaced']).default('as-typed'),
    /** Primes for feet and inches, 6′2″ (default true). */
    primes: onOff.default(true),
    /** No-break spaces, tabs and runs of spaces collapsed, block ends trimmed (default true). */
    spaces: onOff.default(true),
    /** No-break space after Mr., Mrs., Ms., Dr., St. (default true). */
    'title-spaces': onOff.default(true),
    /** Hair space between adjacent quote marks (default true). */
    'hair-spaces': onOff.default(true),
    /** French: narrow no-break spaces inside « » and before ; : ! ? (default true). */
    'french-spaces': onOff.default(true),
  })
  .strict();

export const sceneBreaksSchema = z.enum(['both', 'markers', 'blank-lines'], {
  message: 'must be both, markers or blank-lines',
});

/** `galley check`: each rule's severity, or `off`. */
export const checkSchema = z
  .object({
    rules: z
      .partialRecord(
        z.enum(RULE_IDS),
        z.enum(['off', 'info', 'warning', 'error'], { message: 'must be off, info, warning or error' }),
      )
      .default({}),
  })
  .strict();

export type TypographyConfig = z.output<typeof typographySchema>;
export type CheckConfig = z.output<typeof checkSchema>;
