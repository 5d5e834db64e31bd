/*
 * Runs inside the settled print page (through DevTools; the book's own scripts never run there),
 * where the lines on screen are the printed lines. Evaluated as `(<this file>)(options)`.
 *
 * Finds where every line starts — a text position, or an element with no text (an image, a
 * rule) — and groups the lines by their container (the nearest block: a paragraph, a heading, a
 * list item). Each container gets two markers (see markers.ts): `line` before its first line and
 * `end` after its last, both inline where they cannot move a line. From where those two fall in
 * the PDF, page-lines.ts works out which page each line went to; page-slices.js then cuts the
 * document there. The lines are kept in the page (`window.galleyLines`) for that cut.
 *
 * Returns each container's line tops, in points from its first line. A line's start is found by
 * bisection: within a text node the characters' tops only grow, so a stretch whose two ends sit
 * on one line is skipped — a few measurements per line.
 */
(options) => {
  const half = (options.linePt * (4 / 3)) / 2;
  const range = document.createRange();
  const topOf = (node, i) => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rects = range.getClientRects();
    // After a soft hyphen a line broke at, the next letter's first box can be the hyphen's.
    return rects.length ? rects[rects.length - 1].top : Number.NaN;
  };
  const ATOMIC = new Set(['IMG', 'HR', 'svg', 'VIDEO', 'CANVAS', 'IFRAME']);
  const VOID = new Set(['IMG', 'HR']);
  const containerOf = (node) => {
    for (let el = node.nodeType === 1 ? node : node.parentElement; el; el = el.parentElement) {
      if (el.matches('section[data-block]')) return el;
      if (!getComputedStyle(el).display.startsWith('inline')) return el;
    }
    return document.body;
  };
  const lines = [];
  const containers = [];
  let last = Number.NEGATIVE_INFINITY;
  const add = (node, index, top) => {
    const container = node.nodeType === 1 && VOID.has(node.tagName) ? node : containerOf(node);
    let c = containers[containers.length - 1];
    if (!c || c.element !== container) {
      c = { element: container, first: lines.length, tops: [] };
      containers.push(c);
    }
    c.tops.push(top);
    lines.push({ node, index, container: containers.length - 1, section: node.parentElement?.closest('section[data-block]') });
    last = top;
  };
  const visit = (node) => {
    if (node.nodeType === 1) {
      const rect = node.getBoundingClientRect();
      if (rect.height > 0) add(node, -1, rect.top);
      return;
    }
    const text = node.data;
    const idx = [];
    for (let i = 0; i < text.length; i++) if (!/[\s\u00ad]/.test(text[i])) idx.push(i);
    if (idx.length === 0) return;
    const t0 = topOf(node, idx[0]);
    if (t0 > last + half || containerOf(node) !== containers[containers.length - 1]?.element) add(node, idx[0], t0);
    const split = (a, ta, b, tb) => {
      if (!(tb > ta + half)) return;
      if (b === a + 1) return add(node, idx[b], tb);
      const m = (a + b) >> 1;
      const tm = topOf(node, idx[m]);
      split(a, ta, m, tm);
      split(m, tm, b, tb);
    };
    const n = idx.length - 1;
    if (n > 0) split(0, t0, n, topOf(node, idx[n]));
  };
  // In document order; markers and the insides of images and the like do not count. (No
  // TreeWalker filter: with the page's scripts off, its callback cannot run.)
  const walk = (parent) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) visit(node);
      else if (node.nodeType !== 1 || node.classList.contains('galley-mark')) continue;
      else if (ATOMIC.has(node.tagName)) visit(node);
      else if (node.matches('.scene-break')) visit(node);
      else walk(node);
    }
  };
  for (const section of document.querySelectorAll('section[data-block]')) {
    last = Number.NEGATIVE_INFINITY;
    walk(section);
  }
  const marker = (kind, n) => {
    const a = document.createElement('a');
    a.className = 'galley-mark';
    a.href = `${options.prefix}${kind}/${n}`;
    a.setAttribute('aria-hidden', 'true');
    // Where it stands in the flow (block markers sit at their section's top). An end marker
    // reaches back from the line's end: one that stuck out of a full line would widen the page,
    // and Chromium would print it all smaller.
    a.style.cssText = kind === 'end' ? 'top: auto; left: auto; margin-left: -1px' : 'top: auto; left: auto';
    return a;
  };
  containers.forEach((c, n) => {
    if (VOID.has(c.element.tagName)) {
      c.element.before(marker('line', n));
    } else {
      c.element.prepend(marker('line', n));
      c.element.append(marker('end', n));
    }
  });
  window.galleyLines = { lines, containers: containers.map((c) => ({ element: c.element, first: c.first })) };
  return containers.map((c) => ({ first: c.first, tops: c.tops.map((t) => (t - c.tops[0]) * 0.75) }));
};
