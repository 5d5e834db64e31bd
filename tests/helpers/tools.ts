/**
 * Real validators and readers for built books: EPUBCheck (Java), DAISY Ace (with the browser
 * Galley finds), the PDF's text, words, fonts and information read in-process with pdf.js and
 * pdf-lib (no PDF tool is installed or run), and the EPUB's own text read back out of the zip.
 * No mocks.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { findBrowser } from '../../src/output/browser.ts';
import { linesOf } from './pdf-layout.ts';
import { type DrawnWord, drawnPages } from './pdf-read.ts';

export { type EpubcheckResult, epubcheck, epubcheckMany } from './epubcheck.ts';
export { type PdfFont, pdfFonts, pdfFormCount, pdfInfo } from './pdf-objects.ts';

/**
 * The PDF's text: `raw` (the default) in the order the page
 * draws it, else line by line from the top; each page ends with a form feed. Raw order does
 * not join a word hyphenated at a line end into one (`ninety-` + `six` stays two words). Words
 * broken at a soft hyphen are joined again: the hyphen is the print edition's, not the text's.
 * (A word broken across a page turn is joined too: in raw order the page's running head and
 * folio, drawn last, come between its halves.) A chapter's drop cap is joined to the rest of its
 * word.
 */
export async function pdfText(file: string, options: { raw?: boolean; first?: number; last?: number } = {}): Promise<string> {
  const drawn = await drawnPages(file, options.first, options.first ? (options.last ?? options.first) : undefined);
  const text = drawn
    .map((page) => `${options.raw === false ? inReadingOrder(page.words) : inDrawingOrder(page.words)}\f`)
    .join('');
  const pages = text.split('\f');
  let out = '';
  pages.forEach((page, i) => {
    // A hyphen on the page's last line of text: only the running head and the folio follow it.
    const turn = /\u00ad[-\u2010]\s*\n((?:[^\n]{0,60}\n){0,2})$/.exec(page);
    if (turn && i + 1 < pages.length) {
      // Put the furniture after the next page's first word, so the word's halves meet.
      out += page.slice(0, turn.index);
      pages[i + 1] = (pages[i + 1] ?? '').replace(/^(\S*)/, `$1\n${turn[1] ?? ''}\f`);
    } else {
      out += i + 1 < pages.length ? `${page}\f` : page;
    }
  });
  return out.replace(/\u00ad[-\u2010]?[ \t]*\n[ \t]*/g, '').replace(/\u00ad/g, '');
}

/** A word as written out: the hyphen of a soft hyphen broken at the line end marked by U+00AD. */
function written(word: DrawnWord): string {
  return word.softHyphen ? `${word.text.slice(0, -1)}\u00ad${word.text.slice(-1)}` : word.text;
}

/** A drop cap: a word at least twice the size of the next, which starts at its right, within its height. */
function dropCap(word: DrawnWord, next: DrawnWord | undefined): boolean {
  if (!next || word.size < 2 * next.size) return false;
  const gap = next.xMin - word.xMax;
  return gap > -0.1 * word.size && gap < 0.25 * word.size && next.base > word.yMin && next.base < word.base + 1;
}

/** Raw order: words as drawn; a space between words apart on one line, a line break between lines. */
function inDrawingOrder(words: DrawnWord[]): string {
  return words
    .map((word, i) => {
      const next = words[i + 1];
      const sameLine = next && Math.abs(next.base - word.base) < 0.5 * word.size && next.xMin > word.xMax - 0.2 * word.size;
      if (!sameLine) return dropCap(word, next) ? written(word) : `${written(word)}\n`;
      return next.xMin > word.xMax + 0.1 * word.size ? `${written(word)} ` : written(word);
    })
    .join('');
}

/** Reading order, on a page of one column: the lines top to bottom, each left to right. */
function inReadingOrder(words: DrawnWord[]): string {
  const lines = linesOf(words.map((w) => ({ ...w, text: written(w) })));
  return lines
    .map((line, i) => {
      const only = line.words.length === 1 ? line.words[0] : undefined;
      return only && dropCap(only, lines[i + 1]?.words[0]) ? line.text : `${line.text}\n`;
    })
    .join('');
}

/** The EPUB's reading-order text: every spine document, tags stripped (inline ones join their words), entities decoded. */
export async function epubText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const opf = await zip.file('OEBPS/content.opf')?.async('string');
  if (!opf) throw new Error('no OEBPS/content.opf');
  const hrefs = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => hrefs.get(m[1]));
  const texts: string[] = [];
  for (const href of spine) {
    const xhtml = (await zip.file(`OEBPS/${href}`)?.async('string')) ?? '';
    const body = xhtml.replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    // Inline elements join what they hold to the words around them (a drop cap's `<span>T</span>he`).
    texts.push(decodeEntities(body.replace(INLINE_TAG, '').replace(/<[^>]+>/g, ' ')));
  }
  return texts.join('\n');
}

const INLINE_TAG = /<\/?(?:span|em|strong|i|b|small|abbr|cite|u|s|mark)\b[^>]*>/g;

/** The EPUB's files as text, by name. */
export async function epubEntries(file: string): Promise<Map<string, string>> {
  const binary = await epubBinaryEntries(file);
  return new Map([...binary].map(([name, data]) => [name, data.toString('utf8')]));
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Words as a multiset, with quotes, apostrophes and dashes made comparable. */
export function wordCounts(text: string): Map<string, number> {
  // Curly quotes and apostrophes as the manuscript's straight ones. (Modifier letters are letters:
  // a PDF whose text gave ʼ U+02BC for the book's ’ would lose the words it is in.)
  const normal = text.normalize('NFKC').replace(/[’‘]/g, "'");
  const counts = new Map<string, number>();
  for (const word of normal.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Words of `source` that `output` lacks (or has fewer times), as `word ×n`. */
export function missingWords(source: string, output: string): string[] {
  const have = wordCounts(output);
  const missing: string[] = [];
  for (const [word, count] of wordCounts(source)) {
    const got = have.get(word) ?? 0;
    if (got < count) missing.push(`${word} ×${count - got}`);
  }
  return missing;
}

export async function epubBinaryEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entries = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.file(name);
    if (entry) entries.set(name, await entry.async('nodebuffer'));
  }
  return entries;
}

/** A digest of an EPUB's entries, names and bytes (not the zip's own dates): equal for EPUBs a reader cannot tell apart. */
export async function epubDigest(file: string): Promise<string> {
  const entries = await epubBinaryEntries(file);
  const hash = createHash('sha256');
  for (const name of [...entries.keys()].sort()) hash.update(`${name}\0`).update(entries.get(name) as Buffer);
  return hash.digest('hex');
}

export interface AceResult {
  /** `pass` or `fail`. */
  outcome: string;
  /** Each violation as `document  rule  impact  description`. */
  violations: string[];
}

/** DAISY Ace (its CLI from npm), with the browser Galley itself prints with (findBrowser). */
export async function aceCheck(file: string): Promise<AceResult> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'galley-ace-'));
  try {
    const ace = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'ace-cli');
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: (await findBrowser()).executablePath };
    // Asynchronous, so that a suite may run a few Ace checks at once.
    const result = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        ace,
        ['--force', '--silent', '--outdir', out, file],
        { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          // ace-cli exits non-zero when it finds violations; the report says what they are.
          if (error && !existsSync(path.join(out, 'report.json'))) reject(error);
          else resolve({ stdout, stderr });
        },
      );
    });
    const reportFile = path.join(out, 'report.json');
    if (!existsSync(reportFile)) throw new Error(`ace-cli wrote no report:\n${result.stdout}\n${result.stderr}`);
    return aceResult(reportFile);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** What an Ace report says: its outcome, and each violation as `document  rule  impact  description`. */
function aceResult(reportFile: string): AceResult {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as AceReport;
  const violations = report.assertions.flatMap((doc) =>
    doc.assertions.map(
      (a) =>
        `${doc['earl:testSubject'].url}  ${a['earl:test']['dct:title']}  ${a['earl:test']['earl:impact']}  ${a['earl:result']['dct:description']}`,
    ),
  );
  return { outcome: report['earl:result']['earl:outcome'], violations };
}

/**
 * DAISY Ace over many EPUBs, named by key, in one process and one browser (ace-batch.cjs: Ace's
 * own core and runner, as ace-cli wires them), and once for EPUBs whose every entry is byte for
 * byte the same (Ace reads nothing but the entries). Gives each failure, naming every key it
 * stands for, and how many EPUBs Ace checked.
 */
export async function aceCheckMany(files: Map<string, string>): Promise<{ failed: string[]; runs: number }> {
  const same = new Map<string, string[]>();
  for (const [key, file] of files) {
    const digest = await epubDigest(file);
    same.set(digest, [...(same.get(digest) ?? []), key]);
  }
  const groups = [...same.values()];
  const out = mkdtempSync(path.join(os.tmpdir(), 'galley-ace-'));
  try {
    const batch = path.join(import.meta.dirname, 'ace-batch.cjs');
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: (await findBrowser()).executablePath };
    const epubs = groups.map((group) => files.get(group[0] as string) as string);
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [batch, out, ...epubs],
        { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 },
        (error, _o, stderr) => (error ? reject(new Error(`ace-batch.cjs failed: ${stderr}`)) : resolve()),
      );
    });
    const failed = groups.flatMap((group, i) => {
      const reportFile = path.join(out, String(i), 'report.json');
      if (!existsSync(reportFile)) return [`${group.join(', ')}: Ace wrote no report`];
      const report = aceResult(reportFile);
      return report.outcome === 'pass' && !report.violations.length
        ? []
        : [`${group.join(', ')}: ${report.outcome}\n${report.violations.join('\n')}`];
    });
    return { failed, runs: groups.length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface AceReport {
  'earl:result': { 'earl:outcome': string };
  assertions: {
    'earl:testSubject': { url: string };
    assertions: { 'earl:test': { 'dct:title': string; 'earl:impact': string }; 'earl:result': { 'dct:description': string } }[];
  }[];
}

export interface PdfWord {
  text: string;
  /** The word's box, in points from the page's top left. */
  left: number;
  top: number;
  bottom: number;
}

/** Each page's words with their boxes, in reading order. */
export async function pdfPageWords(file: string): Promise<PdfWord[][]> {
  return (await drawnPages(file)).map((page) =>
    linesOf(page.words).flatMap((line) => line.words.map((w) => ({ text: w.text, left: w.xMin, top: w.yMin, bottom: w.yMax }))),
  );
}
