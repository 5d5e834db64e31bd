/*
 * Runs inside the print page (through DevTools), laid out on screen at the text block's width,
 * once the fonts are loaded. Evaluated as `(<this file>)(options, <lines-tokens.js>,
 * <notes-measure.js>)`, which
 * returns the number of sections and leaves `window.galleyMeasure`: `section(k)` measures the
 * k-th (Node asks for them all at once, and breaks the lines of one while the page measures the
 * next), `finish()` says whether everything must be measured again (step 5; `stale` then, and
 * lines-cut.js cuts nothing). It reads the body as
 * the page makeup needs it and measures the text with the real fonts, changing nothing:
 *
 * 1. Each section (`section[data-block]`) is cut into units, in reading order: a text unit is a
 *    block whose content is all inline (a paragraph, a heading, a list item, a caption); anything
 *    else that takes room (an image, a figure, a table, a rule, a scene break) is a solid unit,
 *    measured whole. A unit's gap is the room between it and the unit before (margins, padding),
 *    which line breaking does not change.
 * 2. A text unit's text becomes tokens for the line breaker (lines-tokens.js): words, with the
 *    pieces their soft hyphens make, spaces, forced breaks, inline boxes, measured on a canvas
 *    with each run's own computed font. The tokens go as indices into one list of the page's
 *    distinct tokens (`words`).
 * 3. The first lines' measure: the text indent, and a drop cap's float (its width, and how many
 *    lines it spans).
 * 4. With `options.footnotes`, a chapter's notes (remark-rehype's `section.footnotes`) leave the
 *    flow, each call tied to the token it stands in, and once the section's units are measured,
 *    its notes and their lines are (notes-measure.js): the makeup puts a note at the foot of the
 *    page its call falls on, or begins it there.
 *
 * 5. A canvas measures with a face only once it is loaded, and asks for the faces it lacks: when
 *    it asked for any, `finish()` loads them and says so, and everything is measured again. (The
 *    body's text has loaded the faces it uses; a book's fonts declare many more, for scripts it
 *    never uses.)
 *
 * The units' elements are kept in `window.galleyFlow`, and where each token ends in the DOM on
 * each element (`galleyPlaces`), for lines-set.js. Each section comes as JSON text (one string is
 * much quicker through DevTools than the same values as objects), with the tokens first used in
 * it (`words`: the tokens' indices run on from section to section).
 */
(options, tokenizer, noteMeasurer) => {
  const SHY = '\u00ad';
  const px = (value) => Number.parseFloat(value) || 0;
  const BLOCKISH = new Set(['block', 'list-item', 'table', 'flex', 'grid', 'flow-root', 'table-row-group', 'table-row']);
  const isBlock = (el) => {
    const cs = getComputedStyle(el);
    return BLOCKISH.has(cs.display) && cs.float === 'none' && cs.position !== 'absolute' && cs.position !== 'fixed';
  };
  const SOLID = new Set(['IMG', 'SVG', 'HR', 'TABLE', 'FIGURE', 'PRE', 'VIDEO', 'IFRAME', 'svg']);
  /** True when the element is a block holding only inline content (and some text or an image). */
  const isTextLeaf = (el) => {
    if (SOLID.has(el.tagName) || el.classList.contains('scene-break')) return false;
    for (const child of el.children) if (isBlock(child)) return false;
    return /\S/.test(el.textContent.replaceAll(SHY, '')) || el.querySelector('img') !== null;
  };
  // Faces not ready yet (a face loading since the page last changed counts as asked for).
  const unloaded = [...document.fonts].filter((face) => face.status === 'unloaded' || face.status === 'loading');
  const { tokenize, words } = tokenizer();
  window.galleyNotes = new Map();
  const measureNotes = options.footnotes ? noteMeasurer() : () => [];
  let sent = 0;
  const flow = [];
  window.galleyFlow = flow;
  window.galleySections = [...document.querySelectorAll('section[data-block]')];
  window.galleyLineBoxes = new Map();
  window.galleyLinesStyled = false;
  window.galleyMeasure = {
    stale: false,
    section(k) {
      const section = window.galleySections[k];
      const measured = { units: measureSection(section), notes: measureNotes(section) };
      measured.words = words.slice(sent);
      sent = words.length;
      return JSON.stringify(measured);
    },
    async finish() {
      const asked = unloaded.filter((face) => face.status !== 'unloaded');
      // Said at once: lines-cut.js, asked next, cuts nothing from widths measured without them.
      window.galleyMeasure.stale = asked.length > 0;
      await Promise.all(asked.map((face) => face.load().catch(() => undefined)));
      return asked.length > 0;
    },
  };
  return window.galleySections.length;

  /** A section's units; its page notes leave the flow. */
  function measureSection(section) {
    const units = [];
    const sectionTop = section.getBoundingClientRect().top;
    let bottom = sectionTop;
    const visit = (el) => {
      for (const child of el.children) {
        if (!isBlock(child) || child.classList.contains('galley-paged-notes')) continue;
        if (isTextLeaf(child)) units.push(textUnit(child));
        else if (SOLID.has(child.tagName) || child.classList.contains('scene-break') || child.children.length === 0)
          units.push(solidUnit(child));
        else {
          // A block the theme keeps together stays whole, unless it is a third of a page or more
          // (a long letter, a long poem): then it may break between its lines like the text.
          const cs = getComputedStyle(child);
          const avoid = cs.breakInside === 'avoid' || cs.breakInside === 'avoid-page';
          if (avoid && child.getBoundingClientRect().height < options.pageHeight / 3) units.push(solidUnit(child));
          else visit(child);
        }
      }
    };
    const place = (el, unit) => {
      const rect = el.getBoundingClientRect();
      unit.gap = Math.max(0, rect.top - bottom);
      unit.height = rect.height;
      bottom = rect.bottom;
      const cs = getComputedStyle(el);
      unit.keepNext = cs.breakAfter === 'avoid' || cs.breakAfter === 'avoid-page' || /^H[1-6]$/.test(el.tagName);
      unit.id = flow.length;
      flow.push(el);
      return unit;
    };
    const solidUnit = (el) => place(el, { kind: 'solid' });
    const textUnit = (el) => {
      const cs = getComputedStyle(el);
      const unit = place(el, { kind: 'text' });
      const lineHeight = cs.lineHeight === 'normal' ? px(cs.fontSize) * 1.2 : px(cs.lineHeight);
      unit.line = lineHeight;
      unit.padding = px(cs.paddingTop) + px(cs.paddingBottom) + px(cs.borderTopWidth) + px(cs.borderBottomWidth);
      unit.minHeight = px(cs.minHeight);
      unit.justify = cs.textAlign === 'justify';
      unit.keepTogether = cs.breakInside === 'avoid' || cs.breakInside === 'avoid-page';
      unit.pre = cs.whiteSpace.startsWith('pre') || cs.whiteSpace === 'break-spaces';
      unit.width = el.clientWidth - px(cs.paddingLeft) - px(cs.paddingRight);
      unit.indent = px(cs.textIndent);
      unit.float = floatOf(el, lineHeight);
      const { tokens, places, calls } = tokenize(el, unit.pre);
      if (calls.length) unit.calls = calls;
      unit.sent = tokens;
      unit.places = tokens.length;
      el.galleyPlaces = places;
      return unit;
    };
    // Page footnotes: the chapter's notes leave the flow when every one is called from text the
    // makeup sets (else the chapter keeps its notes at its end, as endnotes).
    const list = options.footnotes ? section.querySelector(':scope > section.footnotes') : null;
    const notes = list ? [...list.querySelectorAll(':scope > ol > li[id]')] : [];
    const called = new Set(
      [...section.querySelectorAll('a[data-footnote-ref]')].filter((a) => !list?.contains(a)).map((a) => a.hash.slice(1)),
    );
    const paged = list !== null && notes.length > 0 && notes.every((li) => called.has(li.id));
    if (paged) list.classList.add('galley-paged-notes');
    visit(section);
    if (paged) for (const [i, li] of notes.entries()) window.galleyNotes.set(li.id, { li, n: i + 1 });
    return units;
  }

  /**
   * A float the unit's first lines run beside (a drop cap): an element, or a floated
   * ::first-letter (measured through a Range over the letters it takes).
   */
  function floatOf(el, lineHeight) {
    // A line runs beside the float when any of it is level with the float's margin box.
    const cs = getComputedStyle(el);
    const top = el.getBoundingClientRect().top + px(cs.paddingTop) + px(cs.borderTopWidth);
    const measureFloat = (box, fs) => ({
      width: box.width + px(fs.marginLeft) + px(fs.marginRight),
      // Lines stand at the layout's pitch (whole 64ths of a pixel); a float that reaches a
      // hair into a line shortens that line too.
      lines: Math.max(1, Math.ceil((box.bottom + px(fs.marginBottom) - top) / (Math.round(lineHeight * 64) / 64) - 1e-4)),
    });
    // The first floated element at the paragraph's start (a drawn drop cap may sit in the lead-in).
    const child = [...el.querySelectorAll('*')].slice(0, 8).find((c) => getComputedStyle(c).float !== 'none');
    if (child) return measureFloat(child.getBoundingClientRect(), getComputedStyle(child));
    const letter = getComputedStyle(el, '::first-letter');
    const initial = letter.getPropertyValue('initial-letter');
    const sunk = initial && initial !== 'normal' ? Number.parseFloat(initial) : 0;
    if (letter.float === 'none' && !sunk) return undefined;
    const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = text.nextNode(); node; node = text.nextNode()) {
      const at = node.data.search(/\p{L}|\p{N}/u);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, at + 1);
      const rects = [...range.getClientRects()];
      const box = rects.reduce((a, b) => (b.height > a.height ? b : a), rects[0]);
      if (!box) return undefined;
      const found = measureFloat(box, letter);
      // An initial letter sinks a given number of lines, whatever its box's height.
      return sunk ? { width: found.width + px(letter.paddingRight), lines: Math.ceil(sunk) } : found;
    }
    return undefined;
  }
};
