// The "Search for a model" view: a strategy over architectures (grid, random, evolution,
// successive halving) proposes candidates; a pool of Web Workers trains each on k folds; the
// leaderboard, the best-so-far curve and the score-against-size chart fill as results come.
//
// API
//   const s = await mountSearch(element, { data, settings, workers, controls, onChange });
//     builds the view in a shadow root on `element`, with its own stylesheet (keys act only
//     while the focus is inside it); mountSearchView(element, options) builds it in `element`
//     itself (the page uses it).
//     data      { id, points, noise, seed }: a generated set or a classic table (iris, wine…)
//     settings  the core's search settings (see searchSettingsTable() for every path, range
//               and default): { strategy: { kind, candidates, … }, space: { layers, neurons,
//               activations, rules, learningRate, l2, l2Zero, epochs, … }, folds: { k,
//               stratified }, testShare, seed }
//     workers   how many Web Workers train candidates (default: cores − 1, at least 1)
//     openTraining(hash)  opens (hash: "#view=training&…") "Train this one"'s link (default: the full page, in a new tab)
//   s.step(n = 1)  → Promise of the steps taken (a step: one candidate, generation or rung)
//   s.scrubTo(step) shows the search at an earlier step (its kept results told again; Play
//     or Step from there tell the next kept ones), → the step shown; ← is one step back.
//   s.play(), s.pause() (stops at once: busy workers are replaced; finished folds are kept),
//   s.reset(), s.set(partial) → Promise of { ok, reset, error }, s.state(), s.destroy().
//   state(): { view, status, options, steps, planned, evaluated, k, metric, progress,
//   leaderboard (best first: candidate, architecture, parameters, folds, mean, std, epochs,
//   failed, ms), best, winner ({ candidate, cvScore, testScore }), folds (fold of every row,
//   −1 held out), workers, gridSize, crashes, chosen (search/chosen.js), furthest (the
//   timeline's end), error }.

import { loadWasm } from '../wasm.js';
import { FULL_PAGE } from '../embed/page.js';
import { el, replaceChildren } from '../ui/dom.js';
import { RunBar, runKeys, messageOf } from '../ui/runbar.js';
import { Timeline } from '../ui/timeline.js';
import { settingsDrawer } from '../ui/drawer.js';
import { readTheme } from '../draw/plot.js';
import { defaultPoolSize } from '../search/pool.js';
import { SearchRun } from '../search/run.js';
import { SearchFields, defaultSettings, mergeSettings, withPath, getPath } from '../search/settings.js';
import { Leaderboard } from '../search/leaderboard.js';
import { SearchPictures } from '../search/pictures.js';
import { SearchDataPanel } from '../search/data-panel.js';
import { SearchStatus } from '../search/status.js';
import { trainingLinkFor } from '../search/link.js';
import { tableExports } from '../export/files.js';
import { leaderboardTable } from '../export/traces.js';
import { shadowed } from '../embed/shadow.js';

/** Opens the Train a model view's link `hash` (starting with #) in the full page, in a new tab. */
function openInFullPage(hash) {
  window.open(`${FULL_PAGE}${hash}`, '_blank', 'noopener');
}

class SearchView {
  constructor(element, wasm, options) {
    this.element = element;
    this.wasm = wasm;
    this.table = wasm.searchSettingsTable();
    this.onChange = typeof options.onChange === 'function' ? options.onChange : null;
    this.openTraining = typeof options.openTraining === 'function' ? options.openTraining : openInFullPage;
    this.controlsVisible = options.controls !== false;
    this.workers = Number.isInteger(options.workers) && options.workers >= 1 && options.workers <= 16 ? options.workers : defaultPoolSize();
    this.dataPanel = new SearchDataPanel(wasm, typeof options.trainingData === 'function' ? options.trainingData : null, (data) => this.set({ data }));
    this.data = this.dataPanel.withDefaults({ id: 'spiral', seed: 1, ...(options.data || {}) });
    this.settings = mergeSettings(defaultSettings(this.table), options.settings || {});
    this.playing = false;
    this.status = 'ready';
    this.failure = null;
    this.lastError = null;
    this.selected = null;
    this.listeners = [];
    this.raf = 0;
    this.build();
  }

  // ---------------------------------------------------------------- DOM

  build() {
    this.runBar = new RunBar({
      step: () => this.step(1),
      toggle: () => this.toggle(),
      reset: () => this.reset(),
      speed: () => {},
    }, 'Forget every result and start the search again');
    this.runBar.speedSelect.parentElement.hidden = true;
    this.fields = new SearchFields(this.table, (path, value) => this.commit(path, value));
    this.formError = el('div', { class: 'pg-error pg-group-error', role: 'alert', hidden: true });
    this.gridNote = el('p', { class: 'pg-note', 'aria-live': 'polite' });
    this.controls = el('aside', { class: 'pg-controls', 'aria-label': 'Search settings' },
      this.dataPanel.element,
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Search'), this.formError, this.fields.element, this.gridNote));

    this.statusView = new SearchStatus();
    this.stopButton = el('button', { type: 'button', class: 'pg-button', dataset: { action: 'stop' }, title: 'Stop the search now (busy workers are stopped)' }, 'Stop');
    this.stopButton.addEventListener('click', () => this.pause());
    this.timeline = new Timeline((step) => this.scrubTo(step));
    this.leaderboard = new Leaderboard((candidate) => this.select(candidate));
    this.pictures = new SearchPictures({ train: () => this.trainSelected(), redraw: () => this.draw() });
    this.stage = el('section', { class: 'pg-stage', 'aria-label': 'Search' },
      el('header', { class: 'pg-stage-head' }, el('div', { class: 'pg-stage-titles' },
        el('h2', { class: 'pg-title' }, 'Search for a model'),
        el('p', { class: 'pg-formula' }, 'CV score = (1/k) Σ', el('sub', {}, 'i'), ' score', el('sub', {}, 'i'), ', fold i scored by the model trained without it')), settingsDrawer(this.controls, (target, type, fn) => this.listen(target, type, fn))),
      el('div', { class: 'sr-runbar' }, this.runBar.element, this.stopButton), this.timeline.element,
      this.statusView.progressRow, this.statusView.strip, this.statusView.announcer.element, this.leaderboard.element, this.pictures.stageNodes);

    this.side = el('div', { class: 'pg-side' }, this.pictures.sideNodes);
    this.root = el('div', { class: 'pg-root sr-root' }, this.controls, this.stage, this.side);
    replaceChildren(this.element, this.root);
    this.theme = readTheme(this.root);
    const actions = { toggle: () => this.toggle(), step: () => this.step(1), reset: () => this.reset(), back: () => this.scrubTo(this.snapshot.steps - 1) };
    this.listen(document, 'keydown', (event) => runKeys(event, this.root, actions));
    this.listen(window, 'resize', () => this.draw());
    this.listen(window, 'looks-change', () => {
      this.theme = readTheme(this.root);
      this.draw();
    });
  }

  listen(target, type, fn) {
    target.addEventListener(type, fn);
    this.listeners.push(() => target.removeEventListener(type, fn));
  }

  // ---------------------------------------------------------------- the search

  /** A started search run for `data` and `settings` (rejects with the core's message). */
  async start(data, settings) {
    return new SearchRun(this.wasm, await this.dataPanel.partsFor(data), settings, this.workers).start();
  }

  /** Swaps in a new run (the old one is freed); results start again. */
  adopt(run, data, settings) {
    this.halt();
    if (this.run) this.run.destroy();
    Object.assign(this, { run, data, settings });
    this.selected = null;
    this.failure = null;
    this.status = 'ready';
    this.refresh();
  }

  /** Stops dispatching and cancels the workers' current jobs. */
  halt() {
    this.playing = false;
    if (this.run) this.run.cancel();
  }

  /** One step of the run; the view shows its progress as fold results arrive. */
  async runStep() {
    const run = this.run;
    this.status = 'running';
    const taken = await run.step(() => this.schedule());
    if (run !== this.run) return 0;
    if (run.finished) {
      this.playing = false;
      this.status = 'finished';
    }
    this.refresh();
    return taken;
  }

  async step(n = 1) {
    const count = Number(n);
    if (!Number.isInteger(count) || count < 1 || this.destroyed) return 0;
    if (this.playing) this.pause();
    let taken = 0;
    this.busy = true;
    try {
      for (let i = 0; i < count; i += 1) {
        const t = await this.runStep();
        taken += t;
        if (!t) break;
      }
      if (this.status === 'running') this.status = 'paused';
    } catch (error) {
      this.caught(error);
    } finally {
      this.busy = false;
      this.refresh();
    }
    return taken;
  }

  async play() {
    if (this.playing || this.destroyed) return;
    if (this.status === 'finished' || this.failure) this.restart();
    this.playing = true;
    this.status = 'running';
    this.refresh();
    try {
      while (this.playing && !this.destroyed) {
        if (!(await this.runStep())) break;
      }
    } catch (error) {
      this.caught(error);
    }
    if (this.status === 'running') this.status = this.playing ? 'finished' : 'paused';
    this.playing = false;
    this.refresh();
  }

  caught(error) {
    if (error && error.cancelled) return;
    this.failure = messageOf(error);
    this.lastError = this.failure;
    this.status = 'error';
    this.playing = false;
  }

  pause() {
    if (!this.playing && !this.busy) return;
    this.halt();
    this.status = 'paused';
    this.refresh();
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /**
   * Shows the search at step `step` of those taken (the kept results told to a fresh session:
   * nothing is trained again); a step in hand stops. Returns the step shown.
   */
  scrubTo(step) {
    if (this.destroyed || !this.run || !(step >= 0)) return this.snapshot ? this.snapshot.steps : 0;
    this.halt();
    const at = this.run.seek(step);
    if (this.selected !== null && this.selected >= this.run.state().evaluated) this.selected = null;
    this.failure = null;
    this.status = this.run.finished ? 'finished' : at === 0 ? 'ready' : 'paused';
    this.refresh();
    return at;
  }

  /** Forgets every result; the same settings, ready to search again. */
  restart() {
    this.halt();
    this.run.restart();
    this.selected = null;
    this.failure = null;
    this.status = 'ready';
    this.refresh();
  }

  reset() {
    try {
      this.restart();
    } catch (error) {
      this.caught(error);
      this.refresh();
    }
  }

  // ---------------------------------------------------------------- settings

  commit(path, value) {
    return this.set({ settings: withPath({}, path, value) });
  }

  /**
   * Applies `partial` ({ data, settings, workers, controls }): the new search is built first,
   * so a refused change leaves the current one (and its results) on screen.
   */
  async set(partial) {
    if (this.destroyed) return { ok: false, reset: false, error: 'this view was destroyed' };
    if (!partial || typeof partial !== 'object' || Array.isArray(partial)) return { ok: false, reset: false, error: 'set: expected an options object' };
    if ('controls' in partial) {
      this.controlsVisible = partial.controls !== false;
      this.refresh();
    }
    if ('workers' in partial && !(Number.isInteger(partial.workers) && partial.workers >= 1 && partial.workers <= 16)) {
      return this.refused('workers: must be a whole number from 1 to 16');
    }
    const touches = ['data', 'settings', 'workers'].some((k) => k in partial);
    if (!touches) {
      this.notify();
      return { ok: true, reset: false, error: null };
    }
    const data = partial.data && partial.data.id && partial.data.id !== this.data.id
      ? this.dataPanel.withDefaults({ seed: this.data.seed, ...partial.data })
      : { ...this.data, ...(partial.data || {}) };
    const settings = mergeSettings(this.settings, partial.settings || {});
    const ticket = (this.ticket || 0) + 1;
    this.ticket = ticket;
    if ('workers' in partial) this.workers = partial.workers;
    let built;
    try {
      built = await this.start(data, settings);
    } catch (error) {
      return this.refused(messageOf(error));
    }
    if (ticket !== this.ticket || this.destroyed) {
      built.destroy();
      return { ok: false, reset: false, error: 'a later change replaced this one' };
    }
    this.adopt(built, data, settings);
    this.lastError = null;
    this.showFormError(null);
    this.fields.sync(this.settings, { clearErrors: true });
    this.notify();
    return { ok: true, reset: true, error: null };
  }

  refused(message) {
    this.lastError = message;
    this.showFormError(message);
    return { ok: false, reset: false, error: message };
  }

  showFormError(message) {
    this.formError.textContent = message || '';
    this.formError.hidden = !message;
  }

  notify() {
    if (!this.onChange) return;
    try {
      this.onChange(this.options());
    } catch (error) {
      this.lastError = messageOf(error);
    }
  }

  options() {
    return { data: { ...this.data }, settings: this.settings, controls: this.controlsVisible };
  }

  // ---------------------------------------------------------------- the picture

  select(candidate) {
    this.selected = candidate;
    this.draw();
  }

  trainSelected() {
    const config = this.selected === null ? null : this.run.session.trainingConfig(this.selected);
    if (config) this.openTraining(trainingLinkFor(this.data, config));
  }

  /** Copies the session's state and redraws. */
  refresh() {
    if (!this.run || this.destroyed) return;
    this.snapshot = this.run.state();
    this.root.classList.toggle('pg-no-controls', !this.controlsVisible);
    this.schedule();
  }

  schedule() {
    if (!this.raf && !this.destroyed) this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.draw();
    });
  }

  draw() {
    if (this.destroyed || !this.snapshot) return;
    const s = this.snapshot;
    this.dataPanel.sync(this.data, this.workers);
    this.fields.sync(this.settings);
    const kind = getPath(this.settings, 'strategy.kind');
    this.gridNote.textContent = kind === 'grid'
      ? `The grid has ${this.run.gridSize} point${this.run.gridSize === 1 ? '' : 's'}: every one is trained on ${s.k} folds.`
      : `The space's grid would have ${this.run.gridSize} points; ${kind} search tries ${s.planned}.`;
    this.runBar.showPlaying(this.playing);
    this.timeline.sync(s.steps, this.run.furthest, !this.playing && !this.busy);
    this.statusView.draw(s, { status: this.status, failure: this.failure, playing: this.playing, progress: this.run.progress });
    this.leaderboard.show(s.candidates, { metric: s.metric, best: s.best, selected: this.selected, times: this.run.times });
    const run = this.run;
    this.pictures.draw(s, {
      parts: run.parts, foldOf: run.foldOf, bounds: run.bounds, foldImages: run.foldImages,
      selected: this.selected, theme: this.theme, stageWidth: Math.max(280, this.stage.clientWidth - 32),
      pictureSize: this.wasm.SearchSession.pictureSize(), kind: getPath(this.settings, 'strategy.kind'),
      record: (candidate) => run.record(candidate), times: run.times, core: this.wasm,
    });
  }

  // ---------------------------------------------------------------- API

  state() {
    const s = this.snapshot;
    const order = this.leaderboard.ranked(s.candidates);
    return {
      view: 'search',
      colourBar: this.pictures.colourBar.state(),
      status: this.failure ? 'error' : this.status,
      playing: this.playing,
      options: this.options(),
      steps: s.steps,
      planned: s.planned,
      evaluated: s.evaluated,
      k: s.k,
      metric: s.metric,
      progress: { done: this.run.progress.done, total: this.run.progress.total },
      leaderboard: order.map((c, i) => ({
        rank: i + 1, candidate: c.candidate, architecture: c.description, parameters: c.parameters,
        folds: c.folds.map((f) => f.score), mean: c.mean, std: c.std, epochs: c.epochs, failed: c.failed,
        ms: this.run.times.get(c.candidate) || 0, parents: c.parents.slice(),
      })),
      best: s.best,
      winner: s.winner,
      folds: this.run.foldOf.slice(),
      workers: this.workers,
      gridSize: this.run.gridSize,
      crashes: this.run.pool.crashes,
      chosen: this.pictures.chosen.state(),
      furthest: this.run.furthest,
      error: this.lastError,
    };
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.halt();
    if (this.raf) cancelAnimationFrame(this.raf);
    for (const off of this.listeners) off();
    if (this.run) this.run.destroy();
    replaceChildren(this.element);
  }

  api() {
    return {
      step: (n) => this.step(n),
      scrubTo: (step) => this.scrubTo(step),
      play: () => { this.play(); },
      pause: () => this.pause(),
      reset: () => this.reset(),
      set: (partial) => this.set(partial),
      state: () => this.state(),
      destroy: () => this.destroy(),
      exports: () => tableExports('Leaderboard', 'search-leaderboard', () => leaderboardTable(this.state().leaderboard, this.snapshot.k),
        { view: 'search', options: this.options(), winner: this.snapshot.winner }),
      /** For tests: the worker that takes candidate `index`'s first job dies. */
      crashOn: (index) => { this.run.crashCandidate = index; },
      element: this.element,
    };
  }
}

/**
 * Mounts the search view in `element` itself, styled by the page's own stylesheet (the page
 * uses this); rejects with the core's message when the options are refused.
 */
export async function mountSearchView(element, options = {}) {
  if (!(element instanceof Element)) throw new Error('mountSearchView: expected a DOM element');
  const wasm = await loadWasm();
  const view = new SearchView(element, wasm, options || {});
  try {
    view.adopt(await view.start(view.data, view.settings), view.data, view.settings);
  } catch (error) {
    view.destroy();
    throw error;
  }
  return view.api();
}

/**
 * Mounts the search view in `element`, inside a shadow root that loads its own stylesheet (so
 * it neither takes nor gives style): for host pages. Same API and refusals as mountSearchView.
 */
export const mountSearch = shadowed(mountSearchView, 'mountSearch');
