/**
 * `npm run gallery`: builds the sample book (manuscript/) with every built-in theme, in one
 * browser, and writes two pictures of each into docs/gallery/: `<theme>-spread.png`, the first
 * chapter's opener spread from the print PDF, and `<theme>-phone.png`, the first chapter's EPUB
 * page on a phone (its fonts embedded, as for Apple Books). `npm run gallery -- modern romance`
 * makes only those. The README's gallery shows them.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/core/build.ts';
import { launchBrowser } from '../src/output/browser.ts';
import { builtInThemes } from '../src/output/theme.ts';
import { phonePicture, spreadPicture } from './gallery-pictures.ts';

const root = path.join(import.meta.dirname, '..');
const out = path.join(root, 'docs', 'gallery');
const asked = process.argv.slice(2);
const themes = (await builtInThemes()).filter((t) => asked.length === 0 || asked.includes(t));
if (themes.length === 0) {
  console.error(`no built-in theme named ${asked.join(', ')} (there are: ${(await builtInThemes()).join(', ')})`);
  process.exit(2);
}

await mkdir(out, { recursive: true });
const work = await mkdtemp(path.join(os.tmpdir(), 'galley-gallery-'));
const session = await launchBrowser();
try {
  for (const theme of themes) {
    const started = performance.now();
    const dir = path.join(work, theme);
    const result = await build({ input: path.join(root, 'manuscript'), out: dir, theme, target: 'apple', session });
    const file = (format: 'epub' | 'pdf') => {
      const found = result.files.find((f) => f.format === format);
      if (!found) throw new Error(`the ${theme} build made no ${format}`);
      return readFile(found.path);
    };
    const spread = await spreadPicture(session, await file('pdf'));
    const phone = await phonePicture(session, await file('epub'));
    await writeFile(path.join(out, `${theme}-spread.png`), spread);
    await writeFile(path.join(out, `${theme}-phone.png`), phone);
    const kb = (bytes: Uint8Array) => `${Math.round(bytes.length / 1024)} KB`;
    const ms = Math.round(performance.now() - started);
    console.log(`${theme.padEnd(12)} spread ${kb(spread)}, phone ${kb(phone)} (${ms} ms)`);
  }
} finally {
  await session.close();
  await rm(work, { recursive: true, force: true });
}
