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
 * 3. Page footnotes (`options.notes`): each page's notes move to an aside at its foot.
 *
 * `options.units`: `[unit id, cuts, lines]` where cuts are `[token, piece]` (piece −1: no hyphen)
 * and lines `[wordSpacing, letterSpacing, hyphenated, justified]`; `options.starts`: `[unit id,
 * line]` for each page that does not start a section.
 */
(options) => {
  const flow = window.galleyFlow;
  const SHY = '\u00ad';
  const style = document.createElement('style');
  style.textContent = `
    .galley-set > .galley-line { display: block; height: 1lh; white-space: nowrap; text-indent: 0; text-align-last: auto; }
    .galley-set > .galley-line.galley-first { text-indent: inherit; }
    .galley-set > .galley-line.galley-justify { text-align: justify; text-align-last: justify; }
    .galley-set > .galley-line > .galley-hyphen { margin-left: calc(-1 * var(--galley-letter-spacing, 0px)); user-select: none; }
    .galley-page-start { break-before: page !important; }
    .galley-top { margin-top: 0 !important; }
    aside.galley-notes { display: block; position: relative; text-indent: 0; text-align: left; white-space: normal; font-style: normal; }
    aside.galley-notes::before { content: ''; position: absolute; left: 0; top: calc(${options.noteGap / 2}px - 0.25pt); width: 25%; border-top: 0.5pt solid currentColor; }
    aside.galley-notes > ol { margin: 0; }
    section.galley-paged-notes { display: none; }
    section[data-block], section[data-block] * { orphans: 1 !important; widows: 1 !important; }
    section[data-block] * { break-inside: auto !important; break-after: auto !important; }
    section[data-block] *:not(.galley-page-start) { break-before: auto !important; }`;
  document.head.append(style);
  const place = (el, cut) => {
    const [token, piece] = cut;
    const places = el.galleyPlaces;
    const at = piece >= 0 ? places.shy[token][piece] : { node: places.node[token], offset: places.offset[token] };
    if (at.offset >= 0) return at;
    // An element (a <br>, an image): the point after it.
    const node = at.node;
    return { node: node.parentNode, offset: [...node.parentNode.childNodes].indexOf(node) + 1 };
  };
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
      const [wordSpacing, letterSpacing, hyphenated, justified] = lines[k] ?? [0, 0, false, false];
      if (wordSpacing) div.style.wordSpacing = `${wordSpacing.toFixed(3)}px`;
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
    el.classList.add('galley-set');
    el.append(...divs);
    lineDivs.set(id, divs);
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
  // 3. Each page's notes, moved out of the chapter's list into an aside at the end of the page's
  // content (before what starts the next page), under a short rule, pushed to the foot.
  for (const [ids, before, room, section] of options.notes) {
    const aside = document.createElement('aside');
    aside.className = 'footnotes galley-notes';
    aside.setAttribute('role', 'doc-footnotes');
    aside.style.marginTop = `${Math.max(0, room).toFixed(3)}px`;
    aside.style.paddingTop = `${options.noteGap.toFixed(3)}px`;
    const list = document.createElement('ol');
    for (const id of ids) {
      const note = window.galleyNotes.get(id);
      if (!note) continue;
      note.li.value = note.n;
      list.append(note.li);
    }
    aside.append(list);
    const [unit, line] = before ?? [-1, 0];
    const target = before ? (line > 0 ? lineDivs.get(unit)?.[line] : flow[unit]) : undefined;
    if (target) target.before(aside);
    else window.galleySections[section].append(aside);
  }
  // The notes' last baseline on the text's: a note line is smaller type on the same line height,
  // so its baseline stands a little higher in the line; each aside is moved down by the difference
  // (relative positioning: nothing else moves).
  const asides = [...document.querySelectorAll('aside.galley-notes')];
  // A line of body text (a heading's line is taller): set at the body's line height.
  const line = [...document.querySelectorAll('p.galley-set > .galley-line')].find(
    (div) => Math.abs(Number.parseFloat(getComputedStyle(div).lineHeight) - options.noteGap) < 0.5,
  );
  if (asides.length && line) {
    const probe = () => {
      const mark = document.createElement('span');
      mark.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
      return mark;
    };
    const rise = (box, host) => {
      const mark = probe();
      host.append(mark);
      const up = box.getBoundingClientRect().bottom - mark.getBoundingClientRect().top;
      mark.remove();
      return up;
    };
    const text = rise(line, line);
    for (const aside of asides) {
      const last = aside.querySelector('li:last-child');
      const host = last?.querySelector('p:last-of-type') ?? last;
      if (host) aside.style.top = `${(rise(aside, host) - text).toFixed(3)}px`;
    }
  }
  // A chapter's list, its notes all gone to their pages, goes.
  for (const list of document.querySelectorAll('section.galley-paged-notes')) if (!list.querySelector('li')) list.remove();
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
