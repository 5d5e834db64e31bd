/**
 * Gathers the divisions (chapters and parts) of every manuscript file into the book's reading
 * order, gives each a stable id, and makes each a self-contained tree: it carries the link and
 * footnote definitions of its file, wherever in the file the author put them.
 */
import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { asciiSlug } from '../book/slug.ts';
import type { Division, DivisionKind } from '../plugins/remark-book-structure.ts';

export interface BookDivision {
  /** Stable id: the slug of the title, or `chapter-N` for an untitled chapter. */
  id: string;
  kind: DivisionKind;
  /** Plain-text title (typeset), if the division has a heading. */
  title: string | undefined;
  /** Ordinal among chapters (1-based); parts have none. */
  number: number | undefined;
  /** The manuscript file it came from. */
  file: VFile;
  /** The division as a tree of its own, with its file's definitions appended. */
  tree: Root;
}

export function collectDivisions(files: { file: VFile; tree: Root }[]): BookDivision[] {
  const slugger = new GithubSlugger();
  const result: BookDivision[] = [];
  let chapters = 0;
  for (const { file, tree } of files) {
    const divisions = tree.children.filter((n): n is Division => n.type === 'division');
    const definitions = divisions.flatMap((d) => d.children.filter(isDefinition));
    for (const division of divisions) {
      const number = division.kind === 'chapter' ? ++chapters : undefined;
      const id = slugger.slug(idBase(division.title) ?? `${division.kind}-${number ?? result.length + 1}`);
      const own = new Set(division.children.filter(isDefinition));
      result.push({
        id,
        kind: division.kind,
        title: division.title,
        number,
        file,
        tree: { type: 'root', children: [division, ...definitions.filter((d) => !own.has(d))] },
      });
    }
  }
  return result;
}

/** An ASCII slug that is a valid XML id (EPUB file names and ids must be both), of a bounded length. */
function idBase(title: string | undefined): string | undefined {
  const ascii = asciiSlug(title ?? '');
  if (!ascii) return undefined;
  return /^[a-z]/.test(ascii) ? ascii : `ch-${ascii}`;
}

function isDefinition(node: RootContent): boolean {
  return node.type === 'definition' || node.type === 'footnoteDefinition';
}

/** True when a division holds no text at all (not even a title). */
export function isEmptyDivision(division: BookDivision): boolean {
  const root = division.tree.children[0] as Division | undefined;
  return !division.title && !(root?.children ?? []).some((n) => !isDefinition(n));
}
