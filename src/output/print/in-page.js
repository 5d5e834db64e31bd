/*
 * Runs inside the print page, through DevTools (the book's own scripts never run there), while the
 * page is laid out on screen at the exact width of the printed text block. Evaluated as an
 * expression: `(<this file>)(options)`. It reports fonts that failed to load and measures each
 * block's height, for the page-count estimate that picks the gutter. (The lines and pages
 * themselves are set by lines-measure.js and lines-set.js: see set-lines.ts.)
 */
async () => {
  await document.fonts.ready;
  const failed = [...document.fonts].filter((face) => face.status === 'error').map((f) => `${f.family} ${f.weight} ${f.style}`);
  const heights = [...document.querySelectorAll('[data-block]')].map((el) => el.getBoundingClientRect().height * 0.75);
  return { failed, heights };
};
