/**
 * The EPUB carries the theme: each chapter's head as theme.json's `chapter` sets it — the same in
 * the EPUB and in print — the lead-in's markup, the first paragraph flush left after a head, a
 * scene break or a page-break marker (read as Chromium computes it from the EPUB's own CSS), and
 * every built-in theme (each folder of templates/ with a theme.json, found when the suite runs)
 * under every store target passing EPUBCheck with no message and DAISY Ace on the sample book.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterHead, DEFAULT_HEAD } from '../src/book/chapter-head.ts';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { epubLeadIn } from '../src/output/epub/lead-in.ts';
import { EPUB_TARGETS } from '../src/output/epub/targets.ts';
import { renderEpub } from '../src/output/epub.ts';
import { renderPdf } from '../src/output/pdf.ts';
import { bodyBlocks } from '../src/output/print/blocks.ts';
import { printSetup } from '../src/output/print/settings.ts';
import { builtInThemes } from '../src/output/theme.ts';
import { epubView } from '../src/preview/epub-view.ts';
import { eachThemeAndTarget, targetEpubs } from './helpers/theme-books.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { aceCheck, aceCheckMany, type EpubcheckResult, epubcheckMany, epubEntries, pdfText } from './helpers/tools.ts';

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

const CHAPTERS = `# The Lamps

The lamps were lit at dusk, one by one, along the whole length of the quay.

Nell counted them from the harbour wall.

* * *

After the break the tide turned and the boats came in.

# Harbour Wall

"Keep the lamp lit," said the keeper, and went down the steps.

The wall was older than the town.

# IV

Four lamps were left when the storm came.
`;

/** Themes of the book's own that extend default and set only the chapter head and the lead-in. */
const HEADS = {
  words: { chapter: { number: 'words', label: true }, 'lead-in': 'both' },
  numerals: { chapter: { number: 'numerals' }, 'lead-in': 'drop-cap' },
  roman: { chapter: { number: 'roman', label: true }, 'lead-in': 'both' },
  none: { chapter: { number: 'none' }, 'lead-in': 'small-caps' },
} as const;
type Head = keyof typeof HEADS;

/** What each theme puts above the three chapters' titles (the third, "IV", is itself a number). */
const NUMBERS: Record<Head, (string | undefined)[]> = {
  words: ['Chapter one', 'Chapter two', undefined],
  numerals: ['1', '2', undefined],
  roman: ['Chapter I', 'Chapter II', undefined],
  none: [undefined, undefined, undefined],
};

const TITLES = ['The Lamps', 'Harbour Wall', 'IV'];

function headBook(): string {
  const dir = tempDir('galley-heads-');
  write(path.join(dir, 'book.yaml'), 'title: The Lamp Book\nauthor: Ines Calloway\nlanguage: en\n');
  write(path.join(dir, '01-chapters.md'), CHAPTERS);
  for (const [name, keys] of Object.entries(HEADS)) {
    write(path.join(dir, 'themes', name, 'theme.json'), JSON.stringify({ extends: 'default', ...keys }, null, 2));
  }
  return dir;
}

/** The chapter documents of an EPUB, in order. */
function chapterDocuments(entries: Map<string, string>): string[] {
  return [...entries.keys()]
    .filter((name) => /OEBPS\/.*\.xhtml$/.test(name) && entries.get(name)?.includes('epub:type="chapter"'))
    .sort()
    .map((name) => entries.get(name) as string);
}

describe('chapter heads as the theme sets them, in the EPUB and in print', () => {
  const epub = {} as Record<Head, string[]>;
  const print = {} as Record<Head, string[]>;
  /** The preview's EPUB view of the first chapter. */
  const preview = {} as Record<Head, string>;

  beforeAll(async () => {
    const dir = headBook();
    for (const name of Object.keys(HEADS) as Head[]) {
      const { book } = await typeset({ input: dir, overrides: { theme: path.join(dir, 'themes', name) } });
      const file = path.join(tempDir(), `${name}.epub`);
      writeFileSync(file, await renderEpub(book));
      const docs = chapterDocuments(await epubEntries(file));
      // The EPUB writes the chapters' files in reading order: sort by the title's place in the book.
      epub[name] = TITLES.map((t) => docs.find((d) => d.includes(`>${t}</h1>`)) ?? '');
      const setup = await printSetup(book);
      const blocks = bodyBlocks(book, {
        chapterStart: 'recto',
        leadIn: setup.leadIn,
        design: setup.design,
        hyphenate: undefined,
        language: 'en',
      });
      print[name] = blocks.filter((b) => b.kind === 'chapter').map((b) => b.html);
      preview[name] = (await epubView(book)).sections.find((s) => s.title === 'The Lamps')?.html ?? '';
    }
  }, 300_000);

  it.each(Object.keys(HEADS) as Head[])('number %s: the number above each title, none above a title that is a number', (name) => {
    for (const [k, title] of TITLES.entries()) {
      const number = NUMBERS[name][k];
      for (const [medium, html] of [
        ['epub', epub[name][k] ?? ''],
        ['print', print[name][k] ?? ''],
      ] as const) {
        const head = /<header class="opener">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
        expect(head, `${medium}, chapter ${k + 1}`).toContain(`<h1 class="chapter-title">${title}</h1>`);
        if (number === undefined) expect(head, `${medium}, chapter ${k + 1}`).not.toContain('chapter-number');
        else expect(head, `${medium}, chapter ${k + 1}`).toContain(`<p class="chapter-number">${number}</p><h1`);
      }
    }
  });

  it('shows the same heads in the preview’s EPUB view', () => {
    expect(preview.words).toContain('<p class="chapter-number">Chapter one</p><h1 class="chapter-title">The Lamps</h1>');
    expect(preview.roman).toContain('<p class="chapter-number">Chapter I</p>');
    expect(preview.none).not.toContain('chapter-number');
  });

  it('sets the lead-in the theme asks for, the first letter kept in its word', () => {
    const opening = (html: string) => /<p class="[^"]*opening[^"]*"[^>]*>[\s\S]*?<\/p>/.exec(html)?.[0] ?? '';
    // both: small caps around a drop cap; drop-cap alone; small caps alone.
    expect(opening(epub.words[0] ?? '')).toContain(
      '<span class="lead-in"><span class="initial">T</span>he lamps were li<span class="lead-in-last">t</span></span> at dusk',
    );
    expect(opening(epub.numerals[0] ?? '')).toContain('<span class="initial">T</span>he lamps were lit at dusk');
    expect(opening(epub.numerals[0] ?? '')).not.toContain('lead-in');
    expect(opening(epub.none[0] ?? '')).toContain(
      '<span class="lead-in">The lamps were li<span class="lead-in-last">t</span></span> at dusk',
    );
    expect(opening(epub.none[0] ?? '')).not.toContain('initial');
    // An opening quote mark drops with the letter; the lead-in stops at the clause's end.
    expect(opening(epub.words[1] ?? '')).toContain(
      '<span class="lead-in"><span class="initial">“K</span>eep the lamp lit,<span class="lead-in-last">”</span></span>',
    );
    // Print sets the same words in its lead-in (its drop cap is drawn; the letter stays in the word).
    const printed = opening(print.words[0] ?? '');
    // Its last letter in a span of its own, set with no tracking after it.
    expect(
      /<span class="lead-in">([\s\S]*?<span class="lead-in-last">t<\/span>)<\/span> at dusk/
        .exec(printed)?.[1]
        ?.replace(/<[^>]+>/g, ''),
    ).toBe('The lamps were lit');
  });

  it('puts the theme’s ornament at every scene break of the EPUB, hidden from screen readers', () => {
    expect(epub.words[0]).toContain(
      '<div class="scene-break" role="separator"><span class="ornament" aria-hidden="true">* * *</span></div><p class="flush">After',
    );
  });
});

describe('a head with an ornament and a rule, printed', () => {
  let pages: string[];

  beforeAll(async () => {
    const dir = headBook();
    const ornate = path.join(dir, 'themes', 'ornate');
    write(
      path.join(ornate, 'theme.json'),
      JSON.stringify({ extends: 'default', chapter: { number: 'words', label: true, ornament: '~ ~ ~', rule: true, sink: 4 } }),
    );
    const { book } = await typeset({ input: dir, overrides: { theme: ornate } });
    const file = path.join(tempDir(), 'ornate.pdf');
    writeFileSync(file, (await renderPdf(book)).pdf);
    pages = (await pdfText(file, { raw: false })).split('\f');
  }, 300_000);

  it('sets the number, the title and the ornament at the head of the chapter’s first page', () => {
    const opener = pages.find((p) => p.includes('The Lamps')) ?? '';
    const lines = opener
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // The number is set in the small-caps face, lower case (its capitals drawn small).
    expect([lines[0]?.toLowerCase(), ...lines.slice(1, 3)]).toEqual(['chapter one', 'The Lamps', '~ ~ ~']);
    expect(lines[3]).toMatch(/^The lamps were lit at dusk/i);
  });
});

describe('the head itself, for generated chapters', () => {
  it('keeps the title’s words and sets the number as the style says', () => {
    const styles = ['words', 'ordinal', 'numerals', 'roman', 'none'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...styles),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 150 }),
        fc.stringMatching(/^[A-Z][a-z]{2,9}( [a-z]{2,9}){0,3}$/),
        (number, label, title, n, text) => {
          const tree = h('section', [h('h1', text), h('p', 'Her first words.')]) as Element;
          const { head, opening } = chapterHead(tree, text, {
            design: { ...DEFAULT_HEAD, number, label, title },
            number: n,
            chapters: 150,
            language: 'en',
          });
          const html = toHtml(head);
          // The title is shown, or (with a number) the number alone heads the chapter.
          if (title || number === 'none') expect(html).toContain(`<h1 class="chapter-title">${text}</h1>`);
          else expect(html).toMatch(/^<header class="opener"><h1 class="chapter-number">[^<]+<\/h1><\/header>$/);
          if (number === 'none') expect(html).not.toContain('chapter-number');
          if (number === 'numerals') expect(html).toContain(`>${label ? `Chapter ${n}` : n}<`);
          if (number === 'roman') expect(html).toMatch(/>(Chapter )?[IVXLC]+</);
          if (number === 'words' || number === 'ordinal') expect(html.replace(/<[^>]+>/g, '')).not.toMatch(/\d/);
          expect(opening?.properties.className).toEqual(['opening']);
        },
      ),
      { seed: 12, numRuns: 200 },
    );
  });

  it('never loses or reorders a letter of the opening paragraph in the lead-in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('drop-cap', 'small-caps', 'both', 'none'),
        fc.stringMatching(/^\s?["“‘«]?[A-Za-zÀ-ÿ0-9][a-zà-ÿ'’,.;:!?—-]{0,8}( [a-zà-ÿ'’,.;:!?—-]{1,8}){0,6}$/),
        (style, text) => {
          const paragraph = h('p', text) as Element;
          epubLeadIn(paragraph, style);
          const plain = toHtml(paragraph).replace(/<[^>]+>/g, '');
          expect(plain).toBe(toHtml(h('p', text) as Element).replace(/<[^>]+>/g, ''));
          const dropped = /<span class="initial">([^<]*)<\/span>/.exec(toHtml(paragraph))?.[1];
          if (dropped !== undefined) expect(dropped).toMatch(/^["“‘«]?[\p{L}\p{N}]$/u);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('the first paragraph flush left, as the reading system computes it', () => {
  let session: BrowserSession;
  /** `lead`: the opening's word space after its lead-in and a plain one after it, set ragged (px). */
  type Paragraph = { cls: string; indent: number; marked: boolean; lead?: { after: number; plain: number } };
  /** Each chapter document's paragraphs, by the document's title: their classes, the text indent Chromium computes. */
  const indents: Record<'titled' | 'seed', Map<string, Paragraph[]>> = { titled: new Map(), seed: new Map() };
  let seedXhtml = '';

  async function measure(file: string): Promise<Map<string, Paragraph[]>> {
    const entries = await epubEntries(file);
    const resolve = async (name: string) => {
      const body = entries.get(`OEBPS/${name}`);
      return body === undefined ? undefined : { body, contentType: name.endsWith('.css') ? 'text/css' : 'text/html' };
    };
    const out = new Map<string, Paragraph[]>();
    for (const doc of chapterDocuments(entries)) {
      const title = /<title>([^<]*)<\/title>/.exec(doc)?.[1] ?? '';
      // Parsed as XML, as a reading system parses the document (as HTML, `<header/>` would stay open).
      const page = await session.open(
        '<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="style.css"><style>p { text-align: left !important }</style></head><body></body></html>',
        resolve,
      );
      try {
        out.set(
          title,
          await page.evaluate<Paragraph[]>(`(() => {
            const xml = new DOMParser().parseFromString(${JSON.stringify(doc)}, 'application/xhtml+xml');
            if (xml.querySelector('parsererror')) throw new Error('not well-formed');
            for (const child of [...xml.body.childNodes]) document.body.append(document.importNode(child, true));
            const range = document.createRange();
            const box = (node, from, to) => { range.setStart(node, from); range.setEnd(node, to); return range.getClientRects()[0]; };
            // The space after the lead-in: from its last letter's advance (without tracking) to the next word.
            const leadGaps = (p) => {
              const lead = p.querySelector('.lead-in');
              const next = lead?.nextSibling;
              if (!lead || next?.nodeType !== 3) return undefined;
              const walker = document.createTreeWalker(lead, NodeFilter.SHOW_TEXT);
              let last;
              while (walker.nextNode()) last = walker.currentNode;
              const probe = document.createElement('span');
              probe.style.cssText = 'position:absolute;letter-spacing:0;white-space:pre';
              probe.textContent = last.data.at(-1);
              last.parentNode.append(probe);
              const advance = probe.getBoundingClientRect().width;
              probe.remove();
              const [first, second] = [...next.data.matchAll(/\\S+/g)];
              if (!second) return undefined;
              const end = first.index + first[0].length;
              return {
                after: box(next, first.index, first.index + 1).left - (box(last, last.data.length - 1, last.data.length).left + advance),
                plain: box(next, second.index, second.index + 1).left - box(next, end - 1, end).right,
              };
            };
            return [...document.querySelectorAll('section > p')].map((p) => {
              const before = p.previousElementSibling;
              return { cls: p.className, indent: parseFloat(getComputedStyle(p).textIndent), marked: !!before && before.getAttribute('role') === 'doc-pagebreak', lead: leadGaps(p) };
            });
          })()`),
        );
      } finally {
        await page.close();
      }
    }
    return out;
  }

  beforeAll(async () => {
    session = await launchBrowser();
    // A book with titled chapters and a scene break (EPUB only).
    const { book } = await typeset({ input: headBook() });
    const titled = path.join(tempDir(), 'titled.epub');
    writeFileSync(titled, await renderEpub(book));
    // The seed's case: one untitled chapter (a .txt), printed in the same run, so the EPUB marks
    // where each printed page begins — a marker right before the first paragraph.
    const dir = tempDir('galley-seedlike-');
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) => `Paragraph ${i + 1} of the night watch, as the harbour slept and the lamps burned low along the wall.`,
    );
    write(path.join(dir, 'watch.txt'), paragraphs.join('\n\n'));
    write(path.join(dir, 'book.yaml'), 'title: The Night Watch\nauthor: Ines Calloway\nlanguage: en\n');
    const { files } = await build({ input: path.join(dir, 'watch.txt'), out: tempDir() });
    const seed = files.find((f) => f.format === 'epub')?.path as string;
    seedXhtml = chapterDocuments(await epubEntries(seed))[0] ?? '';
    indents.titled = await measure(titled);
    indents.seed = await measure(seed);
  }, 400_000);

  afterAll(async () => {
    await session?.close();
  });

  it('after the chapter head and after a scene break, other paragraphs indented', () => {
    const lamps = indents.titled.get('The Lamps');
    const kind = (p: Paragraph) => (p.cls.includes('opening') ? 'opening' : p.cls.includes('flush') ? 'flush' : 'plain');
    expect(lamps?.map(kind)).toEqual(['opening', 'plain', 'flush']);
    expect(lamps?.map((p) => p.indent === 0)).toEqual([true, false, true]);
    expect(indents.titled.get('Harbour Wall')?.map((p) => p.indent === 0)).toEqual([true, false]);
  });

  it('the word space after a tracked lead-in is a plain one: no tracking after its last letter', () => {
    const lead = indents.titled.get('The Lamps')?.[0]?.lead;
    expect(lead?.plain).toBeGreaterThan(2);
    expect(Math.abs((lead?.after ?? 0) - (lead?.plain ?? 0)), JSON.stringify(lead)).toBeLessThan(0.2);
  });

  it('after a page-break marker before the first paragraph (the seed’s case)', () => {
    // The case is there: the marker stands right before the first paragraph.
    expect(seedXhtml).toMatch(/role="doc-pagebreak"[^>]*\/><p class="opening/);
    const [chapter] = [...indents.seed.values()];
    expect(chapter?.[0]).toMatchObject({ marked: true, indent: 0 });
    expect(chapter?.slice(1).every((p) => p.indent > 0)).toBe(true);
  });
});

describe('ornaments that are image files of the theme', () => {
  let dir: string;
  const epubs: Record<'generic' | 'kindle', string> = { generic: '', kindle: '' };
  let entries: Map<string, string>;
  let printed: string;

  beforeAll(async () => {
    dir = headBook();
    const leaf = path.join(dir, 'themes', 'leaf');
    write(
      path.join(leaf, 'theme.json'),
      JSON.stringify({ extends: 'default', chapter: { ornament: 'fleuron.svg' }, 'scene-break': { ornament: 'leaf.png' } }),
    );
    write(
      path.join(leaf, 'fleuron.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 12" width="40" height="12"><path d="M0 6 Q20 -4 40 6 Q20 16 0 6 Z"/></svg>\n',
    );
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 60, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } })
      .png()
      .toBuffer();
    writeFileSync(path.join(leaf, 'leaf.png'), png);
    const { book } = await typeset({ input: dir, overrides: { theme: leaf } });
    for (const target of ['generic', 'kindle'] as const) {
      epubs[target] = path.join(tempDir(), `leaf-${target}.epub`);
      writeFileSync(epubs[target], await renderEpub(book, { target }));
    }
    entries = await epubEntries(epubs.generic);
    const setup = await printSetup(book);
    const blocks = bodyBlocks(book, {
      chapterStart: 'recto',
      leadIn: 'none',
      design: setup.design,
      hyphenate: undefined,
      language: 'en',
    });
    printed = blocks.map((b) => b.html).join('\n');
  }, 300_000);

  it('ships them in the EPUB, decorative (empty alt), and passes EPUBCheck and Ace', async () => {
    const opf = entries.get('OEBPS/content.opf') ?? '';
    expect(opf).toMatch(/<item [^>]*href="images\/ornament-head\.svg"[^>]*media-type="image\/svg\+xml"/);
    expect(opf).toMatch(/<item [^>]*href="images\/ornament-break\.png"[^>]*media-type="image\/png"/);
    const [lamps] = chapterDocuments(entries).filter((d) => d.includes('The Lamps'));
    expect(lamps).toContain(
      '<div class="chapter-ornament" aria-hidden="true"><img src="images/ornament-head.svg" alt=""/></div>',
    );
    expect(lamps).toContain(
      '<div class="scene-break" role="separator"><img class="ornament" src="images/ornament-break.png" alt=""/></div>',
    );
    const checks = await epubcheckMany([epubs.generic, epubs.kindle]);
    expect(checks.filter((c) => !c.clean).map((c) => c.output)).toEqual([]);
    const ace = await aceCheck(epubs.generic);
    expect([ace.outcome, ...ace.violations]).toEqual(['pass']);
  }, 300_000);

  it('draws them in print from data: addresses (nothing loads from outside the book)', () => {
    expect(printed).toMatch(
      /<div class="chapter-ornament" aria-hidden="true"><img src="data:image\/svg\+xml;base64,[^"]+" alt="">/,
    );
    // An image ornament is set in the break's line (the page furniture draws only text).
    expect(printed).toMatch(
      /<div class="scene-break" role="separator">.*?<img class="ornament" src="data:image\/png;base64,[^"]+" alt="">/,
    );
  });

  it('refuses an SVG ornament that holds a script, naming the file', async () => {
    const evil = path.join(dir, 'themes', 'evil');
    write(path.join(evil, 'theme.json'), JSON.stringify({ extends: 'default', chapter: { ornament: 'evil.svg' } }));
    write(
      path.join(evil, 'evil.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><script>alert(1)</script><rect width="4" height="4"/></svg>',
    );
    const { book } = await typeset({ input: dir, overrides: { theme: evil } });
    await expect(renderEpub(book)).rejects.toMatchObject({
      code: 'THEME_INVALID',
      message: expect.stringMatching(/evil\.svg.*<script>/),
    });
    await expect(printSetup(book)).rejects.toMatchObject({ code: 'THEME_INVALID' });
  });
});

describe('every built-in theme under every store target', () => {
  let files = new Map<string, string>();
  let checks: Map<string, EpubcheckResult>;
  let themes: string[];
  const timing: string[] = [];

  beforeAll(async () => {
    let start = performance.now();
    themes = await builtInThemes();
    files = await targetEpubs(path.join(REPO, 'manuscript'), themes, tempDir('galley-themes-'));
    timing.push(`build ${Math.round(performance.now() - start)} ms`);
    start = performance.now();
    const results = await epubcheckMany([...files.values()]);
    checks = new Map([...files.keys()].map((key, i) => [key, results[i] as EpubcheckResult]));
    timing.push(`EPUBCheck ${Math.round(performance.now() - start)} ms`);
  }, 600_000);

  it('finds the built-in themes, default first', () => {
    expect(themes[0]).toBe('default');
    expect(themes.length).toBeGreaterThanOrEqual(1);
    for (const theme of themes) expect(readFileSync(path.join(REPO, 'templates', theme, 'theme.json'), 'utf8')).toMatch(/^\{/);
  });

  it('passes EPUBCheck with no message of any kind, for each theme and target', () => {
    const failed = [...checks]
      .filter(([, check]) => !check.clean)
      .map(([key, check]) => `${key}: ${check.summary}\n${check.output}`);
    expect(failed).toEqual([]);
    expect(checks.size).toBe(themes.length * EPUB_TARGETS.length);
  });

  it('shows each theme’s chapter head and ornaments in every target', async () => {
    for (const [key, file] of files) {
      const docs = chapterDocuments(await epubEntries(file));
      expect(docs.length, key).toBe(4);
      for (const doc of docs) expect(doc, key).toMatch(/<header class="opener">[\s\S]*<h1 class="chapter-title">/);
    }
  });

  it('gives Kindle its drop cap on the 1.2 line floor and the Mobipocket fallback, and no other target', async () => {
    for (const theme of themes) {
      for (const target of EPUB_TARGETS) {
        const css = (await epubEntries(files.get(`${theme} ${target}`) as string)).get('OEBPS/style.css') ?? '';
        const kindle = target === 'kindle';
        expect(css.includes('p.drop-cap .initial { line-height: 1.2; margin-top: 0; }'), `${theme} ${target}`).toBe(kindle);
        expect(/@media amzn-mobi \{[^}]*p\.drop-cap \.initial \{ float: none;/.test(css), `${theme} ${target}`).toBe(kindle);
        expect(css, `${theme} ${target}`).toMatch(
          /-webkit-hyphens: auto;\s*-epub-hyphens: auto;\s*adobe-hyphenate: auto;\s*hyphens: auto;/,
        );
      }
    }
  });

  it('passes DAISY Ace for every theme, and under every target', async () => {
    const start = performance.now();
    const { failed, runs } = await aceCheckMany(eachThemeAndTarget(files, themes));
    timing.push(`Ace ×${runs} for ${files.size} EPUBs ${Math.round(performance.now() - start)} ms`);
    console.info(`epub-theme: ${themes.length} themes × ${EPUB_TARGETS.length} targets; ${timing.join(', ')}`);
    expect(failed).toEqual([]);
  }, 600_000);
});
