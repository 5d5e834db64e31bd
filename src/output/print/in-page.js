/*
 * Runs inside the print page, through DevTools (the book's own scripts never run there), while the
 * page is laid out on screen at the exact width of the printed text block: the lines are the
 * printed lines. Evaluated as an expression: `(<this file>)(options)`. It reports fonts that
 * failed to load and measures each block's height (for the page-count estimate that picks the
 * gutter). With `options.settle`, once the width is final, it also
 *  - drops the drop cap of an opening paragraph shorter than the drop cap (it would hang into the
 *    next paragraph); the small-caps lead-in stays;
 *  - lets at most `maxRun` lines in a row end in a hyphen: where a run would be longer, the word
 *    that ends the next line loses its soft hyphens;
 *  - removes every soft hyphen no line breaks at. A soft hyphen inside a word stops kerning and
 *    ligatures across it (and would sit in the PDF's text as U+00AD), so only those in use stay;
 *    a word set whole again can be narrower, so lines are measured again until nothing changes;
 *  - marks paragraphs of three lines to be kept together (see below).
 */
async (options) => {
  const SHY = '\u00ad';
  await document.fonts.ready;
  const failed = [...document.fonts].filter((face) => face.status === 'error').map((f) => `${f.family} ${f.weight} ${f.style}`);
  const linePx = options.linePt * (4 / 3);
  const range = document.createRange();
  const textNodes = (root) => {
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.includes(SHY)) nodes.push(node);
    return nodes;
  };
  /** True when the characters at `from` and `to` - 1 fall on two lines. */
  const broken = (node, from, to) => {
    range.setStart(node, Math.max(0, from));
    range.setEnd(node, Math.min(node.data.length, to));
    const rects = range.getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    return first && last && last.top > first.top + linePx / 2 ? first.top : undefined;
  };
  /**
   * The hyphenated line ends of a block: soft hyphens a line breaks at (the letters either side
   * of it fall on two lines; the soft hyphen's own box says less, as inside an ff ligature it has
   * a width too), and hard hyphens at a line end, which count towards a run as well.
   */
  const breaks = (root) => {
    const found = [];
    let unused = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === SHY) {
          const top = broken(node, i - 1, i + 2);
          if (top === undefined) unused++;
          else found.push({ node, index: i, top, soft: true });
        } else if (c === '-' && i > 0 && i + 1 < text.length && /\p{L}/u.test(text[i + 1])) {
          const top = broken(node, i, i + 2);
          if (top !== undefined) found.push({ node, index: i, top, soft: false });
        }
      }
    }
    return { found, unused };
  };
  const unhyphenateWord = (node, index) => {
    const text = node.data;
    let start = index;
    let end = index;
    while (start > 0 && !/\s/.test(text[start - 1])) start--;
    while (end < text.length && !/\s/.test(text[end])) end++;
    node.data = text.slice(0, start) + text.slice(start, end).replaceAll(SHY, '') + text.slice(end);
  };
  /** A soft hyphen to give up where more than `maxRun` lines in a row end in a hyphen. */
  const runTooLong = (found) => {
    let run = [];
    for (const b of found) {
      const previous = run[run.length - 1];
      run = previous && Math.abs(b.top - previous.top - linePx) < linePx / 2 ? [...run, b] : [b];
      if (run.length > options.maxRun) {
        const soft = run.filter((r) => r.soft);
        if (soft.length) return soft[soft.length - 1];
      }
    }
    return undefined;
  };
  /** Strips the soft hyphens not in `used` from a block's text, in place. */
  const strip = (block, used) => {
    const keep = new Map();
    for (const b of used.filter((u) => u.soft)) {
      if (!keep.has(b.node)) keep.set(b.node, new Set());
      keep.get(b.node).add(b.index);
    }
    for (const node of textNodes(block)) {
      const positions = keep.get(node) ?? new Set();
      const parts = node.data.split(SHY);
      let out = parts[0];
      let at = parts[0].length;
      for (let k = 1; k < parts.length; k++) {
        if (positions.has(at)) out += SHY;
        out += parts[k];
        at += 1 + parts[k].length;
      }
      node.data = out;
    }
  };
  let shortened = 0;
  let rounds = 0;
  if (options.settle) {
    for (const p of document.querySelectorAll('p.drop-cap')) {
      if (p.getBoundingClientRect().height < 3 * linePx - 1) p.classList.replace('drop-cap', 'small-caps');
    }
    // Outermost blocks only, so no text is handled twice.
    let blocks = [...document.querySelectorAll(options.blocks)].filter(
      (b) => /[\u00ad-]/.test(b.textContent) && !b.parentElement?.closest(options.blocks),
    );
    // Each round measures every block before changing any: a change before the next block is
    // measured would make the browser lay the document out again, block after block.
    while (blocks.length && rounds < 8) {
      rounds++;
      const measured = blocks.map((block) => breaks(block));
      const changed = [];
      blocks.forEach((block, i) => {
        const { found, unused } = measured[i];
        const victim = runTooLong(found);
        if (victim) {
          unhyphenateWord(victim.node, victim.index);
          shortened++;
          changed.push(block);
        } else if (unused > 0) {
          strip(block, found);
          changed.push(block);
        }
      });
      blocks = changed;
    }
  }
  if (options.settle) {
    // With orphans and widows of 2, a paragraph of three lines cannot be split; Chromium would
    // rather leave a widow than move it whole, so it is told to keep it together.
    for (const p of document.querySelectorAll('p')) {
      if (Math.round(p.getBoundingClientRect().height / linePx) === 3) p.classList.add('keep-together');
    }
  }
  const heights = [...document.querySelectorAll('[data-block]')].map((el) => el.getBoundingClientRect().height * 0.75);
  return { failed, shortened, rounds, heights };
};
