/**
 * Hyphenation for the print edition: soft hyphens (U+00AD) from the npm `hyphen` package (Liang's
 * TeX patterns, one module per language), put into the text of paragraphs, list items, table
 * cells and quotations — never into headings, code, or small-caps lead-ins, never into the last
 * word of a paragraph, never leaving fewer than 2 letters before a break or 3 after it, and only
 * in words of at least 5 letters. Chromium has no hyphenation dictionaries offline; it does break
 * at soft hyphens. The limit of two hyphenated lines in a row needs the lines, so it is applied
 * in the page (see in-page.js).
 */
import { createRequire } from 'node:module';
import type { Element, ElementContent, Text } from 'hast';

/** Returns the word with soft hyphens at its break points. */
export type Hyphenator = (word: string) => string;

interface HyphenModule {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}

const SHY = '\u00ad';
const MIN_WORD = 5;
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
/** Elements whose text is hyphenated, and those whose text never is. */
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'figcaption']);
const NEVER = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math']);
const NEVER_CLASSES = new Set(['lead-in', 'lead-quote', 'chapter-number']);
/** Pattern modules for tags the `hyphen` package names differently. */
const ALIASES: Record<string, string> = {
  en: 'en-us',
  'en-us': 'en-us',
  'en-gb': 'en-gb',
  de: 'de',
  'de-ch': 'de-ch-1901',
  el: 'el-monoton',
};

const require = createRequire(import.meta.url);

/** The hyphenator for a BCP 47 language, or undefined when there are no patterns for it. */
export function loadHyphenator(language: string): Hyphenator | undefined {
  const tag = language.toLowerCase();
  const primary = tag.split('-')[0] ?? tag;
  const candidates = [ALIASES[tag], tag, ALIASES[primary], primary].filter((c): c is string => Boolean(c));
  for (const name of new Set(candidates)) {
    if (!/^[a-z-]+$/.test(name)) continue;
    let patterns: HyphenModule;
    try {
      patterns = require(`hyphen/${name}`) as HyphenModule;
    } catch {
      // No pattern module under this name: try the next candidate.
      continue;
    }
    return memoised((word) => limit(patterns.hyphenateSync(word, { minWordLength: MIN_WORD })));
  }
  return undefined;
}

function memoised(hyphenate: Hyphenator): Hyphenator {
  const cache = new Map<string, string>();
  return (word) => {
    if (word.length < MIN_WORD) return word;
    let result = cache.get(word);
    if (result === undefined) {
      result = hyphenate(word);
      cache.set(word, result);
    }
    return result;
  };
}

/** Drops break points too near either end of the word. */
function limit(hyphenated: string): string {
  const parts = hyphenated.split(SHY);
  if (parts.length === 1) return hyphenated;
  const letters = parts.join('').length;
  let out = '';
  let before = 0;
  for (const [i, part] of parts.entries()) {
    if (i > 0 && before >= LEFT_MIN && letters - before >= RIGHT_MIN) out += SHY;
    out += part;
    before += part.length;
  }
  return out;
}

/** Letters (with combining marks) in a row: what the patterns take as a word. */
const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/** Puts soft hyphens into the hyphenable text under `tree` (changes it in place). */
export function hyphenateTree(tree: Element, hyphenate: Hyphenator): void {
  walk(tree, false);

  function walk(node: Element, inBlock: boolean): void {
    if (NEVER.has(node.tagName) || hasNeverClass(node)) return;
    if (!inBlock && BLOCKS.has(node.tagName)) {
      hyphenateBlock(node);
      return;
    }
    for (const child of node.children) if (child.type === 'element') walk(child, inBlock);
  }

  function hyphenateBlock(block: Element): void {
    const texts: Text[] = [];
    collect(block.children, texts);
    const last = lastWordAt(texts);
    for (const [index, text] of texts.entries()) {
      const keepFrom = index === last?.index ? last.offset : Number.POSITIVE_INFINITY;
      text.value = text.value.replace(WORD, (word, offset: number) => (offset >= keepFrom ? word : hyphenate(word)));
    }
  }

  function collect(children: ElementContent[], into: Text[]): void {
    for (const child of children) {
      if (child.type === 'text') into.push(child);
      else if (child.type === 'element' && !NEVER.has(child.tagName) && !hasNeverClass(child)) collect(child.children, into);
    }
  }
}

/** Where the block's last word starts: the text node and offset. */
function lastWordAt(texts: Text[]): { index: number; offset: number } | undefined {
  for (let index = texts.length - 1; index >= 0; index--) {
    const value = texts[index]?.value ?? '';
    const matches = [...value.matchAll(WORD)];
    const final = matches.at(-1);
    if (final?.index !== undefined) return { index, offset: final.index };
  }
  return undefined;
}

function hasNeverClass(node: Element): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.some((c) => NEVER_CLASSES.has(String(c)));
}
