/*
 * Runs inside the print page after it was printed (through DevTools), with the lines line-marks.js
 * found. Evaluated as `(<this file>)(options)`, `options.starts` giving the first line of each
 * printed page (or null). Returns each page's content as HTML: the part of its section from its
 * first line to the next page's, cut as a Range and cloned, so the text is the book's own.
 *
 * An element the cut goes through is marked: `galley-cont` where it began on an earlier page (no
 * indent, no top margin), `galley-split` where it goes on to a later one (its last line here is
 * justified, as in print); `galley-top` marks what stands first on a page the flow ran onto,
 * whose top margin print drops. A word hyphenated across the cut gets its hyphen. Markers, ids of
 * continued elements and a drop cap's class on a continued paragraph are left out.
 */
(options) => {
  const { lines } = window.galleyLines;
  const SHY = '\u00ad';
  const hasContent = (range) =>
    /\S/.test(range.toString().replaceAll(SHY, '')) || range.cloneContents().querySelector('img, hr, svg, .scene-break');
  // Numbered list items keep their numbers on whatever page they land.
  for (const list of document.querySelectorAll('ol')) {
    let n = list.hasAttribute('start') ? Number(list.getAttribute('start')) : 1;
    for (const item of list.children) {
      if (item.tagName !== 'LI') continue;
      if (item.hasAttribute('value')) n = Number(item.getAttribute('value'));
      item.setAttribute('value', String(n));
      n++;
    }
  }
  const gids = new Map();
  for (const el of document.body.querySelectorAll('*')) {
    gids.set(el, String(gids.size));
    el.setAttribute('data-gid', String(gids.size - 1));
  }
  /** The boundary before line `n`, moved up out of elements it would leave empty. */
  const boundary = (n) => {
    const line = lines[n];
    let node = line.index < 0 ? line.node : undefined;
    let point = node ? undefined : { node: line.node, offset: line.index };
    if (point) {
      const before = document.createRange();
      before.setStart(line.node.parentElement, 0);
      before.setEnd(line.node, line.index);
      if (!hasContent(before)) node = line.node;
    }
    if (node) {
      // Climb while nothing of the parent comes before this node.
      for (;;) {
        const parent = node.parentElement;
        if (!parent || parent.matches('section[data-block]')) break;
        const before = document.createRange();
        before.setStart(parent, 0);
        before.setEndBefore(node);
        if (hasContent(before)) break;
        node = parent;
      }
      point = { node: node.parentNode, offset: [...node.parentNode.childNodes].indexOf(node) };
    }
    return point;
  };
  const ancestors = (node, section) => {
    const list = [];
    for (let el = node.nodeType === 1 ? node : node.parentElement; el && el !== section; el = el.parentElement) list.push(el);
    return list;
  };
  const pages = [];
  const starts = options.starts;
  for (let p = 0; p < starts.length; p++) {
    const n = starts[p];
    if (n === null || n === undefined) {
      pages.push('');
      continue;
    }
    const section = lines[n].section;
    const firstOfSection = n === 0 || lines[n - 1].section !== section;
    let next = p + 1;
    while (next < starts.length && (starts[next] === null || starts[next] === undefined)) next++;
    const following = next < starts.length ? starts[next] : undefined;
    const range = document.createRange();
    if (firstOfSection) range.setStart(section, 0);
    else {
      const at = boundary(n);
      range.setStart(at.node, at.offset);
    }
    if (following !== undefined && lines[following].section === section) {
      const at = boundary(following);
      range.setEnd(at.node, at.offset);
    } else range.setEnd(section, section.childNodes.length);

    const cont = new Set();
    const split = new Set();
    for (const el of ancestors(range.startContainer, section)) {
      const before = document.createRange();
      before.setStart(el, 0);
      before.setEnd(range.startContainer, range.startOffset);
      if (hasContent(before)) cont.add(gids.get(el));
    }
    for (const el of ancestors(range.endContainer, section)) {
      const after = document.createRange();
      after.setStart(range.endContainer, range.endOffset);
      after.setEnd(el, el.childNodes.length);
      if (hasContent(after)) split.add(gids.get(el));
    }
    // The clone, inside shallow clones of the elements it lies in, up to the section.
    let clone = range.cloneContents();
    const common =
      range.commonAncestorContainer.nodeType === 1 ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement;
    for (let el = common; el; el = el.parentElement) {
      const shell = el.cloneNode(false);
      shell.append(clone);
      clone = shell;
      if (el === section) break;
    }
    for (const el of clone.querySelectorAll('a.galley-mark')) el.remove();
    const tagged = [clone, ...clone.querySelectorAll('[data-gid]')];
    for (const el of tagged) {
      const gid = el.getAttribute('data-gid');
      if (cont.has(gid)) {
        el.classList.add('galley-cont');
        el.classList.remove('drop-cap');
        el.removeAttribute('id');
      }
      if (split.has(gid)) el.classList.add('galley-split');
      el.removeAttribute('data-gid');
    }
    if (!firstOfSection) {
      for (let el = clone.firstElementChild; el; el = el.firstElementChild) {
        el.classList.add('galley-top');
      }
    }
    // A word hyphenated at the cut shows its hyphen, as the printed line does.
    const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    let lastText;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (/\S/.test(t.data)) lastText = t;
    if (lastText && split.size && /\u00ad\s*$/.test(lastText.data)) lastText.data = lastText.data.replace(/\u00ad(\s*)$/, '-$1');
    pages.push(clone.outerHTML);
  }
  for (const el of document.body.querySelectorAll('[data-gid]')) el.removeAttribute('data-gid');
  return pages;
};
