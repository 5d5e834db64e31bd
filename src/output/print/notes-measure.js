/*
 * Runs inside the print page, handed to lines-measure.js (page-script.ts passes it as an
 * argument), which takes the notes of each chapter that sets them at the foot of its pages out of
 * the flow (`window.galleyNotes`, their lists marked `galley-paged-notes`). Evaluated as
 * `(<this file>)`; calling it gives the measure of one section's notes, for print/set-lines.ts:
 *
 * 1. The rules of the notes' asides (notes-set.js) are added, and the chapters' own lists hidden.
 *    What an earlier measure of the page left (when everything is measured again) goes first: the
 *    notes back in their lists, the measuring asides and the rules.
 * 2. A section's notes move into an aside like those they will stand in, at the section's
 *    measure (notes-set.js moves them on and takes it away), and each is measured there: its
 *    height, and its lines. A line's top and bottom come from the block it stands in (its
 *    content's top and its line height), where the line starts from its first character's box;
 *    the line before may end a part of the note unless it ends inside a word (a hyphenated line).
 *    Where each line starts in the DOM is kept in `window.galleyNoteLines`, for notes-set.js.
 *
 * The measure of a section returns its notes in order: `{ id, height, lines: [top, bottom, breakable] }`.
 */
() => {
  const SHY = '\u00ad';
  const px = (value) => Number.parseFloat(value) || 0;
  for (const probe of document.querySelectorAll('aside.galley-notes-probe')) {
    probe.parentElement
      .querySelector(':scope > section.galley-paged-notes > ol')
      ?.append(...probe.querySelectorAll(':scope > ol > li'));
    probe.remove();
  }
  for (const old of document.querySelectorAll('head style[data-galley-notes]')) old.remove();
  const style = document.createElement('style');
  style.dataset.galleyNotes = '';
  style.textContent = `
    aside.galley-notes { display: block; position: relative; text-indent: 0; text-align: left; white-space: normal; font-style: normal; }
    aside.galley-notes > ol { margin: 0; position: relative; }
    aside.galley-notes > ol::before { content: ''; position: absolute; left: 0; top: calc(var(--galley-note-gap, 0px) / -2 - 0.25pt); width: 25%; border-top: 0.5pt solid currentColor; }
    aside.galley-notes.galley-notes-probe > ol::before { content: none; }
    aside.galley-notes li.galley-note-rest { list-style: none; }
    aside.galley-notes li.galley-note-rest > :first-child { text-indent: 0; }
    section.galley-paged-notes { display: none; }`;
  document.head.append(style);
  window.galleyNoteLines = new Map();
  const range = document.createRange();
  const blocks = new Map();
  /** The block a text node's line stands in: its content's top and its line height. */
  const blockOf = (node) => {
    let el = node.parentElement;
    while (el && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
    let known = blocks.get(el);
    if (!known) {
      const cs = getComputedStyle(el);
      // Lines stand at the layout's pitch (whole 64ths of a pixel).
      const lineHeight = Math.round((cs.lineHeight === 'normal' ? px(cs.fontSize) * 1.2 : px(cs.lineHeight)) * 64) / 64;
      known = { top: el.getBoundingClientRect().top + px(cs.borderTopWidth) + px(cs.paddingTop), lineHeight };
      blocks.set(el, known);
    }
    return known;
  };
  const boxOf = (node, from, to) => {
    range.setStart(node, from);
    range.setEnd(node, to);
    return [...range.getClientRects()];
  };
  const measureNote = (li) => {
    const cs = getComputedStyle(li);
    const rect = li.getBoundingClientRect();
    const top = rect.top - px(cs.marginTop);
    const lines = [];
    const starts = [];
    let bottom = Number.NEGATIVE_INFINITY;
    // What stands before the next character: a space (a line may start after it), and the last character.
    let spaced = false;
    let last = '';
    const start = (node, offset, box) => {
      const block = blockOf(node);
      const mid = (box.top + box.bottom) / 2;
      const lineTop = block.top + Math.floor((mid - block.top) / block.lineHeight) * block.lineHeight;
      // The line before may end a part unless it ends inside a word.
      const previous = lines[lines.length - 1];
      if (previous) previous[2] = spaced || /[-\u2010\u2013\u2014/]/.test(last);
      lines.push([lineTop - top, lineTop + block.lineHeight - top, false]);
      starts.push({ node, offset });
      bottom = lineTop + block.lineHeight - 1;
    };
    const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      let i = 0;
      while (i < text.length) {
        if (/\s/.test(text[i])) {
          spaced = true;
          i++;
          continue;
        }
        let j = i;
        while (j < text.length && !/\s/.test(text[j])) j++;
        // A word on one line needs one look; one a line breaks in, a look at each character.
        const whole = boxOf(node, i, j);
        if (whole.length > 0) {
          for (let k = i; k < j; k++) {
            const box = whole.length === 1 && k > i ? undefined : boxOf(node, k, k + 1)[0];
            // An unbroken soft hyphen has an empty box, wherever it stands.
            if (box && (box.width > 0 || text[k] !== SHY) && box.top > bottom) start(node, k, box);
            spaced = false;
            last = text[k];
          }
        }
        i = j;
      }
    }
    window.galleyNoteLines.set(li.id, starts);
    return { id: li.id, height: rect.height + px(cs.marginTop) + px(cs.marginBottom), lines };
  };
  return (section) => {
    const list = section.querySelector(':scope > section.galley-paged-notes');
    const items = list ? [...list.querySelectorAll(':scope > ol > li[id]')] : [];
    if (!items.length) return [];
    const aside = document.createElement('aside');
    aside.className = 'footnotes galley-notes galley-notes-probe';
    const ol = document.createElement('ol');
    ol.append(...items);
    aside.append(ol);
    section.append(aside);
    return items.map(measureNote);
  };
};
