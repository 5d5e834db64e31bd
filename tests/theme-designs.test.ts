/**
 * The built-in themes as designs: each theme.json passes the schema and names font packages that
 * are installed with the files it lists; a short book of every element fiction needs
 * (helpers/elements-book.ts) has its EPUB, in every theme and under every store target, pass
 * EPUBCheck with no message and DAISY Ace; the chapter opener's computed styles (read in
 * Chromium from each theme's print page) differ between every two themes. The elements book and
 * the sample printed in every theme, and their print measures: theme-measures.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { themeSchema } from '../src/config/theme-schema.ts';
import { typeset } from '../src/core/typeset.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { EPUB_TARGETS } from '../src/output/epub/targets.ts';
import { ELEMENTS } from './helpers/elements-book.ts';
import { eachThemeAndTarget, targetEpubs } from './helpers/theme-books.ts';
import { inherited, manifest, ownFonts, THEMES } from './helpers/theme-manifests.ts';
import { openThemePrintPage } from './helpers/theme-print-page.ts';
import { tempDir } from './helpers/tmp.ts';
import { aceCheckMany, type EpubcheckResult, epubcheckMany } from './helpers/tools.ts';

const ROOT = path.join(import.meta.dirname, '..');
const SAMPLE = path.join(ROOT, 'manuscript');
const require = createRequire(path.join(ROOT, 'package.json'));

const points = (length: string | undefined) => Number.parseFloat(length ?? 'NaN');

interface OpenerStyle {
  titleFamily: string;
  textFamily: string;
  textSize: string;
  leading: string;
}

describe('the built-in theme designs', () => {
  const checks = new Map<string, EpubcheckResult>();
  /** The elements book's EPUB for each theme and target, by `theme target`. */
  let epubs = new Map<string, string>();
  const styles = new Map<string, OpenerStyle>();
  let session: BrowserSession;

  beforeAll(async () => {
    session = await launchBrowser();
    for (const theme of THEMES) styles.set(theme, await openerStyle(session, theme));
    // The elements book's EPUB for every theme and store target, checked in one EPUBCheck run.
    epubs = await targetEpubs(ELEMENTS, THEMES, tempDir('galley-theme-designs-'));
    const results = await epubcheckMany([...epubs.values()]);
    for (const [i, key] of [...epubs.keys()].entries()) checks.set(key, results[i] as EpubcheckResult);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('gives the elements book’s EPUB in every theme and store target EPUBCheck with no message', () => {
    expect(checks.size).toBe(THEMES.length * EPUB_TARGETS.length);
    const failed = [...checks]
      .filter(([, check]) => !check.clean)
      .map(([key, check]) => `${key}: ${check.summary}\n${check.output}`);
    expect(failed).toEqual([]);
  });

  it('gives the elements book’s EPUB in every theme, and under every store target, DAISY Ace’s pass', async () => {
    expect(epubs.size).toBe(THEMES.length * EPUB_TARGETS.length);
    expect((await aceCheckMany(eachThemeAndTarget(epubs, THEMES))).failed).toEqual([]);
  }, 300_000);

  it('has at least eight themes, default first among them, each of the others extending it', () => {
    expect(THEMES.length).toBeGreaterThanOrEqual(8);
    expect(THEMES).toContain('default');
    for (const theme of THEMES.filter((t) => t !== 'default')) expect(manifest(theme).extends, theme).toBe('default');
  });

  it.each(THEMES)('%s: theme.json passes the schema, with a one-line description and a grid', (theme) => {
    const parsed = themeSchema.safeParse(manifest(theme));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(manifest(theme).description).toMatch(/^[^\n]{20,200}$/);
    const size = points(inherited(theme, (m) => m.print?.['font-size']));
    const line = points(inherited(theme, (m) => m.print?.['line-height']));
    expect(line / size, 'leading').toBeGreaterThan(1.15);
    expect(line / size, 'leading').toBeLessThan(1.6);
  });

  it.each(THEMES)('%s: every font it names is installed, with each stylesheet and face file it lists', (theme) => {
    for (const font of ownFonts(theme)) {
      expect(font.package, `${theme}: a font without a package`).toBeDefined();
      expect(font.family, `${theme}: a font without a family`).toMatch(/\S/);
      expect(font.stylesheets?.length, `${theme}: ${font.family}'s stylesheets`).toBeGreaterThan(0);
      const dir = path.dirname(require.resolve(`${font.package}/package.json`));
      for (const sheet of font.stylesheets ?? []) {
        const css = readFileSync(path.join(dir, sheet), 'utf8');
        expect(css, `${font.package}/${sheet} declares ${font.family}`).toContain(`font-family: '${font.family}'`);
        const files = [...css.matchAll(/url\(\.\/files\/([^)]+)\)/g)].map((m) => m[1] as string);
        expect(files.length, `${font.package}/${sheet}`).toBeGreaterThan(0);
        for (const file of files) expect(existsSync(path.join(dir, 'files', file)), `${font.package} ${file}`).toBe(true);
      }
    }
  });

  it('sets each theme’s opener apart: title face, text face, and size with leading all differ pairwise', () => {
    for (const [i, a] of THEMES.entries()) {
      for (const b of THEMES.slice(i + 1)) {
        const sa = styles.get(a) as OpenerStyle;
        const sb = styles.get(b) as OpenerStyle;
        expect(sa.titleFamily, `${a} and ${b}: the chapter title's face`).not.toBe(sb.titleFamily);
        expect(sa.textFamily, `${a} and ${b}: the text face`).not.toBe(sb.textFamily);
        expect(`${sa.textSize}/${sa.leading}`, `${a} and ${b}: size and leading`).not.toBe(`${sb.textSize}/${sb.leading}`);
      }
    }
  });
});

/** The chapter opener on the theme's print page: the faces of the title and the text, size, leading. */
async function openerStyle(session: BrowserSession, theme: string): Promise<OpenerStyle> {
  const { book } = await typeset({ input: SAMPLE, overrides: { theme } });
  const { page } = await openThemePrintPage(session, book);
  try {
    return await page.evaluate<OpenerStyle>(`(() => {
      const title = getComputedStyle(document.querySelector('.chapter-title'));
      const text = getComputedStyle(document.querySelector('header.opener ~ p:not(.opening)'));
      return { titleFamily: title.fontFamily, textFamily: text.fontFamily, textSize: text.fontSize, leading: text.lineHeight };
    })()`);
  } finally {
    await page.close();
  }
}
