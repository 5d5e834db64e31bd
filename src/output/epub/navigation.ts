/**
 * The EPUB's navigation: the table of contents (parts, their chapters, and the `##`/`###`
 * headings `epub.toc-depth` asks for, nested no deeper than the target allows), the landmarks
 * (cover, table of contents, start of the text — one `epub:type` each), and the page list.
 */
import type { Section } from '../../book/model.ts';
import type { SectionHeading } from './xhtml.ts';

export interface TocEntry {
  title: string;
  href: string;
  children: TocEntry[];
}

export interface Landmark {
  type: string;
  href: string;
  title: string;
}

export interface TocSection {
  section: Section;
  file: string;
  headings: SectionHeading[];
}

/** Nested entries: parts hold the chapters after them; chapters hold their headings. */
export function tableOfContents(sections: TocSection[], maxLevels: number): TocEntry[] {
  const entries: TocEntry[] = [];
  let part: TocEntry | undefined;
  for (const { section, file, headings } of sections) {
    if (!section.inToc) continue;
    const entry: TocEntry = { title: section.title, href: file, children: nestHeadings(file, headings) };
    if (section.kind === 'part') {
      part = entry;
      entries.push(entry);
    } else if (part && section.kind === 'chapter') {
      part.children.push(entry);
    } else {
      part = undefined;
      entries.push(entry);
    }
  }
  return limitDepth(entries, maxLevels);
}

function nestHeadings(file: string, headings: SectionHeading[]): TocEntry[] {
  const root: TocEntry[] = [];
  const stack: { level: number; entry: TocEntry }[] = [];
  for (const heading of headings) {
    const entry: TocEntry = { title: heading.title, href: `${file}#${heading.id}`, children: [] };
    while (stack.length && (stack.at(-1) as { level: number }).level >= heading.level) stack.pop();
    (stack.at(-1)?.entry.children ?? root).push(entry);
    stack.push({ level: heading.level, entry });
  }
  return root;
}

function limitDepth(entries: TocEntry[], levels: number): TocEntry[] {
  return entries.map((e) => ({ ...e, children: levels > 1 ? limitDepth(e.children, levels - 1) : [] }));
}

export function tocDepth(entries: TocEntry[]): number {
  return entries.length ? 1 + Math.max(...entries.map((e) => tocDepth(e.children))) : 0;
}

/** Entries in reading order, each with its nesting level (for the NCX's playOrder). */
export function flatten(entries: TocEntry[], level = 1): { entry: TocEntry; level: number }[] {
  return entries.flatMap((entry) => [{ entry, level }, ...flatten(entry.children, level + 1)]);
}
