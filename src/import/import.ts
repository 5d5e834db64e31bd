/**
 * `galley import`: a Word document or a saved web page becomes a Galley book folder — book.yaml
 * and one Markdown file per chapter (`01-<slug>.md`, …), with its pictures in images/ — that
 * `galley build` builds as it is. Each reader hands over the same kind of document; the chapters,
 * the Markdown and the check that every word came through are the same for all. What could not be
 * carried over is reported on stderr, one line each, `file:para N  import/<id>  message`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { slug } from 'github-slugger';
import { visit } from 'unist-util-visit';
import { stringify } from 'yaml';
import { GalleyError } from '../errors.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { type Chapter, splitChapters } from './chapters.ts';
import { readDocx } from './docx.ts';
import { writeBookFolder } from './folder.ts';
import { readHtml } from './html.ts';
import type { ImportedDocument, ImportedMeta } from './imported.ts';
import { chapterMarkdown } from './markdown.ts';
import { NOTE_REF } from './notes.ts';
import { formatProblem, type ImportProblem } from './problems.ts';
import { verifyChapter } from './verify.ts';

export interface ImportOptions {
  /** The .docx or .html file. */
  input: string;
  /** The book folder to write (default: a folder named after the file, in `cwd`). */
  out?: string | undefined;
  /** Replace the book in a folder that already has files. */
  force?: boolean | undefined;
  /** What to do with tracked changes; without it a document that has them is refused. */
  changes?: 'accept' | 'reject' | undefined;
  /** Leave comments out (each is listed); without it a document that has them is refused. */
  dropComments?: boolean | undefined;
  logger?: Logger | undefined;
  cwd?: string | undefined;
}

export interface ImportResult {
  /** The book folder written. */
  folder: string;
  /** The chapter files, in order. */
  chapters: string[];
  images: number;
  problems: ImportProblem[];
}

export async function importManuscript(options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const cwd = options.cwd ?? process.cwd();
  const input = path.resolve(cwd, options.input);
  const display = path.relative(cwd, input) || input;
  const bytes = await readFile(input).catch((cause: NodeJS.ErrnoException) => {
    throw new GalleyError(
      cause.code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE',
      cause.code === 'ENOENT' ? 'no such file' : `cannot read the file (${cause.code})`,
      {
        file: display,
        cause,
        hint: 'Pass a Word document (.docx) or a saved web page (.html).',
      },
    );
  });
  const doc = await readDocument(bytes, input, display, options);
  const problems = [...doc.problems];
  const { chapters, level } = splitChapters(doc.tree, problems);
  if (chapters.length === 0) {
    throw new GalleyError('MANUSCRIPT_EMPTY', 'the document has no text to import', {
      file: display,
      hint: 'Check that this is the right file.',
    });
  }
  const labels = noteLabels(chapters);
  const names = fileNames(chapters);
  const written: Array<{ name: string; markdown: string }> = [];
  for (const [i, chapter] of chapters.entries()) {
    const { markdown } = await chapterMarkdown(chapter, { level, labels, notes: doc.notes });
    const name = names[i] ?? `${i + 1}.md`;
    problems.push(
      ...verifyChapter(
        chapter,
        i + 1,
        markdown,
        calledNotes(chapter).map((id) => doc.notes.get(id) ?? []),
        name,
      ),
    );
    written.push({ name, markdown });
  }
  const folder = path.resolve(cwd, options.out ?? (slug(path.basename(input, path.extname(input))) || 'book'));
  const yaml = bookYaml(doc.meta, path.basename(input, path.extname(input)), problems);
  await writeBookFolder(
    folder,
    { yaml, chapters: written, images: doc.images },
    options.force ?? false,
    path.relative(cwd, folder) || '.',
  );
  for (const problem of problems) logger.warn(formatProblem(display, problem));
  const shown = path.relative(cwd, folder) || '.';
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(
    `import  ${display} → ${shown}/: book.yaml, ${written.length} chapter file${written.length === 1 ? '' : 's'}, ${doc.images.length} picture${doc.images.length === 1 ? '' : 's'} (${seconds} s)`,
  );
  logger.info(`  build it with: galley build ${shown}`);
  return { folder, chapters: written.map((w) => w.name), images: doc.images.length, problems };
}

async function readDocument(bytes: Buffer, input: string, display: string, options: ImportOptions): Promise<ImportedDocument> {
  const ext = path.extname(input).toLowerCase();
  if (ext === '.docx') {
    return readDocx(bytes, { file: display, changes: options.changes, dropComments: options.dropComments ?? false });
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') {
    return readHtml(decodeHtml(bytes), { folder: path.dirname(input) });
  }
  const hints: Record<string, string> = {
    '.odt':
      'Galley does not read OpenDocument files: open it in LibreOffice and save it as "Word 2007–365 (.docx)", then import that.',
    '.doc': 'Open it in Word or LibreOffice and save it as "Word Document (.docx)", then import that.',
    '.md': 'A Markdown file needs no import: build it with `galley build`.',
    '.txt': 'A text file needs no import: build it with `galley build`.',
  };
  throw new GalleyError('INPUT_UNSUPPORTED', `cannot import a \`${ext || 'extensionless'}\` file`, {
    file: display,
    hint: hints[ext] ?? 'Import a Word document (.docx) or a saved web page (.html).',
  });
}

/** A page's text in the encoding its `<meta charset>` names (UTF-8 when it names none). */
function decodeHtml(bytes: Buffer): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const label = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function calledNotes(chapter: Chapter): string[] {
  const ids: string[] = [];
  for (const block of chapter.heading ? [chapter.heading, ...chapter.blocks] : chapter.blocks) {
    visit(block, 'element', (el) => {
      const id = String(el.properties.dataNote ?? '');
      if (el.tagName === NOTE_REF && !ids.includes(id)) ids.push(id);
    });
  }
  return ids;
}

/** Notes are numbered through the book in the order they are called. */
function noteLabels(chapters: Chapter[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const chapter of chapters)
    for (const id of calledNotes(chapter)) if (!labels.has(id)) labels.set(id, String(labels.size + 1));
  return labels;
}

function fileNames(chapters: Chapter[]): string[] {
  const width = Math.max(2, String(chapters.length).length);
  return chapters.map((chapter, i) => {
    let base = slug(chapter.title);
    if (base.length > 48) base = base.slice(0, 48).replace(/-[^-]*$/, '');
    base = base.replace(/^-+|-+$/g, '');
    const name = chapter.heading ? base || 'chapter' : 'opening';
    return `${String(i + 1).padStart(width, '0')}-${name}.md`;
  });
}

function bookYaml(meta: ImportedMeta, fallbackTitle: string, problems: ImportProblem[]): string {
  const title = meta.title?.trim() || fallbackTitle;
  if (!meta.title?.trim())
    problems.push({ id: 'no-title', message: `the document names no title; book.yaml uses “${title}”: change it there` });
  const authors = meta.authors.map((a) => a.trim()).filter(Boolean);
  if (authors.length === 0)
    problems.push({ id: 'no-author', message: 'the document names no author; book.yaml says “Unknown”: put the author there' });
  const data: Record<string, unknown> = { title };
  if (meta.subtitle) data.subtitle = meta.subtitle;
  data.author = authors.length === 0 ? 'Unknown' : authors.length === 1 ? authors[0] : authors;
  if (meta.language) data.language = meta.language;
  if (meta.description) data.description = meta.description;
  return `# Written by galley import; edit it as you like (the README lists every key).\n${stringify(data, { lineWidth: 0 })}`;
}
