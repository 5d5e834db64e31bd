/**
 * The print CSS made to work in the preview's page boxes: there, each page's text block stands
 * for the print document's `body`, and the page box for its root (`html`, `:root`), inside a
 * shadow root where neither exists. Plus the rules for pages cut out of the flow (see
 * output/print/page-cut.js and page-slices.js).
 */

/**
 * Rewrites `html`/`:root` selectors to `root` (`.print-root`), and `body` to `body`
 * (`.print-body`). The EPUB view scopes its CSS the same way, to `:host` and `.book`.
 */
export function scopeCss(css: string, root = '.print-root', body = '.print-body'): string {
  return css
    .replace(/:root(?![\w-])/g, root)
    .replace(/(^|[\s,>+~(}])html(?![\w-])/g, `$1${root}`)
    .replace(/(^|[\s,>+~(}])body(?![\w-])/g, `$1${body}`);
}

/**
 * An element a page's cut goes through: continued from the page before (`galley-cont`: no
 * indent, nothing above it), going on to the next (`galley-split`: its last line here is a full,
 * justified line), or first on a page the flow ran onto (`galley-top`: print drops the margin
 * above it).
 */
export const SLICE_CSS = `.galley-cont {
  text-indent: 0 !important;
  margin-top: 0 !important;
  padding-top: 0 !important;
  border-top: none !important;
}
.galley-top {
  margin-top: 0 !important;
}
.galley-split {
  margin-bottom: 0 !important;
  padding-bottom: 0 !important;
  border-bottom: none !important;
}
:is(p, li, dd, dt, figcaption, td, th).galley-split {
  text-align-last: justify;
}`;
