/*
 * Runs inside a print page after it was printed (through DevTools), with the lines line-marks.js
 * found. Evaluated as `(<this file>)(options)`, `options.starts` giving the first line of each
 * printed page (or null), `options.words` how many words to read at most. Returns each page's
 * first words, as the book's text reads (its DOM text: what the EPUB has too), from the page's
 * first line to the next page's or its section's end; '' for a page no line starts on.
 *
 * Text in two blocks (a heading and the paragraph after it) is two words apart; inline markup
 * between two pieces of a word (`<em>wo</em>rd`) joins them.
 */
(options) => {
  const { lines } = window.galleyLines;
  const blockOf = (node) => {
    for (let el = node.nodeType === 1 ? node : node.parentElement; el; el = el.parentElement) {
      if (el.matches('section[data-block]')) return el;
      if (!getComputedStyle(el).display.startsWith('inline')) return el;
    }
    return document.body;
  };
  const hidden = (el) => el.classList.contains('galley-mark') || getComputedStyle(el).display === 'none';
  /** The node after `node` in document order inside `root`, its subtree skipped when `skip`. */
  const after = (node, root, skip) => {
    if (!skip && node.firstChild) return node.firstChild;
    for (let at = node; at && at !== root; at = at.parentNode) if (at.nextSibling) return at.nextSibling;
    return null;
  };
  const read = (n, stop) => {
    const line = lines[n];
    const root = line.section ?? document.body;
    let text = '';
    let block;
    let count = 0;
    const add = (value, node) => {
      const here = blockOf(node);
      if (block && here !== block) text += ' ';
      block = here;
      text += value;
      count = text.split(/\s+/).filter(Boolean).length;
    };
    for (let node = line.node; node && count < options.words; ) {
      if (stop && node === stop.node && stop.index < 0) break;
      if (node.nodeType === 1) {
        if (hidden(node)) {
          node = after(node, root, true);
          continue;
        }
        if (node.tagName === 'BR') add(' ', node);
      } else if (node.nodeType === 3) {
        const from = node === line.node && line.index > 0 ? line.index : 0;
        const to = stop && node === stop.node ? stop.index : node.data.length;
        add(node.data.slice(from, to), node);
        if (stop && node === stop.node) break;
      }
      node = after(node, root, false);
    }
    return text
      .replace(/\u00ad/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  };
  const starts = options.starts;
  return starts.map((n, p) => {
    if (n === null || n === undefined) return '';
    let next = p + 1;
    while (next < starts.length && (starts[next] === null || starts[next] === undefined)) next++;
    const following = next < starts.length ? lines[starts[next]] : undefined;
    return read(n, following && following.section === lines[n].section ? following : undefined);
  });
};
