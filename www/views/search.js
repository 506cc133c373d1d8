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
//   s.play(), s.pause() (stops at once: busy workers are replaced; finished folds are kept),
//   s.reset(), s.set(partial) → Promise of { ok, reset, error }, s.state(), s.destroy().
//   state(): { view, status, options, steps, planned, evaluated, k, metric, progress,
//   leaderboard (best first: candidate, architecture, parameters, folds, mean, std, epochs,
//   failed, ms), best, winner ({ candidate, cvScore, testScore }), folds (fold of every row,
//   −1 held out), workers, gridSize, crashes, chosen (search/chosen.js), error }.

import { loadWasm } from '../wasm.js';
import { FULL_PAGE } from '../embed/page.js';
import { el, replaceChildren } from '../ui/dom.js';
import { num } from '../ui/format.js';
import { RunBar, runKeys, messageOf } from '../ui/runbar.js';
import { Announcer } from '../ui/announcer.js';
import { settingsDrawer } from '../ui/drawer.js';
import { selectField, numberField } from '../ui/field.js';
import { parseField } from '../ui/fields.js';
import { readTheme } from '../draw/plot.js';
import { defaultPoolSize } from '../search/pool.js';
import { SearchRun } from '../search/run.js';
import { SearchFields, defaultSettings, withPath, getPath } from '../search/settings.js';
import { Leaderboard } from '../search/leaderboard.js';
import { SearchPictures } from '../search/pictures.js';
import { SYNTHETIC, CLASSIC, dataFields } from '../training/options.js';
import { loadTable } from '../training/tables.js';
import { trainingLinkFor } from '../search/link.js';
import { tableExports } from '../export/files.js';
import { leaderboardTable } from '../export/traces.js';
import { shadowed } from '../embed/shadow.js';

const STATUS_TEXT = {
  ready: 'Ready — press Play or Step',
  running: 'Searching…',
  paused: 'Paused',
  finished: 'Finished',
  error: 'Error',
};

/** The data id of the Train a model view's rows (its CSV, drawn points or set). */
export const TRAINING_DATA = 'training';

/** Opens the Train a model view's link `hash` (starting with #) in the full page, in a new tab. */
function openInFullPage(hash) {
  window.open(`${FULL_PAGE}${hash}`, '_blank', 'noopener');
}

/** The data the view offers: generated sets, classic tables, and the Train view's rows. */
function dataChoices(catalog, withTraining) {
  return [
    { group: 'Generated', choices: catalog.synthetic.filter((id) => id in SYNTHETIC).map((id) => ({ id, label: SYNTHETIC[id].label })) },
    { group: 'Classic tables', choices: catalog.classic.map((t) => ({ id: t.id, label: CLASSIC[t.id] || t.id })) },
    withTraining ? { group: 'Your own data', choices: [{ id: TRAINING_DATA, label: 'The rows of the Train a model view (your CSV, drawn points…)' }] } : null,
  ].filter(Boolean);
}

class SearchView {
  constructor(element, wasm, options) {
    this.element = element;
    this.wasm = wasm;
    this.table = wasm.searchSettingsTable();
    this.catalog = wasm.datasetCatalog();
    this.onChange = typeof options.onChange === 'function' ? options.onChange : null;
    this.trainingData = typeof options.trainingData === 'function' ? options.trainingData : null;
    this.openTraining = typeof options.openTraining === 'function' ? options.openTraining : openInFullPage;
    this.controlsVisible = options.controls !== false;
    this.workers = Number.isInteger(options.workers) && options.workers >= 1 && options.workers <= 16 ? options.workers : defaultPoolSize();
    this.data = this.withDefaults({ id: 'spiral', seed: 1, ...(options.data || {}) });
    this.settings = this.merge(defaultSettings(this.table), options.settings || {});
    this.playing = false;
    this.status = 'ready';
    this.failure = null;
    this.lastError = null;
    this.selected = null;
    this.listeners = [];
    this.raf = 0;
    this.build();
  }

  /** `data` with its generator's default points and noise (the core's) where not given. */
  withDefaults(data) {
    const d = (this.catalog.defaults || []).find((entry) => entry.id === data.id);
    return d ? { points: d.points, noise: d.noise, ...data } : data;
  }

  /** `partial` settings laid over `base`, path by path (arrays replace). */
  merge(base, partial) {
    let merged = base;
    const walk = (node, prefix) => {
      for (const [key, value] of Object.entries(node)) {
        const path = prefix ? `${prefix}.${key}` : key;
        if (value && typeof value === 'object' && !Array.isArray(value)) walk(value, path);
        else merged = withPath(merged, path, value);
      }
    };
    walk(partial, '');
    return merged;
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
    this.dataSelect = selectField('Dataset', dataChoices(this.catalog, Boolean(this.trainingData)), (id) => this.set({ data: { id } }), 'data');
    // A generated set's size and noise (its seed: the link's dseed).
    this.dataFields = ['points', 'noise'].map((key) => {
      const spec = dataFields()[key];
      const field = numberField(spec, async (text) => {
        const parsed = parseField(spec, text, {});
        const result = parsed.error ? { ok: false, error: parsed.error } : await this.set({ data: { [key]: parsed.value } });
        if (result.ok) field.clearError();
        else field.setError(result.error);
      });
      field.key = key;
      return field;
    });
    this.dataNote = el('p', { class: 'pg-note', hidden: true }, 'These rows come from the Train a model view: a link cannot carry them, so a shared link opens with its own data.');
    this.workersNote = el('p', { class: 'pg-note' });
    this.fields = new SearchFields(this.table, (path, value) => this.commit(path, value));
    this.formError = el('div', { class: 'pg-error pg-group-error', role: 'alert', hidden: true });
    this.gridNote = el('p', { class: 'pg-note', 'aria-live': 'polite' });
    this.controls = el('aside', { class: 'pg-controls', 'aria-label': 'Search settings' },
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Data'), this.dataSelect.root, this.dataFields.map((f) => f.root), this.dataNote, this.workersNote),
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Search'), this.formError, this.fields.element, this.gridNote));

    this.strip = el('div', { class: 'pg-strip', dataset: { status: 'ready' } });
    this.announcer = new Announcer();
    this.bar = el('progress', { class: 'sr-progress', max: '1', value: '0' });
    this.progressText = el('p', { class: 'sr-progress-text', 'aria-live': 'off' });
    this.stopButton = el('button', { type: 'button', class: 'pg-button', dataset: { action: 'stop' }, title: 'Stop the search now (busy workers are stopped)' }, 'Stop');
    this.stopButton.addEventListener('click', () => this.pause());
    this.leaderboard = new Leaderboard((candidate) => this.select(candidate));
    this.pictures = new SearchPictures({ train: () => this.trainSelected(), redraw: () => this.draw() });
    this.stage = el('section', { class: 'pg-stage', 'aria-label': 'Search' },
      el('header', { class: 'pg-stage-head' }, el('div', { class: 'pg-stage-titles' },
        el('h2', { class: 'pg-title' }, 'Search for a model'),
        el('p', { class: 'pg-formula' }, 'CV score = (1/k) Σ', el('sub', {}, 'i'), ' score', el('sub', {}, 'i'), ', fold i scored by the model trained without it')), settingsDrawer(this.controls)),
      el('div', { class: 'sr-runbar' }, this.runBar.element, this.stopButton),
      el('div', { class: 'sr-progress-row' }, this.bar, this.progressText),
      this.strip, this.announcer.element, this.leaderboard.element, this.pictures.stageNodes);

    this.side = el('div', { class: 'pg-side' }, this.pictures.sideNodes);
    this.root = el('div', { class: 'pg-root sr-root' }, this.controls, this.stage, this.side);
    replaceChildren(this.element, this.root);
    this.theme = readTheme(this.root);
    const actions = { toggle: () => this.toggle(), step: () => this.step(1), reset: () => this.reset() };
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
    return new SearchRun(this.wasm, await this.partsFor(data), settings, this.workers).start();
  }

  async partsFor(data) {
    if (data.id === TRAINING_DATA) {
      if (!this.trainingData) throw new Error('data: the Train a model view\'s rows are only offered inside the playground page');
      return this.trainingData();
    }
    if (data.id in CLASSIC) {
      const table = this.catalog.classic.find((t) => t.id === data.id);
      return this.wasm.datasetParts({ kind: 'classic', id: data.id, text: await loadTable(table.file) });
    }
    return this.wasm.datasetParts({ kind: 'synthetic', id: data.id, points: data.points, noise: data.noise, seed: data.seed });
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
      ? this.withDefaults({ seed: this.data.seed, ...partial.data })
      : { ...this.data, ...(partial.data || {}) };
    const settings = this.merge(this.settings, partial.settings || {});
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
    this.dataSelect.select.value = this.data.id;
    this.dataNote.hidden = this.data.id !== TRAINING_DATA;
    for (const field of this.dataFields) {
      field.show(this.data.id in SYNTHETIC);
      field.sync(this.data[field.key]);
    }
    this.fields.sync(this.settings);
    this.workersNote.textContent = this.workers === 1 ? 'One Web Worker trains the candidates beside the page.' : `${this.workers} Web Workers train the candidates beside the page.`;
    const kind = getPath(this.settings, 'strategy.kind');
    this.gridNote.textContent = kind === 'grid'
      ? `The grid has ${this.run.gridSize} point${this.run.gridSize === 1 ? '' : 's'}: every one is trained on ${s.k} folds.`
      : `The space's grid would have ${this.run.gridSize} points; ${kind} search tries ${s.planned}.`;
    this.runBar.showPlaying(this.playing);
    this.drawStatus(s);
    this.leaderboard.show(s.candidates, { metric: s.metric, best: s.best, selected: this.selected, times: this.run.times });
    const run = this.run;
    this.pictures.draw(s, {
      parts: run.parts, foldOf: run.foldOf, bounds: run.bounds, foldImages: run.foldImages,
      selected: this.selected, theme: this.theme, stageWidth: Math.max(280, this.stage.clientWidth - 32),
      pictureSize: this.wasm.SearchSession.pictureSize(), kind: getPath(this.settings, 'strategy.kind'),
      record: (candidate) => run.record(candidate), times: run.times, core: this.wasm,
    });
  }

  drawStatus(s) {
    const status = this.failure ? 'error' : this.status;
    let text = STATUS_TEXT[status];
    if (status === 'error') text = `Error — ${this.failure}`;
    if (status === 'finished') text = `Finished — ${s.evaluated} candidates scored by ${s.k}-fold cross-validation.`;
    if (this.strip.textContent !== text) this.strip.textContent = text;
    this.strip.dataset.status = status === 'finished' ? 'converged' : status;
    const best = s.candidates.find((c) => c.candidate === s.best);
    const score = best && Number.isFinite(best.mean) ? `; best mean CV ${s.metric} ${num(best.mean, 4)}` : '';
    this.announcer.say(`Step ${s.steps}: ${s.evaluated} of ${s.planned} candidates scored${score}. ${text}`, this.playing);
    const p = this.run.progress;
    const planned = Math.max(1, s.planned);
    const inStep = p.total ? p.done / p.total : 0;
    const stepShare = p.jobs ? p.jobs.length / planned : 0;
    this.bar.value = Math.min(1, s.evaluated / planned + (this.status === 'running' ? inStep * stepShare : 0));
    const running = this.status === 'running' && p.jobs && p.total;
    if (running) {
      const first = p.jobs[0].candidate + 1;
      const doneInStep = Math.min(p.jobs.length, Math.floor(p.done / p.k));
      const fold = (p.done % p.k) + 1;
      const elapsed = (performance.now() - p.started) / 1000;
      const perJob = p.done > 0 ? elapsed / p.done : null;
      const left = perJob === null ? '' : ` · about ${num(perJob * (planned * p.k - (s.evaluated * p.k + p.done)) , 2)} s left`;
      this.progressText.textContent = `candidate ${first + doneInStep} of ${s.planned} · fold ${fold} of ${p.k}${left}`;
    } else {
      this.progressText.textContent = `${s.evaluated} of ${s.planned} candidates scored`;
    }
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
