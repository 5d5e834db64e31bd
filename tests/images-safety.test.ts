/**
 * Images as they really are: their type from their content (a JPEG named .png goes into the EPUB
 * as a JPEG), a damaged, truncated, non-image or oversized file refused with a one-line error at
 * the reference, and SVG made safe — no scripts, no event handlers, nothing loaded from outside —
 * with a warning for each removal. Generated SVGs (fast-check, fixed seed) mix dangerous and
 * harmless constructs; every one the build accepts passes EPUBCheck with no message at all.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { cssName } from '../src/book/svg-css.ts';
import { sanitizeSvg } from '../src/book/svg-sanitize.ts';
import { main } from '../src/cli.ts';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { GalleyError } from '../src/errors.ts';
import type { Logger } from '../src/logger.ts';
import { tempDir } from './helpers/tmp.ts';
import { type EpubcheckResult, epubcheck } from './helpers/tools.ts';

const YAML = 'title: The Chart Room\nauthor: Bertil Quayle\n';

/** A book whose one chapter shows each image on a line of its own (line 5 is the first). */
function bookWith(images: Record<string, Buffer | string>): string {
  const dir = tempDir('galley-images-');
  mkdirSync(path.join(dir, 'images'));
  for (const [name, data] of Object.entries(images)) writeFileSync(path.join(dir, 'images', name), data);
  const refs = Object.keys(images).map((name, i) => `![Chart number ${i + 1}](images/${name})`);
  writeFileSync(path.join(dir, 'book.yaml'), YAML);
  writeFileSync(path.join(dir, '01.md'), `# The Chart Room\n\nThe charts were kept rolled.\n\n${refs.join('\n\n')}\n`);
  return dir;
}

/** Pixels that do not compress away, so a cut falls inside the image data. */
async function noisy(format: 'png' | 'jpeg'): Promise<Buffer> {
  const pixels = Buffer.alloc(160 * 120 * 3);
  let seed = 7;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = seed >> 16;
  }
  const image = sharp(pixels, { raw: { width: 160, height: 120, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg().toBuffer();
}

/** A PNG whose header says 20000 × 20000 px (the data is a few bytes: nothing is decoded). */
function hugePngHeader(base: Buffer): Buffer {
  const copy = Buffer.from(base);
  // IHDR starts at byte 8 (length, `IHDR`, width, height); the CRC is not what sharp reads first.
  copy.writeUInt32BE(20000, 16);
  copy.writeUInt32BE(20000, 20);
  return copy;
}

let png: Buffer;
let jpeg: Buffer;
beforeAll(async () => {
  png = await noisy('png');
  jpeg = await noisy('jpeg');
});

/** `galley build <dir> --format epub` in-process: exit code and every line it printed. */
async function galleyBuild(dir: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const logger: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const code = await main(['node', 'galley', 'build', dir, '--format', 'epub', '--out', tempDir()], logger);
  return { code, lines };
}

describe('an image that cannot be read', () => {
  const shown = (dir: string) => path.relative(process.cwd(), path.join(dir, '01.md'));

  it.each([
    ['a truncated PNG', () => png.subarray(0, Math.floor(png.length / 2)), 'map.png', /damaged or cut short/],
    ['a truncated JPEG', () => jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'map.jpg', /damaged or cut short/],
    ['a text file named .png', () => Buffer.from('Not a picture at all.\n'), 'map.png', /is not a JPEG, PNG, GIF, SVG or WebP/],
    ['a 20000 × 20000 PNG', () => hugePngHeader(png), 'map.png', /20000 × 20000 px/],
    [
      'an SVG that is not well-formed',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'),
      'map.svg',
      /well-formed/,
    ],
  ])('%s: one error line at the reference, a hint, no stack', async (_, data, name, says) => {
    const dir = bookWith({ [name]: data() });
    const run = await galleyBuild(dir);
    expect(run.code, run.lines.join('\n')).toBe(1);
    const error = run.lines.find((l) => l.includes('error') || l.includes(`${shown(dir)}:5:1`)) ?? '';
    expect(error).toContain(`${shown(dir)}:5:1`);
    expect(error).toMatch(says);
    expect(error).toContain(`images/${name}`);
    const all = run.lines.join('\n');
    expect(all).not.toMatch(/bug in Galley|\n\s+at /);
    // The hint is the error's second line, indented.
    expect(error.split('\n')[1]).toMatch(/^ {2}\S/);
  });

  it('any cut of a PNG or a JPEG is refused or read whole, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('png', 'jpeg'), fc.double({ min: 0.01, max: 0.97, noNaN: true }), async (kind, at) => {
        const whole = kind === 'png' ? png : jpeg;
        const dir = bookWith({ [`cut.${kind}`]: whole.subarray(0, Math.floor(whole.length * at)) });
        const error = await typeset({ input: dir }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(GalleyError);
        expect((error as GalleyError).code).toMatch(/^IMAGE_(INVALID|UNSUPPORTED)$/);
        expect((error as GalleyError).place).toMatchObject({ line: 5, column: 1 });
      }),
      { seed: 77, numRuns: 16 },
    );
  });
});

/** The SVG of the issue: a script, onload, a remote @import and file: references. */
const HOSTILE_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100" onload="alert(1)">
<style>@import url(https://example.com/x.css); rect { fill: url(file:///etc/passwd) }</style>
<script>alert(2)</script>
<image xlink:href="file:///etc/passwd" width="10" height="10"/>
<use href="https://example.com/a.svg#x"/>
<rect width="50" height="50" onclick="alert(3)"/>
<a href="javascript:alert(4)"><circle r="5" cx="50" cy="50"/></a>
</svg>
`;

/** Generated SVG: harmless parts an author's drawing has, and the parts that must go. */
const harmless = fc.constantFrom(
  '<linearGradient id="g1"><stop offset="0" stop-color="#fff"/></linearGradient><rect width="10" height="10" fill="url(#g1)"/>',
  '<circle id="dot" r="3" style="fill: red"/><use href="#dot" x="5"/>',
  '<radialGradient id="g2"/><circle r="3" style="fill: red; stroke: url(#g2)"/>',
  '<a href="https://example.com/"><text x="1" y="9">Harbour</text></a>',
  '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>',
  '<path d="M0 0 L10 10" transform="rotate(45)"/>',
  '<style>@media print { rect { fill: black } } circle { fill: url(#g2) }</style>',
);
const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '<script xlink:href="https://example.com/x.js"/>',
  '<foreignObject width="9" height="9"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://example.com/"/></div></foreignObject>',
  '<rect width="3" height="3" onclick="alert(1)" onmouseover="x()"/>',
  '<image href="file:///etc/passwd" width="1" height="1"/>',
  '<image xlink:href="https://example.com/a.png" width="1" height="1"/>',
  '<image href="../secret.png" width="1" height="1"/>',
  '<use href="https://example.com/sprites.svg#a"/>',
  '<a href="javascript:alert(1)"><circle r="2"/></a>',
  '<a xlink:href=" JavaScript:alert(1)"><circle r="2"/></a>',
  '<set attributeName="href" to="javascript:alert(1)"/>',
  '<animate attributeName="onclick" to="alert(1)"/>',
  '<style>@import url(https://example.com/a.css); rect { fill: red }</style>',
  '<style>@\\69mport "https://example.com/a.css";</style>',
  '<style><![CDATA[ rect { background: u\\72l(https://example.com/t.png) } ]]></style>',
  '<style>rect { fill: url( "file:///etc/passwd" ) } circle { fill: blue }</style>',
  '<style>@font-face { font-family: x; src: url(https://example.com/f.woff) }</style>',
  '<rect width="2" height="2" style="background-image: image-set(&quot;https://example.com/a.png&quot; 1x)"/>',
  '<rect width="2" height="2" fill="url(https://example.com/p.svg#g)"/>',
  '<rect width="2" height="2" filter="url(file:///etc/f.svg#f)"/>',
  '<g xml:base="https://example.com/"><use href="#dot"/></g>',
  '<?xml-stylesheet href="https://example.com/s.css"?>',
  '<iframe src="https://example.com/"/>',
  // References to parts the drawing does not have: they draw nothing, and EPUBCheck refuses them.
  '<use xlink:href="#nowhere"/>',
  '<rect width="1" height="1" fill="url(#missing)"/>',
);
// Each part at most once: two copies of a part would repeat its id, which no drawing does.
const svgDocument = fc
  .uniqueArray(fc.oneof(harmless, hostile), { minLength: 1, maxLength: 6 })
  .map(
    (parts) =>
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="30">\n${parts.join('\n')}\n</svg>\n`,
  );

/** What nothing in a cleaned SVG may be: a script, a handler, a reference that leaves the image. */
function hazards(svg: string): string[] {
  const found: string[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'instruction' && child.name !== 'xml') found.push(`<?${child.name}?>`);
      if (child.type !== 'element') continue;
      const name = child.name.replace(/^.*:/, '').toLowerCase();
      if (['script', 'foreignobject', 'iframe'].includes(name)) found.push(`<${child.name}>`);
      for (const [key, value] of Object.entries(child.attributes)) {
        const local = key.replace(/^.*:/, '').toLowerCase();
        const v = String(value ?? '').trim();
        if (local.startsWith('on') || key === 'xml:base') found.push(key);
        if ((local === 'href' || local === 'src') && !v.startsWith('#') && !/^(https?|mailto):/i.test(v))
          found.push(`${key}=${v}`);
        if ((local === 'href' || local === 'src') && /^https?:/i.test(v) && name !== 'a') found.push(`${key}=${v}`);
        if (local === 'attributename' && /href|^on/i.test(v)) found.push(`animates ${v}`);
      }
      for (const [key, value] of Object.entries(child.attributes)) {
        const v = String(value ?? '').trim();
        const local = key.replace(/^.*:/, '').toLowerCase();
        if (local === 'style') continue;
        const targets =
          local === 'href' && v.startsWith('#') ? [v.slice(1)] : [...v.matchAll(/url\(#([^)]*)\)/g)].map((m) => m[1]);
        for (const id of targets) if (!new RegExp(`id="${id}"`).test(svg)) found.push(`#${id} is not there`);
      }
      visit(child);
    }
  };
  visit(fromXml(svg));
  const css = cssName(svg);
  if (/@import/.test(css)) found.push('@import');
  for (const match of css.matchAll(/(?:url|image-set)\(\s*["']?\s*([^)"'\s]*)/g))
    if (!match[1]?.startsWith('#')) found.push(match[0]);
  return found;
}

describe('SVG images', () => {
  it('the hostile SVG of the issue builds, with a warning at its reference for each removal', async () => {
    const dir = bookWith({ 'map.svg': HOSTILE_SVG });
    const { diagnostics } = await typeset({ input: dir });
    const removals = diagnostics.filter((d) => d.ruleId === 'image/svg-removed');
    expect(removals.map((d) => d.message.match(/removed `([^`]*)`/)?.[1])).toEqual([
      'onload="alert(1)"',
      '@import url(https://example.com/x.css);',
      'fill:url(file:///etc/passwd)',
      '<script>',
      'xlink:href="file:///etc/passwd"',
      'href="https://example.com/a.svg#x"',
      'onclick="alert(3)"',
      'href="javascript:alert(4)"',
    ]);
    for (const d of removals)
      expect([d.file, d.line, d.column, d.severity]).toEqual([
        path.relative(process.cwd(), path.join(dir, '01.md')),
        5,
        1,
        'warning',
      ]);
  });

  it('keeps what an ordinary drawing has, as written', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="stroke: blue"/><use href="#g"/></svg>`;
    const clean = sanitizeSvg(svg);
    expect(clean).toMatchObject({ ok: true, removed: [] });
    expect(clean.ok && clean.svg).toBe(svg);
  });

  it('generated SVGs: nothing hostile is left, and a drawing with nothing hostile loses nothing', () => {
    fc.assert(
      fc.property(svgDocument, (svg) => {
        const clean = sanitizeSvg(svg);
        expect(clean.ok).toBe(true);
        if (!clean.ok) return;
        expect(hazards(clean.svg), `${svg}\n→\n${clean.svg}`).toEqual([]);
        if (hazards(svg).length === 0 && !/<(script|foreignObject|iframe|set|animate)|xml-stylesheet|xml:base/.test(svg)) {
          expect(clean.removed).toEqual([]);
        }
      }),
      { seed: 2026, numRuns: 300 },
    );
  });

  it('an SVG nested thousands deep is refused at its reference; CSS nested so deep is removed', async () => {
    for (const depth of [800, 20_000, 200_000]) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}</svg>`;
      const error = await typeset({ input: bookWith({ 'deep.svg': svg }) }).catch((e: unknown) => e);
      expect(error, String(depth)).toBeInstanceOf(GalleyError);
      expect((error as GalleyError).message).toContain('nested more than 500 levels deep');
      expect((error as GalleyError).place).toMatchObject({ line: 5, column: 1 });
    }
    const css = `${'@media print {'.repeat(20_000)}rect { fill: red }${'}'.repeat(20_000)}`;
    const clean = sanitizeSvg(`<svg xmlns="http://www.w3.org/2000/svg"><style>${css}</style><rect/></svg>`);
    expect(clean).toMatchObject({ ok: true, removed: [{ line: 1 }] });
  });

  it('refuses a file whose root is not <svg>, and one in an encoding it cannot check', async () => {
    expect(sanitizeSvg('<html><body/></html>')).toMatchObject({ ok: false });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>', 'utf16le')]);
    const latin1 = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>Caf\u00e9</text></svg>', 'latin1');
    for (const data of [utf16, latin1]) {
      const error = await typeset({ input: bookWith({ 'wide.svg': data }) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GalleyError);
      expect((error as GalleyError).message).toMatch(
        /encoding Galley cannot check|not UTF-8|is not a JPEG, PNG, GIF, SVG or WebP/,
      );
      expect((error as GalleyError).place).toMatchObject({ line: 5, column: 1 });
    }
  });
});

describe('a book with generated SVGs and a JPEG named .png, through the whole build', () => {
  let file: string;
  let check: EpubcheckResult;

  beforeAll(async () => {
    const drawings = fc.sample(svgDocument, { seed: 31, numRuns: 24 });
    const sample = Object.fromEntries(drawings.map((svg, i) => [`drawing-${i}.svg`, svg]));
    const out = tempDir();
    await build({
      input: bookWith({ ...sample, 'hostile.svg': HOSTILE_SVG, 'photo.png': jpeg, 'real.jpeg': jpeg }),
      out,
      formats: ['epub'],
    });
    file = path.join(out, readdirSync(out)[0] as string);
    // EPUBCheck once for the whole book: a Java start costs seconds.
    check = await epubcheck(file);
  }, 90_000);

  it('passes EPUBCheck with no message', () => {
    expect(check.clean, check.output).toBe(true);
  });

  it('carries the JPEG named .png as a JPEG, under a .jpg name the text points at', async () => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const opf = (await zip.file('OEBPS/content.opf')?.async('string')) ?? '';
    expect(opf).toMatch(/href="images\/photo-[0-9a-f]{8}\.jpg" media-type="image\/jpeg"/);
    expect(opf).toMatch(/href="images\/real-[0-9a-f]{8}\.jpeg" media-type="image\/jpeg"/);
    const chapter = Object.keys(zip.files).find((f) => /OEBPS\/the-chart-room.*\.xhtml$/.test(f)) ?? '';
    expect(await zip.file(chapter)?.async('string')).toMatch(/src="images\/photo-[0-9a-f]{8}\.jpg"/);
  });
});
