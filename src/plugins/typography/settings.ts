/**
 * The typographic pass's settings: the plugin's options with every default applied, and the
 * quote marks each style uses. One object, made once per processor, read by the scanner and the
 * quote resolver.
 */

export type QuoteStyleName = 'auto' | 'en' | 'en-single' | 'fr' | 'de' | 'es';
export type DashStyle = 'em' | 'spaced-en';
export type EllipsisStyle = 'as-typed' | 'closed' | 'spaced';

export interface TypographyOptions {
  /** BCP 47 language of the book; picks the quote style when `quoteStyle` is `auto` (default `en`). */
  language?: string;
  /** Curl quotes and apostrophes (default true). */
  quotes?: boolean;
  /** Quote marks: `auto` (from the language), `en`, `en-single`, `fr`, `de` or `es` (default `auto`). */
  quoteStyle?: QuoteStyleName;
  /** Shorthand: false turns off dashes, ranges, ellipses, spaces and title spaces together (default true). */
  punctuation?: boolean;
  /** `--`, `---`, spaced hyphens and cut-off speech become dashes (default true). */
  dashes?: boolean;
  /** `em` (closed em dash, default) or `spaced-en` (British spaced en dash between words). */
  dashStyle?: DashStyle;
  /**
   * A dash typed with a space on both sides stands for a suppressed word (`his -- teeth` → his —
   * teeth) and keeps its spaces (default false: such a dash closes up). Before punctuation
   * (`by --!`) a spaced dash keeps its space either way.
   */
  suppressedDash?: boolean;
  /** Number ranges (`1914-1918`, `5--7`) get an en dash (default true). */
  ranges?: boolean;
  /** `...`, `. . .`, `..` and longer runs become an ellipsis (default true). */
  ellipses?: boolean;
  /** Spaces around ellipses: `as-typed` (default), `closed` (none before) or `spaced` (no-break space before). */
  ellipsisStyle?: EllipsisStyle;
  /** Feet and inches (`6'2"`) get primes (default true). */
  primes?: boolean;
  /** No-break spaces, tabs and runs of spaces become one space; block ends are trimmed (default true). */
  spaces?: boolean;
  /** A no-break space after Mr., Mrs., Ms., Dr., St. and similar titles (default true). */
  titleSpaces?: boolean;
  /** A hair space between two adjacent quote marks (default true). */
  hairSpaces?: boolean;
  /** French only: narrow no-break spaces inside « » and before ; : ! ? (default true). */
  frenchSpaces?: boolean;
  /** Record every change on `file.data.typographyFixes`, with its place (default false). */
  recordFixes?: boolean;
  /** Put `typo/unmatched-quote` and `typo/undecided-mark` messages on the file (default false). */
  report?: boolean;
}

/** Opening and closing mark of one quotation level. */
export type QuotePair = readonly [open: string, close: string];

export interface QuoteStyle {
  name: Exclude<QuoteStyleName, 'auto'>;
  /** Marks by nesting level: outermost first. */
  levels: readonly QuotePair[];
  apostrophe: string;
  /** Levels follow nesting depth (a `"` inside « » gets the second level), not the mark typed. */
  nestByDepth: boolean;
  /** The outermost marks are guillemets, which the author may also type directly. */
  guillemets: boolean;
}

const EN: QuotePair = ['“', '”'];
const EN_SINGLE: QuotePair = ['‘', '’'];

export const QUOTE_STYLES: Record<QuoteStyle['name'], QuoteStyle> = {
  en: { name: 'en', levels: [EN, EN_SINGLE], apostrophe: '’', nestByDepth: false, guillemets: false },
  'en-single': { name: 'en-single', levels: [EN_SINGLE, EN], apostrophe: '’', nestByDepth: false, guillemets: false },
  de: {
    name: 'de',
    levels: [
      ['„', '“'],
      ['‚', '‘'],
    ],
    apostrophe: '’',
    nestByDepth: false,
    guillemets: false,
  },
  fr: { name: 'fr', levels: [['«', '»'], EN, EN_SINGLE], apostrophe: '’', nestByDepth: true, guillemets: true },
  es: { name: 'es', levels: [['«', '»'], EN, EN_SINGLE], apostrophe: '’', nestByDepth: true, guillemets: true },
};

/** The quote style for a book: the one named, or the language's (English marks for other languages). */
export function quoteStyleFor(language: string, name: QuoteStyleName = 'auto'): QuoteStyle {
  if (name !== 'auto') return QUOTE_STYLES[name];
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  return primary === 'fr' || primary === 'de' || primary === 'es' ? QUOTE_STYLES[primary] : QUOTE_STYLES.en;
}

export interface Settings {
  style: QuoteStyle;
  quotes: boolean;
  dashes: boolean;
  dashStyle: DashStyle;
  suppressedDash: boolean;
  ranges: boolean;
  ellipses: boolean;
  ellipsisStyle: EllipsisStyle;
  primes: boolean;
  spaces: boolean;
  titleSpaces: boolean;
  hairSpaces: boolean;
  /** Narrow no-break spaces: only with a French style and `frenchSpaces`. */
  frenchSpaces: boolean;
  recordFixes: boolean;
  report: boolean;
}

export function resolveSettings(options: TypographyOptions): Settings {
  const punctuation = options.punctuation ?? true;
  const style = quoteStyleFor(options.language ?? 'en', options.quoteStyle);
  return {
    style,
    quotes: options.quotes ?? true,
    dashes: options.dashes ?? punctuation,
    dashStyle: options.dashStyle ?? 'em',
    suppressedDash: options.suppressedDash ?? false,
    ranges: options.ranges ?? punctuation,
    ellipses: options.ellipses ?? punctuation,
    ellipsisStyle: options.ellipsisStyle ?? 'as-typed',
    primes: options.primes ?? true,
    spaces: options.spaces ?? punctuation,
    titleSpaces: options.titleSpaces ?? punctuation,
    hairSpaces: options.hairSpaces ?? true,
    frenchSpaces: (options.frenchSpaces ?? true) && style.name === 'fr',
    recordFixes: options.recordFixes ?? false,
    report: options.report ?? false,
  };
}
