/*
 * Runs inside the print page, handed to lines-measure.js (page-script.ts passes it as an argument):
 * a text unit's text as tokens for the line breaker (linebreak/tokens.ts), measured with the real
 * fonts, changing nothing. Evaluated as `(<this file>)`; calling it gives a tokenizer whose widths
 * start afresh.
 *
 * 1. Each run of text is measured on a canvas with its element's own computed font (letter
 *    spacing and text transform too): whole, so a word keeps its kerning and ligatures, and each
 *    piece its soft hyphens make. A run is measured once per font (a novel has a few thousand
 *    words, each used many times over).
 * 2. The text is cut into words (with their pieces), spaces, forced breaks (`<br>`, a newline in
 *    preformatted text), and break opportunities (after an em or en dash, after a hyphen before a
 *    letter). An inline box (an image, a drop cap's initial in a box of its own) is part of its
 *    word: its width, and its text.
 * 3. The tokens are sent as indices into `words`, one list for the page: each distinct token once,
 *    as `[0, word (soft hyphens between pieces), width, hyphen, ...piece widths]`, `[1, space]`,
 *    `[2]` (break after) or `[3]` (newline). A word of one run in one font is the same token
 *    wherever it stands.
 * 4. Where each token ends in the DOM (and where each soft hyphen of a word is) is kept for
 *    lines-set.js, which cuts the lines there: `places.node[t]`, `places.offset[t]` (−1: after the
 *    element), `places.shy[t]`.
 */
() => {
  const SHY = '\u00ad';
  const LETTER = /\p{L}/u;
  const px = (value) => Number.parseFloat(value) || 0;
  const round = (w) => Math.round(w * 1000) / 1000;
  const isSpace = (c) => c === 32 || c === 10 || c === 9 || c === 13;
  const canvas = document.createElement('canvas').getContext('2d');
  const current = { font: '', letterSpacing: '' };
  // The canvas takes the CSS font shorthand, with a stretch only as a keyword (100% is invalid there).
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
  /** Per font (with its letter spacing and text transform): widths of strings, and of runs. */
  const fonts = new Map();
  /** Per element: its font, and its space token. */
  const styles = new Map();
  const words = [];
  const spaces = new Map();
  let breakAfter = -1;
  let newline = -1;

  function fontOf(cs) {
    const font = `${cs.fontStyle} ${cs.fontVariantCaps === 'small-caps' ? 'small-caps ' : ''}${cs.fontWeight} ${STRETCH[cs.fontStretch] ?? ''} ${cs.fontSize} ${cs.fontFamily}`;
    const key = `${font}|${cs.letterSpacing}|${cs.textTransform}`;
    let known = fonts.get(key);
    if (!known) {
      known = {
        font,
        letterSpacing: cs.letterSpacing === 'normal' ? '0px' : cs.letterSpacing,
        transform: cs.textTransform,
        widths: new Map(),
        runs: new Map(),
        hyphen: 0,
      };
      fonts.set(key, known);
      known.hyphen = measure(known, '-');
    }
    return known;
  }
  function styleOf(el) {
    let known = styles.get(el);
    if (!known) {
      const cs = getComputedStyle(el);
      const font = fontOf(cs);
      const width = round(measure(font, ' ') + px(cs.wordSpacing));
      let space = spaces.get(width);
      if (space === undefined) {
        space = words.push([1, width]) - 1;
        spaces.set(width, space);
      }
      known = { font, space };
      styles.set(el, known);
    }
    return known;
  }
  function measure(font, text) {
    let width = font.widths.get(text);
    if (width === undefined) {
      // Setting a canvas's font parses it: only when it changes.
      if (current.font !== font.font) {
        canvas.font = font.font;
        current.font = font.font;
      }
      if (current.letterSpacing !== font.letterSpacing) {
        canvas.letterSpacing = font.letterSpacing;
        current.letterSpacing = font.letterSpacing;
      }
      const shown =
        font.transform === 'uppercase' ? text.toUpperCase() : font.transform === 'lowercase' ? text.toLowerCase() : text;
      width = canvas.measureText(shown.replaceAll(SHY, '')).width;
      font.widths.set(text, width);
    }
    return width;
  }
  /** A run of text (no spaces) in a font: its width whole, its pieces and theirs; `word`, its token once sent alone. */
  function runOf(font, run) {
    let known = font.runs.get(run);
    if (!known) {
      const parts = run.split(SHY);
      known = { width: measure(font, run), parts, widths: parts.map((part) => measure(font, part)), word: -1 };
      font.runs.set(run, known);
    }
    return known;
  }

  /** The token of a word that is one run in one font (as a word read run by run would send it). */
  function runToken(run, font) {
    return [0, run.parts.join(SHY), round(run.width), round(font.hyphen), ...run.widths.map(round)];
  }
  /** Where each soft hyphen of a run that starts at `from` in `node` is: the point after it. */
  function shyPlaces(node, from, parts) {
    const places = [];
    let at = from + parts[0].length;
    for (let p = 1; p < parts.length; p++) {
      places.push({ node, offset: at + 1 });
      at += 1 + parts[p].length;
    }
    return places;
  }

  /** A text unit's tokens (indices into `words`), their places, and the note calls (the token each falls in, the note's id). */
  function tokenize(root, pre) {
    const tokens = [];
    const places = { node: [], offset: [], shy: [] };
    const calls = [];
    const push = (token, node, offset) => {
      places.node.push(node);
      places.offset.push(offset);
      tokens.push(token);
    };
    /** The word being read: its pieces' texts and widths, as the runs and boxes that make it add up. */
    let word = null;
    const newWord = (parent) => ({
      texts: [''],
      widths: [0],
      width: 0,
      hyphen: styleOf(parent).font.hyphen,
      shy: [],
      node: null,
      offset: 0,
      runs: 0,
      only: null,
      box: false,
    });
    const endWord = () => {
      if (!word) return;
      let index;
      if (word.runs === 1 && !word.box) {
        // One run: the same token wherever the run stands in this font.
        const run = word.only;
        if (run.word < 0) run.word = words.push(sent(word)) - 1;
        index = run.word;
      } else {
        index = words.push(sent(word)) - 1;
      }
      if (word.shy.length) places.shy[tokens.length] = word.shy;
      push(index, word.node, word.offset);
      word = null;
    };
    const sent = (w) => [0, w.texts.join(SHY), round(w.width), round(w.hyphen), ...w.widths.map(round)];
    const addText = (node, data, from, to, font) => {
      if (from >= to) return;
      if (!word) word = newWord(node.parentElement);
      const run = runOf(font, data.slice(from, to));
      word.runs++;
      word.only = run;
      word.width += run.width;
      const { parts, widths } = run;
      const last = word.texts.length - 1;
      word.texts[last] += parts[0];
      word.widths[last] += widths[0];
      let at = from + parts[0].length;
      for (let p = 1; p < parts.length; p++) {
        // A soft hyphen: a new piece starts after it.
        word.shy.push({ node, offset: at + 1 });
        word.texts.push(parts[p]);
        word.widths.push(0 + widths[p]);
        word.hyphen = font.hyphen;
        at += 1 + parts[p].length;
      }
      word.node = node;
      word.offset = to;
    };

    for (const node of inlineNodes(root)) {
      if (node.nodeType === 1) {
        if (node.tagName === 'BR') {
          endWord();
          if (newline < 0) newline = words.push([3]) - 1;
          push(newline, node, -1);
        } else {
          const width = node.getBoundingClientRect().width;
          const text = node.tagName === 'IMG' ? '\ufffc' : node.textContent.replaceAll(SHY, '');
          if (!word) word = newWord(node.parentElement);
          word.width += width;
          word.widths[word.widths.length - 1] += width;
          word.texts[word.texts.length - 1] += text;
          word.box = true;
          word.node = node;
          word.offset = -1;
        }
        continue;
      }
      const call = node.parentElement.closest('a[data-footnote-ref]');
      if (call && root.contains(call)) calls.push([tokens.length, call.hash.slice(1)]);
      const style = styleOf(node.parentElement);
      const data = node.data;
      const n = data.length;
      let i = 0;
      while (i < n) {
        if (isSpace(data.charCodeAt(i))) {
          let j = i + 1;
          let lineEnd = data.charCodeAt(i) === 10;
          for (; j < n && isSpace(data.charCodeAt(j)); j++) if (data.charCodeAt(j) === 10) lineEnd = true;
          endWord();
          const previous = words[tokens[tokens.length - 1]]?.[0];
          if (pre && lineEnd) {
            if (newline < 0) newline = words.push([3]) - 1;
            push(newline, node, j);
          } else if (tokens.length && previous !== 1 && previous !== 3) {
            push(style.space, node, j);
          }
          i = j;
          continue;
        }
        // A run up to the next space, with break opportunities inside it: after an em or en dash,
        // after a hyphen before a letter (none at the run's end).
        let from = i;
        let k = i;
        for (; k < n; k++) {
          const c = data.charCodeAt(k);
          if (isSpace(c)) break;
          const after = c === 0x2014 || c === 0x2013 || (c === 45 && k > i && LETTER.test(data[k + 1] ?? ''));
          if (!after || k + 1 >= n || isSpace(data.charCodeAt(k + 1))) continue;
          addText(node, data, from, k + 1, style.font);
          endWord();
          if (breakAfter < 0) breakAfter = words.push([2]) - 1;
          push(breakAfter, node, k + 1);
          from = k + 1;
        }
        if (!word && from < k && k < n) {
          // A word of one run, ended by a space: its token straight away.
          const run = runOf(style.font, data.slice(from, k));
          if (run.word < 0) run.word = words.push(runToken(run, style.font)) - 1;
          if (run.parts.length > 1) places.shy[tokens.length] = shyPlaces(node, from, run.parts);
          push(run.word, node, k);
        } else {
          addText(node, data, from, k, style.font);
        }
        i = k;
      }
    }
    endWord();
    while (tokens.length && words[tokens[tokens.length - 1]][0] === 1) {
      tokens.pop();
      places.node.pop();
      places.offset.pop();
    }
    return { tokens, places, calls };
  }

  /**
   * The unit's text nodes and inline boxes (a `<br>`, an image, an inline-block), in order; what
   * does not flow with the text (a float, a positioned or hidden element, a line mark) is left
   * out. The page runs no script of its own, so no filter callback: the nodes are walked here.
   */
  function inlineNodes(root) {
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
    return nodes;
  }

  return { tokenize, words };
};
