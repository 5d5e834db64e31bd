/**
 * remark plugin for `galley check`: `scene/unknown-marker`, a line of only punctuation (`...`,
 * `!!!`, `*.*`) that is not a known scene-break marker. Such a line is usually a scene break the
 * author meant and Galley does not read as one, or a stray; code, front matter, tables,
 * quotations and directive fences (`:::verse` … `:::`) are not looked at. Reads the file's lines
 * as written.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { scanSceneMarkers } from '../manuscript/scene-markers.ts';

export interface LintLinesOptions {
  /** As the book's `setext-headings` (default false). */
  setextHeadings?: boolean;
}

export const remarkLintLines: Plugin<[LintLinesOptions?], Root> =
  (options = {}) =>
  (_tree, file) => {
    const scan = scanSceneMarkers(String(file.value), { setextHeadings: options.setextHeadings ?? false });
    for (const suspect of scan.suspects) {
      file.message(`“${suspect.text}” on a line of its own is not a scene-break marker; write * * * for a break`, {
        place: { line: suspect.line, column: suspect.column },
        ruleId: 'scene/unknown-marker',
        source: 'galley',
      });
    }
  };
