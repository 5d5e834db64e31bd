/*
 * Runs inside the print page (through DevTools), laid out on screen at the text block's width,
 * once the fonts are loaded. Evaluated as `(<this file>)(options)`. It reads the body as the page
 * makeup needs it and measures the text with the real fonts, changing nothing:
 *
 * 1. Each section (`section[data-block]`) is cut into units, in reading order: a text unit is a
 *    block whose content is all inline (a paragraph, a heading, a list item, a caption); anything
 *    else that takes room (an image, a figure, a table, a rule, a scene break) is a solid unit,
 *    measured whole. A unit's gap is the room between it and the unit before (margins, padding),
 *    which line breaking does not change.
 * 2. A text unit's text becomes tokens for the line breaker (linebreak/tokens.ts): words, with
 *    the pieces their soft hyphens make, spaces, forced breaks, inline boxes. Widths come from a
 *    canvas with each run's own computed font (cached per font and string), so a word measured
 *    whole keeps its kerning and ligatures.
 * 3. The first lines' measure: the text indent, and a drop cap's float (its width, and how many
 *    lines it spans).
 * 4. With `options.footnotes`, a chapter's notes (remark-rehype's `section.footnotes`) leave the
 *    flow, each measured whole, and each call is tied to the token it stands in: the makeup puts
 *    a note at the foot of the page its call falls on.
 *
 * Where each token starts and ends in the DOM is kept in `window.galleyFlow`, for lines-set.js.
 */
async (options) => {
  const SHY = '\u00ad';
  // Every face the page declares, loaded: a canvas measures with a face only once it is.
  await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
  const px = (value) => Number.parseFloat(value) || 0;
  const canvas = document.createElement('canvas').getContext('2d');
  const current = { font: '', letterSpacing: '' };
  const caches = new Map();
  const cacheFor = (key) => {
    if (!caches.has(key)) caches.set(key, new Map());
    return caches.get(key);
  };
  const STRETCH = {
    '50%': 'ultra-condensed',
    '62.5%': 'extra-condensed',
    '75%': 'condensed',
    '87.5%': 'semi-condensed',
    '112.5%': 'semi-expanded',
    '125%': 'expanded',
    '150%': 'extra-expanded',
    '200%': 'ultra-expanded',
  };
  const styles = new Map();
  const styleOf = (el) => {
    let known = styles.get(el);
    if (!known) {
      const cs = getComputedStyle(el);
      // The canvas takes the CSS font shorthand, with a stretch only as a keyword (100% is invalid there).
      const stretch = STRETCH[cs.fontStretch] ?? '';
      const font = `${cs.fontStyle} ${cs.fontVariantCaps === 'small-caps' ? 'small-caps ' : ''}${cs.fontWeight} ${stretch} ${cs.fontSize} ${cs.fontFamily}`;
      known = {
        // One cache of widths per font, shared by every element set in it.
        widths: cacheFor(`${font}|${cs.letterSpacing}|${cs.textTransform}`),
        font,
        letterSpacing: cs.letterSpacing === 'normal' ? '0px' : cs.letterSpacing,
        wordSpacing: px(cs.wordSpacing),
        transform: cs.textTransform,
      };
      styles.set(el, known);
    }
    return known;
  };
  const transform = (text, how) => (how === 'uppercase' ? text.toUpperCase() : how === 'lowercase' ? text.toLowerCase() : text);
  const round = (w) => Math.round(w * 1000) / 1000;
  const measure = (style, text) => {
    const known = style.widths;
    let width = known.get(text);
    if (width === undefined) {
      // Setting a canvas's font parses it: only when it changes.
      if (current.font !== style.font) {
        canvas.font = style.font;
        current.font = style.font;
      }
      if (current.letterSpacing !== style.letterSpacing) {
        canvas.letterSpacing = style.letterSpacing;
        current.letterSpacing = style.letterSpacing;
      }
      width = canvas.measureText(transform(text, style.transform).replaceAll(SHY, '')).width;
      known.set(text, width);
    }
    return width;
  };

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

  const flow = [];
  const sections = [];
  window.galleyNotes = new Map();
  window.galleySections = [...document.querySelectorAll('section[data-block]')];
  for (const section of window.galleySections) {
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
      unit.places = places.length;
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
    const pageNotes = paged
      ? notes.map((li, i) => {
          window.galleyNotes.set(li.id, { li, n: i + 1 });
          const cs = getComputedStyle(li);
          return { id: li.id, height: li.getBoundingClientRect().height + px(cs.marginTop) + px(cs.marginBottom) };
        })
      : [];
    sections.push({ units, notes: pageNotes });
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

  /**
   * A text unit's tokens, and for each token where it starts and ends in the DOM (`places`; for a
   * word, also where each of its soft hyphens is).
   */
  function tokenize(root, pre) {
    const tokens = [];
    const places = [];
    /** Note calls: the token each falls in, and the note's id. */
    const calls = [];
    let word = null;
    const endWord = () => {
      if (!word) return;
      // Sent compactly (set-lines.ts reads it): [0, the word with a soft hyphen between its pieces,
      // its width, the hyphen's width, each piece's width].
      tokens.push([
        0,
        word.pieces.map((p) => p.text).join(SHY),
        round(word.width),
        round(word.hyphenWidth),
        ...word.pieces.map((p) => round(p.width)),
      ]);
      places.push({ start: word.start, end: word.end, shy: word.shy });
      word = null;
    };
    // The page runs no script of its own, so no filter callback: the nodes are walked here.
    const nodes = [];
    const collect = (parent) => {
      for (const node of parent.childNodes) {
        if (node.nodeType === 3) nodes.push(node);
        if (node.nodeType !== 1) continue;
        if (node.classList.contains('galley-mark')) continue;
        const cs = getComputedStyle(node);
        if (cs.float !== 'none' || cs.position === 'absolute' || cs.display === 'none') continue;
        if (node.tagName === 'BR' || node.tagName === 'IMG' || cs.display === 'inline-block') nodes.push(node);
        else collect(node);
      }
    };
    collect(root);
    for (const node of nodes) {
      if (node.nodeType === 1) {
        if (node.tagName === 'BR') {
          endWord();
          tokens.push([3]);
          places.push({ start: { node, offset: -1 }, end: { node, offset: -1 } });
        } else {
          // An inline box (an image, or a drop cap's real initial set in a box of its own) is
          // part of its word: its width, and its text when it has some.
          const width = node.getBoundingClientRect().width;
          const text = node.tagName === 'IMG' ? '\ufffc' : node.textContent.replaceAll(SHY, '');
          if (!word) word = newWord({ node, offset: -1 }, node.parentElement);
          word.width += width;
          word.pieces[word.pieces.length - 1].width += width;
          word.pieces[word.pieces.length - 1].text += text;
          word.text += text;
          word.end = { node, offset: -1 };
        }
        continue;
      }
      const call = node.parentElement.closest('a[data-footnote-ref]');
      if (call && root.contains(call)) calls.push([tokens.length, call.hash.slice(1)]);
      const style = styleOf(node.parentElement);
      const text = node.data;
      let i = 0;
      while (i < text.length) {
        const c = text[i];
        if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
          let j = i;
          while (j < text.length && /[ \n\t\r]/.test(text[j])) j++;
          endWord();
          if (pre && text.slice(i, j).includes('\n')) {
            tokens.push([3]);
            places.push({ start: { node, offset: i }, end: { node, offset: j } });
          } else if (tokens.length && tokens[tokens.length - 1][0] !== 1 && tokens[tokens.length - 1][0] !== 3) {
            const width = measure(style, ' ') + style.wordSpacing;
            tokens.push([1, round(width)]);
            places.push({ start: { node, offset: i }, end: { node, offset: j } });
          }
          i = j;
          continue;
        }
        let j = i;
        while (j < text.length && !/[ \n\t\r]/.test(text[j])) j++;
        // Break opportunities inside the run: after an em or en dash, after a hyphen before a letter.
        let from = i;
        for (let k = i; k < j; k++) {
          const ch = text[k];
          const after =
            (ch === '\u2014' || ch === '\u2013' || (ch === '-' && k > i && /\p{L}/u.test(text[k + 1] ?? ''))) && k + 1 < j;
          if (!after) continue;
          addText(node, from, k + 1, style);
          endWord();
          tokens.push([2]);
          places.push({ start: { node, offset: k + 1 }, end: { node, offset: k + 1 } });
          from = k + 1;
        }
        addText(node, from, j, style);
        i = j;
      }
    }
    endWord();
    while (tokens.length && tokens[tokens.length - 1][0] === 1) {
      tokens.pop();
      places.pop();
    }
    return { tokens, places, calls };

    function newWord(start, parent) {
      return {
        text: '',
        width: 0,
        pieces: [{ text: '', width: 0 }],
        hyphenWidth: measure(styleOf(parent), '-'),
        start,
        end: start,
        shy: [],
      };
    }
    function addText(node, from, to, style) {
      if (from >= to) return;
      if (!word) word = newWord({ node, offset: from }, node.parentElement);
      const run = node.data.slice(from, to);
      word.text += run.replaceAll(SHY, '');
      word.width += measure(style, run);
      let at = from;
      for (const part of run.split(SHY)) {
        const piece = word.pieces[word.pieces.length - 1];
        piece.text += part;
        piece.width += measure(style, part);
        at += part.length;
        if (at < to) {
          // A soft hyphen: a new piece starts after it.
          word.shy.push({ node, offset: at + 1 });
          word.pieces.push({ text: '', width: 0 });
          word.hyphenWidth = measure(style, '-');
          at += 1;
        }
      }
      word.end = { node, offset: to };
    }
  }

  window.galleyFlow = flow;
  return { sections };
};
