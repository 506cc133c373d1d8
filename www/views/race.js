// The "Race" view: 2–4 strategies on one problem (a landscape, a network's weights on generated
// data, or a model's architecture on that data, its folds trained in Web Workers) with the same
// evaluation budget, each run from several seeds. One chart shows, per strategy, the median
// best-so-far against evaluations and the min–max band over seeds; small multiples show each
// strategy's first-seed lane.
//
// API (window.race)
//   const r = await mountRace(element, { preset, problem ('surface' | 'weights' | 'architecture'),
//     landscape, weights ({ data, points, noise, dataSeed, model: { hidden, activation } }),
//     architecture ({ space: { layers, neurons, epochs }, folds }), strategies, seeds, budget,
//     seed, speed, controls, onChange });
//     strategies  [{ kind, rule?, …strategy settings }] (2–4; see settingsTables().strategy; on
//                 architectures { kind: 'grid' | 'random' | 'evolution' | 'halving', … } as the
//                 Search view's strategy)
//   r.step(n) (refused on architectures: its folds train in workers, use runFor), r.play(),
//   r.pause(), r.reset(), r.set(partial) → { ok, reset, error },
//   r.runFor(n), r.destroy(), r.state(): { view, status, step, budget, seeds, preset, options,
//   strategies (labels), summary ([{ strategy, median, min, max }]: best J over seeds at the
//   current step), lanes ([{ evaluations, bestValue, best? }]: each first-seed lane; on
//   architectures `best` is its best candidate { description, error, parameters } or null),
//   chart ({ lines, bands, log }: what the chart last drew), playing, speed, error, perf }.

import { loadWasm } from '../wasm.js';
import { el, replaceChildren } from '../ui/dom.js';
import { RunController } from '../ui/run-controller.js';
import { checkRunOptions, messageOf } from '../ui/runbar.js';
import { selectField, numberField } from '../ui/field.js';
import { settingsDrawer } from '../ui/drawer.js';
import { parseField } from '../ui/fields.js';
import { numberSpec, specAt } from '../ui/catalog.js';
import { statusLabel } from '../ui/panel.js';
import { drawScale, fitCanvas, readTheme } from '../draw/plot.js';
import { heatmapLayer } from '../draw/landscape.js';
import { drawRaceChart, legendSample } from '../race/chart.js';
import { RacePictures } from '../race/pictures.js';
import { PRESETS, laneChoice, laneChoices, lanesFor, presetById, raceTexts } from '../race/presets.js';
import { ArchitectureFields, architectureOf, bestOf } from '../race/architecture.js';
import { raceSession } from '../race/session.js';
import { summaryItems, summaryRows } from '../race/summary.js';
import { tableExports } from '../export/files.js';
import { PROBLEMS, WeightsFields, parseTrainingPoints, weightsOf } from '../race/weights.js';

/** Most race steps (evaluations per lane) per call into the core. */
const MAX_BATCH = 200;
/** Redraws of the chart and pictures per second at most while playing. */
const DRAW_FPS = 15;

/** Checks the parts of the options the core does not read. */
function checkOptions(options) {
  const shared = checkRunOptions(options);
  if (shared) return shared;
  if ('strategies' in options && !Array.isArray(options.strategies)) return 'strategies: must be a list of strategy settings';
  if ('preset' in options && options.preset !== null && !presetById(options.preset)) return `preset: unknown preset "${String(options.preset).slice(0, 20)}"`;
  return null;
}

/** What the core is given: the race's own settings. */
function raceConfig(o) {
  return { problem: o.problem, landscape: o.landscape, weights: o.weights, architecture: o.architecture, strategies: o.strategies, seeds: o.seeds, budget: o.budget, seed: o.seed };
}


class RaceView extends RunController {
  constructor(element, wasm, options) {
    const problem = checkOptions(options);
    if (problem) throw new Error(problem);
    const base = presetById(options.preset) || (options.strategies ? null : PRESETS[0]);
    const race = { ...(base ? base.options : {}), preset: base ? base.id : null, ...options };
    const defaults = (path) => specAt('race', path).default;
    const settings = { problem: defaults('problem'), seeds: defaults('seeds'), budget: defaults('budget'), seed: defaults('seed'), landscape: { id: 'bowl' }, ...race };
    settings.weights = weightsOf(race.weights);
    settings.architecture = architectureOf(race.architecture);
    super(element, raceSession(wasm, raceConfig(settings)), options, MAX_BATCH);
    this.wasm = wasm;
    this.settings = { ...raceConfig(settings), strategies: settings.strategies || [], preset: settings.preset };
    this.catalog = wasm.landscapeCatalog();
    this.runKey = 0;
    this.drawn = { lines: 0, bands: 0, log: false };
    this.lastDraw = 0;
    this.build();
    this.newRace();
    this.schedule();
  }

  // ---------------------------------------------------------------- DOM

  build() {
    this.buildRunControls('Start the race again (R)');
    const presetChoices = [{ id: '', label: 'Your own race' }, ...PRESETS];
    this.presetSelect = selectField('Preset', presetChoices, (id) => this.set(id ? { preset: id } : { preset: null }), 'preset');
    this.problemSelect = selectField('Problem', PROBLEMS, (problem) => this.set({ problem, preset: null }), 'problem');
    this.surfaceSelect = selectField('Surface', this.catalog, (id) => this.set({ landscape: { id }, preset: null }), 'landscape');
    this.weightsFields = new WeightsFields((weights) => this.set({ weights, preset: null }), this.wasm.datasetCatalog());
    this.architectureFields = new ArchitectureFields((architecture) => this.set({ architecture, preset: null }));
    this.weightsFields.element.append(this.architectureFields.element);
    this.lanesBox = el('div', { class: 'race-lanes' });
    this.addButton = el('button', { type: 'button', class: 'pg-button pg-small', dataset: { action: 'add-strategy' } }, 'Add a strategy');
    const random = () => ({ ...laneChoices(this.settings.problem).find((c) => c.id === 'random').strategy });
    this.addButton.addEventListener('click', () => this.guard(() => this.changeLanes((lanes) => [...lanes, random()])));
    this.formError = el('div', { class: 'pg-error pg-group-error', role: 'alert', hidden: true });
    this.numbers = ['seeds', 'budget', 'seed'].map((path) => {
      const spec = numberSpec(specAt('race', path));
      const field = numberField(spec, (text) => this.guard(() => {
        const parsed = parseField(spec, text, {});
        const result = parsed.error ? { ok: false, error: parsed.error } : this.set({ [path]: parsed.value, preset: null });
        if (result.ok) field.clearError();
        else field.setError(result.error);
      }));
      field.setRange({});
      field.path = path;
      return field;
    });
    this.controls = el('aside', { class: 'pg-controls', 'aria-label': 'Race settings' },
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Race'), this.presetSelect.root, this.problemSelect.root, this.surfaceSelect.root),
      this.weightsFields.element,
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Strategies'), this.formError, this.lanesBox, this.addButton),
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Budget and seeds'), this.numbers.map((f) => f.root)));

    this.titleText = el('h2', { class: 'pg-title' });
    this.statusStrip = el('div', { class: 'pg-strip', role: 'status', 'aria-live': 'polite', dataset: { status: 'ready' } });
    this.chartCanvas = el('canvas', { class: 'pg-chart', role: 'img', 'aria-label': 'Best J − J* so far against evaluations, per strategy: median line and min–max band over seeds' });
    // The chart is the view's main picture (what an embed keeps in view).
    this.chartWrap = el('div', { class: 'pg-canvas-wrap race-chart-wrap' }, this.chartCanvas);
    this.legend = el('ul', { class: 'pg-legend race-legend', 'aria-label': 'Legend' });
    this.pictures = new RacePictures();
    this.stage = el('section', { class: 'pg-stage', 'aria-label': 'Race' },
      el('header', { class: 'pg-stage-head' }, el('div', { class: 'pg-stage-titles' }, this.titleText), this.toggleControls, settingsDrawer(this.controls, (target, type, fn) => this.listen(target, type, fn))),
      this.runBar.element, this.statusStrip, this.chartWrap, this.legend, this.pictures.element);
    this.presetText = el('p', { class: 'pg-note race-preset-text' });
    this.summary = el('dl', { class: 'pg-stats race-summary' });
    this.summaryTitle = el('h2', { class: 'pg-card-title' });
    this.side = el('div', { class: 'pg-side' },
      el('section', { class: 'pg-card' }, el('h2', { class: 'pg-card-title' }, 'What this race shows'), this.presetText),
      el('section', { class: 'pg-card', 'aria-label': 'Summary' }, this.summaryTitle, this.summary));
    this.root = el('div', { class: 'pg-root race-root' }, this.controls, this.stage, this.side);
    replaceChildren(this.element, this.root);
    this.theme = readTheme(this.root);
    this.listen(window, 'resize', () => this.redraw());
    this.observeResize([this.stage], () => this.redraw());
  }

  /** The lane pickers: a strategy menu and a remove (×) button per lane. */
  buildLanes() {
    const { min, max } = specAt('race', 'strategies');
    const { strategies: lanes, problem } = this.settings;
    const choices = laneChoices(problem);
    replaceChildren(this.lanesBox, lanes.map((strategy, i) => {
      const picker = selectField(`Strategy ${i + 1}`, choices, (id) => this.guard(() => this.changeLanes((all) => all.map((s, k) => (k === i ? { ...choices.find((c) => c.id === id).strategy } : s)))), `strategy${i + 1}`);
      picker.select.value = laneChoice(strategy, problem).id;
      const remove = el('button', { type: 'button', class: 'pg-button pg-small pg-quiet', 'aria-label': `Remove strategy ${i + 1}`, title: `Remove strategy ${i + 1}`, dataset: { action: 'remove-strategy' } }, '×');
      remove.disabled = lanes.length <= min;
      remove.addEventListener('click', () => this.guard(() => this.changeLanes((all) => all.filter((_, k) => k !== i))));
      return el('div', { class: 'race-lane' }, picker.root, remove);
    }));
    this.addButton.disabled = lanes.length >= max;
  }

  changeLanes(change) {
    const result = this.set({ strategies: change(this.settings.strategies), preset: null });
    this.showFormError(result.ok ? null : result.error);
  }

  showFormError(message) {
    this.formError.textContent = message || '';
    this.formError.hidden = !message;
  }

  // ---------------------------------------------------------------- the race

  /** After a new session: static texts, the surface's pictures, fresh curves. */
  newRace() {
    const s = this.settings;
    const weights = s.problem === 'weights';
    const architecture = s.problem === 'architecture';
    const onData = weights || architecture;
    if (this.surface) this.surface.free();
    this.surface = onData ? null : new this.wasm.LandscapeSession({ landscape: s.landscape });
    this.domain = onData ? null : Array.from(this.surface.domain());
    this.minima = onData ? null : Array.from(this.surface.minima());
    this.training = onData ? parseTrainingPoints(this.session.trainingPoints()) : null;
    this.lanePixels = weights ? this.session.lanePixels() : 0;
    this.heatmaps = new Map();
    const entry = this.catalog.find((c) => c.id === s.landscape.id) || { label: s.landscape.id };
    const texts = raceTexts(s, entry.label);
    this.labels = s.strategies.map((strategy) => laneChoice(strategy, s.problem).label);
    this.titleText.textContent = `Race: ${this.labels.join(' vs ')} · ${texts.subject}`.replace(/-/g, '\u2011');
    const preset = presetById(s.preset);
    this.presetText.textContent = preset ? preset.text : texts.own;
    this.quantity = texts.quantity;
    this.summaryTitle.textContent = `${texts.best} so far: median [min, max] over seeds`;
    replaceChildren(this.legend, this.labels.map((label, i) => el('li', {}, legendSample(i), `${label}: median line, min–max band`)));
    this.pictures.setStrategies(this.labels);
    this.presetSelect.select.value = s.preset || '';
    this.problemSelect.select.value = s.problem;
    this.surfaceSelect.select.value = s.landscape.id;
    this.surfaceSelect.show(!onData);
    this.weightsFields.show(onData, weights);
    this.weightsFields.sync(s.weights);
    this.architectureFields.show(architecture);
    this.architectureFields.sync(s.architecture);
    for (const f of this.numbers) f.setValue(s[f.path]);
    this.buildLanes();
    this.showRunOptions();
    this.restarted();
  }

  /** Copies the core's state, the new part of the curves (cut back after a rewind) and the lanes. */
  refreshData() {
    const frame = this.session.read(this.curves[0].median.length);
    frame.curves.forEach((fresh, s) => {
      const c = this.curves[s];
      for (const series of [c.median, c.min, c.max]) series.length = Math.min(series.length, frame.state.step);
      c.median.push(...fresh.median);
      c.min.push(...fresh.min);
      c.max.push(...fresh.max);
    });
    this.lanes = frame.lanes;
    this.bests = this.settings.problem === 'architecture' ? this.session.bests() : null;
    this.data = { state: frame.state };
  }

  coreState() {
    return this.data.state;
  }

  stepped() {
    this.refreshData();
    this.dirty = true;
  }

  restarted() {
    this.runKey += 1;
    this.curves = this.settings.strategies.map(() => ({ median: [], min: [], max: [] }));
    this.refreshData();
    this.dirty = true;
  }

  /** After a rewind: the same race at an earlier step, its curves cut back (not copied again). */
  rewound() {
    this.runKey += 1;
    this.refreshData();
    this.dirty = true;
  }

  invalidate() {
    this.dirty = true;
  }

  redraw() {
    this.dirty = true;
    this.lastDraw = 0;
    this.schedule();
  }

  // ---------------------------------------------------------------- drawing

  /** The surface's pixels at `w` × `h` device pixels (computed once per size). */
  heatmap(w, h) {
    const key = `${w}x${h}`;
    if (!this.heatmaps.has(key)) this.heatmaps.set(key, heatmapLayer(this.surface.heatmap(w, h), w, h));
    return this.heatmaps.get(key);
  }

  render(now) {
    if (!this.dirty) return;
    if (this.playing && now - this.lastDraw < 1000 / DRAW_FPS) {
      this.schedule();
      return;
    }
    this.dirty = false;
    this.lastDraw = now;
    const state = this.data.state;
    this.runBar.showPlaying(this.playing);
    this.updateStrip(state);
    replaceChildren(this.summary, summaryItems(this.labels, state));
    const width = this.chartWrap.clientWidth;
    if (width > 0) {
      const cssW = Math.floor(width);
      // In an embed the chart fills what the run controls and the legend leave of the box;
      // elsewhere its height is set in drawing units, so it grows with the text (4K, projector).
      const scale = drawScale(this.chartCanvas);
      const cssH = this.chartWrap.closest('.pg-embed')
        ? Math.max(120, this.chartWrap.clientHeight)
        : Math.round(scale * Math.min(320, Math.max(200, (cssW / scale) * 0.42)));
      const fit = fitCanvas(this.chartCanvas, cssW, cssH);
      this.drawn = drawRaceChart(this.chartCanvas.getContext('2d'), { dpr: fit.dpr, cssW: fit.cssW, cssH: fit.cssH, theme: this.theme, budget: state.budget, series: this.curves, quantity: this.quantity });
    }
    this.pictures.draw({
      theme: this.theme, domain: this.domain, minima: this.minima, seed: this.settings.seed, step: state.step,
      key: String(this.runKey), heatmap: (w, h) => this.heatmap(w, h),
      training: this.training, pixels: this.lanePixels, image: (s, w, h) => this.session.laneImage(s, w, h), bests: this.bests,
      lanes: this.settings.strategies.map((settings, i) => ({ kind: settings.kind, settings, lane: this.lanes[i] })),
    });
  }

  updateStrip(state) {
    const status = this.displayStatus();
    let text = `${statusLabel(status)} — ${state.step} of ${state.budget} evaluations per lane, ${state.seeds} seeds per strategy`;
    if (status === 'error') text = `Error — ${this.failure}`;
    if (this.statusStrip.textContent !== text) this.statusStrip.textContent = text;
    this.statusStrip.dataset.status = status;
  }

  // ---------------------------------------------------------------- public API

  state() {
    const state = this.data.state;
    return {
      view: 'race',
      problem: this.settings.problem,
      status: this.displayStatus(),
      coreStatus: state.status,
      step: state.step,
      budget: state.budget,
      seeds: state.seeds,
      optimum: state.optimum,
      preset: this.settings.preset,
      options: this.options(),
      strategies: this.labels.slice(),
      summary: summaryRows(this.labels, state),
      lanes: this.lanes.map((lane, s) => ({ evaluations: lane ? lane.evaluations : 0, bestValue: lane ? lane.bestValue : null, ...(this.bests ? { best: bestOf(this.bests[s]) } : {}) })),
      chart: { ...this.drawn },
      playing: this.playing,
      speed: this.speed,
      error: this.lastError,
      perf: { ...this.perf },
    };
  }

  /** The summary curves as a table: one row per strategy and evaluation (values are J − J*). */
  exports() {
    const table = () => ({
      columns: ['strategy', 'evaluations', 'median_gap', 'min_gap', 'max_gap'],
      rows: this.curves.flatMap((c, s) => c.median.map((m, i) => [this.labels[s], i + 1, m, c.min[i], c.max[i]])),
    });
    return tableExports('Race curves', 'race-curves', table, { view: 'race', options: this.options(), optimum: this.data.state.optimum });
  }

  options() {
    const s = this.settings;
    return {
      preset: s.preset,
      problem: s.problem,
      landscape: { ...s.landscape },
      weights: weightsOf({}, s.weights),
      architecture: architectureOf({}, s.architecture),
      strategies: s.strategies.map((strategy) => ({ ...strategy })),
      seeds: s.seeds,
      budget: s.budget,
      seed: s.seed,
      speed: this.speed,
      controls: this.controlsVisible,
    };
  }

  set(partial) {
    if (this.destroyed) return { ok: false, reset: false, error: 'this race was destroyed' };
    const refused = this.refusal(partial, checkOptions);
    if (refused) return refused;
    const preset = partial.preset ? presetById(partial.preset) : null;
    const touches = ['preset', 'problem', 'landscape', 'weights', 'architecture', 'strategies', 'seeds', 'budget', 'seed'].some((k) => k in partial);
    let reset = false;
    if (touches) {
      const next = { ...this.settings, ...(preset ? preset.options : {}), ...partial };
      // A preset on data keeps the surface in force (it has none of its own).
      next.landscape = { ...(preset && preset.options.landscape ? {} : this.settings.landscape), ...(preset ? preset.options.landscape : {}), ...(partial.landscape || {}) };
      next.weights = weightsOf({ ...(preset ? preset.options.weights : {}), ...(partial.weights || {}) }, preset ? null : this.settings.weights);
      const given = { ...(preset ? preset.options.architecture : {}), ...(partial.architecture || {}) };
      next.architecture = architectureOf(given, preset ? null : this.settings.architecture);
      // Another problem keeps only the strategies it can run.
      if (!('strategies' in partial)) next.strategies = lanesFor(next.problem, next.strategies);
      next.preset = 'preset' in partial ? partial.preset : this.settings.preset;
      let session;
      try {
        session = raceSession(this.wasm, raceConfig(next));
      } catch (error) {
        this.lastError = messageOf(error);
        return { ok: false, reset: false, error: this.lastError };
      }
      this.session.free();
      this.session = session;
      this.settings = next;
      this.failure = null;
      reset = true;
      this.newRace();
    }
    if ('speed' in partial) this.setSpeed(partial.speed);
    if ('controls' in partial) this.controlsVisible = partial.controls;
    this.lastError = null;
    this.showFormError(null);
    this.showRunOptions();
    this.redraw();
    this.notify();
    return { ok: true, reset, error: null };
  }

  destroy() {
    if (this.surface) this.surface.free();
    this.surface = null;
    super.destroy();
  }
}

/** Mounts the Race view in `element`; resolves to its API (rejects when `options` are refused). */
export async function mountRace(element, options = {}) {
  const wasm = await loadWasm();
  return new RaceView(element, wasm, options || {}).api();
}
