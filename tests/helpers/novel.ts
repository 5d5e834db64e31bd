/**
 * A made-up novel for the print tests, written to a temporary folder: front matter (dedication,
 * epigraph), two parts, chapters of uneven length (so some would open on a verso), `##` headings,
 * many scene breaks (so some fall at a page's top or foot), a footnote — built through the real
 * pipeline to a print PDF on disk, with what renderPdf returned.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Book } from '../../src/book/model.ts';
import { typeset } from '../../src/core/typeset.ts';
import { type PdfEdition, type PdfOptions, type PdfResult, renderPdf } from '../../src/output/pdf.ts';
import { chapterText, paragraph, random } from './prose.ts';
import { tempDir } from './tmp.ts';

export const NOVEL_YAML = `title: The Lantern Almanac
subtitle: A Novel in Two Parts
author: Ada Pellow
language: en-GB
publisher: Galley Test Press
date: 2026-05-01
dedication: For the keepers of small lights.
epigraph:
  text: Every harbour keeps one lantern lit for the boats still out.
  attribution: A saying of the coast
parts: [Part One, Part Two]
`;

/** Chapter titles in reading order. */
export const CHAPTERS = ['The Quay', 'Salt and Rope', 'Neap Tides', 'The Long Watch', 'Home Water'];
/** The `##` headings inside chapters. */
export const HEADINGS = ['The First Letter', 'The Second Letter', 'The Third Letter', 'The Fourth Letter', 'The Fifth Letter'];

export function writeNovel(extraYaml = ''): string {
  const dir = path.join(tempDir('galley-novel-'), 'novel');
  mkdirSync(dir, { recursive: true });
  const rand = random(1805);
  const headed = () =>
    HEADINGS.map((h) => `## ${h}\n\n${Array.from({ length: 5 }, () => paragraph(rand)).join('\n\n')}`).join('\n\n');
  const files: Record<string, string> = {
    'book.yaml': NOVEL_YAML + extraYaml,
    '01-part-one.md': '# Part One\n',
    '02-the-quay.md': `# The Quay\n\n${chapterText(rand, 34)}\n\nThe log said nothing of it.[^log]\n\n[^log]: The keeper's log for that week is lost.\n`,
    '03-salt-and-rope.md': `# Salt and Rope\n\n${chapterText(rand, 12)}\n\n${headed()}\n`,
    '04-neap-tides.md': `# Neap Tides\n\n${chapterText(rand, 9)}\n`,
    '05-part-two.md': '# Part Two\n',
    '06-the-long-watch.md': `# The Long Watch\n\n${chapterText(rand, 150, 3)}\n`,
    '07-home-water.md': `# Home Water\n\n${chapterText(rand, 40, 7)}\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

export interface BuiltPdf extends PdfResult {
  book: Book;
  file: string;
  /** What the print told as details (`--verbose`), e.g. a run printed from its flow. */
  details: string[];
}

export async function buildPdf(
  input: string,
  edition: PdfEdition = 'print',
  options: PdfOptions = {},
  overrides?: { title: string; author: string; theme?: string },
): Promise<BuiltPdf> {
  const { book } = await typeset({ input, ...(overrides ? { overrides } : {}) });
  const details: string[] = [];
  const logger = options.logger ?? { info() {}, warn() {}, error() {}, debug: (message: string) => details.push(message) };
  const result = await renderPdf(book, { ...options, edition, logger });
  const file = path.join(tempDir('galley-pdf-'), `${edition}.pdf`);
  writeFileSync(file, result.pdf);
  return { ...result, book, file, details };
}
