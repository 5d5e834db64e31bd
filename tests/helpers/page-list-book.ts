/**
 * A made-up book for the page-list tests (epub-page-list.test.ts) with all the front matter
 * print makes: half title, "Also by", title page, copyright page, dedication, an epigraph long
 * enough to run on to a second page, and contents of more than one page (the three chapters of
 * the page-footnote book, whose notes run on past a chapter's text, then thirty short ones).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chapterMarkdown, notesBookChapters } from './notes-book.ts';
import { paragraph, random, sentence } from './prose.ts';
import { tempDir } from './tmp.ts';

const SHORT_TITLES = `Anchor Bell Buoy Capstan Chart Compass Dory Ebb Fathom Ferry Gale Gull Hawser Jetty Keel Lamp
Mooring Net Oar Pier Quay Reef Sail Shoal Slipway Tiller Wake Weir Wharf Yawl`.split(/\s+/);

export function writePageListBook(): string {
  const dir = path.join(tempDir('galley-page-list-book-'), 'book');
  mkdirSync(dir, { recursive: true });
  const rand = random(2207);
  const epigraph = Array.from({ length: 30 }, () => sentence(rand)).join(' ');
  const yaml = [
    'title: The Harbourmaster’s Ledger',
    'subtitle: Notes from a Small Port',
    'author: Tamsin Quiller',
    'language: en-GB',
    'publisher: Galley Test Press',
    'date: 2026-06-01',
    'dedication: For the pilots, who bring the ships in, and the clerks, who write them down.',
    'epigraph:',
    `  text: "${epigraph}"`,
    '  attribution: The standing orders of the port',
    'also-by: ["*The Tide Clock*", "*Salt and Iron*"]',
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'book.yaml'), yaml);
  const chapters = notesBookChapters().map(chapterMarkdown);
  for (const name of SHORT_TITLES) chapters.push(`# The ${name}\n\n${paragraph(rand)}\n\n${paragraph(rand)}\n`);
  chapters.forEach((text, i) => {
    writeFileSync(path.join(dir, `${String(i + 1).padStart(2, '0')}.md`), text);
  });
  return dir;
}
