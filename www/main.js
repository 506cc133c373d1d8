// The page: a header, a tab per view, and the views themselves. Reads the URL hash on load
// (a garbled one falls back to the defaults with a visible notice), keeps it up to date, and
// exposes each view's API: `window.playground` (Landscapes), `window.training` (Train a model),
// `window.search` (Search for a model).
//
// Adding a view: append { id, label, mount, encode, decode, expose } to the list in `views()`;
// `mount(element, options)` resolves to an object with at least `destroy()`, `state()` (whose
// `options` the hash stores) and `set(options)`. The tab bar, the hash's `view=` key and lazy
// mounting are handled here.

import { mountPlayground } from './playground.js';
import { mountTraining } from './views/training.js';
import { mountSearch } from './views/search.js';
import { encodeSearchHash, decodeSearchHash } from './search/link.js';
import { decodeHash, encodeHash, hashView } from './state.js';
import { encodeTrainingHash, decodeTrainingHash } from './training/options.js';
import { loadWasm } from './wasm.js';
import { el, replaceChildren } from './ui/dom.js';

/** The page's views, in tab order. */
function views(wasm) {
  const searchTable = wasm.searchSettingsTable();
  return [
    { id: 'landscapes', label: 'Landscapes', mount: mountPlayground, encode: encodeHash, decode: decodeHash, expose: 'playground' },
    { id: 'training', label: 'Train a model', mount: mountTraining, encode: encodeTrainingHash, decode: decodeTrainingHash, expose: 'training' },
    { id: 'search', label: 'Search for a model', mount: mountSearch, encode: (id, options) => encodeSearchHash(id, options, searchTable), decode: (hash) => decodeSearchHash(hash, searchTable), expose: 'search' },
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
  const list = views(wasm);
  const viewOf = (hash) => {
    const id = hashView(hash);
    return { id, view: list.find((v) => v.id === id) || list[0] };
  };
  const first = viewOf(location.hash);
  const decoded = first.view.decode(location.hash);
  const problems = decoded.problems.slice();
  if (first.id && first.view.id !== first.id) problems.push(`unknown view "${first.id.slice(0, 20)}"`);
  const initial = problems.length ? {} : decoded.options;
  const notices = [];
  if (problems.length) notices.push(`This link's settings could not be read (${problems.slice(0, 3).join('; ')}), so the playground shows its defaults.`);

  const mounted = new Map();
  const panels = new Map();
  let activeId = null;
  const writeHash = (viewId, options) => {
    const view = list.find((v) => v.id === viewId);
    const hash = `#${view.encode(viewId, options)}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  };

  // A refusal of a link's settings, as a notice (the view keeps what it shows).
  const refused = (result) => {
    if (result && !result.ok) showNotice(noticeHost, `This link's settings were refused (${result.error}); the current run is kept.`);
  };
  const applyLink = (api, options) => {
    const result = api.set(options);
    if (result && typeof result.then === 'function') return result.then(refused, () => {});
    return refused(result);
  };

  // The search view may search on the Train a model view's rows (a CSV, drawn points).
  const trainingData = () => {
    const training = mounted.get('training');
    if (!training) throw new Error('the Train a model view has no data yet: open it and load the data first');
    return training.datasetParts();
  };
  const extras = (view) => (view.id === 'search' ? { trainingData } : {});

  /** Mounts a view once, with `options` (a link's settings) the first time. */
  const mountView = async (view, options = {}) => {
    const panel = panels.get(view.id);
    if (mounted.has(view.id)) return mounted.get(view.id);
    const onChange = (changed) => {
      if (activeId === view.id) writeHash(view.id, changed);
    };
    let api;
    try {
      api = await view.mount(panel, { ...options, onChange, ...extras(view) });
    } catch (error) {
      if (Object.keys(options).length === 0) throw error;
      const message = `This link's settings were refused (${error && error.message ? error.message : error}), so the playground shows its defaults.`;
      if (view === first.view) notices.push(message);
      else showNotice(noticeHost, message);
      api = await view.mount(panel, { onChange, ...extras(view) });
    }
    globalThis[view.expose] = api;
    mounted.set(view.id, api);
    return api;
  };

  /**
   * Shows view `id`; `options` (a link's settings) are applied to it: at its first mount, or
   * through its `set()` when it is already mounted.
   */
  const activate = async (id, options = {}) => {
    activeId = id;
    for (const view of list) {
      const selected = view.id === id;
      panels.get(view.id).hidden = !selected;
      const tab = tabs.querySelector(`[data-view="${view.id}"]`);
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    const view = list.find((v) => v.id === id);
    const fresh = !mounted.has(id);
    const api = await mountView(view, options);
    if (!fresh && Object.keys(options).length) await applyLink(api, options);
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

  await activate(first.view.id, initial);
  if (notices.length) showNotice(noticeHost, notices.join(' '));

  // Someone edits the address bar: apply the new hash (switching view if it names the other
  // one), or explain why it was not applied.
  window.addEventListener('hashchange', () => {
    const again = viewOf(location.hash);
    if (again.id && again.view.id !== again.id) {
      showNotice(noticeHost, `This link names an unknown view "${again.id.slice(0, 20)}"; the current view is kept.`);
      return;
    }
    const read = again.view.decode(location.hash);
    if (read.problems.length) {
      showNotice(noticeHost, `This link's settings could not be read (${read.problems.slice(0, 3).join('; ')}); the current run is kept.`);
      return;
    }
    if (again.view.id !== activeId) {
      activate(again.view.id, read.options).catch((e) => showNotice(noticeHost, String(e && e.message ? e.message : e)));
      return;
    }
    const api = mounted.get(activeId);
    if (api) applyLink(api, read.options);
  });

  // A file dropped where no view takes it (the Train view takes CSV files while it is shown)
  // would make the browser leave the page, and the Train view's unsaved data with it.
  const hasFiles = (event) => Boolean(event.dataTransfer) && Array.from(event.dataTransfer.types || []).includes('Files');
  window.addEventListener('dragover', (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    if (!hasFiles(event) || event.defaultPrevented) return;
    event.preventDefault();
    showNotice(noticeHost, 'Files are read by the "Train a model" view: open that tab, then drop the file again. Nothing was loaded here.');
  });
}

start().catch((error) => {
  const host = document.getElementById('view-host');
  if (host) showFatal(host, error && error.message ? error.message : String(error));
});
