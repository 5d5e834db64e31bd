/**
 * Galley as a library: the same build the CLI runs (one book, or many with one warm browser), the
 * typesetting step on its own, the unified plugins for use in other pipelines, and the types.
 */
import type { PreviewHandle, PreviewOptions } from './core/preview.ts';
import type { ImportOptions, ImportResult } from './import/import.ts';

export type { Book, Section } from './book/model.ts';
export { type CheckOptions, type CheckResult, check } from './check/check.ts';
export { type BookConfig, type BookInput, bookSchema } from './config/schema.ts';
export { type BuildOptions, type BuildResult, type BuiltFile, build, type Format } from './core/build.ts';
export {
  type BookOutcome,
  type Builder,
  type BuilderOptions,
  buildMany,
  createBuilder,
  type ManyOptions,
  type ManyResult,
} from './core/builder.ts';
export type { PreviewHandle, PreviewOptions } from './core/preview.ts';
export { type TypesetOptions, type TypesetResult, typeset } from './core/typeset.ts';
export { type Diagnostic, formatDiagnostic } from './diagnostics.ts';
export { type ErrorCode, exitCodeFor, GalleyError } from './errors.ts';
export type { ImportOptions, ImportResult } from './import/import.ts';
export type { ImportProblem } from './import/problems.ts';
export {
  createLogger,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  type ProgressEvent,
  silentLogger,
} from './logger.ts';
export type { EpubTarget } from './output/epub/targets.ts';
export { resolveTheme, type Theme, type ThemeSpec, themeCss } from './output/theme.ts';
export { listThemes, type ThemeEntry } from './output/theme-list.ts';
export { rehypeContentModel } from './plugins/rehype-content-model.ts';
export { type ImagesOptions, rehypeImages } from './plugins/rehype-images.ts';
export { rehypeSafeHtml, type SafeHtmlOptions } from './plugins/rehype-safe-html.ts';
export { remarkAlign } from './plugins/remark-align.ts';
export { type BookStructureOptions, remarkBookStructure } from './plugins/remark-book-structure.ts';
export { remarkChapterImage } from './plugins/remark-chapter-image.ts';
export { remarkChat } from './plugins/remark-chat.ts';
export { remarkDefinitions } from './plugins/remark-definitions.ts';
export { remarkEpigraph } from './plugins/remark-epigraph.ts';
export { remarkHeadingAttributes } from './plugins/remark-heading-attributes.ts';
export { remarkKnownHtml } from './plugins/remark-known-html.ts';
export { remarkLetter } from './plugins/remark-letter.ts';
export { remarkSceneBreaks, type SceneBreakOptions } from './plugins/remark-scene-breaks.ts';
export { remarkTableCells } from './plugins/remark-table-cells.ts';
export { remarkTypography, type TypographyOptions } from './plugins/remark-typography.ts';
export { remarkUnclosed } from './plugins/remark-unclosed.ts';
export { remarkUnclosedDirectives } from './plugins/remark-unclosed-directives.ts';
export { remarkUnknownDirectives } from './plugins/remark-unknown-directives.ts';
export { remarkVerse } from './plugins/remark-verse.ts';

// The preview (a server, the print layout) and the importers (mammoth, linkedom, Readability)
// are large, and most callers use neither: each is loaded when it is first called.

/** The live preview server (`galley preview`). */
export async function preview(options?: PreviewOptions): Promise<PreviewHandle> {
  return (await import('./core/preview.ts')).preview(options);
}

/** A book folder made from a Word document or a saved web page (`galley import`). */
export async function importManuscript(options: ImportOptions): Promise<ImportResult> {
  return (await import('./import/import.ts')).importManuscript(options);
}
