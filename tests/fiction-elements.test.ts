/**
 * The elements fiction needs (README, *Elements fiction needs*): verse, letters, notes and diary
 * entries, chat, epigraphs, centred and right-aligned blocks, chapter images and interludes, each
 * from its `:::` container. Golden fixtures (tests/fixtures/elements/<name>/{input.md,
 * expected.html}; UPDATE=1 rewrites them, review the diff) give each element's HTML; directives
 * Galley does not make into elements keep the author's text, on generated prose full of colons;
 * a container left open stops the build at its opening; and a book with every element passes
 * EPUBCheck and Ace, and prints every word, its verse ragged with hanging turnovers.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { formatDiagnostic } from '../src/diagnostics.ts';
import { GalleyError } from '../src/errors.ts';
import { collectDivisions } from '../src/pipeline/divisions.ts';
import { createProcessor } from '../src/pipeline/processor.ts';
import { divisionToHast, sectionHtml } from '../src/pipeline/to-html.ts';
import { cpuTimedAsync } from './helpers/cpu-time.ts';
import { type LaidOutPage, pdfLayout } from './helpers/pdf-layout.ts';
import { FIXTURES, tempDir } from './helpers/tmp.ts';
import { aceCheck, decodeEntities, epubcheck, epubEntries, epubText, missingWords, pdfText } from './helpers/tools.ts';

const ELEMENTS = path.join(FIXTURES, 'elements');
const BOOK = path.join(FIXTURES, 'books', 'elements');

/** A manuscript's chapters as HTML, and the messages on it, through the whole text pipeline. */
async function html(markdown: string): Promise<{ html: string; messages: string[] }> {
  const processor = createProcessor({ language: 'en', parts: [] });
  const file = new VFile({ path: 'book.md', value: markdown });
  const tree = await processor.run(processor.parse(file), file);
  const sections = [];
  for (const division of collectDivisions([{ file, tree }])) sections.push(sectionHtml(await divisionToHast(division)));
  const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}${m.fatal ? ' (error)' : ''}`);
  return { html: sections.join('\n'), messages };
}

/** An HTML fragment's text, tags out and entities decoded, its white space single. */
function textOf(markup: string): string {
  return decodeEntities(markup.replace(/<\/?(?:a|em|strong|span)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

describe('element fixtures', () => {
  const cases = readdirSync(ELEMENTS).sort();

  it('has a fixture for each element', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'align',
        'chapter-image',
        'chat',
        'epigraph',
        'interlude',
        'letter',
        'unknown-directives',
        'verse',
      ]),
    );
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(ELEMENTS, name);
    const { book, diagnostics } = await typeset({
      input: path.join(dir, 'input.md'),
      cwd: dir,
      overrides: { title: 'Fixture', author: 'Galley Tests' },
    });
    const notes = diagnostics.map(formatDiagnostic);
    const actual = `${book.body.map((s) => s.html).join('\n')}\n${notes.length ? `<!-- diagnostics\n${notes.join('\n')}\n-->\n` : ''}`;
    const expectedFile = path.join(dir, 'expected.html');
    if (process.env.UPDATE) writeFileSync(expectedFile, actual);
    if (!existsSync(expectedFile)) throw new Error(`${name}: no expected.html; run UPDATE=1 and review it`);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});

describe('elements', () => {
  it('verse: a line per span, its indent from the spaces before it or after a |, stanzas at blank lines', async () => {
    const { html: out } = await html(
      '# V\n\n:::verse\nflush\n  two spaces\n      six spaces\n\n| marked\n|   three after the bar\n\n        eight spaces open\n    four go on\n:::\n',
    );
    const lines = [...out.matchAll(/<span class="([^"]+)">([^<]*)<\/span>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(lines).toEqual([
      'line: flush',
      'line indent-1: two spaces',
      'line indent-3: six spaces',
      'line: marked',
      'line indent-1: three after the bar',
      'line indent-4: eight spaces open',
      'line indent-2: four go on',
    ]);
    expect(out.match(/<p class="stanza">/g)).toHaveLength(3);
    expect(out).not.toContain('<code>');
  });

  it('letters: the sign-off is found only where a letter would have one', async () => {
    const signOff = async (body: string) => {
      const { html: out } = await html(`# L\n\n:::letter\n${body}\n:::\n`);
      return [...out.matchAll(/class="(valediction|signature|salutation)">([^<]*)</g)].map((m) => `${m[1]}: ${m[2]}`);
    };
    expect(await signOff('Dear Nell,\n\nText.\n\nAda')).toEqual(['salutation: Dear Nell,', 'signature: Ada']);
    expect(await signOff('Text.\n\nWith love,\nAda')).toEqual(['valediction: With love,', 'signature: Ada']);
    expect(await signOff('Text.\n\n-- M. G.')).toEqual(['signature: — M. G.']);
    expect(await signOff('Text.\n\nI will write again soon.')).toEqual([]);
    expect(await signOff('Text.\n\nsee you')).toEqual([]);
    expect(await signOff('Dear Nell, I hope this finds you well and the crossing was calm.\n\nText.')).toEqual([]);
  });

  it('chat: sides from me=, a run per sender, times kept whole', async () => {
    const { html: out } = await html('# C\n\n:::chat{me=nell}\n**Mara:** at 10:30?\n[10:31] **Nell:** yes\nsee you\n:::\n');
    expect(textOf(out)).toBe('C Mara at 10:30? Nell 10:31 yes see you');
    expect(out).toContain('<div class="chat-run chat-received"><p class="chat-sender">Mara</p>');
    expect(out).toContain('<div class="chat-run chat-sent"><p class="chat-sender">Nell</p>');
    expect(out.match(/class="chat-message"/g)).toHaveLength(3);
    // After a time stamp, a line with no name is still the last sender's, and says whose it is.
    const later = await html('# C\n\n:::chat{me=Nell}\n**Nell:** one\n[10:30]\ntwo\n:::\n');
    expect(textOf(later.html)).toBe('C Nell one 10:30 Nell two');
    expect(later.messages).toEqual([]);
  });

  it('a chapter image needs a description, and a file', async () => {
    const { messages } = await html('# I\n\n::chapter-image{src=images/a.png}\n\nText.\n\n::chapter-image[Alt]\n');
    expect(messages.sort()).toEqual(['3:1 image/missing-alt', '7:1 directive/invalid']);
  });
});

describe('containers left open stop the build at their opening', () => {
  async function stops(markdown: string): Promise<GalleyError> {
    const dir = tempDir('galley-elements-');
    writeFileSync(path.join(dir, 'book.md'), `---\ntitle: Open\nauthor: Galley Tests\n---\n${markdown}`);
    const error = await typeset({ input: path.join(dir, 'book.md'), cwd: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GalleyError);
    return error as GalleyError;
  }

  it('never closed: the rest of the book would be verse', async () => {
    const error = await stops('\n# One\n\nText.\n\n:::verse\nA line\n\n# Two\n\nMore.\n');
    expect(error.location).toBe('book.md:10:1');
    expect(error.message).toMatch(/`:::verse` is never closed/);
    expect(error.hint).toMatch(/line of `:::`/);
  });

  it('closed only after a chapter heading', async () => {
    const error = await stops('\n# One\n\n:::letter\nDear Nell,\n\n# Two\n\nMore.\n:::\n');
    expect(error.location).toBe('book.md:8:1');
    expect(error.message).toMatch(/runs on past the chapter heading on line 11/);
  });

  it('a container inside another that its fence closes too', async () => {
    const error = await stops('\n# One\n\n:::letter\n:::verse\nA line\n:::\n\nAfter.\n');
    expect(error.location).toBe('book.md:9:1');
    expect(error.hint).toMatch(/more colons/);
  });

  it('in a block quote, closed only by the quote’s end', async () => {
    const error = await stops('\n# One\n\n> :::verse\n> A line\n\nAfter.\n');
    expect(error.location).toBe('book.md:8:3');
  });

  it('nested thousands deep: refused before parsing, at once', async () => {
    const { ms, result: error } = await cpuTimedAsync(() => stops(`\n# One\n\n${':::a\n'.repeat(3000)}text\n`));
    expect(error.code).toBe('MANUSCRIPT_TOO_DEEP');
    expect(error.location).toBe('book.md:108:1');
    expect(ms, 'CPU time').toBeLessThan(3000);
  });
});

/** Prose with colons in every way a writer types them, and directives Galley has no element for. */
const WORDS = ['the', 'lamp', 'tide', 'Nell', 'wrote', 'at', 'dawn', 'log', 'sea', 'Orra'];
const COLONS = [
  '10:30',
  '3:2',
  'Note:',
  'ratio:value',
  'std::vector',
  'a::b',
  '::',
  ':::',
  ':)',
  ':(',
  ':D',
  ':P',
  ':-)',
  ';)',
  ':3',
  ':smile:',
  ':word',
  ':word[a label]',
  ':word{.x}',
  ':a[b]{c=d}',
  ':name[two words]{#id key=v}',
  'x:y:z',
  'http://example.com:8080/tide',
];
const phrase = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...COLONS)), { minLength: 1, maxLength: 12 });
const name = fc.constantFrom('warning', 'aside', 'toc', 'x1', 'callout');
/** Blocks, each with the text a reader must find for it. */
const block = fc.oneof(
  { weight: 4, arbitrary: phrase.map((w) => ({ md: w.join(' '), text: w.join(' ') })) },
  {
    weight: 1,
    arbitrary: fc.tuple(name, phrase).map(([n, w]) => ({
      md: `::${n}[${w.filter((x) => !/[[\]]/.test(x)).join(' ')}]`,
      text: `::${n}[${w.filter((x) => !/[[\]]/.test(x)).join(' ')}]`,
    })),
  },
  { weight: 1, arbitrary: name.map((n) => ({ md: `::${n}`, text: `::${n}` })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(name, phrase)
      .map(([n, w]) => ({ md: `:::${n}\n${w.join(' ')}\n:::`, text: `:::${n} ${w.join(' ')} :::` })),
  },
);
const proses = fc.array(block, { minLength: 1, maxLength: 8 });

describe('directives Galley does not handle keep the author’s text', () => {
  it('in an image’s description (and a chapter image’s), exactly as typed (100 generated)', async () => {
    const alt = phrase.map((w) => w.filter((x) => !/[[\]{}]/.test(x)).join(' ') || 'lamp');
    await fc.assert(
      fc.asyncProperty(alt, alt, async (a, b) => {
        const { html: out } = await html(`# Images\n\n::chapter-image[${b}]{src=images/b.png}\n\n![${a}](images/a.png)\n`);
        const alts = [...out.matchAll(/alt="([^"]*)"/g)].map((m) => decodeEntities(m[1] as string));
        expect(alts).toEqual([b, a]);
      }),
      { seed: 20261203, numRuns: 100 },
    );
  });

  it('in the HTML, exactly as typed (300 generated chapters)', async () => {
    await fc.assert(
      fc.asyncProperty(proses, async (blocks) => {
        const { html: out } = await html(`# Colons\n\n${blocks.map((b) => b.md).join('\n\n')}\n`);
        expect(textOf(out)).toBe(`Colons ${blocks.map((b) => b.text).join(' ')}`);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});

describe('a book with every element', () => {
  let epub: string;
  let pdf: string;
  let pages: LaidOutPage[];

  /** Generated chapters of prose full of colons, built into the same book (one build, one EPUBCheck). */
  const colons = fc.sample(proses, { seed: 20261202, numRuns: 6 });

  beforeAll(async () => {
    const dir = tempDir('galley-elements-book-');
    cpSync(BOOK, dir, { recursive: true });
    colons.forEach((blocks, i) => {
      writeFileSync(path.join(dir, `0${i + 5}-colons.md`), `# Colons ${i + 1}\n\n${blocks.map((b) => b.md).join('\n\n')}\n`);
    });
    const { files } = await build({ input: dir, out: path.join(dir, 'out'), cwd: dir });
    epub = files.find((f) => f.format === 'epub')?.path as string;
    pdf = files.find((f) => f.format === 'pdf')?.path as string;
    pages = await pdfLayout(pdf);
  }, 120_000);

  it('passes EPUBCheck and Ace, with each element’s semantics', async () => {
    const result = await epubcheck(epub);
    expect(result.clean, result.output).toBe(true);
    const ace = await aceCheck(epub);
    expect(ace.violations).toEqual([]);
    const documents = [...(await epubEntries(epub)).values()].join('\n');
    for (const semantics of [
      'epub:type="z3998:verse"',
      'epub:type="z3998:letter"',
      'epub:type="z3998:salutation"',
      'epub:type="z3998:signature"',
      'epub:type="z3998:diary-entry"',
      'role="doc-epigraph"',
      'class="chat-run chat-sent"',
      'class="chapter-image"',
      'alt="A small lighthouse throwing its beam to the right"',
    ]) {
      expect(documents).toContain(semantics);
    }
  }, 120_000);

  it('directives Galley has no element for are in the EPUB exactly as typed', async () => {
    const text = (await epubText(epub)).replace(/\s+/g, ' ');
    for (const blocks of colons) expect(text).toContain(blocks.map((b) => b.text).join(' '));
  });

  it('every word of the manuscript is in the EPUB and the PDF', async () => {
    const source = readdirSync(BOOK)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(path.join(BOOK, f), 'utf8'))
      .join('\n')
      // The marks of the syntax go; a chapter image's description is its alt text, not text.
      .replace(/^::chapter-image.*$|^:{2,}[a-z-]*|\{[^}]*\}|\*\*?/gm, ' ');
    expect(missingWords(source, await epubText(epub))).toEqual([]);
    expect(missingWords(source, await pdfText(pdf))).toEqual([]);
  });

  it('the interlude takes no number: the chapter after it is three', async () => {
    const text = await pdfText(pdf);
    expect(text).toMatch(/three\s+Slack Water/i);
    expect(text).not.toMatch(/three\s+The Keeper’s Log/i);
  });

  it('verse is set ragged, a turnover line hanging under its line', () => {
    const page = pages.find((p) => p.lines.some((l) => l.text.startsWith('The keeper climbs')));
    const lines = page?.lines ?? [];
    const start = lines.findIndex((l) => l.text.startsWith('The keeper climbs'));
    expect(start).toBeGreaterThan(-1);
    const end = lines.findIndex((l, i) => i > start && /lamp$/.test(l.text));
    const wrapped = lines.slice(start, end + 1);
    expect(wrapped.length).toBeGreaterThan(1);
    const [first, ...turnovers] = wrapped as [(typeof wrapped)[0], ...typeof wrapped];
    // A turnover stands in from its line's start.
    for (const line of turnovers) expect(line.xMin).toBeGreaterThan(first.xMin + 10);
    // Justified, every line but the last would end at the measure (where the page's prose ends):
    // ragged, they end where their words do.
    const right = Math.max(...lines.map((l) => l.xMax));
    const ends = wrapped.slice(0, -1).map((l) => right - l.xMax);
    expect(Math.max(...ends)).toBeGreaterThan(6);
  });
});
