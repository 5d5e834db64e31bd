/**
 * The suite's one EPUBCheck (helpers/epubcheck-service.ts), which every EPUBCheck test relies on:
 * a valid EPUB comes back clean, and a broken one with its errors, each file with its own report
 * when checks arrive together, and the same report for the same file again.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, inject, it } from 'vitest';
import { typeset } from '../src/core/typeset.ts';
import { renderEpub } from '../src/output/epub.ts';
import { epubcheck, epubcheckMany } from './helpers/epubcheck.ts';
import { bookFolder } from './helpers/theme-books.ts';
import { tempDir } from './helpers/tmp.ts';

describe('the suite’s EPUBCheck', () => {
  it('answers each file with its own report: clean for a valid EPUB, errors for broken ones', async () => {
    expect(inject('epubcheckService')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const dir = tempDir('galley-epubcheck-');
    const valid = path.join(dir, 'valid.epub');
    const bytes = await renderEpub((await typeset({ input: bookFolder() })).book);
    writeFileSync(valid, bytes);
    // The same book with its package document's title element gone, and a file that is no zip.
    const zip = await JSZip.loadAsync(bytes);
    const opf = (await zip.file('OEBPS/content.opf')?.async('string')) as string;
    zip.file('OEBPS/content.opf', opf.replace(/<dc:title[^>]*>[^<]*<\/dc:title>/, ''));
    const untitled = path.join(dir, 'untitled.epub');
    writeFileSync(untitled, await zip.generateAsync({ type: 'nodebuffer' }));
    const garbage = path.join(dir, 'garbage.epub');
    writeFileSync(garbage, 'not a zip at all');

    const [a, b, c, again] = await epubcheckMany([valid, untitled, garbage, valid]);
    expect(a?.clean, a?.output).toBe(true);
    expect(a?.summary).toMatch(/^Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
    expect(b?.clean).toBe(false);
    expect(b?.output).toMatch(/dc:title/);
    expect(c?.clean).toBe(false);
    expect(c?.summary).not.toMatch(/0 fatals \/ 0 errors/);
    expect(again?.clean).toBe(true);
    expect((await epubcheck(untitled)).output).toBe(b?.output);
  }, 120_000);
});
