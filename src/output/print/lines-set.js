/*
 * Runs inside the print page after lines-cut.js has cut every text unit into its lines, with the
 * pages the page makeup chose (print/set-lines.ts). Evaluated as `(<this file>)(options)`:
 *
 * 1. Everything with text is painted in reading order, so the PDF's text reads in order: a scaled
 *    line (a transform) paints with the positioned boxes, after any text that is not in one. So
 *    every line is positioned (lines-cut.js's style), every unit set whole, every list item (whose
 *    marker paints with it), and any text left outside them (the text of a <details> beside its
 *    summary).
 * 2. A line that sticks out as set (kerning between words, which the measure does not see) is
 *    tightened by what it sticks out.
 * 3. Each page's first unit or line gets a forced page break, and what starts a page loses its top
 *    margin (print truncates it). Every page holds no more than its text block, so Chromium makes
 *    no break of its own: its pages are the makeup's pages.
 *
 * Page footnotes are placed after it, by notes-set.js.
 *
 * `options.starts`: `[unit id, line]` for each page that does not start a section;
 * `options.solids`: the ids of the units set whole (images, tables, ornaments). The line boxes are
 * lines-cut.js's (`window.galleyLineBoxes`).
 */
(options) => {
  const flow = window.galleyFlow;
  const lineDivs = window.galleyLineBoxes;
  // 1. Units set whole, and text outside every line and unit, positioned.
  const solids = (options.solids ?? []).map((id) => flow[id]);
  const statics = solids.filter((el) => getComputedStyle(el).position === 'static');
  for (const el of statics) el.style.position = 'relative';
  for (const el of solids) el.classList.add('galley-whole');
  const stray = [];
  for (const section of document.querySelectorAll('section[data-block]')) {
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/\S/.test(node.data) && !node.parentElement.closest('.galley-line, .galley-whole, aside, .galley-paged-notes'))
        stray.push(node);
    }
  }
  for (const node of stray) {
    const span = document.createElement('span');
    span.style.position = 'relative';
    node.replaceWith(span);
    span.append(node);
  }
  // 2. The measure sums words measured apart; a line can come out a hair wider as set (kerning
  // between words, a ligature a hyphen split). Each line is measured as set, and one that sticks
  // out is tightened by what it sticks out (justification then fills it exactly).
  const over = [];
  const measure = document.createRange();
  for (const divs of lineDivs.values()) {
    for (const div of divs) {
      measure.selectNodeContents(div);
      const right = Math.max(...[...measure.getClientRects()].map((r) => r.right));
      const room = div.getBoundingClientRect().right;
      if (right > room + 0.05) over.push([div, right - room]);
    }
  }
  for (const [div, by] of over) {
    const spaces = (div.textContent.trim().match(/ +/g) ?? []).length;
    if (!spaces) continue;
    const now = Number.parseFloat(div.style.wordSpacing) || 0;
    div.style.wordSpacing = `${(now - by / spaces - 0.05).toFixed(3)}px`;
  }
  // 3. The page starts.
  for (const [id, line] of options.starts) {
    const el = flow[id];
    const target = line > 0 ? lineDivs.get(id)?.[line] : el;
    if (!target) continue;
    target.classList.add('galley-page-start');
    if (line === 0) {
      // What the page starts with, and each element it is the first content of, lose their top margin.
      for (let node = el; node && !node.matches('section[data-block]'); node = node.parentElement) {
        node.classList.add('galley-top');
        const parent = node.parentElement;
        if (!parent || parent.firstElementChild !== node) break;
      }
    }
  }
  return { set: lineDivs.size, starts: options.starts.length, tightened: over.length };
};
