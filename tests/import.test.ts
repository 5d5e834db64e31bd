/**
 * `galley import`: Word documents made by the `docx` package and a saved web page come in as a
 * book folder that builds at once, with every word of the source in order, the italics, headings,
 * footnotes and scene breaks where they were; tracked changes and comments are refused unless the
 * author says what to do with them; what cannot be carried over is reported at its paragraph.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import fc from 'fast-check';
import type { ElementContent } from 'hast';
import JSZip from 'jszip';
import type { Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { build } from '../src/core/build.ts';
import { GalleyError } from '../src/errors.ts';
import { type ImportResult, importManuscript } from '../src/import/import.ts';
import { chapterMarkdown } from '../src/import/markdown.ts';
import { scanSceneMarkers } from '../src/manuscript/scene-markers.ts';
import { type Item, META, manuscriptDocx, NOTES, objectsDocx, revisedDocx, SOURCE } from './fixtures/import/manuscript.ts';
import { FIXTURES, tempDir } from './helpers/tmp.ts';
import { epubcheck, epubEntries, epubText } from './helpers/tools.ts';

const words = (text: string) => text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];

/** Markdown's text, a hard break read as the space it stands for. */
function textOf(node: Root | RootContent): string {
  if (node.type === 'break') return ' ';
  // Raw HTML (the small caps' span) and a picture's description are not the text's words.
  if (node.type === 'html' || node.type === 'image') return '';
  if ('children' in node) return node.children.map((c) => textOf(c as RootContent)).join(node.type === 'root' ? '\n' : '');
  return mdastToString(node);
}

/** A chapter file read back as Markdown: its text without the notes, and the notes' texts. */
function readChapter(file: string): { tree: Root; text: string; notes: string[] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(file, 'utf8')) as Root;
  const body = tree.children.filter((c) => c.type !== 'footnoteDefinition');
  const notes = tree.children.filter((c) => c.type === 'footnoteDefinition').map((c) => textOf(c));
  return { tree, text: body.map((c) => textOf(c)).join('\n'), notes };
}

function chapterFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(folder, f));
}

/** Is `needle` a subsequence of `hay` (every word, in order)? Returns the first word not found. */
function firstMissingInOrder(needle: string[], hay: string[]): string | undefined {
  let at = 0;
  for (const word of needle) {
    while (at < hay.length && hay[at] !== word) at++;
    if (at >= hay.length) return word;
    at++;
  }
  return undefined;
}

describe('galley import of a Word document', () => {
  const dir = tempDir('galley-import-');
  const docx = path.join(dir, 'The Salt Road.docx');
  const folder = path.join(dir, 'salt-road');
  const warnings: string[] = [];
  let result: ImportResult;
  const bodyText = (items: Item[]) => items.filter((i) => i.kind !== 'break').map((i) => ('text' in i ? i.text : ''));

  beforeAll(async () => {
    writeFileSync(docx, await manuscriptDocx());
    result = await importManuscript({
      input: docx,
      out: folder,
      logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
    });
  });

  it('writes book.yaml from the Title, Subtitle and Author paragraphs, and one file per Heading 1', () => {
    expect(warnings).toEqual([]);
    const yaml = parseYaml(readFileSync(path.join(folder, 'book.yaml'), 'utf8'));
    expect(yaml).toEqual({ title: META.title, subtitle: META.subtitle, author: META.author });
    expect(result.chapters).toEqual(['01-the-ferry.md', '02-the-island.md', '03-the-lamp.md']);
    const headings = chapterFiles(folder).map((f) => readFileSync(f, 'utf8').split('\n')[0]);
    expect(headings).toEqual(['# The Ferry', '# The Island', '# The Lamp']);
    expect(readFileSync(path.join(folder, '01-the-ferry.md'), 'utf8')).toContain('\n## The Crossing\n');
  });

  it('has every word of the body in order, and each footnote with its call', () => {
    const chapters = chapterFiles(folder).map(readChapter);
    expect(words(chapters.map((c) => c.text).join('\n'))).toEqual(words(bodyText(SOURCE).join('\n')));
    expect(chapters.flatMap((c) => c.notes)).toEqual(NOTES);
    const ferry = readFileSync(path.join(folder, '01-the-ferry.md'), 'utf8');
    expect(ferry).toContain('Harbour Board</span>[^1] was nailed');
    expect(readFileSync(path.join(folder, '02-the-island.md'), 'utf8')).toContain('the jetty[^2], which');
  });

  it('keeps italics, bold, small caps, the block quote and the picture', () => {
    const ferry = readFileSync(path.join(folder, '01-the-ferry.md'), 'utf8');
    expect(ferry).toContain('The ferry left at **dawn**, as it *always* had');
    expect(ferry).toContain('<span class="small-caps">Harbour Board</span>');
    expect(ferry).toContain('> Dear Maren, if you are reading this, the boat has already left.\n>\n> Do not look for me');
    expect(ferry).toContain('![A map of the salt road](images/image-1.png)');
    expect(
      readFileSync(path.join(folder, 'images', 'image-1.png'))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('makes a scene break of every kind of marker, and drops the page breaks before chapters', () => {
    const breaksPerChapter = chapterFiles(folder).map(
      (f) => readChapter(f).tree.children.filter((c) => c.type === 'thematicBreak').length,
    );
    const expected = [0, 0, 0];
    let chapter = -1;
    for (const item of SOURCE) {
      if (item.kind === 'heading' && item.level === 1) chapter++;
      if (item.kind === 'break') expected[chapter] = (expected[chapter] ?? 0) + 1;
    }
    expect(breaksPerChapter).toEqual(expected);
    for (const file of chapterFiles(folder)) {
      const tree = readChapter(file).tree;
      // No break opens or closes a chapter (the page breaks before chapters are gone), none follows another.
      expect(tree.children[1]?.type).not.toBe('thematicBreak');
      expect(tree.children.filter((c) => c.type !== 'footnoteDefinition').at(-1)?.type).not.toBe('thematicBreak');
      tree.children.forEach((c, i) => {
        if (c.type === 'thematicBreak') expect(tree.children[i + 1]?.type).not.toBe('thematicBreak');
      });
    }
  });

  it('keeps quotes and dashes as typed, and escapes what would be Markdown', () => {
    const ferry = readFileSync(path.join(folder, '01-the-ferry.md'), 'utf8');
    expect(ferry).toContain('“Come inside,” said the captain — it’s colder than it looks.');
    expect(ferry).toContain('"Not yet," she said -- and stayed where she was.');
    const text = readChapter(path.join(folder, '01-the-ferry.md')).text;
    for (const item of SOURCE.slice(6, 10)) expect(text).toContain('text' in item ? item.text : '');
  });

  it('builds at once into an EPUB that passes EPUBCheck and holds every word, in order', async () => {
    const out = path.join(dir, 'dist');
    const built = await build({ input: folder, out, formats: ['epub'] });
    const epub = built.files.find((f) => f.format === 'epub')?.path ?? '';
    const check = await epubcheck(epub);
    expect(check.clean, check.output).toBe(true);
    const text = words(await epubText(epub));
    expect(firstMissingInOrder(words(bodyText(SOURCE).join('\n')), text)).toBeUndefined();
    expect(firstMissingInOrder(words(NOTES.join(' ')), text)).toBeUndefined();
    expect(firstMissingInOrder(words(`${META.title} ${META.subtitle} ${META.author}`), text)).toBeUndefined();
    const xhtml = [...(await epubEntries(epub)).values()].join('\n');
    expect(xhtml).toContain('<span class="small-caps">Harbour Board</span>');
    expect(xhtml).toContain('<em>always</em>');
  }, 60_000);

  it('never writes into a folder that has files, unless --force', async () => {
    const again = importManuscript({ input: docx, out: folder });
    await expect(again).rejects.toMatchObject({ code: 'OUTPUT_NOT_EMPTY' });
    writeFileSync(path.join(folder, '09-stale.md'), '# Stale\n\nOld text.\n');
    writeFileSync(path.join(folder, 'notes.txt'), 'keep me');
    await importManuscript({ input: docx, out: folder, force: true });
    expect(existsSync(path.join(folder, '09-stale.md'))).toBe(false);
    expect(readFileSync(path.join(folder, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(chapterFiles(folder)).toHaveLength(3);
  });
});

describe('tracked changes and comments', () => {
  const dir = tempDir('galley-import-revisions-');
  const docx = path.join(dir, 'draft.docx');
  beforeAll(async () => writeFileSync(docx, await revisedDocx()));

  it('stops with a message that says where the first change is and what to do, and writes nothing', async () => {
    const error = await importManuscript({ input: docx, out: path.join(dir, 'a') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GalleyError);
    expect(error).toMatchObject({ code: 'IMPORT_TRACKED_CHANGES' });
    expect((error as GalleyError).message).toMatch(/2 tracked changes; the first \(para 2\) is inserted “slowly” by Tam Editor/);
    expect((error as GalleyError).hint).toMatch(/--accept-changes or --reject-changes/);
    expect(existsSync(path.join(dir, 'a'))).toBe(false);
  });

  it('stops at the comments too, until they are dropped, and lists each one dropped with its place', async () => {
    const error = await importManuscript({ input: docx, out: path.join(dir, 'b'), changes: 'accept' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_COMMENTS' });
    expect((error as GalleyError).message).toMatch(
      /1 comment; the first \(para 3\) is by Tam Editor: “Is this the right word here\?”/,
    );
    const warnings: string[] = [];
    await importManuscript({
      input: docx,
      out: path.join(dir, 'b'),
      changes: 'accept',
      dropComments: true,
      logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
    });
    expect(warnings).toEqual([
      'draft.docx:para 3  import/comment-dropped  comment by Tam Editor left out: “Is this the right word here?”'.replace(
        'draft.docx',
        path.relative(process.cwd(), docx),
      ),
    ]);
  });

  it('accepts or rejects every change as Word would', async () => {
    await importManuscript({ input: docx, out: path.join(dir, 'accepted'), changes: 'accept', dropComments: true });
    await importManuscript({ input: docx, out: path.join(dir, 'rejected'), changes: 'reject', dropComments: true });
    const accepted = readFileSync(path.join(dir, 'accepted', '01-the-draft.md'), 'utf8');
    const rejected = readFileSync(path.join(dir, 'rejected', '01-the-draft.md'), 'utf8');
    expect(accepted).toContain('The tide came in slowly over the flats.');
    expect(rejected).toContain('The tide came in quickly over the flats.');
    for (const text of [accepted, rejected]) expect(text).toContain('The birds went quiet.');
  });
});

describe('what cannot be carried over as it was', () => {
  it('reports a text box, an equation and a field at their paragraphs, and keeps their words', async () => {
    const dir = tempDir('galley-import-objects-');
    const docx = path.join(dir, 'odd.docx');
    writeFileSync(docx, await objectsDocx());
    const warnings: string[] = [];
    await importManuscript({
      input: docx,
      out: path.join(dir, 'odd'),
      logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
    });
    const shown = path.relative(process.cwd(), docx);
    expect(warnings).toEqual([
      `${shown}:para 3  import/text-box  a text box's text is put after its paragraph, as paragraphs of its own: “Boxed aside about driftwood.”`,
      `${shown}:para 4  import/equation  an equation is kept as plain text: “x+1”`,
      `${shown}:para 5  import/field  a DATE field is kept as the text it showed, “Tuesday”; it will not update`,
    ]);
    const text = readChapter(path.join(dir, 'odd', '01-odd-things.md')).text;
    expect(words(text)).toEqual(
      words(
        'Odd Things The keeper kept a ledger of everything that washed ashore. Boxed aside about driftwood. Her sums came to x+1 every time. Printed on Tuesday at the mainland press. The last line of the ledger was blank.',
      ),
    );
  });

  it('keeps the text of right-to-left spans, and reports text the converter would drop at its paragraph', async () => {
    const dir = tempDir('galley-import-lost-');
    const doc = new Document({
      title: 'Lost and Found',
      creator: 'Ines Harrow',
      sections: [
        {
          children: [
            new Paragraph({ text: 'One', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              children: [new TextRun('The sign said '), new TextRun('SIGNWORD'), new TextRun(' in two scripts.')],
            }),
            new Paragraph({ children: [new TextRun('Above the door, '), new TextRun('RUBYWORD'), new TextRun(' was carved.')] }),
          ],
        },
      ],
    });
    const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const run = (word: string) => `<w:r><w:t xml:space="preserve">${word}</w:t></w:r>`;
    zip.file(
      'word/document.xml',
      xml
        .replace(run('SIGNWORD'), `<w:dir w:val="rtl">${run('shalom')}</w:dir>`)
        // Ruby (a reading above the text) is an element mammoth skips, text and all.
        .replace(
          run('RUBYWORD'),
          `<w:r><w:ruby><w:rubyPr/><w:rt>${run('kana')}</w:rt><w:rubyBase>${run('kanji')}</w:rubyBase></w:ruby></w:r>`,
        ),
    );
    const docx = path.join(dir, 'lost.docx');
    writeFileSync(docx, await zip.generateAsync({ type: 'nodebuffer' }));
    const warnings: string[] = [];
    await importManuscript({
      input: docx,
      out: path.join(dir, 'book'),
      logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
    });
    const text = readChapter(path.join(dir, 'book', '01-one.md')).text;
    expect(text).toContain('The sign said shalom in two scripts.');
    expect(warnings.filter((w) => w.includes('import/text-differs'))).toEqual([
      `${path.relative(process.cwd(), docx)}:para 3  import/text-differs  the converted text differs from the document here: expected “kanakanji was carved”, found “was carved”; compare the chapter file with the document`,
    ]);
  });

  it('refuses files it cannot read, saying what to do', async () => {
    const dir = tempDir('galley-import-bad-');
    writeFileSync(path.join(dir, 'book.odt'), 'PK');
    writeFileSync(path.join(dir, 'broken.docx'), 'not a zip at all');
    await expect(importManuscript({ input: path.join(dir, 'book.odt') })).rejects.toMatchObject({
      code: 'INPUT_UNSUPPORTED',
      hint: expect.stringMatching(/LibreOffice/),
    });
    await expect(importManuscript({ input: path.join(dir, 'broken.docx') })).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
    await expect(importManuscript({ input: path.join(dir, 'missing.docx') })).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
  });
});

describe('Markdown from text full of Markdown', () => {
  // Characters that make Markdown, or Galley's scene-break markers, at a line's start or inside text.
  const pieces = [
    '#',
    '##',
    '1.',
    '2)',
    '>',
    '-',
    '+',
    '*',
    '_',
    '`',
    '~',
    '~~~',
    '***',
    '---',
    '* * *',
    '|',
    '[',
    ']',
    '(',
    ')',
    '!',
    '<',
    '>',
    '<grin>',
    '&amp;',
    '&#42;',
    '\\',
    ':',
    'xXx',
    'oOo',
    '[^1]',
    '==',
    'word',
    'the end',
    ' ',
    '  ',
    '\u00a0',
    '"',
    '“',
    '—',
    '--',
    '...',
  ];
  const paragraph = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

  it('writes each paragraph (and lines after hard breaks) so that it reads back as the same text, never as a marker', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(paragraph, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        async (paras) => {
          const blocks: ElementContent[] = paras.map((lines) => ({
            type: 'element',
            tagName: 'p',
            properties: {},
            children: lines.flatMap((line, i): ElementContent[] => [
              ...(i ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } as ElementContent] : []),
              { type: 'text', value: line },
            ]),
          }));
          const { markdown } = await chapterMarkdown(
            { heading: undefined, title: '', blocks },
            { level: 1, labels: new Map(), notes: new Map() },
          );
          const back = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
          const expected = paras.map((lines) => words(lines.join(' ')).join(' ')).filter(Boolean);
          const found = back.children.map((c) => words(textOf(c)).join(' ')).filter(Boolean);
          expect(found).toEqual(expected);
          expect(back.children.every((c) => c.type === 'paragraph')).toBe(true);
          expect([...scanSceneMarkers(markdown).markers.values()]).toEqual([]);
        },
      ),
      { seed: 20250215, numRuns: 150 },
    );
  });
});

describe('galley import of a saved web page', () => {
  const dir = tempDir('galley-import-html-');
  const folder = path.join(dir, 'tidewater');
  const page = path.join(FIXTURES, 'import', 'saved-page.html');
  const story = readFileSync(page, 'utf8');
  const storyParagraphs = [...story.matchAll(/<div class="userstuff module" role="article">([\s\S]*?)<\/div>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, ' '),
  );

  beforeAll(async () => {
    await importManuscript({ input: page, out: folder });
  });

  it('takes the title, author and summary from the page, and the chapters from its headings', () => {
    expect(parseYaml(readFileSync(path.join(folder, 'book.yaml'), 'utf8'))).toEqual({
      title: 'The Tidewater Clock',
      author: 'Wren Alder',
      language: 'en',
      description: "A clockmaker's apprentice and a town that keeps the wrong time.",
    });
    const files = chapterFiles(folder).map((f) => path.basename(f));
    expect(files.slice(0, 2)).toEqual(['01-chapter-1-the-wrong-hour.md', '02-chapter-2-eleven-minutes.md']);
  });

  it('has the story, every word in order, with its italics and scene breaks, and nothing of the site', () => {
    const chapters = chapterFiles(folder).map(readChapter);
    const all = chapters.map((c) => c.text).join('\n');
    expect(firstMissingInOrder(words(storyParagraphs.join(' ')), words(all))).toBeUndefined();
    const [one, two] = chapterFiles(folder).map((f) => readFileSync(f, 'utf8'));
    expect(one).toContain('felt like a *held breath*.');
    expect(one).toContain('wrong by the *same* amount');
    expect(one).toContain('Someone **cared** for it');
    expect(chapters.slice(0, 2).map((c) => c.tree.children.filter((n) => n.type === 'thematicBreak').length)).toEqual([1, 1]);
    expect(two).toContain('# Chapter 2: Eleven Minutes');
    for (const site of [
      'Browse Works',
      'Log In',
      'Leave Kudos',
      'Comments',
      'breakwater line gave me chills',
      'Subscribed',
      'left kudos',
      'Hits',
      'General Audiences',
      'Terms of Service',
      'non-profit',
      'Fiction Archive',
      'Main Content',
      'Wren_Alder',
    ]) {
      expect(all).not.toContain(site);
    }
  });

  it('builds into an EPUB that passes EPUBCheck', async () => {
    const built = await build({ input: folder, out: path.join(dir, 'dist'), formats: ['epub'] });
    const epub = built.files[0]?.path ?? '';
    const check = await epubcheck(epub);
    expect(check.clean, check.output).toBe(true);
    expect(firstMissingInOrder(words(storyParagraphs.join(' ')), words(await epubText(epub)))).toBeUndefined();
  }, 60_000);

  it('reports pictures it does not fetch, at their chapter and paragraph', async () => {
    const sub = path.join(dir, 'with-pictures');
    mkdirSync(sub);
    const html =
      '<html><head><title>Gulls</title><meta name="author" content="A. Writer"></head><body><article><h2>One</h2><p>The gulls came back in spring, loud as ever, and settled on every roof.</p><p><img src="https://example.com/gull.jpg" alt="a gull"></p><p>Nobody minded them much.</p></article></body></html>';
    writeFileSync(path.join(sub, 'gulls.html'), html);
    const warnings: string[] = [];
    await importManuscript({
      input: path.join(sub, 'gulls.html'),
      out: path.join(sub, 'book'),
      logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /:chapter 1, para 2 {2}import\/image {2}the picture https:\/\/example\.com\/gull\.jpg is on the web and is not fetched/,
    );
  });
});
