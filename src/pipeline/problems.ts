/**
 * The manuscript's problems, shared by `build` and `galley check`. A build stops at the first
 * error a plugin left on a file (a construct that would swallow text: see plugins/messages.ts),
 * thrown as a GalleyError at its file:line:col with its hint; `galley check` instead lists every
 * error, and the images' errors too, one diagnostic each, so nothing a build would stop on goes
 * unreported.
 */
import type { VFile } from 'vfile';
import type { BookImage, ImageRequest, LoadedImages } from '../book/images.ts';
import { loadImages } from '../book/images.ts';
import { collectDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { GalleyError } from '../errors.ts';

/** Throws the first error on the files (in file order, then by place), if there is one. */
export function throwFirstError(files: VFile[]): void {
  const first = collectDiagnostics(files)
    .filter((d) => d.severity === 'error')
    .sort((a, b) => fileIndex(files, a) - fileIndex(files, b) || byPlace(a, b))[0];
  if (!first) return;
  throw new GalleyError('TEXT_WOULD_BE_LOST', first.message, {
    file: first.file,
    place: first.line === undefined ? undefined : { line: first.line, column: first.column ?? 1 },
    hint: first.hint,
  });
}

/** The file's place in reading order (the metadata file, not a chapter, last). */
function fileIndex(files: VFile[], d: Diagnostic): number {
  const index = files.findIndex((f) => f.path === d.file);
  return index === -1 ? files.length : index;
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/**
 * Loads the images one by one, an image that cannot be loaded becoming an error diagnostic
 * (`image/missing`, `image/outside-book`, `image/remote`, `image/unsupported`, `image/invalid`:
 * the error's code) instead of stopping at the first.
 */
export async function loadEachImage(requests: ImageRequest[], root: string): Promise<LoadedImages> {
  const images = new Map<string, BookImage>();
  const diagnostics: Diagnostic[] = [];
  for (const request of requests) {
    if (images.has(request.target)) continue;
    try {
      const loaded = await loadImages([request], root);
      for (const [target, image] of loaded.images) images.set(target, image);
      diagnostics.push(...loaded.diagnostics);
    } catch (error) {
      if (!(error instanceof GalleyError)) throw error;
      diagnostics.push(errorDiagnostic(error, request));
    }
  }
  return { images, diagnostics };
}

/** A GalleyError about an image as a diagnostic at the image's reference. */
function errorDiagnostic(error: GalleyError, request: ImageRequest): Diagnostic {
  return {
    file: error.file ?? request.file,
    line: error.place?.line ?? request.place?.line,
    column: error.place?.column ?? request.place?.column,
    ruleId: error.code.toLowerCase().replace('_', '/').replace(/_/g, '-'),
    severity: 'error',
    message: error.message,
    hint: error.hint,
  };
}
