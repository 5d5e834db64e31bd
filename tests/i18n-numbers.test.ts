/**
 * Chapter numbers in the book's language (src/i18n/): in words and ordinals, distinct and without
 * figures, written each language's way; each language's default chapter head; every head a
 * number title in its own language only; and running heads that know it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalise, chapterHeading, chapterNumberWords, isNumberTitle, LANGUAGES, roman, texts } from '../src/i18n/index.ts';
import { planBody } from '../src/output/print/plan.ts';

const TAGS = [...LANGUAGES, 'pt-PT'] as const;

describe('chapter numbers', () => {
  const FIRST = 120;

  it.each(TAGS)('%s: 1 to 120 in words and ordinals are non-empty, distinct and have no figures', (tag) => {
    for (const style of ['words', 'ordinal'] as const) {
      const words = Array.from({ length: FIRST }, (_, i) => chapterNumberWords(i + 1, tag, style));
      const table = texts(tag);
      words.forEach((word, i) => {
        expect(word, `${tag} ${style} ${i + 1}`).toMatch(/^\p{Lu}[\p{L} -]*\p{L}$/u);
        expect(word).toBe(capitalise((style === 'words' ? table.cardinal : table.ordinal)(i + 1) as string, tag));
      });
      expect(new Set(words).size, `${tag} ${style}`).toBe(FIRST);
    }
  });

  it('writes the numbers each language’s way', () => {
    const at = (tag: string, ns: number[], style: 'words' | 'ordinal' = 'words') =>
      ns.map((n) => chapterNumberWords(n, tag, style));
    expect(at('en', [1, 21, 101])).toEqual(['One', 'Twenty-one', 'One hundred and one']);
    expect(at('en', [1, 12, 20, 22], 'ordinal')).toEqual(['First', 'Twelfth', 'Twentieth', 'Twenty-second']);
    expect(at('fr', [1, 21, 71, 80, 81, 99, 200])).toEqual([
      'Un',
      'Vingt et un',
      'Soixante et onze',
      'Quatre-vingts',
      'Quatre-vingt-un',
      'Quatre-vingt-dix-neuf',
      'Deux cents',
    ]);
    expect(at('fr', [1, 3, 5, 9, 80], 'ordinal')).toEqual(['Premier', 'Troisième', 'Cinquième', 'Neuvième', 'Quatre-vingtième']);
    expect(at('de', [1, 21, 101, 116])).toEqual(['Eins', 'Einundzwanzig', 'Hunderteins', 'Hundertsechzehn']);
    expect(at('de', [1, 3, 7, 20, 101], 'ordinal')).toEqual(['Erstes', 'Drittes', 'Siebtes', 'Zwanzigstes', 'Hunderterstes']);
    expect(at('es', [16, 21, 22, 31, 100, 101])).toEqual([
      'Dieciséis',
      'Veintiuno',
      'Veintidós',
      'Treinta y uno',
      'Cien',
      'Ciento uno',
    ]);
    expect(at('es', [11, 13, 21], 'ordinal')).toEqual(['Undécimo', 'Decimotercero', 'Vigésimo primero']);
    expect(at('it', [21, 23, 28, 103, 180])).toEqual(['Ventuno', 'Ventitré', 'Ventotto', 'Centotré', 'Centottanta']);
    expect(at('it', [1, 11, 23, 26], 'ordinal')).toEqual(['Primo', 'Undicesimo', 'Ventitreesimo', 'Ventiseiesimo']);
    expect(at('pt', [16, 21, 100, 121])).toEqual(['Dezesseis', 'Vinte e um', 'Cem', 'Cento e vinte e um']);
    expect(at('pt-PT', [16, 17, 19])).toEqual(['Dezasseis', 'Dezassete', 'Dezanove']);
    expect(at('nl', [1, 21, 22, 101])).toEqual(['Eén', 'Eenentwintig', 'Tweeëntwintig', 'Honderdeen']);
    expect(at('nl', [1, 3, 8, 20, 101], 'ordinal')).toEqual(['Eerste', 'Derde', 'Achtste', 'Twintigste', 'Honderdeerste']);
    expect(at('sv', [1, 21, 101])).toEqual(['Ett', 'Tjugoett', 'Hundraett']);
    expect(at('sv', [1, 2, 20, 21, 100], 'ordinal')).toEqual(['Första', 'Andra', 'Tjugonde', 'Tjugoförsta', 'Hundrade']);
  });

  it('heads a chapter as a publisher in the language does', () => {
    expect(TAGS.map((tag) => chapterHeading(1, tag))).toEqual([
      'One',
      'Chapitre premier',
      'Erstes Kapitel',
      'Capítulo uno',
      'Capitolo primo',
      'Capítulo um',
      'Hoofdstuk één',
      'Kapitel ett',
      'Capítulo um',
    ]);
    expect(chapterHeading(2, 'fr')).toBe('Chapitre deux');
    expect(chapterHeading(12, 'en', { style: 'words', label: true })).toBe('Chapter twelve');
    expect(chapterHeading(12, 'de', { style: 'roman', label: true })).toBe('Kapitel XII');
    expect(chapterHeading(12, 'sv', { style: 'numerals' })).toBe('12');
    expect(chapterHeading(1000, 'it')).toBe('Capitolo 1000');
    expect(roman(1994)).toBe('MCMXCIV');
  });

  it('any number up to 999, in any style, is a number title in its own language, and no word has a figure', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TAGS),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom('words', 'ordinal', 'roman', 'numerals' as const),
        fc.boolean(),
        (tag, n, style, label) => {
          const head = chapterHeading(n, tag, { style, label });
          expect(isNumberTitle(head, tag), `${tag} ${n} ${style} ${label}: ${head}`).toBe(true);
          if (style === 'words' || style === 'ordinal') expect(head).not.toMatch(/\d/);
        },
      ),
      { seed: 20261201, numRuns: 600 },
    );
  });

  it('gives a print chapter called only by a number in its language’s words the book’s title as running head', () => {
    const chapter = (title: string, firstPage: number) => ({
      kind: 'chapter' as const,
      start: 'recto' as const,
      pages: 4,
      firstPage,
      title,
    });
    const heads = (language: string) =>
      planBody([chapter('Erstes Kapitel', 0), chapter('Der Brief', 4)], {
        runningHeads: 'chapter',
        author: 'Maren Tolliver',
        title: 'Das Hafenbuch',
        language,
      })
        .pages.filter((p) => p.recto && p.head)
        .map((p) => p.head);
    expect(heads('de')).toEqual(['Das Hafenbuch', 'Der Brief']);
    expect(heads('en')).toEqual(['Erstes Kapitel', 'Der Brief']);
  });

  it('reads number words only in the book’s own language', () => {
    expect(isNumberTitle('Elf', 'en')).toBe(false);
    expect(isNumberTitle('Elf', 'de')).toBe(true);
    expect(isNumberTitle('Vingt ans après', 'fr')).toBe(false);
    for (const t of ['The Quay', 'One Summer', 'Chapter of Accidents']) expect(isNumberTitle(t, 'en'), t).toBe(false);
  });
});
