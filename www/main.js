// The page: a header, a tab per view, and the views themselves. Reads the URL hash on load
// (a garbled one falls back to the defaults with a visible notice), keeps it up to date, and
// exposes each view's API: `window.playground` (Landscapes), `window.training` (Train a model),
// `window.search` (Search for a model), `window.race` (Race).
//
// Views are listed in views/list.js. The tab bar, the hash's `view=` key and lazy mounting are
// handled here, and embed mode (`embed=1`, `show=…` / `hide=…`: see embed/keys.js): no header
// or tabs, the view laid out by embed/layout.js, the embed keys kept in the hash.

import { viewList } from './views/list.js';
import { hashView } from './state.js';
import { loadWasm } from './wasm.js';
import { el, replaceChildren } from './ui/dom.js';
import { lessonsMenu, lessonLink, showLesson, takeLesson, withLesson } from './lessons.js';
import { takeStep, withStep } from './link-keys.js';
import { shareButton } from './share.js';
import { exportMenu } from './export/menu.js';
import { keysHelp } from './ui/help.js';
import { readEmbedHash, embedSuffix } from './embed/keys.js';
import { foldForEmbed } from './embed/layout.js';
import { mountEmbedDialog } from './embed/dialog.js';
import { applyLooks, looksToggles } from './ui/looks.js';

/** Up to five of `items`, joined, with how many more there are. */
function listed(items) {
  const more = items.length > 5 ? `; and ${items.length - 5} more` : '';
  return `${items.slice(0, 5).join('; ')}${more}`;
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
  const lessonHost = document.getElementById('lesson');
  let wasm;
  try {
    wasm = await loadWasm();
  } catch (error) {
    showFatal(host, error && error.message ? error.message : String(error));
    return;
  }
  const list = viewList(wasm);
  const viewOf = (hash) => {
    const id = hashView(hash);
    return { id, view: list.find((v) => v.id === id) || list[0] };
  };
  // The open lesson, if any: its card shows above the view and its key stays in the hash.
  let lesson;
  const openLesson = (next) => {
    lesson = next;
    showLesson(lessonHost, lesson, () => {
      openLesson(undefined);
      history.replaceState(null, '', takeLesson(location.hash).hash || '#');
    });
    window.dispatchEvent(new Event('resize'));
  };
  const link = readEmbedHash(location.hash);
  const embed = link.embed;
  if (embed.on) document.documentElement.classList.add('pg-embed-page');
  const looks = applyLooks(document.documentElement, embed);
  const read = takeLesson(link.hash);
  const opening = takeStep(read.hash);
  const first = viewOf(opening.hash);
  const decoded = first.view.decode(opening.hash);
  const problems = decoded.problems.slice();
  if (first.id && first.view.id !== first.id) problems.push(`unknown view "${first.id.slice(0, 20)}"`);
  // What could be read applies; what could not keeps its default, and the notice lists it.
  const initial = decoded.options;
  const notices = [];
  if (problems.length) notices.push(`Some of this link's settings could not be read and keep their defaults: ${listed(problems)}.`);
  if (link.problems.length) notices.push(`Ignored in this link: ${link.problems.slice(0, 3).join('; ')}.`);
  if (read.problem) notices.push(`This link names an ${read.problem}; no lesson is shown.`);
  if (opening.problem) notices.push(`Ignored in this link: ${opening.problem}.`);
  if (read.lesson) openLesson(read.lesson);

  const mounted = new Map();
  const panels = new Map();
  let activeId = null;
  /** Each mounted view's embed layout (embed mode only), whose link follows the state. */
  const embedded = new Map();
  // The embed keys the hash carries: the page's own, or ones typed in since (they lay the
  // page out when it is next loaded).
  let hashEmbed = embed;
  const pageUrl = (viewHash) => `${location.href.split('#')[0]}#${viewHash}`;
  const writeHash = (viewId, options) => {
    const view = list.find((v) => v.id === viewId);
    const viewHash = withLesson(view.encode(viewId, options), lesson);
    const hash = `#${viewHash}${embedSuffix(hashEmbed)}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
    if (embedded.has(viewId)) embedded.get(viewId).setHref(pageUrl(viewHash));
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
  const openTraining = (hash) => { location.hash = hash; };
  const extras = (view) => (view.id === 'search' ? { trainingData, openTraining } : {});

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
    if (embed.on) embedded.set(view.id, foldForEmbed(panel, embed.shown, pageUrl(link.hash)));
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
  // The skip link: straight to the shown view's Play button (a button, so the hash stays the state).
  const skip = document.getElementById('skip-link');
  if (skip) {
    skip.addEventListener('click', () => {
      const play = panels.get(activeId) && panels.get(activeId).querySelector('[data-action="play"]');
      if (play) play.focus();
    });
  }
  const actions = document.getElementById('header-actions');
  if (actions) {
    // A lesson is a link: the hashchange handler below applies it like one typed in.
    const pick = (chosen) => {
      const target = `#${lessonLink(chosen)}`;
      if (location.hash === target) openLesson(chosen);
      else location.hash = target;
    };
    const shown = () => (mounted.has(activeId) ? { view: activeId, panel: panels.get(activeId), api: mounted.get(activeId) } : null);
    const failed = (message) => showNotice(noticeHost, `The file could not be made: ${message}`);
    // The shared link opens the run at the step on screen.
    const sharedLink = () => {
      const api = mounted.get(activeId);
      const state = api && typeof api.state === 'function' ? api.state() : null;
      // A search counts its steps as `steps`.
      return withStep(location.href, state ? state.step ?? state.steps : 0);
    };
    replaceChildren(actions, lessonsMenu(pick), exportMenu(shown, failed), shareButton(sharedLink, () => {
      const api = mounted.get(activeId);
      return api && typeof api.linkLimit === 'function' ? api.linkLimit() : null;
    }), keysHelp(), looksToggles(looks));
    // Before the first view is laid out, so the header's height does not change under it.
    if (!embed.on) mountEmbedDialog(actions, () => readEmbedHash(location.hash).hash);
  }
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

  /** Takes a link's `step=` steps on the shown view, frame by frame (never blocking the page). */
  const runSteps = (steps) => {
    const api = mounted.get(activeId);
    if (!steps || !api) return;
    const taken = typeof api.runFor === 'function' ? api.runFor(steps) : api.step(steps);
    if (taken && typeof taken.catch === 'function') taken.catch(() => {});
  };

  await activate(first.view.id, initial);
  runSteps(opening.step);
  if (notices.length) showNotice(noticeHost, notices.join(' '));

  // Someone edits the address bar: apply the new hash (switching view if it names the other
  // one), or explain why it was not applied.
  window.addEventListener('hashchange', () => {
    const typedLink = readEmbedHash(location.hash);
    // Embed mode lays out the whole page: its keys apply when the page is loaded with them.
    if (embedSuffix(typedLink.embed) !== embedSuffix(hashEmbed)) {
      hashEmbed = typedLink.embed;
      if (embedSuffix(hashEmbed) !== embedSuffix(embed)) showNotice(noticeHost, 'The embed keys of this link (embed, show, hide) apply when the page is opened with them: reload the page to see them. Its other settings were applied.');
    }
    const typed = takeLesson(typedLink.hash);
    if (typed.problem) showNotice(noticeHost, `This link names an ${typed.problem}; no lesson is shown.`);
    if (typed.lesson !== lesson) openLesson(typed.lesson);
    const wanted = takeStep(typed.hash);
    if (wanted.problem) showNotice(noticeHost, `Ignored in this link: ${wanted.problem}.`);
    typed.hash = wanted.hash;
    const again = viewOf(typed.hash);
    if (again.id && again.view.id !== again.id) {
      showNotice(noticeHost, `This link names an unknown view "${again.id.slice(0, 20)}"; the current view is kept.`);
      return;
    }
    const settings = again.view.decode(typed.hash);
    if (settings.problems.length) {
      showNotice(noticeHost, `Some of this link's settings could not be read and were ignored: ${listed(settings.problems)}. The rest was applied.`);
    }
    // A link's step= opens the run at that step: from its start.
    const thenStep = () => {
      const api = mounted.get(activeId);
      if (!wanted.step || !api) return;
      api.reset();
      runSteps(wanted.step);
    };
    if (again.view.id !== activeId) {
      activate(again.view.id, settings.options).then(thenStep, (e) => showNotice(noticeHost, String(e && e.message ? e.message : e)));
      return;
    }
    const api = mounted.get(activeId);
    if (api) Promise.resolve(applyLink(api, settings.options)).then(thenStep);
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
