/*
 * Runs inside the print page as page-cut.js's `setSheets`, for the PDF: sets each page's cut (a
 * detached element, as page-cut.js made it) in a sheet of the text block's size that lays out
 * alone (`contain: strict`). Chromium prints such pages in about the time of a plain document,
 * where a flow of positioned and scaled line boxes broken across pages takes several times that,
 * growing with the pages. `sections` are the flow's, `flowOrigins` where each page starts in it,
 * `sheetsOptions` `{ height, css }` (the text block's height in points, the cut pages' rules).
 *
 * If every page's content fits its sheet, the flow goes and the list returned is empty; if one
 * does not, the sheets go, the flow stays as it was (it prints as before), and the list holds
 * those pages.
 */
(pages, sections, flowOrigins, sheetsOptions) => {
  // The sheets: each page's cut in a box of the text block's size, after the flow.
  const style = document.createElement('style');
  style.textContent = `${sheetsOptions.css}
    .galley-sheet { display: block; height: ${sheetsOptions.height}pt; contain: strict; overflow: hidden; }
    .galley-sheet + .galley-sheet { break-before: page; }
    .galley-sheets section[data-block] { break-before: auto !important; }`;
  const holder = document.createElement('div');
  holder.className = 'galley-sheets';
  for (const page of pages) {
    const sheet = document.createElement('div');
    sheet.className = 'galley-sheet';
    sheet.append(page);
    holder.append(sheet);
  }
  document.head.append(style);
  document.body.append(holder);
  // The sheets must hold the pages as laid out in the flow: every line box and unit set whole at
  // the same place on its page (a rule that depends on what stands before an element, which the
  // cut leaves behind, could move it), and nothing reaching outside its sheet, which clips it (a
  // line, a unit or any innermost element with height below it, or anything, text included, at a
  // side; an empty shell the cut left, or the bottom margin a block holds, takes no room). A page
  // where either fails is listed.
  const overflow = new Set();
  const sheets = [...holder.children];
  const sheetTops = sheets.map((sheet) => sheet.getBoundingClientRect());
  // A line by its text (an indent moves the text, not the box), leaving out the flow's markers
  // (1 px boxes, not in the sheets); a unit set whole by its box.
  const extent = document.createRange();
  const textBox = (el) => {
    extent.selectNodeContents(el);
    const rects = [...extent.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
    if (!rects.length) return el.getBoundingClientRect();
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    return {
      left,
      top,
      width: Math.max(...rects.map((r) => r.right)) - left,
      height: Math.max(...rects.map((r) => r.bottom)) - top,
    };
  };
  const placed = (el, origin) => {
    const box = el.classList.contains('galley-line') ? textBox(el) : el.getBoundingClientRect();
    return [box.left - origin.left, box.top - origin.top, box.width, box.height];
  };
  const setIn = '.galley-line, .galley-whole';
  const inFlow = sections.flatMap((section) => [...section.querySelectorAll(setIn)]);
  const inSheets = [...holder.querySelectorAll(setIn)];
  if (inFlow.length !== inSheets.length) for (let i = 0; i < sheets.length; i++) overflow.add(i);
  else {
    const sheetOf = new Map(sheets.map((sheet, i) => [sheet, i]));
    inSheets.forEach((el, n) => {
      const i = sheetOf.get(el.closest('.galley-sheet'));
      const origin = flowOrigins[i];
      const a = placed(el, sheetTops[i]);
      const b = placed(inFlow[n], origin);
      if (a.some((v, k) => Math.abs(v - b[k]) > 0.5)) overflow.add(i);
    });
  }
  const reaches = (sheet, i) => {
    if (sheet.scrollWidth > sheet.clientWidth + 1) return true;
    const bottom = sheetTops[i].bottom + 1;
    return [...sheet.querySelectorAll('*')].some((el) => {
      if (!el.matches(setIn) && el.firstElementChild) return false;
      const box = el.getBoundingClientRect();
      return box.height > 0 && box.bottom > bottom;
    });
  };
  sheets.forEach((sheet, i) => {
    if (reaches(sheet, i)) overflow.add(i);
  });
  if (overflow.size) {
    holder.remove();
    style.remove();
  } else for (const section of sections) section.remove();
  return [...overflow];
};
