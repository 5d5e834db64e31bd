/**
 * From a manuscript on disk to a typeset Book: read the files, validate the metadata, run the
 * unified pipeline, split into chapters, turn them into XHTML and load the images. Shared by
 * every output format, by the preview and by `galley check` (with its rules added, and every
 * problem listed instead of stopping at the first). Reports two stages to the caller: parse and
 * typeset. Given the preview's memo (core/typeset-memo.ts), it reads again only the chapters whose
 * text changed since the last typesetting, and makes the same book.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import { backMatter } from '../book/back-matter.ts';
import { frontMatter } from '../book/front-matter.ts';
import { bookIdentifier } from '../book/identifier.ts';
import { checkCover, type ImageRequest, loadImages } from '../book/images.ts';
import { metadataLocator } from '../book/metadata-places.ts';
import type { Book, Section } from '../book/model.ts';
import { bookSlug } from '../book/slug.ts';
import { resolveConfig } from '../config/load.ts';
import type { BookConfig } from '../config/schema.ts';
import { collectDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { GalleyError } from '../errors.ts';
import { chapterHeading } from '../i18n/index.ts';
import { readManuscript, type SourceFile } from '../manuscript/read.ts';
import { lowResolutionNotes } from '../output/print/resolution.ts';
import { bookTheme } from '../output/theme-book.ts';
import { collectDivisions, isEmptyDivision } from '../pipeline/divisions.ts';
import { pipelineOptions } from '../pipeline/options.ts';
import { loadEachImage, throwFirstError } from '../pipeline/problems.ts';
import { createProcessor, mayUseGfm, type PipelineOptions, type Processor, parseFile } from '../pipeline/processor.ts';
import { loadPlugins, type PluginKind, wrapPlugins } from '../pipeline/user-plugins.ts';
import { freshHast, keepUsed, memoHast, memoTrees, type TypesetMemo } from './typeset-memo.ts';

export interface TypesetOptions {
  /** Manuscript: a folder, a .md file or a .txt file. */
  input: string;
  /** Metadata that overrides the manuscript's (from the command line). */
  overrides?: { title?: string | undefined; author?: string | undefined; theme?: string | undefined };
  cwd?: string;
  /** Called when a stage ends, with its name and duration in ms. */
  onStage?: (stage: 'parse' | 'typeset', ms: number) => void;
  /**
   * `galley check`: what it adds to the chain for the book's settings. With it, an error does not
   * stop typesetting: every one is in the diagnostics (images' errors too).
   */
  lint?: (config: BookConfig, base: PipelineOptions) => Partial<PipelineOptions>;
  /**
   * remark and rehype plugins of the caller's own, run after those book.yaml names, where
   * book.yaml's run (README, *Plugins*).
   */
  plugins?: { remark?: PluggableList; rehype?: PluggableList } | undefined;
  /**
   * The preview's memo (core/typeset-memo.ts): chapters whose text is as last time are not read
   * again. One memo serves one caller, typesetting with the same options each time.
   */
  memo?: TypesetMemo | undefined;
}

export interface TypesetResult {
  book: Book;
  diagnostics: Diagnostic[];
  /** The manuscript files, with what the plugins left on them. */
  files: VFile[];
}

export async function typeset(options: TypesetOptions): Promise<TypesetResult> {
  const cwd = options.cwd ?? process.cwd();
  let started = performance.now();
  const lap = (stage: 'parse' | 'typeset') => {
    const now = performance.now();
    options.onStage?.(stage, now - started);
    started = now;
  };

  const manuscript = await readManuscript(options.input, cwd);
  const config = resolveConfig(manuscript.metadata, { ...options.overrides }, manuscript.metadataFile);
  const theme = await bookTheme({
    config,
    root: manuscript.root,
    metadataFile: manuscript.metadataFile,
    metadata: manuscript.metadata,
    flag: options.overrides?.theme,
    cwd,
  });
  // GFM is skipped only for a text that cannot hold any of it (the tree is the same, twice as fast).
  const gfm = manuscript.files.some((f) => mayUseGfm(f.text));
  const base = pipelineOptions(config);
  const chapterFiles = manuscript.form === 'folder';
  const placeOf = (kind: PluginKind, index: number) => {
    const node = manuscript.metadata?.doc.getIn(['plugins', kind, index], true) as
      | { range?: [number, number, number] }
      | undefined;
    const pos = node?.range ? manuscript.metadata?.lines.linePos(node.range[0]) : undefined;
    return pos && { line: pos.line + (manuscript.metadata?.source.lineOffset ?? 0), column: pos.col };
  };
  const own = await loadPlugins(config.plugins, { root: manuscript.root, metadataFile: manuscript.metadataFile, placeOf });
  const remarkPlugins = [...own.remark, ...wrapPlugins('remark', options.plugins?.remark)];
  const rehypePlugins = [...own.rehype, ...wrapPlugins('rehype', options.plugins?.rehype)];
  const chain = { ...base, gfm, chapterFiles, remarkPlugins, ...options.lint?.(config, base) };
  const stop = options.lint ? () => undefined : throwFirstError;
  const plain = manuscript.form === 'text';
  // The memo reads the chapters of Markdown, with Galley's plugins only (the author's may read the book as a whole).
  const memo = !plain && remarkPlugins.length === 0 && rehypePlugins.length === 0 ? options.memo : undefined;
  const trees = memo
    ? await memoTrees(memo, manuscript.files, {
        key: JSON.stringify({ config, gfm, chapterFiles, lint: Boolean(options.lint) }),
        options: chain,
        cwd,
      })
    : await readFiles(createProcessor(chain), manuscript.files, plain, cwd, () => lap('parse'));
  if (memo) lap('parse');
  const files = trees.map((t) => t.file);
  const divisions = collectDivisions(trees).filter((d) => !isEmptyDivision(d));
  // An error is thrown once the HTML is made too, so the first in the manuscript is the one reported.
  if (divisions.length === 0) stop(files);
  if (divisions.length === 0 && !collectDiagnostics(files).some((d) => d.severity === 'error')) {
    throw new GalleyError('MANUSCRIPT_EMPTY', 'the manuscript has no text', {
      file: manuscript.files.length === 1 ? manuscript.files[0]?.display : path.relative(cwd, manuscript.root) || '.',
      hint: 'Write at least one paragraph, or check that you passed the right file.',
    });
  }
  const requests: ImageRequest[] = [];
  const body: Section[] = [];
  // An untitled chapter is listed by its number, in the book's language ("Chapitre deux"); a book's only chapter by the book's title.
  const chapters = divisions.filter((d) => d.kind === 'chapter').length;
  let chapterNumber = 0;
  for (const division of divisions) {
    if (division.kind === 'chapter') chapterNumber++;
    const made = await (memo
      ? memoHast(memo, division, rehypePlugins, config.language)
      : freshHast(division, rehypePlugins, config.language));
    // Every chapter file is in the book's folder (for a single file, the folder it really is in).
    const from = manuscript.root;
    for (const ref of made.images) {
      requests.push({ ...ref, file: division.file.path, place: ref.place?.start, from });
    }
    body.push({
      id: division.id,
      kind: division.kind,
      title:
        division.title ??
        (division.kind === 'chapter' && chapters > 1 ? chapterHeading(chapterNumber, config.language) : config.title),
      inToc: true,
      // Serialised when an output asks for it (the EPUB works from the tree).
      get html() {
        return made.html();
      },
      hast: made.hast,
      source: division.file.path,
    });
  }
  if (memo) keepUsed(memo);
  // Front and back matter from the metadata; problems in its Markdown are reported on the metadata file.
  const identifier = bookIdentifier(config.identifier, config.title, config.author);
  const metadataFile = new VFile({ path: manuscript.metadataFile, cwd });
  const metadataText = { options: base, report: metadataFile, locate: metadataLocator(manuscript.metadata) };
  const front = frontMatter(config, identifier, metadataText);
  const back = backMatter(config, metadataText);
  stop([...files, metadataFile]);
  for (const ref of metadataFile.data.images ?? []) {
    requests.push({ ...ref, file: manuscript.metadataFile, place: ref.place?.start, from: manuscript.root });
  }
  const coverTarget = config.cover ? `images/cover${path.extname(config.cover).toLowerCase()}` : undefined;
  if (config.cover && coverTarget) {
    const key = manuscript.metadata?.doc.get('cover', true) as { range?: [number, number, number] } | undefined;
    const pos = key?.range ? manuscript.metadata?.lines.linePos(key.range[0]) : undefined;
    requests.push({
      src: config.cover,
      target: coverTarget,
      file: manuscript.metadataFile,
      place: pos ? { line: pos.line + (manuscript.metadata?.source.lineOffset ?? 0), column: pos.col } : undefined,
      from: manuscript.root,
    });
  }
  const { images, diagnostics: imageNotes } = await (options.lint ? loadEachImage : loadImages)(requests, manuscript.root);
  const cover = coverTarget ? images.get(coverTarget) : undefined;
  if (coverTarget) images.delete(coverTarget);
  const coverNotes = cover ? await checkCover(cover, requests.find((r) => r.target === coverTarget) as ImageRequest) : [];

  const book: Book = {
    config,
    identifier,
    modified: modifiedDate(manuscript.files.map((f) => f.modified)),
    slug: bookSlug(config.title),
    front,
    body,
    back,
    images,
    cover,
    theme,
  };
  lap('typeset');
  return {
    book,
    diagnostics: [
      ...collectDiagnostics([...files, metadataFile]),
      ...imageNotes,
      ...coverNotes,
      ...lowResolutionNotes(book, requests),
    ],
    files,
  };
}

/** Each file parsed (`parsed` is told when all are), then run through the chain. */
async function readFiles(
  processor: Processor,
  sources: SourceFile[],
  plain: boolean,
  cwd: string,
  parsed: () => void,
): Promise<{ file: VFile; tree: Root }[]> {
  const files = sources.map((source) => {
    const file = new VFile({ path: source.display, value: source.text, cwd });
    return { file, tree: parseFile(processor, file, plain) };
  });
  parsed();
  const trees: { file: VFile; tree: Root }[] = [];
  for (const { file, tree } of files) trees.push({ file, tree: (await processor.run(tree, file)) as Root });
  return trees;
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else the newest manuscript change. */
function modifiedDate(mtimes: number[]): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const ms = Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? epoch * 1000 : Math.max(...mtimes);
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}
