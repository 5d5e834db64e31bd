/*
 * Runs inside the print page after lines-measure.js, with the lines and pages the page makeup
 * chose (print/set-lines.ts). Evaluated as `(<this file>)(options)`:
 *
 * 1. Each text unit's lines are set: its content is cut at each line's end (a DOM Range, from
 *    the last line back, so the places measured stay valid) into one `div.galley-line` per line,
 *    a line box that cannot wrap (`white-space: nowrap`, one line high). A line that is not the
 *    paragraph's last is justified to the measure, after its word spacing (which may be negative:
 *    a line set tight) and, rarely, letter spacing; a hyphenated line shows its hyphen. Inline
 *    elements cut by a line end are split in two by the Range, so every line's markup is whole.
 * 2. Each page's first unit or line gets a forced page break, and what starts a page loses its top
 *    margin (print truncates it). Every page holds no more than its text block, so Chromium makes
 *    no break of its own: its pages are the makeup's pages.
 *
 * Page footnotes are placed after it, by notes-set.js.
 *
 * `options.units`: `[unit id, cuts, lines]` where cuts are `[token, piece]` (piece −1: no hyphen)
 * and lines `[wordSpacing, letterSpacing, hyphenated, justified, scale?, width?, origin?, indent?]`
 * (set-lines.ts `SetLine`); `options.starts`: `[unit id, line]` for each page that does not start
 * a section; `options.solids`: the ids of the units set whole (images, tables, ornaments).
 */
(options) => {
  const flow = window.galleyFlow;
  const SHY = '\u00ad';
  const style = document.createElement('style');
  style.textContent = `
    .galley-set > .galley-line { display: block; position: relative; height: 1lh; white-space: nowrap; text-indent: 0; text-align-last: auto; }
    .galley-set > .galley-line.galley-first { text-indent: inherit; }
    :where(.galley-set, section[data-block] li) { position: relative; }
    .galley-set > .galley-line.galley-justify { text-align: justify; text-align-last: justify; }
    .galley-set > .galley-line > .galley-hyphen { margin-left: calc(-1 * var(--galley-letter-spacing, 0px)); user-select: none; }
    .galley-page-start { break-before: page !important; }
    .galley-top { margin-top: 0 !important; }
    section[data-block], section[data-block] * { orphans: 1 !important; widows: 1 !important; }
    section[data-block] * { break-inside: auto !important; break-after: auto !important; }
    section[data-block] *:not(.galley-page-start) { break-before: auto !important; }`;
  document.head.append(style);
  const place = (el, cut) => {
    const [token, piece] = cut;
    const at = piece >= 0 ? el.galleyPlaces[token].shy[piece] : el.galleyPlaces[token].end;
    if (at.offset >= 0) return at;
    // An element (a <br>, an image): the point after it.
    const node = at.node;
    return { node: node.parentNode, offset: [...node.parentNode.childNodes].indexOf(node) + 1 };
  };
  // Everything with text is painted in reading order, so the PDF's text reads in order: a scaled
  // line (a transform) paints with the positioned boxes, after any text that is not in one. So
  // every line is positioned, every unit (and every list item, whose marker paints with it), and
  // (after the lines) any text left outside them (the text of a <details> beside its summary).
  const solids = (options.solids ?? []).map((id) => flow[id]);
  const statics = solids.filter((el) => getComputedStyle(el).position === 'static');
  for (const el of statics) el.style.position = 'relative';
  for (const el of solids) el.classList.add('galley-whole');
  const lineDivs = new Map();
  const range = document.createRange();
  for (const [id, cuts, lines] of options.units) {
    const el = flow[id];
    const points = cuts.map((cut) => place(el, cut));
    const divs = [];
    for (let k = points.length; k >= 0; k--) {
      if (k === 0) range.setStart(el, 0);
      else range.setStart(points[k - 1].node, points[k - 1].offset);
      range.setEnd(el, el.childNodes.length);
      const div = document.createElement('div');
      div.className = 'galley-line';
      div.append(range.extractContents());
      divs.unshift(div);
    }
    divs.forEach((div, k) => {
      const [wordSpacing, letterSpacing, hyphenated, justified, scale, width, origin, indent] = lines[k] ?? [0, 0, false, false];
      if (wordSpacing) div.style.wordSpacing = `${wordSpacing.toFixed(3)}px`;
      if (scale) {
        // Glyph expansion: the line laid out a little narrower or wider and scaled to the measure,
        // from the drop cap's edge beside one. A CSS drop cap (::first-letter) is in the line
        // itself: that line scales from its start, so the letter never moves into the margin.
        const fromStart = k === 0 && origin > 0 && el.classList.contains('drop-cap');
        const box = fromStart ? (origin + (width - origin) * scale) / scale : width;
        div.style.width = `${box.toFixed(3)}px`;
        div.style.transformOrigin = `${(fromStart ? 0 : origin).toFixed(3)}px 0`;
        div.style.transform = `scaleX(${scale.toFixed(5)})`;
        if (k === 0) div.style.textIndent = `${indent.toFixed(3)}px`;
      }
      if (letterSpacing) {
        div.style.letterSpacing = `${letterSpacing.toFixed(3)}px`;
        // The spacing after the soft hyphen taken back, so the hyphen stands over it.
        div.style.setProperty('--galley-letter-spacing', `${letterSpacing.toFixed(3)}px`);
      }
      if (justified) div.classList.add('galley-justify');
      if (hyphenated) {
        // The hyphen a break at a soft hyphen shows, drawn over the soft hyphen as a browser draws
        // one (readers of the PDF's text find the break by it); hidden from assistive technology
        // and from copying, and measured with the line below.
        const hyphen = document.createElement('span');
        hyphen.className = 'galley-hyphen';
        hyphen.setAttribute('aria-hidden', 'true');
        hyphen.textContent = '-';
        div.append(hyphen);
      }
    });
    // Only the soft hyphens lines break at stay: one inside a word would stop its kerning and
    // ligatures, and sit in the PDF's text.
    divs.forEach((div, k) => {
      const texts = [];
      const walker = document.createTreeWalker(div, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.includes(SHY)) texts.push(node);
      const keep = lines[k]?.[2] ? texts[texts.length - 1] : undefined;
      for (const node of texts) {
        const ends = node === keep && node.data.endsWith(SHY);
        node.data = node.data.replaceAll(SHY, '') + (ends ? SHY : '');
      }
    });
    divs[0]?.classList.add('galley-first');
    // A drawn drop cap floats from the paragraph, not from its first line, which may be scaled.
    const art = divs[0]?.querySelector(':scope > .drop-cap-art');
    if (art) el.append(art);
    el.classList.add('galley-set');
    el.append(...divs);
    lineDivs.set(id, divs);
  }
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
  // The measure sums words measured apart; a line can come out a hair wider as set (kerning
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
  return { set: options.units.length, starts: options.starts.length, tightened: over.length };
};
