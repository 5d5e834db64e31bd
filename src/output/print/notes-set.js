/*
 * Runs inside the print page after lines-set.js, with each page's notes as the page makeup chose
 * them (print/page-notes.ts placeNotes). Evaluated as `(<this file>)(options)`:
 *
 * 1. A note that runs on to the next page is cut where each of its parts starts (a DOM Range from
 *    the line notes-measure.js found, from the last part back): the first part stays in the
 *    note's own list item, each other part goes into one of its own, unnumbered.
 * 2. Each page's parts move into an aside at the end of the page's content (before what starts
 *    the next page), under a short rule, pushed to the foot of the body lines they take by the
 *    room their lines leave over (so the aside ends on the body's grid); a
 *    page of notes run on past the body starts with its aside. An aside standing inside a block
 *    (a letter set as a quotation) takes the section's measure and type, as it was measured.
 * 3. The notes' last baseline on the text's: a note line is smaller type on the same line height,
 *    so its baseline stands a little higher in the line; each aside is moved down by the
 *    difference (relative positioning: nothing else moves).
 * 4. The measuring asides, and the chapters' lists their notes all left, go.
 *
 * `options.notes`: per page with notes, `[parts, before, lines, section, alone]` (page-notes.ts
 * PlacedNotes); `options.noteGap`: the room above a page's notes (px). Returns, for each page of
 * notes alone, its first words (at most `options.words`), as the page's text reads: the EPUB's
 * page list marks where that page begins in the notes.
 */
(options) => {
  const flow = window.galleyFlow;
  const notes = window.galleyNotes;
  const range = document.createRange();
  // 1. The notes cut into their parts.
  const cuts = new Map();
  for (const [parts] of options.notes)
    for (const [id, from] of parts) if (from > 0) cuts.set(id, [...(cuts.get(id) ?? []), from]);
  const pieces = new Map();
  for (const [id, froms] of cuts) {
    const li = notes.get(id)?.li;
    const starts = window.galleyNoteLines.get(id) ?? [];
    if (!li) continue;
    for (const from of [...froms].sort((a, b) => b - a)) {
      const at = starts[from];
      if (!at) continue;
      // A justified paragraph cut inside keeps the line it now ends on justified.
      const block = at.node.parentElement.closest('p') ?? li;
      range.setStart(block, 0);
      range.setEnd(at.node, at.offset);
      const inside = /\S/.test(range.toString());
      range.setStart(at.node, at.offset);
      range.setEnd(li, li.childNodes.length);
      const rest = document.createElement('li');
      rest.className = 'galley-note-rest';
      rest.append(range.extractContents());
      pieces.set(`${id}:${from}`, rest);
      if (inside && getComputedStyle(block).textAlign === 'justify') block.style.textAlignLast = 'justify';
    }
  }
  // 2. Each page's notes, in an aside at its foot. A body line as laid out: a line in the
  // section's type at the body's line height.
  const bodyLine = document.createElement('div');
  bodyLine.textContent = 'x';
  bodyLine.style.lineHeight = `${options.noteGap}px`;
  window.galleySections[0].append(bodyLine);
  const pitch = bodyLine.getBoundingClientRect().height;
  const probes = new Map([...document.querySelectorAll('aside.galley-notes-probe')].map((a) => [a.parentElement, a]));
  const asides = [];
  const aloneAsides = [];
  for (const [parts, before, lines, s, alone] of options.notes) {
    const section = window.galleySections[s];
    const aside = document.createElement('aside');
    aside.className = 'footnotes galley-notes';
    aside.setAttribute('role', 'doc-footnotes');
    aside.style.setProperty('--galley-note-gap', `${options.noteGap.toFixed(3)}px`);
    if (alone) {
      aside.classList.add('galley-page-start');
      aloneAsides.push(aside);
    }
    const list = document.createElement('ol');
    for (const [id, from] of parts) {
      const note = notes.get(id);
      const item = from > 0 ? pieces.get(`${id}:${from}`) : note?.li;
      if (!item) continue;
      if (from === 0 && note) item.value = note.n;
      list.append(item);
    }
    aside.append(list);
    const [unit, line] = before ?? [-1, 0];
    const target = before ? (line > 0 ? flow[unit]?.querySelectorAll(':scope > .galley-line')[line] : flow[unit]) : undefined;
    if (target) target.before(aside);
    else section.append(aside);
    const probe = probes.get(section);
    if (probe && aside.parentElement !== section) {
      const [want, got] = [probe.getBoundingClientRect(), aside.getBoundingClientRect()];
      aside.style.marginLeft = `${(want.left - got.left).toFixed(3)}px`;
      aside.style.marginRight = `${(got.right - want.right).toFixed(3)}px`;
      aside.style.fontSize = getComputedStyle(probe).fontSize;
    }
    // The rule's room and what their lines leave over, above them (padding, not the theme's
    // margin: a page's top keeps it): the aside ends on the body's grid.
    aside.style.marginTop = '0px';
    aside.style.paddingTop = `${Math.max(0, lines * pitch - aside.getBoundingClientRect().height).toFixed(4)}px`;
    asides.push(aside);
  }
  // 3. The notes' last baseline on the body's: the rise of a baseline from its line's foot, in
  // the body's type and in the notes'.
  const rise = (box, host) => {
    const mark = document.createElement('span');
    mark.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
    host.append(mark);
    const up = box.getBoundingClientRect().bottom - mark.getBoundingClientRect().top;
    mark.remove();
    return up;
  };
  const text = rise(bodyLine, bodyLine);
  bodyLine.remove();
  for (const aside of asides) {
    const last = aside.querySelector(':scope > ol > li:last-child');
    const host = last?.querySelector('p:last-of-type') ?? last;
    if (host) aside.style.top = `${(rise(aside, host) - text).toFixed(3)}px`;
  }
  // 4. What measured the notes, and the lists they left. A note no page took (there should be
  // none) stays, at its chapter's end, rather than be lost.
  for (const probe of probes.values()) {
    if (probe.querySelector('li')) probe.classList.remove('galley-notes-probe');
    else probe.remove();
  }
  for (const list of document.querySelectorAll('section.galley-paged-notes')) {
    if (list.querySelector('li')) list.classList.remove('galley-paged-notes');
    else list.remove();
  }
  // The first words of each page of notes alone (the rendered text: no list numbers, no hidden links).
  const words = (aside) =>
    aside.innerText
      .replace(/\u00ad/g, '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, options.words)
      .join(' ');
  return { asides: asides.length, cut: pieces.size, alone: aloneAsides.map(words) };
};
