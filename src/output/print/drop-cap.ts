/**
 * The print edition's drop cap, drawn as a vector: the initial's outline from the font file (an
 * SVG path, see letterforms.ts) in a float as many lines tall as the cap. The cap's top stands at
 * the height of the first line's capitals and its baseline on the last line's baseline; an
 * opening quote mark stands before it at half its size, its top at the same height. The float's
 * left edge is the ink's left edge, so nothing of the cap reaches past the text block (into the
 * gutter on a recto).
 *
 * The theme says how the cap looks where it always has, in its print CSS: the face, weight and
 * style of `p.drop-cap::first-letter`, its `initial-letter` (the lines it spans, default 3) and
 * its `padding-right` (added to the quarter em between cap and text). That rule no longer sets
 * anything itself: the paragraph has no `drop-cap` class unless the face cannot be drawn.
 *
 * The float's baseline is found by the browser, not computed: the float is a box of the
 * paragraph's font and line height whose one line is the cap's last, and the cap is an inline
 * SVG on that line's baseline whose margins take it out of the line's height.
 */
import type { Element } from 'hast';
import { h, s } from 'hastscript';
import type { FontRoles, FontSet } from '../fonts.ts';
import { type FaceWanted, type Letterforms, loadLetterforms } from './letterforms.ts';

/**
 * What the float is kept short of its lines, in points: laid out in whole 64ths of a pixel, the
 * lines fall a hair short of their nominal height, and a float that reached a hair into the next
 * line would shorten that line too.
 */
const FLOAT_SHAVE = 0.1;

export interface DropCapFace {
  /** The lines the cap spans. */
  lines: number;
  /** The text's size and line height, in points. */
  fontSize: number;
  line: number;
  /** Room between the cap and the text, in points. */
  gap: number;
  letterforms: Letterforms;
}

export interface DropCapArt {
  /** The float (`span.drop-cap-art`, hidden from assistive technology: the letter is in the text). */
  element: Element;
  /** The float's width, the room between cap and text included, in points. */
  width: number;
  lines: number;
  /** The float's height (its lines), in points. */
  height: number;
}

/** The size of an opening quote mark beside the cap, as a share of the cap's. */
const QUOTE_SCALE = 0.5;

/** The drop-cap face the theme's CSS names, loaded; undefined when its font has no file to draw from. */
export async function loadDropCap(
  css: string,
  fonts: FontSet & FontRoles,
  text: { fontSize: number; line: number },
): Promise<DropCapFace | undefined> {
  const style = dropCapStyle(css, fonts);
  const letterforms = await loadLetterforms(fonts, style.face);
  if (!letterforms) return undefined;
  return { lines: style.lines, ...text, gap: (0.25 + style.padding) * text.fontSize, letterforms };
}

/** What the theme's `p.drop-cap::first-letter` rules say, the last declaration of each property winning. */
export function dropCapStyle(css: string, fonts: FontRoles): { face: FaceWanted; lines: number; padding: number } {
  const declared = new Map<string, string>();
  for (const { selector, body } of styleRules(css)) {
    if (!selector.split(',').some((one) => /(^|\s)(p)?\.drop-cap::?first-letter$/.test(one.trim()))) continue;
    for (const declaration of body.split(';')) {
      const [name, ...value] = declaration.split(':');
      if (name && value.length) declared.set(name.trim().toLowerCase(), value.join(':').trim());
    }
  }
  const family = (declared.get('font-family') ?? 'var(--text-font)').split(',')[0]?.trim() ?? '';
  // Galley's variables for the theme's fonts (`--galley-text-font`, and the older `--text-font`).
  const role = /^var\(\s*--(?:galley-)?(text|sc|display)-font\s*\)$/.exec(family)?.[1];
  const named: Record<string, string> = { text: fonts.text, sc: fonts.smallCaps?.family ?? fonts.text, display: fonts.display };
  const weight = declared.get('font-weight') ?? '400';
  const lines = Number.parseInt(declared.get('initial-letter') ?? '3', 10);
  const padding = /^([\d.]+)em$/.exec(declared.get('padding-right') ?? '')?.[1];
  return {
    face: {
      family: role ? (named[role] ?? fonts.text) : family.replace(/^["']|["']$/g, ''),
      weight: weight === 'bold' ? 700 : Number(weight) || 400,
      style: declared.get('font-style') === 'italic' ? 'italic' : 'normal',
    },
    lines: Number.isFinite(lines) && lines >= 2 && lines <= 8 ? lines : 3,
    padding: padding ? Number(padding) : 0,
  };
}

/** The style rules of a stylesheet, those inside @media and @supports blocks too. */
function styleRules(css: string): { selector: string; body: string }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: { selector: string; body: string }[] = [];
  let prelude = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (prelude.trim().startsWith('@')) {
        prelude = '';
        continue;
      }
      const end = text.indexOf('}', i);
      rules.push({ selector: prelude.trim(), body: text.slice(i + 1, end < 0 ? text.length : end) });
      i = end < 0 ? text.length : end;
      prelude = '';
    } else if (c === '}' || c === ';') {
      prelude = '';
    } else {
      prelude += c;
    }
  }
  return rules;
}

/** The float for `letter` (after an opening `quote`, or ''); undefined when the face cannot draw it. */
export function dropCapArt(face: DropCapFace, quote: string, letter: string): DropCapArt | undefined {
  const { letterforms, lines, line, fontSize } = face;
  const cap = letterforms.capHeight(letter);
  if (!cap) return undefined;
  // The cap's capitals are as tall as the first line's capitals are high above the last baseline.
  const size = ((lines - 1) * line + cap * fontSize) / cap;
  const glyph = letterforms.outline(letter, size);
  if (!glyph) return undefined;
  const mark = quote ? letterforms.outline(quote, size * QUOTE_SCALE) : undefined;
  const capTop = -cap * size;
  const paths: Element[] = [];
  let x = 0;
  let top = glyph.y1;
  if (mark) {
    const dy = capTop - mark.y1;
    paths.push(s('path', { d: mark.d, transform: `translate(${n(-mark.x1)} ${n(dy)})` }));
    x = mark.x2 - mark.x1 + 0.04 * size;
    top = Math.min(top, capTop);
  }
  paths.push(s('path', { d: glyph.d, transform: `translate(${n(x - glyph.x1)} 0)` }));
  const inkWidth = x + glyph.x2 - glyph.x1;
  const bottom = Math.max(glyph.y2, 0);
  const width = inkWidth + face.gap;
  const svg = s(
    'svg',
    {
      viewBox: `0 ${n(top)} ${n(inkWidth)} ${n(bottom - top)}`,
      style: `width:${pt(inkWidth)};height:${pt(bottom - top)};margin:${pt(top)} 0 ${pt(-bottom)};vertical-align:baseline;overflow:visible;fill:currentColor`,
      focusable: 'false',
    },
    paths,
  );
  const element = h(
    'span.drop-cap-art',
    {
      ariaHidden: 'true',
      style: `float:left;box-sizing:border-box;width:${pt(width)};height:${pt(lines * line - FLOAT_SHAVE)};padding-top:${pt((lines - 1) * line)};line-height:${pt(line)};text-indent:0`,
    },
    [svg],
  );
  return { element, width: Number(width.toFixed(3)), lines, height: Number((lines * line).toFixed(3)) };
}

const n = (v: number) => String(Number(v.toFixed(3)));
const pt = (v: number) => `${n(v)}pt`;
