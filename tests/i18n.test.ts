/**
 * Every word Galley writes into a book comes from the book's language's table (src/i18n/): the
 * tables are complete and keep every slot (chapter numbers: tests/i18n-numbers.test.ts); and a
 * book built in each of the eight languages carries no English of Galley's — a check made from
 * the English table itself — with its navigation, landmarks, labels and chapter heads as its own
 * table says. The French and German books pass EPUBCheck.
 */

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { chapterHeading, fill, LANGUAGES, listNames, type Texts, texts } from '../src/i18n/index.ts';
import { PROSE, writeLanguageBook } from './helpers/language-book.ts';
import { tempDir } from './helpers/tmp.ts';
import { decodeEntities, epubcheck, epubEntries } from './helpers/tools.ts';

const en = texts('en');
const TAGS = [...LANGUAGES, 'pt-PT'] as const;

/** Every string in a table, by its key path (functions left out). */
function strings(table: unknown, path: string[] = []): [string, string][] {
  if (typeof table === 'string') return [[path.join('.'), table]];
  if (Array.isArray(table)) return table.flatMap((v, i) => strings(v, [...path, String(i)]));
  if (table && typeof table === 'object') return Object.entries(table).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

const slots = (template: string) => new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe('the tables', () => {
  it('finds a table by language, then by its language subtag, then English', () => {
    expect(texts('fr-CA').language).toBe('fr');
    expect(texts('de-AT').contents).toBe('Inhalt');
    expect(texts('pt-BR').contents).toBe('Sumário');
    expect(texts('pt-PT').contents).toBe('Índice');
    expect(texts('pt-PT').notes).toBe(texts('pt').notes);
    expect(texts('sv-FI').language).toBe('sv');
    expect(texts('ja').language).toBe('en');
    expect(texts('EN-gb').language).toBe('en');
  });

  it.each(TAGS)('%s: every key English has, each non-empty, every slot kept', (tag) => {
    const table = texts(tag);
    const mine = new Map(strings(table));
    for (const [key, english] of strings(en)) {
      if (key.startsWith('numberedWords.')) continue;
      const value = mine.get(key);
      expect(value, key).toBeTruthy();
      // A slot dropped would lose what it holds (the licence, the ISBN, the date…); only "Du même auteur" need not name the author.
      const need = [...slots(english)].filter((s) => !(key.startsWith('alsoBy') && s === 'authors'));
      for (const slot of need) expect(slots(value as string), `${tag} ${key}`).toContain(slot);
      for (const slot of slots(value as string)) expect(slots(english), `${tag} ${key} {${slot}}`).toContain(slot);
    }
    expect(table.numberedWords.length).toBeGreaterThan(0);
  });

  it('writes the contents title as each language’s publishers do', () => {
    expect(Object.fromEntries(LANGUAGES.map((l) => [l, texts(l).contents]))).toEqual({
      en: 'Contents',
      fr: 'Table des matières',
      de: 'Inhalt',
      es: 'Índice',
      it: 'Indice',
      pt: 'Sumário',
      nl: 'Inhoud',
      sv: 'Innehåll',
    });
  });

  it('fills templates and lists names in the language', () => {
    expect(fill(texts('de').alsoBy, { authors: listNames(['Ann', 'Bob', 'Cy'], 'de') })).toBe(
      'Weitere Bücher von Ann, Bob und Cy',
    );
    expect(() => fill('{missing}', {})).toThrow(/missing/);
  });
});

/** The text a reader meets in a document: its text, and its labels, descriptions and titles. */
function readable(markup: string): string[] {
  const labels = [...markup.matchAll(/\s(?:aria-label|alt|title)="([^"]*)"/g)].map((m) => m[1] as string);
  const text = markup
    .replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return [...labels, ...text].map(decodeEntities);
}

/**
 * The English table's words, as a book would show them: each string, and each template's words
 * between its slots — left out where the language's table says the same (French "Notes").
 */
function englishWords(table: Texts): string[] {
  const theirs = new Map(strings(table));
  const words = strings(en)
    .filter(([key, value]) => key !== 'language' && theirs.get(key) !== value)
    .flatMap(([, value]) => value.split(/\{\w+\}/))
    .map((part) => part.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ''))
    .filter((part) => (part.match(/\p{L}/gu) ?? []).length >= 4);
  const numbers = Array.from({ length: 12 }, (_, i) => chapterHeading(i + 1, 'en'));
  return [...new Set([...words, ...numbers])];
}

describe('a book in each language', () => {
  const books = new Map<string, Map<string, string>>();
  const files = new Map<string, string>();

  beforeAll(async () => {
    for (const tag of TAGS) {
      const dir = await writeLanguageBook(tag);
      const result = await build({ input: dir, out: tempDir(), formats: ['epub'] });
      const file = result.files[0]?.path as string;
      files.set(tag, file);
      books.set(tag, await epubEntries(file));
    }
  }, 120_000);

  const documents = (tag: string) => [...(books.get(tag) as Map<string, string>)].filter(([name]) => /\.(xhtml|ncx)$/.test(name));

  it('has an English table with words to look for', () => {
    expect(englishWords(texts('fr'))).toEqual(
      expect.arrayContaining(['Contents', 'All rights reserved', 'Title Page', 'Cover of']),
    );
  });

  it.each(TAGS.filter((t) => t !== 'en'))('%s: no English word of Galley’s in any document, label or the package', (tag) => {
    const english = englishWords(texts(tag));
    const entries = books.get(tag) as Map<string, string>;
    const opf = entries.get('OEBPS/content.opf') as string;
    const said = [
      ...documents(tag).flatMap(([name, markup]) => readable(markup).map((text) => [name, text] as const)),
      ...[...opf.matchAll(/<dc:rights>([^<]*)<|accessibilitySummary">([^<]*)</g)].map(
        (m) => ['content.opf', m[1] ?? m[2] ?? ''] as const,
      ),
    ];
    const leaks = said.flatMap(([name, text]) =>
      english
        .filter((word) => new RegExp(`(?<!\\p{L})${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text))
        .map((word) => `${name}: “${word}” in “${text}”`),
    );
    expect(leaks).toEqual([]);
    // The check can find English: the English book has it.
    const englishBook = documents('en')
      .flatMap(([, markup]) => readable(markup))
      .join('\n');
    expect(english.filter((word) => englishBook.includes(word)).length).toBeGreaterThan(10);
  });

  it.each(TAGS)('%s: the navigation, landmarks and labels are the table’s', (tag) => {
    const t = texts(tag);
    const entries = books.get(tag) as Map<string, string>;
    const nav = decodeEntities(entries.get('OEBPS/toc.xhtml') as string);
    expect(nav).toContain(`<title>${t.contents}</title>`);
    expect(nav).toContain(`<h1 id="toc-title">${t.contents}</h1>`);
    expect(nav).toContain(`aria-label="${t.landmarks}"`);
    expect(nav).toContain(`<a epub:type="cover" href="cover.xhtml">${t.cover}</a>`);
    expect(nav).toContain(`<a epub:type="toc" href="toc.xhtml#toc">${t.contents}</a>`);
    expect(nav).toMatch(new RegExp(`<a epub:type="bodymatter" href="[^"]+">${t.startOfText}</a>`));
    for (const heading of [t.acknowledgements, t.aboutTheAuthor]) expect(nav).toContain(`>${heading}</a>`);
    const cover = decodeEntities(entries.get('OEBPS/cover.xhtml') as string);
    const prose = PROSE[tag.split('-')[0] as string];
    expect(cover).toContain(`alt="${fill(t.coverAlt, { title: prose?.title ?? '', authors: 'Maren Tolliver' })}"`);
    expect(decodeEntities(entries.get('OEBPS/titlepage.xhtml') as string)).toContain(`<title>${t.titlePage}</title>`);
    expect(decodeEntities(entries.get('OEBPS/titlepage.xhtml') as string)).toContain(
      fill(t.credits.trl, { names: 'Piet Halloran' }),
    );
    const chapter = decodeEntities(
      [...entries].find(([name, text]) => name.endsWith('.xhtml') && text.includes('doc-footnote'))?.[1] ?? '',
    );
    expect(chapter).toContain(`>${t.notes}</h2>`);
    expect(chapter).toContain(`aria-label="${fill(t.backToNote, { n: 1 })}"`);
  });

  it.each(TAGS)('%s: each chapter is headed with its number as the table writes it', (tag) => {
    const entries = books.get(tag) as Map<string, string>;
    const heads = [...entries.values()].flatMap((text) =>
      [...text.matchAll(/<p class="chapter-number">([^<]*)<\/p>/g)].map((m) => decodeEntities(m[1] as string)),
    );
    expect(heads).toEqual([chapterHeading(1, tag), chapterHeading(2, tag)]);
  });

  it('lists untitled chapters by their number in the language, and a lone one by the book’s title', async () => {
    const titles = async (files: string[]) => {
      const dir = tempDir('galley-untitled-');
      writeFileSync(path.join(dir, 'book.yaml'), 'title: Das Hafenbuch\nauthor: Maren Tolliver\nlanguage: de\n');
      for (const [i, text] of files.entries()) writeFileSync(path.join(dir, `0${i + 1}.md`), text);
      const { book } = await typeset({ input: dir });
      return book.body.map((s) => s.title);
    };
    expect(await titles(['Die Fähre kam spät.\n', 'Sie las den Brief.\n'])).toEqual(['Erstes Kapitel', 'Zweites Kapitel']);
    expect(await titles(['Die Fähre kam spät.\n'])).toEqual(['Das Hafenbuch']);
  });

  it.each(['fr', 'de'])(
    '%s: passes EPUBCheck with no errors or warnings',
    async (tag) => {
      const check = await epubcheck(files.get(tag) as string);
      expect(check.clean, check.output).toBe(true);
    },
    180_000,
  );
});
