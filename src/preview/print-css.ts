/**
 * The print CSS made to work in the preview's page boxes: there, each page's text block stands
 * for the print document's `body`, and the page box for its root (`html`, `:root`), inside a
 * shadow root where neither exists. The rules for pages cut out of the flow are the PDF's too
 * (output/print/slice-css.ts).
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
