// The page: a header, a tab per view, and the views themselves. Reads the URL hash on load
// (a garbled one falls back to the defaults with a visible notice), keeps it up to date, and
// exposes the Landscapes view's API as `window.playground`.
//
// Adding a view: append { id, label, mount } to the list in `views()`; `mount(element, options)`
// resolves to an object with at least `destroy()`. The tab bar, the hash's `view=` key and lazy
// mounting are handled here.

import { mountPlayground } from './playground.js';
import { decodeHash, encodeHash } from './state.js';
import { loadWasm } from './wasm.js';
import { el, replaceChildren } from './ui/dom.js';

/** The page's views, in tab order. */
function views() {
  return [
    { id: 'landscapes', label: 'Landscapes', mount: mountPlayground, usesHash: true },
  ];
}

function showNotice(host, message) {
  const close = el('button', { type: 'button', class: 'pg-button pg-small', 'aria-label': 'Dismiss this notice' }, 'Dismiss');
  const notice = el('div', { class: 'notice', role: 'alert' }, el('p', {}, message), close);
  // The views size their canvases to the window: tell them the room above them changed.
  const relayout = () => window.dispatchEvent(new Event('resize'));
  close.addEventListener('click', () => {
    notice.remove();
    relayout();
  });
  replaceChildren(host, notice);
  relayout();
}

function showFatal(host, message) {
  replaceChildren(host, el('div', { class: 'fatal', role: 'alert' },
    el('h2', {}, 'The playground could not start'),
    el('p', {}, message),
    el('p', {}, 'Try reloading the page. If you opened the file directly, serve the folder over http (cargo xtask serve) or use the single-file build.')));
}

async function start() {
  const tabs = document.getElementById('view-tabs');
  const host = document.getElementById('view-host');
  const noticeHost = document.getElementById('notice');
  let wasm;
  try {
    wasm = await loadWasm();
  } catch (error) {
    showFatal(host, error && error.message ? error.message : String(error));
    return;
  }
  const ids = wasm.landscapeCatalog().map((entry) => entry.id);
  const list = views();
  const decoded = decodeHash(location.hash, ids);
  const problems = decoded.problems.slice();
  if (decoded.view && !list.some((v) => v.id === decoded.view)) problems.push(`unknown view "${decoded.view.slice(0, 20)}"`);
  let initial = problems.length ? {} : decoded.options;
  const notices = [];
  if (problems.length) notices.push(`This link's settings could not be read (${problems.slice(0, 3).join('; ')}), so the playground shows its defaults.`);

  const mounted = new Map();
  const panels = new Map();
  let activeId = null;
  const writeHash = (viewId, options) => {
    const hash = `#${encodeHash(viewId, options)}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  };

  const mountView = async (view) => {
    const panel = panels.get(view.id);
    if (mounted.has(view.id)) return mounted.get(view.id);
    const onChange = (options) => {
      if (activeId === view.id) writeHash(view.id, options);
    };
    let api;
    if (view.id === 'landscapes') {
      try {
        api = await view.mount(panel, { ...initial, onChange });
      } catch (error) {
        notices.push(`This link's settings were refused (${error && error.message ? error.message : error}), so the playground shows its defaults.`);
        initial = {};
        api = await view.mount(panel, { onChange });
      }
      globalThis.playground = api;
    } else {
      api = await view.mount(panel, { onChange });
    }
    mounted.set(view.id, api);
    return api;
  };

  const activate = async (id) => {
    activeId = id;
    for (const view of list) {
      const selected = view.id === id;
      panels.get(view.id).hidden = !selected;
      const tab = tabs.querySelector(`[data-view="${view.id}"]`);
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    const view = list.find((v) => v.id === id);
    const api = await mountView(view);
    if (api && typeof api.state === 'function') {
      const state = api.state();
      if (state && state.options) writeHash(id, state.options);
    }
  };

  replaceChildren(tabs);
  replaceChildren(host);
  for (const view of list) {
    const panelId = `view-${view.id}`;
    const tab = el('button', { type: 'button', role: 'tab', class: 'tab', id: `tab-${view.id}`, 'aria-controls': panelId, dataset: { view: view.id } }, view.label);
    tab.addEventListener('click', () => activate(view.id).catch((e) => showNotice(noticeHost, String(e && e.message ? e.message : e))));
    tab.addEventListener('keydown', (event) => {
      const i = list.indexOf(view);
      const next = event.key === 'ArrowRight' ? list[(i + 1) % list.length] : event.key === 'ArrowLeft' ? list[(i - 1 + list.length) % list.length] : null;
      if (next) {
        event.preventDefault();
        tabs.querySelector(`[data-view="${next.id}"]`).focus();
        activate(next.id).catch(() => {});
      }
    });
    tabs.appendChild(tab);
    const panel = el('div', { class: 'view', id: panelId, role: 'tabpanel', 'aria-labelledby': `tab-${view.id}`, hidden: true });
    panels.set(view.id, panel);
    host.appendChild(panel);
  }

  await activate(decoded.view && list.some((v) => v.id === decoded.view) ? decoded.view : list[0].id);
  if (notices.length) showNotice(noticeHost, notices.join(' '));

  // Someone edits the address bar: apply the new hash, or explain why it was not applied.
  window.addEventListener('hashchange', () => {
    const again = decodeHash(location.hash, ids);
    const api = mounted.get('landscapes');
    if (again.problems.length) {
      showNotice(noticeHost, `This link's settings could not be read (${again.problems.slice(0, 3).join('; ')}); the current run is kept.`);
      return;
    }
    if (again.view && again.view !== activeId && list.some((v) => v.id === again.view)) {
      activate(again.view).catch(() => {});
      return;
    }
    if (api && (activeId === 'landscapes')) {
      const result = api.set(again.options);
      if (result && !result.ok) showNotice(noticeHost, `This link's settings were refused (${result.error}); the current run is kept.`);
    }
  });
}

start().catch((error) => {
  const host = document.getElementById('view-host');
  if (host) showFatal(host, error && error.message ? error.message : String(error));
});
