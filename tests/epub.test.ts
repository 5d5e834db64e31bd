/**
 * The EPUB writer on a book that uses every feature (tests/helpers/epub-book.ts), built once per
 * store target: structure, navigation, notes, metadata, safety, images, fonts and what each
 * target changes — all checked in the files of the EPUB itself, which EPUBCheck 5.3 passes with
 * no errors or warnings and DAISY Ace with no violations.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { build } from '../src/core/build.ts';
import { formatDiagnostic } from '../src/diagnostics.ts';
import { lineOf, writeFeatureBook } from './helpers/epub-book.ts';
import { tempDir } from './helpers/tmp.ts';
import { aceCheck, type EpubcheckResult, epubBinaryEntries, epubcheckMany, epubEntries } from './helpers/tools.ts';

const TARGETS = ['generic', 'kindle', 'apple', 'kobo'] as const;

describe('an EPUB with every feature', async () => {
  const dir = await writeFeatureBook();
  const builds = Object.fromEntries(
    await Promise.all(
      TARGETS.map(async (target) => {
        const result = await build({ input: dir, out: tempDir(), formats: ['epub'], target });
        const file = result.files[0]?.path as string;
        return [target, { file, result, entries: await epubEntries(file) }] as const;
      }),
    ),
  );
  const generic = builds.generic as (typeof builds)[string] & {};
  const entries = generic.entries;
  const opf = entries.get('OEBPS/content.opf') as string;
  const nav = entries.get('OEBPS/toc.xhtml') as string;
  const lamps = entries.get('OEBPS/the-lamps.xhtml') as string;
  const diagnostics = generic.result.diagnostics.map(formatDiagnostic);

  // The three targets checked in one EPUBCheck run (one Java start), when the first asks.
  const checked = ['generic', 'kindle', 'apple'] as const;
  let checks: EpubcheckResult[] | undefined;
  it.each(checked)('passes EPUBCheck with no errors or warnings for --target %s', async (target) => {
    checks ??= await epubcheckMany(checked.map((t) => builds[t]?.file as string));
    const check = checks[checked.indexOf(target)] as EpubcheckResult;
    expect(check.clean, check.output).toBe(true);
  });

  it('needs nothing different for --target kobo: the same bytes as generic', () => {
    expect(readFileSync(builds.kobo?.file as string).equals(readFileSync(generic.file))).toBe(true);
  });

  it('passes DAISY Ace with no violations', async () => {
    const ace = await aceCheck(generic.file);
    expect(ace.violations, ace.violations.join('\n')).toEqual([]);
    expect(ace.outcome).toBe('pass');
  });

  describe('structure', () => {
    it('has a cover page of its own with the image, marked as the cover image', () => {
      expect(entries.get('OEBPS/cover.xhtml')).toMatch(/<img src="images\/cover\.png" alt="Cover of The Lamplighter/);
      expect(opf).toMatch(/<item id="cover-image" href="images\/cover\.png" media-type="image\/png" properties="cover-image"\/>/);
      expect(opf).toContain('<meta name="cover" content="cover-image"/>');
    });

    it('has title, copyright, dedication and epigraph pages in the front matter', () => {
      expect(entries.get('OEBPS/titlepage.xhtml')).toMatch(/<body epub:type="frontmatter"[\s\S]*epub:type="titlepage"/);
      expect(entries.get('OEBPS/titlepage.xhtml')).toContain('<p class="contributor">Translated by Piet Halloran</p>');
      expect(entries.get('OEBPS/copyright.xhtml')).toContain('epub:type="copyright-page"');
      expect(entries.get('OEBPS/dedication.xhtml')).toContain('epub:type="dedication" role="doc-dedication"');
      const epigraph = entries.get('OEBPS/epigraph.xhtml') as string;
      expect(epigraph).toMatch(
        /epub:type="epigraph" role="doc-epigraph"[\s\S]*<blockquote><p>Every lamp is a small argument against the dark\.<\/p><\/blockquote>/,
      );
      expect(epigraph).toContain('<p class="attribution">— <em>The Lamplighter’s Manual</em></p>');
    });

    it('has acknowledgements, about the author and also-by pages as back matter', () => {
      expect(entries.get('OEBPS/acknowledgements.xhtml')).toMatch(
        /<body epub:type="backmatter"[\s\S]*epub:type="acknowledgments" role="doc-acknowledgments"[\s\S]*<em>keepers<\/em>/,
      );
      expect(entries.get('OEBPS/about-the-author.xhtml')).toMatch(
        /<h1[^>]*>About the Author<\/h1><p class="flush">Odile[\s\S]*<p>She lives/,
      );
      expect(entries.get('OEBPS/also-by.xhtml')).toMatch(/<li><em>The Tide Clock<\/em><\/li>/);
    });

    it('marks each chapter and part, and the body as body matter', () => {
      expect(lamps).toMatch(/<body epub:type="bodymatter"[^>]*>\s*<section epub:type="chapter" role="doc-chapter"/);
      expect(entries.get('OEBPS/part-one.xhtml')).toContain('<section epub:type="part" role="doc-part"');
    });

    it('nests the table of contents: part, chapters, then their ## headings', () => {
      expect(nav).toContain('<nav epub:type="toc" id="toc" role="doc-toc"');
      const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('</nav>'));
      expect(toc.replace(/\s+/g, '')).toContain(
        '<li><ahref="part-one.xhtml">PartOne</a><ol><li><ahref="the-lamps.xhtml">TheLamps</a><ol><li><ahref="the-lamps.xhtml#the-lamps-the-first-lamp">TheFirstLamp</a></li>',
      );
      expect(lamps).toContain('<h2 id="the-lamps-the-first-lamp">The First Lamp</h2>');
      expect(toc).toMatch(/Acknowledgements[\s\S]*About the Author[\s\S]*Also by Odile Marchetti/);
    });

    it('has landmarks for the cover, the contents and the start of the text, one type each', () => {
      const landmarks = nav.slice(nav.indexOf('epub:type="landmarks"'));
      const links = [...landmarks.matchAll(/<a epub:type="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
      expect(links).toEqual(['cover cover.xhtml', 'toc toc.xhtml#toc', 'bodymatter part-one.xhtml']);
    });

    it('has an NCX with the same nesting, and the language on the package and every document', () => {
      const ncx = entries.get('OEBPS/toc.ncx') as string;
      expect(ncx).toMatch(
        /<text>Part One<\/text>[\s\S]*<text>The Lamps<\/text>[\s\S]*<text>The First Lamp<\/text>[\s\S]*<\/navPoint>\s*<\/navPoint>/,
      );
      expect(opf).toContain('xml:lang="en-GB"');
      for (const [name, text] of entries) {
        if (name.endsWith('.xhtml')) expect(text, name).toContain('xml:lang="en-GB" lang="en-GB"');
      }
    });
  });

  it('makes footnotes pop-up notes with roles and a link back', () => {
    expect(lamps).toMatch(/<a href="#the-lamps-fn-oil" id="the-lamps-fnref-oil" epub:type="noteref" role="doc-noteref">1<\/a>/);
    expect(lamps).toMatch(/<aside id="the-lamps-fn-oil" epub:type="footnote" role="doc-footnote"[^>]*>/);
    expect(lamps).toMatch(/<a href="#the-lamps-fnref-oil"[^>]*role="doc-backlink"/);
  });

  describe('metadata', () => {
    it('has the identifier, titles, creators with roles and sort names, series and subjects', () => {
      expect(opf).toContain('<dc:identifier id="pub-id">urn:isbn:9780306406157</dc:identifier>');
      expect(opf).toContain('<dc:creator id="creator-1">Odile Marchetti</dc:creator>');
      expect(opf).toContain('<meta refines="#creator-1" property="file-as">Marchetti, Odile</meta>');
      expect(opf).toContain('<dc:contributor id="creator-2">Piet Halloran</dc:contributor>');
      expect(opf).toContain('<meta refines="#creator-2" property="role" scheme="marc:relators">trl</meta>');
      expect(opf).toContain('<meta property="belongs-to-collection" id="series">The Harbour Lights</meta>');
      expect(opf).toContain('<meta refines="#series" property="collection-type">series</meta>');
      expect(opf).toContain('<meta refines="#series" property="group-position">2</meta>');
      expect(opf).toContain('<dc:subject>Sea stories</dc:subject>');
      expect(opf).toContain('<dc:description>A test book that uses every feature of the EPUB writer.</dc:description>');
      expect(opf).toContain('<dc:publisher>Galley Test Press</dc:publisher>');
      expect(opf).toContain('<dc:date>2025-06-01</dc:date>');
      expect(opf).toMatch(/<dc:rights>Copyright © 2025 Odile Marchetti\. All rights reserved\.<\/dc:rights>/);
      expect(opf).toMatch(/<meta property="dcterms:modified">\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/meta>/);
    });

    it('has the accessibility metadata and the conformance claim', () => {
      for (const meta of [
        '<meta property="schema:accessMode">textual</meta>',
        '<meta property="schema:accessMode">visual</meta>',
        '<meta property="schema:accessModeSufficient">textual</meta>',
        '<meta property="schema:accessibilityFeature">alternativeText</meta>',
        '<meta property="schema:accessibilityFeature">tableOfContents</meta>',
        '<meta property="schema:accessibilityHazard">none</meta>',
        '<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>',
        '<meta property="a11y:certifiedBy">Galley Test Press</meta>',
      ]) {
        expect(opf).toContain(meta);
      }
      expect(opf).toMatch(/<meta property="schema:accessibilitySummary">[^<]{40,}<\/meta>/);
    });
  });

  describe('safety', () => {
    it('removes scripts, handlers, iframes, forms, objects and javascript: links', () => {
      for (const [name, text] of entries) {
        if (!name.endsWith('.xhtml')) continue;
        expect(text, name).not.toMatch(/<script|onclick|<iframe|<form|<input|<object|javascript:/i);
      }
      expect(lamps).toContain('<p>A paragraph with a handler.</p>');
      expect(lamps).toContain('<p>Read <a>the ledger</a> before you light them.</p>');
      expect(lamps).not.toContain('<p/>');
    });

    it('warns at the place of each thing removed', () => {
      const at = (text: string) => `01-the-lamps.md:${lineOf(text)}:`;
      expect(diagnostics.find((d) => d.includes(at('<script>')))).toMatch(/html\/removed +removed `<script>`/);
      expect(diagnostics.find((d) => d.includes(at('onclick')))).toMatch(/html\/removed +removed the event handler `onclick`/);
      expect(diagnostics.find((d) => d.includes(at('<iframe')))).toMatch(/html\/removed +removed `<iframe>`/);
      expect(diagnostics.find((d) => d.includes(at('<form')))).toMatch(/html\/removed +removed `<form>`/);
      expect(diagnostics.find((d) => d.includes(at('<object')))).toMatch(/html\/removed +removed `<object>`/);
      expect(diagnostics.find((d) => d.includes(at('javascript:')))).toMatch(/html\/removed +removed the link `javascript:/);
    });

    it('keeps ol start, th scope and an intentional empty alt', () => {
      expect(lamps).toContain('<ol start="3">');
      expect(lamps).toContain('<th scope="col">Lamp</th>');
      expect(lamps).toMatch(/<img src="images\/ornament-[0-9a-f]{8}\.png" alt=""\/>/);
    });

    it('reports an image without a text alternative, and gives it an empty one', () => {
      expect(diagnostics).toContainEqual(
        expect.stringMatching(new RegExp(`01-the-lamps.md:${lineOf('plain.gif')}:1 +image/missing-alt`)),
      );
      expect(lamps).toMatch(/<img src="images\/plain-[0-9a-f]{8}\.gif" alt=""\/>/);
      expect(diagnostics.filter((d) => d.includes('image/missing-alt'))).toHaveLength(1);
    });
  });

  describe('images', async () => {
    const binary = await epubBinaryEntries(generic.file);
    const item = (name: string) =>
      [...opf.matchAll(/<item id="[^"]+" href="([^"]+)" media-type="([^"]+)"/g)].find((m) => m[1]?.includes(name));

    it('turns WebP into JPEG, or PNG when it has transparency, and keeps the core types', () => {
      expect(item('map-')?.[2]).toBe('image/jpeg');
      expect(item('map-')?.[1]).toMatch(/\.jpg$/);
      expect(lamps).toContain(`src="${item('map-')?.[1]}"`);
      expect(item('glow-')?.[2]).toBe('image/png');
      expect(item('plain-')?.[2]).toBe('image/gif');
      expect(item('compass-')?.[2]).toBe('image/svg+xml');
      expect(opf).not.toContain('image/webp');
    });

    it('scales an image over 4 million pixels down to the limit', async () => {
      const data = binary.get(`OEBPS/${item('big-')?.[1]}`) as Buffer;
      const meta = await sharp(data).metadata();
      expect((meta.width ?? 0) * (meta.height ?? 0)).toBeLessThanOrEqual(4_000_000);
      expect((meta.width ?? 0) * (meta.height ?? 0)).toBeGreaterThan(3_900_000);
      expect(Math.abs((meta.width ?? 0) / (meta.height ?? 1) - 2600 / 2000)).toBeLessThan(0.01);
    });
  });

  describe('store targets', () => {
    const css = (target: string) => builds[target]?.entries.get('OEBPS/style.css') as string;
    const opfOf = (target: string) => builds[target]?.entries.get('OEBPS/content.opf') as string;

    it('Kindle: two levels of contents, in the nav and the NCX', () => {
      const kindle = builds.kindle?.entries as Map<string, string>;
      expect(kindle.get('OEBPS/toc.xhtml')).toContain('The Lamps');
      expect(kindle.get('OEBPS/toc.xhtml')).not.toContain('The First Lamp');
      expect(kindle.get('OEBPS/toc.ncx')).not.toContain('The First Lamp');
      expect(kindle.get('OEBPS/toc.ncx')).toContain('<meta name="dtb:depth" content="2"/>');
      expect(entries.get('OEBPS/toc.ncx')).toContain('<meta name="dtb:depth" content="3"/>');
    });

    it('Kindle: an explicit alignment on every heading level', () => {
      expect(css('kindle')).toMatch(/h1, h2, h3 \{ text-align: center; \}/);
      expect(css('kindle')).toMatch(/h4, h5, h6[^{]*\{ text-align: left; \}/);
      expect(css('generic')).not.toMatch(/h4, h5, h6/);
    });

    it('every target leaves the body text size, leading and colour to the reader', () => {
      for (const target of TARGETS) {
        for (const [, selector, body] of css(target).matchAll(/(^|\n)(?:html|body|p)\s*\{([^}]*)\}/g)) {
          expect(`${selector}${body}`, target).not.toMatch(/font-size|line-height|(^|[^-])color/);
        }
      }
    });

    it('Kindle: the cover page is out of the reading order (Kindle shows its own); Kobo and generic: first page', () => {
      expect(opfOf('kindle')).toContain('<itemref idref="cover" linear="no"/>');
      for (const target of ['kobo', 'generic']) {
        expect(opfOf(target).match(/<itemref [^>]*>/)?.[0], target).toBe('<itemref idref="cover"/>');
        expect(builds[target]?.entries.get('OEBPS/cover.xhtml')).toMatch(
          /<body[^>]*>\s*<section[^>]*><img [^>]*\/><\/section>\s*<\/body>/,
        );
      }
    });

    it('Apple: the theme fonts embedded as WOFF2, with ibooks:specified-fonts', () => {
      const apple = builds.apple?.entries as Map<string, string>;
      expect(opfOf('apple')).toContain('ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/');
      expect(opfOf('apple')).toContain('<meta property="ibooks:specified-fonts">true</meta>');
      expect(opfOf('apple')).toMatch(/href="fonts\/eb-garamond-latin-400-normal\.woff2" media-type="font\/woff2"/);
      expect(apple.has('OEBPS/fonts/eb-garamond-latin-400-italic.woff2')).toBe(true);
      expect(css('apple')).toMatch(
        /@font-face \{\s*font-family: "EB Garamond";[\s\S]*src: url\(fonts\/eb-garamond-latin-400-normal\.woff2\)/,
      );
      // Only the subsets the text needs: an English book has no Cyrillic.
      expect([...apple.keys()].some((k) => k.includes('cyrillic'))).toBe(false);
      expect(opfOf('generic')).not.toContain('specified-fonts');
      expect([...entries.keys()].some((k) => k.startsWith('OEBPS/fonts/'))).toBe(false);
    });
  });
});

describe('fonts on request and store targets from the command line', async () => {
  const dir = await writeFeatureBook();
  const { writeFileSync, readFileSync } = await import('node:fs');
  writeFileSync(
    path.join(dir, 'book.yaml'),
    readFileSync(path.join(dir, 'book.yaml'), 'utf8').replace('toc-depth: 2', 'embed-fonts: true'),
  );

  it('embeds the fonts in a generic EPUB with `epub: {embed-fonts: true}`', async () => {
    const out = tempDir();
    const { files } = await build({ input: dir, out, formats: ['epub'] });
    const opf = (await epubEntries(files[0]?.path as string)).get('OEBPS/content.opf') as string;
    expect(opf).toContain('<meta property="ibooks:specified-fonts">true</meta>');
    expect(opf).toContain('media-type="font/woff2"');
  });

  it('takes --target kindle, and refuses an unknown target with exit code 2', async () => {
    const out = tempDir();
    const lines: string[] = [];
    const logger = {
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    };
    expect(await main(['node', 'galley', 'build', dir, '-o', out, '-f', 'epub', '--target', 'kindle'], logger)).toBe(0);
    const opf = (await epubEntries(path.join(out, 'the-lamplighters-ledger.epub'))).get('OEBPS/content.opf');
    expect(opf).toContain('<itemref idref="cover" linear="no"/>');
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => stderr.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(await main(['node', 'galley', 'build', dir, '-o', out, '--target', 'nook'], logger)).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr.join('')).toContain('expected generic, kindle, apple, kobo; got "nook"');
  });
});

describe('cover checks', async () => {
  const dir = tempDir();
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(dir, 'book.yaml'), 'title: Small Cover\nauthor: Ann Example\ncover: cover.jpg\n');
  writeFileSync(path.join(dir, 'one.md'), '# One\n\nA short chapter.\n');
  await sharp({ create: { width: 800, height: 600, channels: 3, background: '#335577' } })
    .jpeg()
    .toFile(path.join(dir, 'cover.jpg'));
  const { diagnostics } = await build({ input: dir, out: tempDir(), formats: ['epub'] });
  const notes = diagnostics.map(formatDiagnostic);

  it('warns when the cover is smaller than KDP accepts, at the `cover` key', () => {
    expect(notes).toContainEqual(
      expect.stringMatching(/book\.yaml:3:8 +cover\/size +the cover is 800 × 600 px; KDP needs at least 625 × 1000/),
    );
  });

  it('warns when the cover is not 1.6 times as tall as it is wide', () => {
    expect(notes).toContainEqual(
      expect.stringMatching(/book\.yaml:3:8 +cover\/shape +the cover's height is 0\.75 times its width/),
    );
  });
});
