/**
 * The copyright page (src/book/copyright-page.ts) and its book.yaml keys: a book in the public
 * domain says so in its language and claims no copyright; "First published" is the month and
 * year as the language writes them; a licence's name and an ISBN never break across lines (read
 * back from the print PDF, with a control that does break); print and ebook ISBNs labelled in the
 * language; every ISBN checked to its check digit, a bad one an error at its line and column;
 * and the page is the same in the EPUB and in print.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactIsbn, isbnProblem } from '../src/config/rights-schema.ts';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { fill, LANGUAGES, texts } from '../src/i18n/index.ts';
import { configFrom, errorFrom } from './helpers/config.ts';
import { tempDir } from './helpers/tmp.ts';
import { decodeEntities, epubEntries, pdfText } from './helpers/tools.ts';

const PRINT_ISBN = '978-0-306-40615-7';
const EBOOK_ISBN = '978-1-4028-9462-6';

/** A one-chapter book in a fresh folder. */
function writeBook(yaml: string, chapter = '# The Quay\n\nThe ferry came in late.\n'): string {
  const dir = tempDir('galley-copyright-');
  writeFileSync(path.join(dir, 'book.yaml'), yaml);
  writeFileSync(path.join(dir, '01.md'), chapter);
  return dir;
}

/** The copyright page's paragraphs as a reader sees them (no-break spaces as spaces). */
function paragraphs(html: string): string[] {
  return [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    decodeEntities((m[1] as string).replace(/<[^>]+>/g, ''))
      .replace(/[\s\u00a0]+/g, ' ')
      .trim(),
  );
}

async function copyrightPage(yaml: string): Promise<string[]> {
  const { book } = await typeset({ input: writeBook(yaml) });
  return paragraphs(book.front.find((s) => s.kind === 'copyright')?.html ?? '');
}

/** "First published" for 2026-11-24, as each language writes the month and year (written out here, not by Intl). */
const NOVEMBER_2026: Record<(typeof LANGUAGES)[number], string> = {
  en: 'First published November 2026',
  fr: 'Première publication : novembre 2026',
  de: 'Erstausgabe November 2026',
  es: 'Primera edición: noviembre de 2026',
  it: 'Prima edizione: novembre 2026',
  pt: 'Primeira edição: novembro de 2026',
  nl: 'Eerste druk: november 2026',
  sv: 'Första utgåva: november 2026',
};

describe('the copyright page in each language', () => {
  it.each(LANGUAGES)(
    '%s: a book in the public domain says so, claims no copyright, and dates its first publication',
    async (tag) => {
      const t = texts(tag);
      const page = await copyrightPage(
        `title: Pride and Prejudice\nauthor: Jane Austen\nlanguage: ${tag}\ndate: 2026-11-24\ncopyright: public-domain\n`,
      );
      expect(page).toEqual(['Pride and Prejudice', t.publicDomain, NOVEMBER_2026[tag]]);
      expect(page.join('\n')).not.toMatch(/©|Jane Austen/);
      for (const reserved of LANGUAGES.map((l) => texts(l).allRightsReserved)) expect(page.join('\n')).not.toContain(reserved);
    },
  );

  it.each(LANGUAGES)('%s: a copyrighted book has its holder, year and reservation, and labelled ISBNs', async (tag) => {
    const t = texts(tag);
    const page = await copyrightPage(
      `title: T\nauthor: Maren Tolliver\nlanguage: ${tag}\ndate: 2026\nisbn:\n  print: ${PRINT_ISBN}\n  ebook: ${EBOOK_ISBN}\n`,
    );
    expect(page).toEqual(
      [
        'T',
        `${fill(t.copyright, { year: '2026', holder: 'Maren Tolliver' })} ${t.allRightsReserved}`,
        fill(t.firstPublished, { date: '2026' }),
        fill(t.isbnLine, { isbn: PRINT_ISBN, edition: t.printEdition }),
        fill(t.isbnLine, { isbn: EBOOK_ISBN, edition: t.ebookEdition }),
      ].map((line) => line.replace(/\s+/g, ' ')),
    );
  });

  it('takes the holder and year given, and a licence instead of the reservation', async () => {
    const page = await copyrightPage(
      'title: T\nauthor: A\nlanguage: de\ncopyright:\n  holder: Galley Verlag\n  year: 2019 - 2026\n  license: CC BY-SA 4.0\n',
    );
    expect(page).toEqual(['T', '© 2019–2026 Galley Verlag.', 'Dieses Werk steht unter der Lizenz CC BY-SA 4.0.']);
  });

  it('names no edition for a lone ISBN given as the book’s, and labels one given for an edition', async () => {
    expect(await copyrightPage(`title: T\nauthor: A\nisbn: ${EBOOK_ISBN}\ncopyright:\n  year: 2026\n`)).toContain(
      `ISBN ${EBOOK_ISBN}`,
    );
    expect(await copyrightPage(`title: T\nauthor: A\nlanguage: sv\nisbn:\n  print: ${PRINT_ISBN}\n`)).toContain(
      `ISBN ${PRINT_ISBN} (tryckt utgåva)`,
    );
    const both = await copyrightPage(`title: T\nauthor: A\nidentifier: ${EBOOK_ISBN}\nepub:\n  print-isbn: ${PRINT_ISBN}\n`);
    expect(both.slice(-2)).toEqual([`ISBN ${PRINT_ISBN} (print)`, `ISBN ${EBOOK_ISBN} (ebook)`]);
  });

  it('gives the EPUB the public domain’s line as its rights, never “Copyright © … All rights reserved.”', async () => {
    const dir = writeBook('title: Pride and Prejudice\nauthor: Jane Austen\ndate: 1813-01-28\ncopyright: public-domain\n');
    const result = await build({ input: dir, out: tempDir(), formats: ['epub'] });
    const entries = await epubEntries(result.files[0]?.path as string);
    expect(entries.get('OEBPS/content.opf')).toContain('<dc:rights>This book is in the public domain.</dc:rights>');
    const page = paragraphs(entries.get('OEBPS/copyright.xhtml') as string);
    expect(page).toEqual(['Pride and Prejudice', 'This book is in the public domain.', 'First published January 1813']);
  });
});

describe('book.yaml: copyright and ISBNs', () => {
  it('a mistyped ISBN is an error at its value, saying which check digit its other digits give', () => {
    const cases: [string, string][] = [
      ['isbn: 978-0-306-40615-3\n', '3:7 `isbn` has the check digit 3, but its other digits give 7'],
      [
        `isbn:\n  print: ${PRINT_ISBN}\n  ebook: 978-1-4028-9462-5\n`,
        '5:10 `isbn.ebook` has the check digit 5, but its other digits give 6',
      ],
      ['isbn:\n  print: 0-306-40615-3\n', '4:10 `isbn.print` has the check digit 3, but its other digits give 2'],
      ['identifier: 978-0-306-40615-2\n', '3:13 `identifier` is written as an ISBN, and has the check digit 2'],
      ['epub:\n  print-isbn: 979-0-306-40615-7\n', '4:15 `epub.print-isbn` has the check digit 7, but its other digits give'],
      ['isbn: 123-4-567-89012-3\n', '3:7 `isbn` must start with 978 or 979'],
      ['isbn: 978-0-306\n', '3:7 `isbn` must be an ISBN'],
    ];
    for (const [yaml, message] of cases) {
      const error = errorFrom(`title: T\nauthor: A\n${yaml}`);
      expect(`${error.place?.line}:${error.place?.column} ${error.message}`, yaml).toContain(message);
      expect(error.hint).toBeTruthy();
    }
  });

  it('an identifier that is not written as an ISBN stays any identifier', () => {
    expect(configFrom('title: T\nauthor: A\nidentifier: urn:uuid:6f1d3c52-5a4e-4e0b-9d3e-2f7c1b8a9e40\n').identifier).toMatch(
      /^urn:uuid/,
    );
    expect(configFrom('title: T\nauthor: A\nidentifier: "1234567890123"\n').identifier).toBe('1234567890123');
  });

  it('every ISBN-13 with its own check digit is taken, and every other check digit refused (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('978', '979'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        (prefix, rest) => {
          const body = `${prefix}${rest.join('')}`;
          const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
          const check = (10 - (sum % 10)) % 10;
          expect(isbnProblem(`${body}${check}`)).toBeUndefined();
          expect(isbnProblem(`ISBN ${body.slice(0, 3)}-${body.slice(3)}-${check}`)).toBeUndefined();
          for (let wrong = 0; wrong <= 9; wrong++)
            if (wrong !== check) expect(isbnProblem(`${body}${wrong}`)).toMatch(/check digit/);
        },
      ),
      { seed: 20261201, numRuns: 200 },
    );
    expect(compactIsbn('urn:isbn:0-8044-2957-x')).toBe('080442957X');
    expect(isbnProblem('0-8044-2957-X')).toBeUndefined();
  });

  it('refuses what contradicts itself, each at its line', () => {
    const problems = (yaml: string) => {
      const error = errorFrom(`title: T\nauthor: A\n${yaml}`);
      return error.problems.map((p) => `${p.place?.line}:${p.place?.column} ${p.message}`);
    };
    expect(problems('rights: Mine.\ncopyright: public-domain\n')[0]).toMatch(
      /^4:12 `copyright` says the book is in the public domain, and `rights`/,
    );
    expect(problems('copyright:\n  public-domain: true\n  license: CC BY 4.0\n')[0]).toMatch(
      /^5:12 `copyright.license` has no place/,
    );
    expect(problems('rights: Mine.\ncopyright:\n  holder: B\n')[0]).toMatch(/^5:11 `copyright.holder` and `rights` both make/);
    expect(problems(`identifier: x\nisbn: ${EBOOK_ISBN}\n`)[0]).toMatch(/^4:7 `isbn` and `identifier` both name the EPUB/);
    expect(problems(`isbn:\n  print: ${PRINT_ISBN}\nepub:\n  print-isbn: ${PRINT_ISBN}\n`)[0]).toMatch(
      /^4:10 `isbn.print` and `epub.print-isbn`/,
    );
    expect(problems('copyright: mine\n')[0]).toMatch(/^3:12 `copyright` must be public-domain, or/);
    expect(problems('license: CC BY 4.0\n')[0]).toMatch(/did you mean `copyright.license`/);
  });
});

describe('one copyright page in the EPUB and in print (French, with a licence)', () => {
  // The author's line names the licence 24 times after words of every length, so that some would fall at a line's end.
  // Before them, "Ab Cd 4.1", which is no licence, comes as often: it must break somewhere, or the test could not fail.
  const filler = ['la', 'mer', 'vent', 'étoile', 'horizon', 'marées', 'brise'];
  const words = (i: number) => `${filler[i % 7]} ${filler[(i * 3) % 7]?.slice(0, (i % 5) + 1)}`;
  const rights = [
    ...Array.from({ length: 24 }, (_, i) => `${words(i)} Ab Cd 4.1`),
    ...Array.from({ length: 24 }, (_, i) => `${words(i)} CC BY-SA 4.0`),
  ].join(' ');
  let epub: string[] = [];
  let printed = '';

  beforeAll(async () => {
    const dir = writeBook(
      `title: Le Registre du port\nauthor: Maren Tolliver\nlanguage: fr\ndate: 2026-11\nrights: "${rights}"\ncopyright:\n  license: CC BY-SA 4.0\nisbn:\n  print: ${PRINT_ISBN}\n  ebook: ${EBOOK_ISBN}\nprint:\n  trim: 5x8\n`,
      '# Le quai\n\nLe bac arriva tard.\n',
    );
    const result = await build({ input: dir, out: tempDir(), formats: ['epub', 'pdf'] });
    const file = (ext: string) => result.files.find((f) => f.path.endsWith(ext))?.path as string;
    epub = paragraphs((await epubEntries(file('.epub'))).get('OEBPS/copyright.xhtml') as string);
    const pages = (await pdfText(file('.pdf'), { raw: false })).split('\f');
    printed = pages.find((page) => page.includes('ISBN')) ?? '';
  }, 120_000);

  it('has the same lines in both', () => {
    const joined = printed.replace(/[\s\u00a0]+/g, ' ');
    expect(epub.length).toBe(6);
    for (const line of epub) expect(joined, line).toContain(line);
    expect(epub.slice(2)).toEqual([
      'Cette œuvre est mise à disposition selon les termes de la licence CC BY-SA 4.0.',
      'Première publication : novembre 2026',
      `ISBN ${PRINT_ISBN} (édition imprimée)`,
      `ISBN ${EBOOK_ISBN} (édition numérique)`,
    ]);
  });

  it('never breaks a licence’s name or an ISBN across lines in print', () => {
    const lines = printed.split('\n').map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim());
    const count = (pattern: RegExp) => lines.reduce((n, line) => n + (line.match(pattern)?.length ?? 0), 0);
    expect(count(/\bCC\b/g)).toBe(25);
    expect(count(/CC BY-SA 4\.0/g)).toBe(25);
    for (const isbn of [PRINT_ISBN, EBOOK_ISBN])
      expect(
        lines.some((line) => line.includes(isbn)),
        isbn,
      ).toBe(true);
    // The control: the same run of words that is no licence is broken at least once.
    expect(count(/Ab Cd 4\.1/g)).toBeLessThan(24);
    expect(count(/\bAb\b/g)).toBe(24);
  });
});
