/**
 * A book that uses everything the EPUB writer handles — author objects, a series, subjects, an
 * epigraph, back matter, parts, `##` headings in the contents, footnotes, raw HTML that must be
 * made safe, attributes that must survive, and images of every accepted format, one of them
 * over the store limit — written into a fresh folder with its images drawn by sharp.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { tempDir } from './tmp.ts';

const BOOK_YAML = `title: The Lamplighter's Ledger
subtitle: Two Short Chapters
author:
  - name: Odile Marchetti
    file-as: Marchetti, Odile
  - name: Piet Halloran
    role: translator
language: en-GB
identifier: 978-0-306-40615-7
publisher: Galley Test Press
date: 2025-06-01
description: A test book that uses every feature of the EPUB writer.
subjects: [Fiction, Sea stories]
series:
  name: The Harbour Lights
  position: 2
cover: cover.png
dedication: For the night shift.
epigraph:
  text: Every lamp is a small argument against the dark.
  attribution: "*The Lamplighter's Manual*"
acknowledgements: Thanks to the *keepers* of the harbour records.
about-the-author: |
  Odile Marchetti writes about harbours.

  She lives where the ferries turn.
also-by:
  - "*The Tide Clock*"
  - "*Salt and Iron*"
parts: [Part One]
epub:
  toc-depth: 2
`;

/** The first chapter; the tests find its lines with lineOf(). */
export const CHAPTER_ONE = `# Part One

# The Lamps

The lamps were lit at dusk, one by one, along the whole length of the quay.[^oil]

## The First Lamp

It stood at the end of the breakwater and was the last to go out.

## The Second Lamp

It leaned a little, like a man listening.

<script>alert("lamp")</script>

<p onclick="steal()">A paragraph with a handler.</p>

<iframe src="https://example.com/"></iframe>

<form action="/send"><input name="q"></form>

<object data="lamp.swf"></object>

Read [the ledger](javascript:alert(1)) before you light them.

<ol start="3"><li>Trim the wick.</li><li>Clean the glass.</li></ol>

<table><tr><th scope="col">Lamp</th><th scope="col">Oil</th></tr><tr><td>Harbour</td><td>Paraffin</td></tr></table>

<img src="images/ornament.png" alt="">

![](images/plain.gif)

![A map of the quay](images/map.webp)

![A lamp against a pale sky](images/glow.webp)

![The harbour at night, photographed from the hill](images/big.png)

![A compass rose](images/compass.svg)

[^oil]: Whale oil at first, and later paraffin.
`;

const CHAPTER_TWO = `# The Keepers

There were three keepers, and each kept a ledger of his own.

"We wrote down the weather," the eldest said, "and the ships, and nothing else."
`;

const COMPASS = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">
  <circle cx="60" cy="60" r="50" fill="none" stroke="black" stroke-width="4"/>
  <path d="M60 10 L70 60 L60 110 L50 60 Z" fill="black"/>
</svg>
`;

function solid(width: number, height: number, channels: 3 | 4 = 3) {
  const background = channels === 4 ? { r: 200, g: 180, b: 60, alpha: 0.5 } : { r: 30, g: 60, b: 120 };
  return sharp({ create: { width, height, channels, background } });
}

/** Writes the book into a new folder and returns its path. */
export async function writeFeatureBook(): Promise<string> {
  const dir = tempDir('galley-epub-book-');
  mkdirSync(path.join(dir, 'images'));
  writeFileSync(path.join(dir, 'book.yaml'), BOOK_YAML);
  writeFileSync(path.join(dir, '01-the-lamps.md'), CHAPTER_ONE);
  writeFileSync(path.join(dir, '02-the-keepers.md'), CHAPTER_TWO);
  writeFileSync(path.join(dir, 'images', 'compass.svg'), COMPASS);
  await Promise.all([
    solid(1600, 2560).png().toFile(path.join(dir, 'cover.png')),
    solid(64, 64)
      .png()
      .toFile(path.join(dir, 'images', 'ornament.png')),
    solid(40, 30)
      .gif()
      .toFile(path.join(dir, 'images', 'plain.gif')),
    solid(300, 200)
      .webp()
      .toFile(path.join(dir, 'images', 'map.webp')),
    solid(200, 200, 4)
      .webp()
      .toFile(path.join(dir, 'images', 'glow.webp')),
    solid(2600, 2000)
      .png()
      .toFile(path.join(dir, 'images', 'big.png')),
  ]);
  return dir;
}

/** The line of `CHAPTER_ONE` where `text` starts (1-based). */
export function lineOf(text: string): number {
  return CHAPTER_ONE.split('\n').findIndex((line) => line.includes(text)) + 1;
}
