/**
 * The rules for pages cut out of the flow (page-cut.js, page-slices.js), the same in the PDF's
 * sheets and the preview's pages.
 */

/**
 * An element a page's cut goes through: continued from the page before (`galley-cont`: no
 * indent, nothing above it, and no least height: a drop cap's paragraph keeps the cap's height
 * on its first page only), going on to the next (`galley-split`: its last line here is a full,
 * justified line), or first on a page the flow ran onto (`galley-top`: print drops the margin
 * above it).
 */
export const SLICE_CSS = `.galley-cont {
  text-indent: 0 !important;
  min-height: 0 !important;
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
