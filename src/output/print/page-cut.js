/*
 * Runs inside the print page after lines-set.js (through DevTools), where the makeup's pages are
 * marked in the DOM: each section (`section[data-block]`) starts a page, and so does each element
 * or line box with class `galley-page-start`. Evaluated as `(<this file>)(options)`; nothing is
 * printed. Returns:
 *
 * - `pages`: each page's content as HTML, in order: the part of its section from its start to
 *   the next page's, cut as a Range and cloned (the book's own DOM text), inside shallow clones
 *   of the elements it lies in. An element the cut goes through is marked `galley-cont` where it
 *   began on an earlier page (its id and drop cap left out) and `galley-split` where it goes on;
 *   what stands first on a page after a section's first gets `galley-top` (print drops the margin
 *   above it). Markers are left out.
 * - `marks`: where each marker fell (as markers.ts reads them from a PDF): its page, and its top
 *   in points from the page's top (`options.top`, the text block's, plus its distance below the
 *   page's first element, as laid out on screen, where the lines are the printed lines).
 * - `css`: the rules lines-cut.js and notes-measure.js added for line boxes and notes (the pages need them); the
 *   line boxes go out as spans (a div would close its paragraph when the HTML is parsed).
 *
 * With `options.sheets` (for the PDF: `{ height, css }`) and page-sheets.js as `setSheets`, the
 * pages are not returned as HTML but set in the page itself, in sheets (see that file); `overflow`
 * lists the pages that did not fit theirs (empty when the sheets are used).
 */
(options, setSheets) => {
  const PT = 0.75;
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
  const ancestors = (node, section) => {
    const list = [];
    for (let el = node.nodeType === 1 ? node : node.parentElement; el && el !== section; el = el.parentElement) list.push(el);
    return list;
  };
  const pages = [];
  const marks = [];
  /** Where each page's content starts in the flow (its section's left, its first element's top). */
  const flowOrigins = [];
  const sections = [...document.querySelectorAll('section[data-block]')].filter(
    (s) => !s.parentElement?.closest('section[data-block]'),
  );
  for (const section of sections) {
    const starts = [section, ...section.querySelectorAll('.galley-page-start')];
    const first = pages.length;
    // Each marker's page: the last start before it.
    const origins = starts.map((el) => el.getBoundingClientRect().top);
    const left = section.getBoundingClientRect().left;
    for (const top of origins) flowOrigins.push({ left, top });
    for (const mark of section.querySelectorAll('a.galley-mark')) {
      const match = /\/mark\/(\w+)\/(\d+)$/.exec(mark.getAttribute('href') ?? '');
      if (!match) continue;
      let k = 0;
      for (let i = 1; i < starts.length; i++) {
        if (starts[i].compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING || starts[i].contains(mark)) k = i;
      }
      const top = match[1] === 'block' ? 0 : options.top + (mark.getBoundingClientRect().top - origins[k]) * PT;
      marks.push({ kind: match[1], n: Number(match[2]), page: first + k, top });
    }
    starts.forEach((start, k) => {
      // What starts a page keeps the indent it has in the flow, where a rule may give it by what
      // stands before it (\`p + p\`), which the page's cut leaves behind.
      if (k > 0)
        for (let el = start; el && !el.classList.contains('galley-line'); el = el.firstElementChild)
          el.style.textIndent = getComputedStyle(el).textIndent;
      const range = document.createRange();
      if (k === 0) range.setStart(section, 0);
      else range.setStartBefore(start);
      const next = starts[k + 1];
      if (next) range.setEndBefore(next);
      else range.setEnd(section, section.childNodes.length);
      const cont = new Set();
      const split = new Set();
      for (const el of ancestors(range.startContainer, section)) {
        const before = document.createRange();
        before.setStart(el, 0);
        before.setEnd(range.startContainer, range.startOffset);
        if (hasContent(before)) cont.add(el);
      }
      for (const el of ancestors(range.endContainer, section)) {
        const after = document.createRange();
        after.setStart(range.endContainer, range.endOffset);
        after.setEnd(el, el.childNodes.length);
        if (hasContent(after)) split.add(el);
      }
      // Tag the elements the cut goes through, so their clones can be found.
      const tagged = new Map();
      for (const el of new Set([...cont, ...split])) {
        tagged.set(String(tagged.size), el);
        el.setAttribute('data-gid', String(tagged.size - 1));
      }
      let clone = range.cloneContents();
      const common =
        range.commonAncestorContainer.nodeType === 1
          ? range.commonAncestorContainer
          : range.commonAncestorContainer.parentElement;
      for (let el = common; el; el = el.parentElement) {
        const shell = el.cloneNode(false);
        shell.append(clone);
        clone = shell;
        if (el === section) break;
      }
      for (const el of tagged.values()) el.removeAttribute('data-gid');
      for (const el of clone.querySelectorAll('a.galley-mark')) el.remove();
      for (const el of [clone, ...clone.querySelectorAll('[data-gid]')]) {
        const original = tagged.get(el.getAttribute('data-gid'));
        if (!original) continue;
        if (cont.has(original)) {
          el.classList.add('galley-cont');
          el.classList.remove('drop-cap');
          el.removeAttribute('id');
        }
        if (split.has(original)) el.classList.add('galley-split');
        el.removeAttribute('data-gid');
      }
      if (k > 0) {
        for (let el = clone.firstElementChild; el; el = el.firstElementChild) el.classList.add('galley-top');
      }
      if (options.sheets) {
        pages.push(clone);
        return;
      }
      // A line box is a div in the page; as HTML inside a <p> it would close the paragraph when
      // parsed, so it goes out as a span (its rules set it as a block either way).
      for (const div of clone.querySelectorAll('div.galley-line')) {
        const span = document.createElement('span');
        for (const attribute of div.attributes) span.setAttribute(attribute.name, attribute.value);
        span.append(...div.childNodes);
        div.replaceWith(span);
      }
      pages.push(clone.outerHTML);
    });
  }
  const lines = [...document.querySelectorAll('style')].find((s) => s.textContent.includes('.galley-line'))?.textContent ?? '';
  const css = lines + (document.querySelector('style[data-galley-notes]')?.textContent ?? '');
  if (!options.sheets) return { pages, marks, css };
  return { pages: pages.length, marks, overflow: setSheets(pages, sections, flowOrigins, options.sheets) };
};
