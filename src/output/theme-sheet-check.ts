/**
 * A theme's sheets (and the book's own) may not load anything: the print page answers only the
 * book's images and the theme's fonts, and an EPUB may hold only the files Galley packs. So an
 * `@import`, or a `url()` that is not a `data:` URL or a `#fragment`, is an error at its line and
 * column, saying where fonts and ornament images go instead — never a request refused in
 * silence, or an EPUB that points at a file it does not hold. Parsed with css-tree.
 */
import { createRequire } from 'node:module';
import type * as CssTree from 'css-tree';
import { GalleyError } from '../errors.ts';

const load = createRequire(import.meta.url);

/** Throws at the first `@import` or loading `url()` in `css`, read from `file` (as shown). */
export function checkSheet(css: string, file: string): void {
  if (!/@import|url\(/i.test(css)) return;
  const tree = load('css-tree') as typeof CssTree;
  const ast = tree.parse(css, { positions: true, parseValue: true, parseCustomProperty: true });
  let found: { what: string; loc: CssTree.CssLocation | undefined } | undefined;
  tree.walk(ast, (node) => {
    if (found) return;
    if (node.type === 'Atrule' && node.name.toLowerCase() === 'import') found = { what: '`@import`', loc: node.loc };
    if (node.type === 'Url' && !/^(data:|#)/i.test(node.value.trim())) found = { what: `\`url(${node.value})\``, loc: node.loc };
  });
  if (!found) return;
  throw new GalleyError('THEME_INVALID', `${found.what} in a stylesheet: a theme's CSS cannot load files`, {
    file,
    place: found.loc && { line: found.loc.start.line, column: found.loc.start.column },
    hint: 'List fonts in theme.json (`fonts`), name ornament images there (`chapter.ornament`, `scene-break.ornament`), and put the rules of another sheet in this one.',
  });
}
