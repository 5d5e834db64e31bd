/**
 * The preview's memo of typesetting: after a save, only the chapters whose text changed are read
 * again, and the book is the one a fresh typesetting makes — the same trees, HTML, places and
 * findings. core/typeset.ts uses it when given one (`memo`), for a Markdown manuscript without
 * plugins of the author's own (their plugins may read the book as a whole); a memo serves one
 * caller, typesetting with the same options each time (the preview's check).
 *
 * 1. Chunks. Each manuscript file is cut before its chapter headings (pipeline/chapter-chunks.ts).
 *    A chunk is parsed and run through the text's plugins (pipeline/processor.ts, textProcessor)
 *    alone, with the next chunk's heading line read after it and then taken out; a chunk whose
 *    text, next heading line and settings (`key`) are as last time is taken from the memo.
 * 2. Checks. A chunk read alone is read as it is in the file when nothing in it runs on into the
 *    next: Markdown (micromark) reads a file line by line and decides each block from the lines so
 *    far, with no look past the next line, and at a line read as a `#` heading every block before
 *    it is closed — so the heading line after each chunk must come back as a heading of its own.
 *    Besides: the scene-break scan must find and rewrite what it does in the whole file (it looks
 *    ahead for a closing fence); the file must have no link or footnote definitions (a reference
 *    anywhere is resolved against a definition anywhere in the file); the parser's nesting limits
 *    must find nothing in the whole file; the chunk's messages must all be warnings with a place
 *    (an error may name a line in its text). A file that fails a check is read as one chunk — as
 *    a fresh typesetting reads it, and still reused while its text stays the same. The text's
 *    plugins read a chunk by itself for that: each reads one block, one `:::` container or the
 *    top-level blocks between two `#` headings, and places only in `position` fields.
 * 3. The file. The chunks' trees are copied into one tree, their places moved to the file's
 *    (pipeline/moved-tree.ts), their messages put on the file, and the book's plugins — the
 *    typographic pass, book structure, the check's structure rules — run over it, fresh every
 *    time: what they carry from chapter to chapter (a quotation left open at a chapter's end,
 *    the file's convention for number ranges, the level of the heading before) is not memoised.
 * 4. Divisions. A division's HTML tree (pipeline/to-html.ts) is reused while its Markdown tree
 *    after step 3 (compared whole, places included), its id and the language are as last time,
 *    with the images it refers to and the messages it made; its HTML is serialised once. In a
 *    file with errors every division is made afresh (the HTML's checks read the file's errors).
 *
 * The memo holds what the last typesetting used, no more.
 */
import type { Element } from 'hast';
import type { Root } from 'mdast';
import { type PluggableList, unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { containerDepth, MAX_NESTING } from '../manuscript/depth.ts';
import { directiveDepth } from '../manuscript/directive-depth.ts';
import { emphasisDepth } from '../manuscript/emphasis-depth.ts';
import type { SourceFile } from '../manuscript/read.ts';
import { type MarkerScan, scanSceneMarkers } from '../manuscript/scene-markers.ts';
import { chapterChunks, ownLines, sameScan, type TextChunk, wholeChunk } from '../pipeline/chapter-chunks.ts';
import type { BookDivision } from '../pipeline/divisions.ts';
import { movedPoint, movedTree, moveMessage, type Shift } from '../pipeline/moved-tree.ts';
import { bookPlugins, type PipelineOptions, type TextProcessor, textProcessor } from '../pipeline/processor.ts';
import { divisionToHast, sectionHtml } from '../pipeline/to-html.ts';
import type { ImageReference } from '../plugins/rehype-images.ts';

/** A chunk read alone (step 1), its places counted from the chunk's start. */
interface ReadChunk {
  /** After the text's plugins, without the next heading. */
  tree: Root;
  /** The messages on the chunk's own lines. */
  messages: VFileMessage[];
  /** Whether the next chunk's heading line was read as a heading of its own (true for a file's last chunk). */
  closed: boolean;
  /** Whether it has a link or footnote definition. */
  definitions: boolean;
  /**
   * Whether a plugin found an error in it (an error's message may name a line, counted from the
   * chunk's start), or left a message with no place (the check lists those first, in the order
   * made: by plugin over the whole file, not chunk by chunk).
   */
  unmovable: boolean;
  /** The scene-break scan of what was parsed. */
  scan: MarkerScan;
}

/** A division's HTML tree (step 4). */
export interface MadeSection {
  hast: Element;
  /** Serialised once, when asked for. */
  html: () => string;
  /** The images it refers to. */
  images: ImageReference[];
}

interface MadeDivision {
  key: string;
  hast: Element;
  html: string | undefined;
  images: ImageReference[];
  messages: VFileMessage[];
}

export interface TypesetMemo {
  /** Chunks read, by settings, file and text. */
  chunks: Map<string, ReadChunk>;
  /** Divisions made, by id. */
  divisions: Map<string, MadeDivision>;
  /** What the typesetting under way used (it becomes the memo when it ends). */
  used: { chunks: Map<string, ReadChunk>; divisions: Map<string, MadeDivision> };
}

export function createTypesetMemo(): TypesetMemo {
  return { chunks: new Map(), divisions: new Map(), used: { chunks: new Map(), divisions: new Map() } };
}

export interface MemoChain {
  /** What the chain reads besides the text: the book's settings, GFM, the manuscript's form, the caller's rules. */
  key: string;
  options: PipelineOptions;
  cwd: string;
}

/** The files' trees after the whole remark chain (steps 1–3), as `processor.run` leaves them. */
export async function memoTrees(
  memo: TypesetMemo,
  sources: SourceFile[],
  chain: MemoChain,
): Promise<{ file: VFile; tree: Root }[]> {
  memo.used = { chunks: new Map(), divisions: new Map() };
  const text = textProcessor(chain.options);
  const book = unified().use(bookPlugins(chain.options));
  const scanOptions = { setextHeadings: chain.options.sceneBreaks?.setextHeadings ?? false };
  const trees: { file: VFile; tree: Root }[] = [];
  for (const source of sources) {
    const read = async (chunk: TextChunk) => {
      const key = JSON.stringify([chain.key, chain.cwd, source.display, chunk.next]) + chunk.text;
      const known =
        memo.used.chunks.get(key) ?? memo.chunks.get(key) ?? (await readChunk(text, chunk, source.display, chain, scanOptions));
      memo.used.chunks.set(key, known);
      return known;
    };
    let chunks = chapterChunks(source.text);
    let chunksRead = chunks.length > 1 ? await readAlone(source.text, chunks, read, scanOptions) : undefined;
    if (!chunksRead) {
      chunks = [wholeChunk(source.text)];
      chunksRead = await readAll(chunks, read);
    }
    const file = new VFile({ path: source.display, value: source.text, cwd: chain.cwd });
    const tree = fileTree(chunks, chunksRead, file);
    trees.push({ file, tree: (await book.run(tree, file)) as Root });
  }
  return trees;
}

/** Step 4: the division's HTML tree, reused when its Markdown tree, id and language are as last time. */
export async function memoHast(
  memo: TypesetMemo,
  division: BookDivision,
  rehypePlugins: PluggableList,
  language: string,
): Promise<MadeSection> {
  const file = division.file;
  if (file.messages.some((m) => m.fatal)) return freshHast(division, rehypePlugins, language);
  const key = JSON.stringify([language, file.path, division.tree]);
  let made = memo.divisions.get(division.id);
  if (made?.key !== key) {
    // Made on a file of its own, to keep its messages and images; the file's text is the same.
    const scratch = new VFile({ path: file.path, value: file.value, cwd: file.cwd });
    const hast = await divisionToHast({ ...division, file: scratch }, rehypePlugins, language);
    made = { key, hast, html: undefined, images: scratch.data.images ?? [], messages: scratch.messages };
  }
  memo.used.divisions.set(division.id, made);
  for (const message of made.messages) file.messages.push(message);
  const entry = made;
  return { hast: entry.hast, html: () => (entry.html ??= sectionHtml(entry.hast)), images: [...entry.images] };
}

/** A division's HTML tree, made as a typesetting without a memo makes it. */
export async function freshHast(division: BookDivision, rehypePlugins: PluggableList, language: string): Promise<MadeSection> {
  const hast = await divisionToHast(division, rehypePlugins, language);
  let html: string | undefined;
  return { hast, html: () => (html ??= sectionHtml(hast)), images: division.file.data.images?.splice(0) ?? [] };
}

/** Ends a typesetting: the memo keeps what it used. */
export function keepUsed(memo: TypesetMemo): void {
  memo.chunks = memo.used.chunks;
  memo.divisions = memo.used.divisions;
}

async function readAll(chunks: TextChunk[], read: (chunk: TextChunk) => Promise<ReadChunk>): Promise<ReadChunk[]> {
  const all: ReadChunk[] = [];
  for (const chunk of chunks) all.push(await read(chunk));
  return all;
}

/** Step 1: a chunk parsed with the next heading line after it, then run through the text's plugins without it. */
async function readChunk(
  text: TextProcessor,
  chunk: TextChunk,
  path: string,
  chain: MemoChain,
  scanOptions: { setextHeadings: boolean },
): Promise<ReadChunk> {
  const value = chunk.text + chunk.next;
  const file = new VFile({ path, value, cwd: chain.cwd });
  const tree = text.parse(file);
  const own = ownLines(chunk);
  let closed = true;
  if (chunk.next) {
    const last = tree.children.at(-1);
    closed = last?.type === 'heading' && last.depth === 1 && last.position?.start.line === own + 1;
    if (closed) tree.children.pop();
  }
  let definitions = false;
  visit(tree, (node) => {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') definitions = true;
  });
  await text.run(tree, file);
  const messages = file.messages.filter((m) => m.line === undefined || m.line <= own);
  return {
    tree,
    messages,
    closed,
    definitions,
    unmovable: messages.some((m) => m.fatal || m.line === undefined),
    scan: scanSceneMarkers(value, scanOptions),
  };
}

/** Steps 1 and 2: the chunks, read alone, when each is read as it is in the whole file; else undefined. */
async function readAlone(
  text: string,
  chunks: TextChunk[],
  read: (chunk: TextChunk) => Promise<ReadChunk>,
  scanOptions: { setextHeadings: boolean },
): Promise<ReadChunk[] | undefined> {
  // A line that may define a link or a note: the file is read whole, without trying its chunks first.
  if (MAY_DEFINE.test(text)) return undefined;
  const whole = scanSceneMarkers(text, scanOptions);
  const source = whole.source;
  // The limits the parser checks before it reads (a chunk that breaks one throws: the whole file is read, and throws).
  if (containerDepth(source, MAX_NESTING) || emphasisDepth(source, MAX_NESTING) || directiveDepth(source, MAX_NESTING))
    return undefined;
  const all = await readAll(chunks, read).catch(() => undefined);
  if (!all?.every((r) => r.closed && !r.definitions && !r.unmovable)) return undefined;
  const scans = all.map((r) => r.scan);
  return sameScan(whole, chunks, scans) ? all : undefined;
}

/** The start of a link or footnote definition (`[label]:`, `[^1]:`), maybe inside a quote or a list item. */
const MAY_DEFINE = /^[ \t>*+\-\d.)]*\[[^\]\n]*\]:/m;

/** Step 3: the chunks' trees as one, with their messages on the file. */
function fileTree(chunks: TextChunk[], read: ReadChunk[], file: VFile): Root {
  const children: Root['children'] = [];
  for (const [i, chunk] of chunks.entries()) {
    const shift: Shift = { lines: chunk.line - 1, offset: chunk.offset };
    const own = read[i] as ReadChunk;
    children.push(...movedTree(own.tree.children, shift));
    for (const message of own.messages) moveMessage(message, file, shift);
  }
  const last = chunks.at(-1) as TextChunk;
  const end = (read.at(-1) as ReadChunk).tree.position?.end;
  const tree: Root = { type: 'root', children };
  const shift = { lines: last.line - 1, offset: last.offset };
  if (end) tree.position = { start: { line: 1, column: 1, offset: 0 }, end: movedPoint(end, shift) };
  return tree;
}
