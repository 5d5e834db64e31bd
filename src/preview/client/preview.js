// The preview app: shows the book as it will print (pages in spreads) or as an e-reader shows
// it, and patches in what changed after each save without reloading the page.

const $ = (id) => document.getElementById(id);
const view = { mode: 'print', fontSize: 100, dark: false, zoom: 100 };
let state;

const epubRoot = $('epub-view').attachShadow({ mode: 'open' });
const printRoot = $('print-view').attachShadow({ mode: 'open' });
const fontStyle = document.createElement('style');
document.head.append(fontStyle);

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** Keeps the element at the top of the viewport in place while `change` runs. */
function keepInView(root, change) {
  const viewport = $('viewport');
  const top = viewport.getBoundingClientRect().top;
  const anchor = [...root.querySelectorAll('[data-anchor]')].find((el) => el.getBoundingClientRect().bottom > top);
  const key = anchor?.dataset.anchor;
  const offset = anchor ? anchor.getBoundingClientRect().top - top : 0;
  change();
  const again = key && root.querySelector(`[data-anchor="${CSS.escape(key)}"]`);
  if (again) viewport.scrollTop += again.getBoundingClientRect().top - top - offset;
}

/** A view's shadow root holds one <style> and one content element; made on first use. */
function viewParts(root, className) {
  if (!root.querySelector('style')) {
    const content = document.createElement('div');
    content.className = className;
    root.append(document.createElement('style'), content);
  }
  return { style: root.querySelector('style'), content: root.querySelector(`.${className}`) };
}

function renderEpub() {
  const { style, content: body } = viewParts(epubRoot, 'book');
  // The CSS comes scoped to the view: its `body` is the .book element, its `:root` the host.
  style.textContent = `${state.css.epub}\n:host { display: block; font-size: ${view.fontSize}%; }\n.book img { max-width: 100%; }`;
  keepInView(epubRoot, () => {
    const existing = new Map([...body.children].map((el) => [el.dataset.anchor, el]));
    const wanted = state.sections.map((section) => {
      const current = existing.get(section.id);
      if (current && current.dataset.html === section.html) return current;
      const wrapper = document.createElement('div');
      // The class the EPUB's <body> has for this section (`chapter-page`, `toc-page` …).
      wrapper.className = `${section.kind}-page`;
      wrapper.dataset.anchor = section.id;
      wrapper.dataset.html = section.html;
      wrapper.innerHTML = section.html;
      return wrapper;
    });
    body.replaceChildren(...wanted);
  });
  $('epub-view').classList.toggle('dark', view.dark);
}

/** The page boxes, kept across updates: a page is rebuilt only when its content changed. */
const pageBoxes = new Map();

function pageBox(page, print, anchor) {
  const key = `${page.recto}|${page.label}|${page.html}|${page.furniture}|${anchor}`;
  let box = pageBoxes.get(page.index);
  if (box && box.dataset.key === key) return box;
  box ??= document.createElement('div');
  pageBoxes.set(page.index, box);
  const text = page.recto ? print.page.recto : print.page.verso;
  box.className = `page ${page.recto ? 'recto' : 'verso'}`;
  box.dataset.key = key;
  box.dataset.index = String(page.index);
  box.dataset.label = page.label;
  box.dataset.anchor = anchor;
  box.setAttribute('aria-label', `Page ${page.label}`);
  box.innerHTML = `<div class="print-root${print.smallCaps ? '' : ' no-small-caps'}">
<div class="print-body" style="left:${text.left}pt;top:${text.top}pt;width:${text.width}pt;height:${text.height}pt">${page.html}</div>
<div class="furniture-page">${page.furniture}</div></div><div class="page-number">${escapeHtml(page.label)}</div>`;
  return box;
}

/**
 * What each page is, in terms that survive an edit elsewhere: its section and its place in it; a
 * blank page, as the blank before the next section.
 */
function pageAnchors(pages) {
  const first = new Map();
  for (const page of pages) if (page.section && !first.has(page.section)) first.set(page.section, page.index);
  const anchors = [];
  let next = 'end';
  for (let i = pages.length - 1; i >= 0; i--) {
    const page = pages[i];
    if (page.section) next = page.section;
    anchors[i] = page.section ? `${page.section}:${page.index - first.get(page.section)}` : `blank-before:${next}`;
  }
  return anchors;
}

function firstPageOf(section) {
  return state.print?.pages.find((p) => p.section === section)?.index;
}

function renderPrint() {
  const print = state.print;
  const { style, content: container } = viewParts(printRoot, 'spreads');
  $('print-status').textContent = print ? (state.printStatus === 'ready' ? '' : state.printStatus) : 'Laying out the pages…';
  if (!print) return;
  const { width, height } = print.page;
  const scale = view.zoom / 100;
  style.textContent = `${print.css}
:host { display: block; }
.spreads { display: flex; flex-direction: column; align-items: center; gap: 28px; padding: 16px 0; }
.spread { display: flex; width: calc(${2 * width}pt * ${scale}); height: calc(${height}pt * ${scale}); content-visibility: auto; contain-intrinsic-size: auto calc(${2 * width}pt * ${scale}) auto calc(${height}pt * ${scale}); }
.spread-inner { display: flex; transform: scale(${scale}); transform-origin: 0 0; }
.spread.first .spread-inner { padding-left: ${width}pt; }
.page { position: relative; width: ${width}pt; height: ${height}pt; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.print-root { position: absolute; inset: 0; overflow: hidden; }
.print-body { position: absolute; }
.furniture-page { position: absolute; inset: 0; pointer-events: none; }
.page-number { position: absolute; bottom: -18px; width: 100%; text-align: center; font: 11px system-ui; color: #6b655c; }
.page.target { outline: 3px solid #c96; }`;
  keepInView(printRoot, () => {
    const pages = print.pages;
    const anchors = pageAnchors(pages);
    for (const index of pageBoxes.keys()) if (index >= pages.length) pageBoxes.delete(index);
    const spreads = [];
    // The first page is a recto and stands alone; then each verso faces the recto after it.
    for (let i = 0; i < pages.length; i += i === 0 ? 1 : 2) {
      const group = i === 0 ? [pages[0]] : pages.slice(i, i + 2);
      const spread = container.children[spreads.length] ?? document.createElement('div');
      spread.className = i === 0 ? 'spread first' : 'spread';
      const inner = spread.firstElementChild ?? spread.appendChild(document.createElement('div'));
      inner.className = 'spread-inner';
      const boxes = group.map((page) => pageBox(page, print, anchors[page.index]));
      if (boxes.some((b, k) => inner.children[k] !== b) || inner.children.length !== boxes.length)
        inner.replaceChildren(...boxes);
      spreads.push(spread);
    }
    if (spreads.length !== container.children.length || spreads.some((s, k) => container.children[k] !== s))
      container.replaceChildren(...spreads);
  });
}

function renderSidebar() {
  $('book-title').textContent = state.title;
  $('theme-name').textContent = state.theme;
  document.title = `${state.title} — Galley preview`;
  fontStyle.textContent = `${state.css.fonts}\n${state.print?.fonts ?? ''}`;
  $('chapters').innerHTML = state.sections
    .filter((s) => s.kind === 'chapter' || s.kind === 'part')
    .map((s) => `<li><a href="#${escapeHtml(s.id)}" data-section="${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`)
    .join('');
  $('diagnostic-count').textContent = state.diagnostics.length ? `(${state.diagnostics.length})` : '';
  $('diagnostics').innerHTML = state.diagnostics
    .map((d) => {
      const text = escapeHtml(d.text);
      if (!d.page) return `<li class="${d.severity}">${text}</li>`;
      return `<li class="${d.severity}"><a href="#" data-page="${d.page.index}">${text} <span class="page-ref">p. ${escapeHtml(d.page.label)}</span></a></li>`;
    })
    .join('');
  const overlay = $('overlay');
  overlay.hidden = !state.error;
  if (state.error) {
    // Every problem the error names (all of book.yaml's at once), each with its place and what to do.
    const problems = state.error.problems ?? [state.error];
    $('overlay-title').textContent =
      problems.length > 1
        ? `The manuscript has ${problems.length} errors — showing the last good version.`
        : 'The manuscript has an error — showing the last good version.';
    $('overlay-problems').innerHTML = problems
      .map(
        (p) =>
          `<li>${p.location ? `<code class="location">${escapeHtml(p.location)}</code> ` : ''}` +
          `<span class="message">${escapeHtml(p.message)}</span>` +
          `${p.hint ? `<p class="hint">${escapeHtml(p.hint)}</p>` : ''}</li>`,
      )
      .join('');
  }
  $('status').textContent = state.error ? 'error' : `v${state.version}`;
}

function render() {
  renderSidebar();
  document.body.classList.toggle('epub', view.mode === 'epub');
  $('print-view').hidden = view.mode !== 'print';
  $('epub-view').hidden = view.mode !== 'epub';
  if (view.mode === 'print') renderPrint();
  else renderEpub();
}

function goToSection(id) {
  if (view.mode === 'epub') {
    epubRoot.querySelector(`[data-anchor="${CSS.escape(id)}"]`)?.scrollIntoView();
  } else {
    const index = firstPageOf(id);
    if (index !== undefined) goToPage(index);
  }
}

/** Shows the page with this index (a number) or label ("12", "iv"); false when there is none. */
function goToPage(target) {
  const pages = state.print?.pages ?? [];
  const page =
    typeof target === 'number'
      ? pages[target]
      : (pages.find((p) => p.label === target.toLowerCase()) ?? pages.find((p) => p.label === target));
  const box = page && pageBoxes.get(page.index);
  $('goto-page').setCustomValidity(box ? '' : 'no such page');
  if (!box) return false;
  for (const other of printRoot.querySelectorAll('.page.target')) other.classList.remove('target');
  box.classList.add('target');
  box.scrollIntoView({ block: 'center' });
  return true;
}

$('view-print').addEventListener('click', () => {
  view.mode = 'print';
  $('view-print').setAttribute('aria-selected', 'true');
  $('view-epub').setAttribute('aria-selected', 'false');
  render();
});
$('view-epub').addEventListener('click', () => {
  view.mode = 'epub';
  $('view-epub').setAttribute('aria-selected', 'true');
  $('view-print').setAttribute('aria-selected', 'false');
  render();
});
$('font-smaller').addEventListener('click', () => {
  view.fontSize = Math.max(60, view.fontSize - 10);
  renderEpub();
});
$('font-larger').addEventListener('click', () => {
  view.fontSize = Math.min(250, view.fontSize + 10);
  renderEpub();
});
$('theme-toggle').addEventListener('click', () => {
  view.dark = !view.dark;
  $('theme-toggle').setAttribute('aria-pressed', String(view.dark));
  renderEpub();
});
$('zoom').addEventListener('input', (e) => {
  view.zoom = Number(e.target.value);
  $('zoom-value').textContent = `${view.zoom}%`;
  renderPrint();
});
$('goto-page').addEventListener('change', (e) => goToPage(e.target.value.trim()));
document.addEventListener('click', (e) => {
  const link = e.target.closest?.('[data-section], [data-page]');
  if (!link) return;
  e.preventDefault();
  if (link.dataset.page !== undefined) {
    if (view.mode !== 'print') $('view-print').click();
    goToPage(Number(link.dataset.page));
  } else goToSection(link.dataset.section);
});

const response = await fetch('/state');
state = await response.json();
render();
const events = new EventSource('/events');
events.addEventListener('state', (e) => {
  state = JSON.parse(e.data);
  render();
});
