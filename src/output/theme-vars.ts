/**
 * The custom properties Galley sets from the resolved theme (theme.json) and book.yaml, for the
 * theme's CSS to read (README, *Themes*): the fonts of each role, the scene-break ornament and,
 * in print, the type size and leading the engine measures with. They come after the theme's
 * sheets, so they always say what the engine uses.
 *
 * EPUB reading systems without custom properties (older Kindle and Adobe engines) would drop
 * every declaration that reads one; so each such declaration in the EPUB's CSS is preceded by a
 * copy with the values of the `:root` properties written in: a reader that knows `var()` takes
 * the second, one that does not keeps the first. CSS is parsed with css-tree (loaded when an
 * EPUB is made); only text is inserted, the sheets stay as written.
 */
import { createRequire } from 'node:module';
import type * as CssTree from 'css-tree';
import type { FontRoles } from './fonts.ts';
import type { Medium, Theme } from './theme.ts';

const load = createRequire(import.meta.url);

/** The `:root` block of the properties Galley sets. */
export function themeVariables(theme: Theme, fonts: FontRoles, medium: Medium): string {
  const sc = fonts.smallCaps;
  const lines = [
    `--galley-text-font: ${cssString(fonts.text)};`,
    `--galley-display-font: ${cssString(fonts.display)};`,
    `--galley-sc-font: ${cssString(sc?.family ?? fonts.text)};`,
    `--galley-sc-weight: ${sc?.weight ?? 400};`,
    `--galley-ornament: ${ornamentValue(sceneOrnament(theme))};`,
  ];
  if (medium === 'print') lines.push(`--galley-font-size: ${theme.print['font-size']};`, '--galley-leading: var(--line);');
  return `/* Set by Galley from theme.json and book.yaml (README, Themes). */\n:root {\n${lines.map((l) => `  ${l}`).join('\n')}\n}\n`;
}

/** The scene-break ornament: the last theme of the chain that gives one (`scene-break` over `print`). */
function sceneOrnament(theme: Theme): string {
  let ornament = theme.print.ornament;
  for (const layer of theme.layers) {
    ornament = layer.manifest['scene-break']?.ornament ?? layer.manifest.print?.ornament ?? ornament;
  }
  return ornament;
}

/** Text as a CSS string; an ornament that is an image file of the theme, or `none`, is `none` here. */
function ornamentValue(ornament: string): string {
  const value = ornament.trim();
  return value === 'none' || /^[^\s]+\.(svg|png|jpe?g|gif|webp)$/i.test(value) ? 'none' : cssString(value);
}

export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

/**
 * `css` with a copy of each declaration that reads a custom property set in `:root` (or `html`),
 * the values written in, placed just before it. Declarations whose properties cannot all be
 * resolved are left alone.
 */
export function withStaticFallbacks(css: string): string {
  if (!css.includes('var(')) return css;
  const tree = load('css-tree') as typeof CssTree;
  const ast = tree.parse(css, { positions: true, parseValue: false, parseCustomProperty: false });
  const defined = new Map<string, string>();
  const readers: { offset: number; property: string; value: string; important: boolean }[] = [];
  tree.walk(ast, {
    visit: 'Declaration',
    enter(node) {
      const value = rawValue(node);
      const context = this as unknown as { rule?: CssTree.Rule | null; atrule?: CssTree.Atrule | null };
      if (node.property.startsWith('--')) {
        const selector = context.rule ? tree.generate(context.rule.prelude).trim() : '';
        if (!context.atrule && /^(:root|html)$/.test(selector)) defined.set(node.property, value.trim());
        return;
      }
      if (value.includes('var(') && node.loc) {
        readers.push({ offset: node.loc.start.offset, property: node.property, value, important: Boolean(node.important) });
      }
    },
  });
  let out = css;
  for (const reader of readers.reverse()) {
    const resolved = resolveVars(reader.value, defined, 0);
    if (resolved === undefined) continue;
    const copy = `${reader.property}: ${resolved.trim()}${reader.important ? ' !important' : ''};\n  `;
    out = out.slice(0, reader.offset) + copy + out.slice(reader.offset);
  }
  return out;
}

function rawValue(node: CssTree.Declaration): string {
  return node.value.type === 'Raw' ? node.value.value : '';
}

const VAR = /var\(\s*(--[\w-]+)\s*(?:,([^()]*(?:\([^()]*\)[^()]*)*))?\)/;

/** `value` with each `var()` replaced by the property's value (or its fallback); undefined when one is unknown. */
function resolveVars(value: string, defined: Map<string, string>, depth: number): string | undefined {
  if (depth > 64) return undefined;
  const match = VAR.exec(value);
  if (!match) return value;
  const [whole, name = '', fallback] = match;
  const given = defined.get(name) ?? fallback?.trim();
  if (given === undefined) return undefined;
  const inner = resolveVars(given, defined, depth + 1);
  if (inner === undefined) return undefined;
  return resolveVars(value.slice(0, match.index) + inner + value.slice(match.index + whole.length), defined, depth + 1);
}
