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
  // The theme styles `body`; in the preview the book's body is the .book element.
  const css = state.css.epub.replace(/(^|[}\s,])body(?=[\s{,.:#])/g, '$1.book');
  style.textContent = `${css}\n:host { display: block; font-size: ${view.fontSize}%; }\n.book img { max-width: 100%; }`;
  keepInView(epubRoot, () => {
    const existing = new Map([...body.children].map((el) => [el.dataset.anchor, el]));
    const wanted = state.sections.map((section) => {
      const current = existing.get(section.id);
      if (current && current.dataset.html === section.html) return current;
      const wrapper = document.createElement('div');
      wrapper.dataset.anchor = section.id;
      wrapper.dataset.html = section.html;
      wrapper.innerHTML = section.html;
      return wrapper;
    });
    body.replaceChildren(...wanted);
  });
  $('epub-view').classList.toggle('dark', view.dark);
}

function renderPrint() {
  const pages = state.pages ?? [];
  const width = state.page?.width ?? 396;
  const height = state.page?.height ?? 612;
  const { style, content: container } = viewParts(printRoot, 'spreads');
  style.textContent = `${state.css.print}\n${state.css.pages ?? ''}\n:host { display: block; zoom: ${view.zoom}%; }
.spreads { display: flex; flex-direction: column; align-items: center; gap: 24px; }
.spread { display: flex; gap: 0; }
.page { position: relative; width: ${width}pt; height: ${height}pt; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); overflow: hidden; }
.spread.single-recto { padding-left: ${width}pt; }
.page-number { position: absolute; bottom: -18px; width: 100%; text-align: center; font: 11px system-ui; color: #6b655c; }`;
  keepInView(printRoot, () => {
    const spreads = [];
    // Page 1 is a recto and stands alone; then versos pair with the rectos after them.
    for (let i = 0; i < pages.length; i += i === 0 ? 1 : 2) {
      const group = i === 0 ? [pages[0]] : pages.slice(i, i + 2);
      const spread = document.createElement('div');
      spread.className = i === 0 ? 'spread single-recto' : 'spread';
      for (const page of group) {
        const box = document.createElement('div');
        box.className = `page ${page.recto ? 'recto' : 'verso'}`;
        box.dataset.anchor = `page-${page.index}`;
        box.dataset.label = page.label;
        box.innerHTML = `${page.html}<div class="page-number">${escapeHtml(page.label || '')}</div>`;
        spread.append(box);
      }
      spreads.push(spread);
    }
    container.replaceChildren(...spreads);
  });
}

function renderSidebar() {
  $('book-title').textContent = state.title;
  document.title = `${state.title} — Galley preview`;
  fontStyle.textContent = state.css.fonts;
  $('chapters').innerHTML = state.sections
    .filter((s) => s.kind === 'chapter' || s.kind === 'part')
    .map((s) => `<li><a href="#${escapeHtml(s.id)}" data-section="${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`)
    .join('');
  $('diagnostic-count').textContent = state.diagnostics.length ? `(${state.diagnostics.length})` : '';
  $('diagnostics').innerHTML = state.diagnostics
    .map((d) => {
      const page = (state.pages ?? []).find((p) => p.section === d.section)?.label;
      return `<li class="${d.severity}"><a href="#" data-section="${escapeHtml(d.section ?? '')}">${escapeHtml(d.text)}</a>${page ? ` <span>(p. ${escapeHtml(page)})</span>` : ''}</li>`;
    })
    .join('');
  const overlay = $('overlay');
  overlay.hidden = !state.error;
  if (state.error) {
    $('overlay-location').textContent = state.error.location ?? '';
    $('overlay-message').textContent = state.error.message;
    $('overlay-hint').textContent = state.error.hint ?? '';
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
    const page = (state.pages ?? []).find((p) => p.section === id);
    if (page) goToPage(page.label || String(page.index + 1));
  }
}

function goToPage(label) {
  const page =
    printRoot.querySelector(`[data-label="${CSS.escape(label)}"]`) ??
    printRoot.querySelector(`[data-anchor="page-${Number(label) - 1}"]`);
  page?.scrollIntoView({ block: 'start' });
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
  renderPrint();
});
$('goto-page').addEventListener('change', (e) => goToPage(e.target.value.trim()));
document.addEventListener('click', (e) => {
  const link = e.target.closest?.('[data-section]');
  if (!link) return;
  e.preventDefault();
  goToSection(link.dataset.section);
});

const response = await fetch('/state');
state = await response.json();
render();
const events = new EventSource('/events');
events.addEventListener('state', (e) => {
  state = JSON.parse(e.data);
  render();
});
