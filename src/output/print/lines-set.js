/*
 * Runs inside the print page after lines-cut.js has cut every text unit into its lines, with the
 * pages the page makeup chose (print/set-lines.ts). Evaluated as `(<this file>)(options)`:
 *
 * 1. A line that sticks out as set (kerning between words, which the measure does not see) is
 *    tightened by what it sticks out.
 * 2. Each page's first unit or line gets a forced page break, and what starts a page loses its top
 *    margin (print truncates it). Every page holds no more than its text block, so Chromium makes
 *    no break of its own: its pages are the makeup's pages.
 * 3. Page footnotes (`options.notes`): each page's notes move to an aside at its foot.
 *
 * `options.starts`: `[unit id, line]` for each page that does not start a section; the line boxes
 * are lines-cut.js's (`window.galleyLines`).
 */
(options) => {
  const flow = window.galleyFlow;
  const lineDivs = window.galleyLines;
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
  return { set: lineDivs.size, starts: options.starts.length, tightened: over.length };
};
