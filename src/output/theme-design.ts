/**
 * What a theme's `theme.json` says about the book's design that print and the EPUB share: the
 * chapter head (`chapter`), the first paragraph's lead-in (`lead-in`) and the scene break
 * (`scene-break`). Each key left out takes the default theme's value; the older print-only keys
 * (`print.lead-in`, `print.ornament`) are still read where the new ones are not given.
 */
import { type ChapterHeadDesign, DEFAULT_HEAD, isOrnamentFile } from '../book/chapter-head.ts';

/** How a chapter's first paragraph opens: a drop cap, its first words in small caps, both, or neither. */
export type LeadIn = 'drop-cap' | 'small-caps' | 'both' | 'none';

export const LEAD_INS: readonly LeadIn[] = ['drop-cap', 'small-caps', 'both', 'none'];

export interface SceneBreakDesign {
  /** The ornament, as text (`* * *`, `❦`) or an image file of the theme. */
  ornament: string;
  /**
   * `always`: the ornament at every break. `page-edges`: in print, only where a break falls at
   * a page's top or foot (elsewhere the break is a line of space); the EPUB, whose pages are the
   * reader's, shows it at every break.
   */
  show: 'always' | 'page-edges';
}

export interface BookDesign {
  chapter: ChapterHeadDesign;
  leadIn: LeadIn;
  sceneBreak: SceneBreakDesign;
}

/** The design keys of a theme.json (each optional). */
export interface ThemeDesignKeys {
  chapter?: Partial<ChapterHeadDesign> | undefined;
  'lead-in'?: LeadIn | undefined;
  'scene-break'?: Partial<SceneBreakDesign> | undefined;
  print?: { 'lead-in'?: string | undefined; ornament?: string | undefined } | undefined;
}

export const DEFAULT_DESIGN: BookDesign = {
  chapter: DEFAULT_HEAD,
  leadIn: 'both',
  sceneBreak: { ornament: '* * *', show: 'page-edges' },
};

/** A theme of a chain: its folder, its theme.json as shown, and what that gives. */
export interface DesignLayer {
  dir: string;
  file: string;
  manifest: unknown;
}

/** Where an ornament that names a file is: the folder of the theme that named it. */
export interface OrnamentFile {
  /** The file, relative to `dir`. */
  name: string;
  dir: string;
  /** The theme.json that names it (as shown), for messages. */
  file: string;
}

export interface ResolvedDesign extends BookDesign {
  /** The ornaments that are image files, with the folder each is read from. */
  files: { head?: OrnamentFile | undefined; sceneBreak?: OrnamentFile | undefined };
}

/** The design of a theme chain (root first): each key from the last theme that gives it. */
export function themeDesign(layers: readonly DesignLayer[]): ResolvedDesign {
  let chapter: ChapterHeadDesign = DEFAULT_HEAD;
  let leadIn: LeadIn = DEFAULT_DESIGN.leadIn;
  let sceneBreak: SceneBreakDesign = DEFAULT_DESIGN.sceneBreak;
  const files: ResolvedDesign['files'] = {};
  for (const layer of layers) {
    const keys = (layer.manifest ?? {}) as ThemeDesignKeys;
    const legacy = keys.print?.['lead-in'];
    // Before `both`, a theme's print `drop-cap` meant the drop cap with its first words in small caps.
    if (legacy) leadIn = legacy === 'drop-cap' ? 'both' : (legacy as LeadIn);
    if (keys['lead-in']) leadIn = keys['lead-in'];
    chapter = { ...chapter, ...defined(keys.chapter ?? {}) };
    if (keys.print?.ornament) sceneBreak = { ...sceneBreak, ornament: keys.print.ornament };
    sceneBreak = { ...sceneBreak, ...defined(keys['scene-break'] ?? {}) };
    if (keys.chapter?.ornament !== undefined) files.head = fileOf(keys.chapter.ornament, layer);
    if (keys['scene-break']?.ornament !== undefined || keys.print?.ornament !== undefined) {
      files.sceneBreak = fileOf(sceneBreak.ornament, layer);
    }
  }
  return { chapter, leadIn, sceneBreak, files };
}

function fileOf(ornament: string, layer: DesignLayer): OrnamentFile | undefined {
  return isOrnamentFile(ornament) ? { name: ornament.trim(), dir: layer.dir, file: layer.file } : undefined;
}

/** Whether the lead-in sets a drop cap, and whether it sets the first words in small caps. */
export function leadInParts(leadIn: LeadIn): { dropCap: boolean; smallCaps: boolean } {
  return { dropCap: leadIn === 'drop-cap' || leadIn === 'both', smallCaps: leadIn === 'small-caps' || leadIn === 'both' };
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
