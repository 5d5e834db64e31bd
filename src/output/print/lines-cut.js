/*
 * Runs inside the print page after lines-measure.js, with the lines the line breaker chose for
 * some of the text units (print/set-lines.ts sends them as they are chosen, in cuts: cut-lines.ts).
 * Evaluated as `(<this file>)(options)`. Each unit's content is cut at each line's end (a DOM
 * Range, from the last line back, so the places measured stay valid) into one `div.galley-line`
 * per line: a line box one line high that cannot wrap (`white-space: nowrap`; the style sheet is
 * added by the first cut, with how the pages break). A line that is not the paragraph's last is
 * marked to be justified, after its word spacing (which may be negative: a line set tight) and,
 * rarely, letter spacing; a line with expanded glyphs is laid out a little narrower or wider and
 * scaled to the measure; a hyphenated line shows its hyphen. Inline elements cut by a line end
 * are split in two by the Range, so every line's markup is whole. Only the soft hyphens lines
 * break at stay.
 *
 * Nothing is cut once the measure is stale (lines-measure.js's `finish()` found a face the canvas
 * lacked: every unit is measured and broken again). The line boxes are kept by unit id in
 * `window.galleyLineBoxes`.
 *
 * `options.units`: `[unit id, cuts, lines]` where cuts are `[token, piece]` (piece −1: no hyphen)
 * and lines `[wordSpacing, letterSpacing, hyphenated, justified, scale?, width?, origin?, indent?]`
 * (set-lines.ts `SetLine`).
 */
(options) => {
  if (window.galleyMeasure.stale) return 0;
  const flow = window.galleyFlow;
  const SHY = '\u00ad';
  if (!window.galleyLinesStyled) {
    // The line boxes' style, and how the pages break, in place from the first cut (after all
    // measuring, which reads the break properties it overrides): what Chromium lays out
    // meanwhile, it lays out as it will be printed.
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
    window.galleyLinesStyled = true;
  }
  const place = (el, cut) => {
    const [token, piece] = cut;
    const places = el.galleyPlaces;
    const at = piece >= 0 ? places.shy[token][piece] : { node: places.node[token], offset: places.offset[token] };
    if (at.offset >= 0) return at;
    // An element (a <br>, an image): the point after it.
    const node = at.node;
    return { node: node.parentNode, offset: [...node.parentNode.childNodes].indexOf(node) + 1 };
  };
  const lineDivs = window.galleyLineBoxes;
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
        // The matrix moves the line by a millionth of a pixel as well: Chromium prints an element
        // whose matrix only scales as a form XObject of its own (a transparency group), which
        // tripled the print's time and made the PDF twenty times the size (Pride and Prejudice:
        // 9,083 forms → 324, the furniture's).
        const fromStart = k === 0 && origin > 0 && el.classList.contains('drop-cap');
        const box = fromStart ? (origin + (width - origin) * scale) / scale : width;
        div.style.width = `${box.toFixed(3)}px`;
        div.style.transformOrigin = `${(fromStart ? 0 : origin).toFixed(3)}px 0`;
        div.style.transform = `translateX(0.000001px) scaleX(${scale.toFixed(5)})`;
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
  return options.units.length;
};
