/**
 * One table per language (src/i18n/<language>.ts), looked up by the book's BCP 47 tag: `fr-CA`
 * takes `fr-CA`'s table when there is one, else `fr`'s, else English. A regional table (`pt-PT`)
 * holds only what it writes otherwise; the rest is its language's.
 */
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';
import { pt, ptPT } from './pt.ts';
import { sv } from './sv.ts';
import type { Texts } from './types.ts';

/** The languages with a table of their own. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv'] as const;

const TABLES: Readonly<Record<string, Texts>> = { en, fr, de, es, it, pt, nl, sv };
const REGIONAL: Readonly<Record<string, Texts>> = {
  'pt-pt': { ...pt, ...ptPT },
  // Languages with no table yet keep the contents' title they had; the rest is English.
  da: { ...en, language: 'da', contents: 'Indhold' },
  nb: { ...en, language: 'nb', contents: 'Innhold' },
  pl: { ...en, language: 'pl', contents: 'Spis treści' },
};

/** Every table, regional and partial ones included (each once). */
export const ALL_TABLES: readonly Texts[] = [...Object.values(TABLES), ...Object.values(REGIONAL)];

/** The table for a BCP 47 tag: its own, its language's, or English. */
export function texts(language: string): Texts {
  const subtags = language.toLowerCase().split('-');
  for (let n = subtags.length; n > 0; n--) {
    const tag = subtags.slice(0, n).join('-');
    const table = REGIONAL[tag] ?? TABLES[tag];
    if (table) return table;
  }
  return en;
}
