/**
 * Nothing outside the book is read: chapters, book.yaml, images and the cover are followed
 * through symbolic links to where they really are, and refused when that is outside the book's
 * folder. Generated layouts (fast-check, fixed seed) mix links to outside files and folders,
 * chains of links, `..` segments, absolute paths and encoded forms; none may bring an outside
 * file's bytes into the book. Links that stay inside the folder keep working.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileScope, isInside, readBookFile } from '../src/book/book-files.ts';
import { typeset } from '../src/core/typeset.ts';
import { GalleyError } from '../src/errors.ts';
import { fontFile } from '../src/output/fonts.ts';
import { tempDir } from './helpers/tmp.ts';

const SECRET = 'QUARTERMASTER-SECRET-LEDGER';
const YAML = 'title: The Tarred Rope\nauthor: Isolde Prake\n';
let secretPng: Buffer;
let bookPng: Buffer;

beforeAll(async () => {
  secretPng = await sharp({ create: { width: 7, height: 5, channels: 3, background: '#d02' } })
    .png()
    .toBuffer();
  bookPng = await sharp({ create: { width: 5, height: 7, channels: 3, background: '#0a4' } })
    .png()
    .toBuffer();
});

/** A fresh folder with `outside/` (the secrets) beside `book/` (a working book). */
function layout(): { top: string; book: string; outside: string } {
  const top = tempDir('galley-files-');
  const outside = path.join(top, 'outside');
  const book = path.join(top, 'book');
  mkdirSync(path.join(outside, 'dir'), { recursive: true });
  mkdirSync(path.join(book, 'images'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.md'), `# ${SECRET}\n\n${SECRET} paragraph.\n`);
  writeFileSync(path.join(outside, 'dir', 'secret.md'), `# ${SECRET}\n\n${SECRET} in a folder.\n`);
  writeFileSync(path.join(outside, 'secret.png'), secretPng);
  writeFileSync(path.join(outside, 'dir', 'secret.png'), secretPng);
  writeFileSync(path.join(outside, 'book.yaml'), `title: ${SECRET}\nauthor: Nobody\n`);
  writeFileSync(path.join(book, 'book.yaml'), YAML);
  writeFileSync(path.join(book, 'images', 'real.png'), bookPng);
  return { top, book, outside };
}

/** Everything of the book that came from files: its text, its images' bytes, its title. */
async function leaked(book: string): Promise<{ refused: GalleyError | undefined; leak: boolean }> {
  try {
    const { book: built } = await typeset({ input: book });
    const text = [...built.front, ...built.body, ...built.back].map((s) => s.html).join('\n') + built.config.title;
    const images = [...built.images.values(), ...(built.cover ? [built.cover] : [])];
    return { refused: undefined, leak: text.includes(SECRET) || images.some((i) => i.data.equals(secretPng)) };
  } catch (error) {
    if (!(error instanceof GalleyError)) throw error;
    return { refused: error, leak: false };
  }
}

/** How a link or reference reaches outside. */
const outsideTarget = fc.constantFrom(
  (o: string) => path.join(o, 'secret.md'),
  (o: string) => path.relative(path.join(o, '..', 'book'), path.join(o, 'secret.md')),
  (o: string) => path.join(o, 'dir', 'secret.md'),
);

describe('chapters and book.yaml that link outside the book', () => {
  it('a chapter linked to /etc/passwd is refused, naming the chapter', async () => {
    const { book } = layout();
    writeFileSync(path.join(book, '01.md'), '# One\n\nA line of the book.\n');
    symlinkSync('/etc/passwd', path.join(book, '02.md'));
    const { refused } = await leaked(book);
    expect(refused?.code).toBe('INPUT_OUTSIDE_BOOK');
    expect(refused?.file).toBe(path.relative(process.cwd(), path.join(book, '02.md')));
    expect(refused?.message).toContain('/etc/passwd');
    expect(refused?.hint).toMatch(/copy the file there/);
  });

  it('generated links (files, folders, chains) never bring outside text in', async () => {
    await fc.assert(
      fc.asyncProperty(
        outsideTarget,
        fc.constantFrom('chapter', 'chain', 'folder', 'yaml'),
        fc.boolean(),
        async (target, kind, absolute) => {
          const { book, outside } = layout();
          writeFileSync(path.join(book, '01.md'), '# One\n\nA line of the book.\n');
          const to = target(outside);
          const link = absolute ? path.resolve(book, to) : to;
          if (kind === 'chapter') symlinkSync(link, path.join(book, '02.md'));
          if (kind === 'chain') {
            // 02.md → middle (inside, not a chapter) → the outside file.
            symlinkSync(path.resolve(book, to), path.join(book, 'middle'));
            symlinkSync('middle', path.join(book, '02.md'));
          }
          if (kind === 'folder') {
            symlinkSync(path.dirname(path.resolve(book, to)), path.join(book, 'linked'));
            symlinkSync(path.join('linked', path.basename(to)), path.join(book, '02.md'));
          }
          if (kind === 'yaml') {
            rmSync(path.join(book, 'book.yaml'));
            symlinkSync(path.join(outside, 'book.yaml'), path.join(book, 'book.yaml'));
          }
          const { refused, leak } = await leaked(book);
          expect(leak).toBe(false);
          expect(refused?.code).toBe('INPUT_OUTSIDE_BOOK');
        },
      ),
      { seed: 1010, numRuns: 24 },
    );
  });

  it('links that stay inside the book folder are followed', async () => {
    const { book } = layout();
    mkdirSync(path.join(book, 'drafts'));
    writeFileSync(path.join(book, 'drafts', 'two.md'), '# Two\n\nThe second chapter, kept in drafts.\n');
    writeFileSync(path.join(book, '01.md'), '# One\n\nA line of the book.\n\n![A green square](art/real.png)\n');
    symlinkSync(path.join('drafts', 'two.md'), path.join(book, '02.md'));
    symlinkSync('images', path.join(book, 'art'));
    const { book: built } = await typeset({ input: book });
    expect(built.body.map((s) => s.html).join('')).toContain('The second chapter, kept in drafts.');
    expect([...built.images.values()][0]?.data.equals(bookPng)).toBe(true);
  });

  it('a single-file book linked from elsewhere is read from the folder it really lives in', async () => {
    const { top, book } = layout();
    writeFileSync(path.join(book, 'novel.md'), `---\n${YAML}---\n\n# One\n\n![A green square](images/real.png)\n`);
    symlinkSync(path.join(book, 'novel.md'), path.join(top, 'novel.md'));
    const { book: built } = await typeset({ input: path.join(top, 'novel.md') });
    expect([...built.images.values()][0]?.data.equals(bookPng)).toBe(true);
  });
});

/** Routes from the book's folder to an image: through links that lead out, `..`, or inside. */
const route = fc.constantFrom(
  'out/secret.png',
  'out/dir/secret.png',
  'deep/secret.png',
  'images/dir/secret.png',
  'images/../out/secret.png',
  '../outside/secret.png',
  'deep/../../outside/dir/secret.png',
  'images/real.png',
  'deep/../images/real.png',
);

/** The route as an author (or an attacker) might write it: `./` and `x/..` detours, `%2e%2e`, `//`. */
const written = fc
  .tuple(route, fc.array(fc.constantFrom('./', 'images/../', 'deep/x/../../', '', '/'), { maxLength: 3 }), fc.boolean())
  .map(([path, detours, encode]) => {
    const parts = path.split('/');
    const out = parts.map((part, i) => `${detours[i % Math.max(1, detours.length)] ?? ''}${part}`).join('/');
    return { route: path, src: encode ? out.replaceAll('..', '%2e%2e') : out };
  });

describe('images and the cover that reach outside the book', () => {
  it('generated image paths and links never embed an outside file', async () => {
    let refusedCount = 0;
    await fc.assert(
      fc.asyncProperty(
        written,
        fc.constantFrom('relative', 'absolute'),
        fc.constantFrom('chapter', 'cover'),
        async (path_, form, where) => {
          const { book, outside } = layout();
          // Links inside the book that lead out: a folder, an image file, a folder of images.
          symlinkSync(outside, path.join(book, 'out'));
          mkdirSync(path.join(book, 'deep'));
          symlinkSync(path.join('..', '..', 'outside', 'secret.png'), path.join(book, 'deep', 'secret.png'));
          symlinkSync(path.join(outside, 'dir'), path.join(book, 'images', 'dir'));
          const src = form === 'absolute' ? `${book}/${path_.src}` : path_.src;
          if (where === 'cover') {
            writeFileSync(path.join(book, 'book.yaml'), `${YAML}cover: "${src}"\n`);
            writeFileSync(path.join(book, '01.md'), '# One\n\nA line.\n');
          } else {
            writeFileSync(path.join(book, '01.md'), `# One\n\nA line.\n\n![A picture](<${src}>)\n`);
          }
          const { refused, leak } = await leaked(book);
          expect(leak, src).toBe(false);
          if (refused) {
            refusedCount++;
            expect(refused.code, `${src}: ${refused.message}`).toMatch(/^(IMAGE_|INPUT_OUTSIDE_BOOK)/);
            expect(refused.hint).toBeTruthy();
          }
          // The plain way to the book's own image works, written any way that stays inside.
          const plain = form === 'relative' && !path_.src.includes('%') && !path_.src.startsWith('/');
          if (path_.route.endsWith('real.png') && plain && where === 'chapter') {
            expect(refused?.message, src).toBeUndefined();
          }
        },
      ),
      { seed: 4242, numRuns: 80 },
    );
    expect(refusedCount).toBeGreaterThan(20);
  });

  it('an image linked to /etc/passwd is refused at the line of its reference', async () => {
    const { book } = layout();
    symlinkSync('/etc/passwd', path.join(book, 'images', 'map.svg'));
    writeFileSync(path.join(book, '01.md'), '# One\n\nA line.\n\n![The map](images/map.svg)\n');
    const { refused } = await leaked(book);
    expect(refused?.code).toBe('IMAGE_OUTSIDE_BOOK');
    expect(refused?.location).toBe(`${path.relative(process.cwd(), path.join(book, '01.md'))}:5:1`);
    expect(refused?.message).toContain('/etc/passwd');
  });
});

describe('readBookFile', () => {
  it('reads only regular files inside the scope, and checks what it opened', async () => {
    const { book, outside } = layout();
    const scope = await fileScope(book, "the book's folder");
    const ref = { file: 'test', what: 'the file' };
    expect((await readBookFile(scope, 'book.yaml', ref)).data.toString()).toBe(YAML);
    await expect(readBookFile(scope, path.join(outside, 'secret.md'), ref)).rejects.toMatchObject({ code: 'INPUT_OUTSIDE_BOOK' });
    await expect(readBookFile(scope, 'images', ref)).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
    await expect(readBookFile(scope, 'nothing.md', ref)).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
  });

  it('a font is served only from inside its own folder', async () => {
    const { top, outside } = layout();
    const folder = path.join(top, 'font-files');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'face.woff2'), 'wOF2 font bytes');
    symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'leak.woff2'));
    const fonts = { css: '', folders: [folder] };
    expect((await fontFile(fonts, 'face.woff2'))?.toString()).toBe('wOF2 font bytes');
    expect(await fontFile(fonts, 'leak.woff2')).toBeUndefined();
    for (const name of ['../outside/secret.md', '..', path.join(outside, 'secret.md')]) {
      expect(await fontFile(fonts, name), name).toBeUndefined();
    }
  });

  it('isInside is a path test, not a prefix test', () => {
    expect(isInside('/a/book', '/a/book')).toBe(true);
    expect(isInside('/a/book', '/a/book/x/y.md')).toBe(true);
    expect(isInside('/a/book', '/a/book-other/y.md')).toBe(false);
    expect(isInside('/a/book', '/a/y.md')).toBe(false);
    expect(isInside('/a/book', '/a/book/..foo')).toBe(true);
  });
});
