// The Landscapes view: a strategy searching a 2-D surface, step by step.
//
// API
//   const pg = await mountPlayground(element, options);
//     Builds the view in a shadow root on `element`, with its own stylesheet (the host page's
//     rules do not reach it, its rules do not reach the host). Rejects with an Error naming
//     the bad setting if the options are refused (then `element` is left as it was).
//     mountLandscapes(element, options) builds it in `element` itself (the page uses it).
//
//   options (all optional):
//     landscape  { id, condition, rotationDeg }   id: bowl | rosenbrock | himmelblau | rastrigin |
//                ackley | saddle | regression; condition κ ∈ [1, 1000], rotationDeg φ ∈ [−90, 90]
//                (the bowl's shape; ignored elsewhere)
//     strategy   { kind, ... }  kind: gradient | random-global | random-walk | genetic | grid; the other
//                fields are the core's StrategySettings (camelCase): rule (plain | momentum |
//                nesterov | adagrad | rmsprop | adam), learningRate, momentum, rho, beta1, beta2,
//                epsilon, samplesPerStep, sigma, population, tournament, crossover (blend |
//                uniform), blendAlpha, mutationRate, mutationSigma, elitism, initialSpread.
//                Missing fields take the core's defaults, and each surface's own learning rate
//                (for the rule), σ and mutation σ (see the core's landscape Tuning).
//     seed       whole number 0 … 4294967295 (default 1): same options + seed → same run
//     start      [x, y] or null (the landscape's default start; the GA's population centre)
//     speed      1 | 2 | 5 | 10 | 30 | 60 (steps per second) | 'max' (as fast as possible,
//                time-sliced: ≤ 8 ms of stepping per frame). Default 10.
//     controls   true | false: show the settings column (false for embedding; the run bar stays)
//     onChange   function(options): called after every settings change (main.js writes the hash)
//
//   pg.step(n = 1)   pauses, takes up to n steps (fewer if the run stops); returns steps taken
//   pg.play()        plays at `speed` (a finished run — converged, diverged, budget spent — starts again)
//   pg.pause()
//   pg.reset()       back to the start point, same settings, paused
//   pg.set(partial)  merges partial options. Returns { ok, reset, error }: ok false leaves the
//                    run untouched and error holds the core's message, e.g. "population: must
//                    be a whole number from 2 to 2000 (got 0)"; reset says whether the change
//                    restarted the run (landscape, kind, rule, seed, start, population) or was
//                    applied mid-run (rates, σ, β, mutation, …). Another landscape drops a
//                    start that was not given again; another landscape or update rule brings
//                    its own learning rate (and the surface its σ), unless the same call sets it.
//   pg.state()       a plain object:
//                    view 'landscapes'; strategy (kind); rule (GD only, else null); landscape (id);
//                    options (everything set() accepts, as in force); step; evaluations;
//                    position [x, y] (GD's θ, the walk's θ, the GA's best individual);
//                    value J(position); gradient ∇J(position) (GD only, else null);
//                    lastGradient (the gradient the last GD step used); points [[x, y], …] (the
//                    candidates of the last step: GD 1, random k, GA the generation);
//                    bestPoint, bestValue (null before the first step); status 'ready' |
//                    'running' | 'paused' | 'converged' | 'diverged' | 'budget-spent' | 'error';
//                    coreStatus (the core's own); reason (why it stopped, '' while it runs);
//                    explanation (the update formula with the current numbers, multi-line);
//                    accepted (walk: was the last proposal taken); eliteCount (GA); playing;
//                    speed; start (in force, default included); domain [x0, x1, y0, y1];
//                    error (the last refused setting, or null); heatmapRenders; heatmapRange
//                    [lowest J, highest J] of the heatmap's colour scale; colourBar (what its
//                    colour bar shows: title, rows, ticks, ends); perf (frame
//                    timings since the last play(): frames, maxFrameMs, maxStepMs, maxRenderMs).
//   pg.destroy()     stops, frees the core session, removes listeners, empties `element`
//
// Keys (when the focus is not in a field): Space play/pause, → step, R reset; mounted with
// mountPlayground (in a shadow root), only while the focus is inside the playground.
// The core (wasm) does every number; this module owns the controls and the drawing, and
// RunController (ui/run-controller.js) the run loop.

import { loadWasm } from './wasm.js';
import { el, replaceChildren } from './ui/dom.js';
import { num } from './ui/format.js';
import { strategyTitle } from './ui/strategy.js';
import { samplesBox } from './ui/fields.js';
import { checkRunOptions, messageOf } from './ui/runbar.js';
import { RunController } from './ui/run-controller.js';
import { settingsDrawer } from './ui/drawer.js';
import { tableExports } from './export/files.js';
import { landscapeTrace } from './export/traces.js';
import { Controls } from './ui/controls.js';
import { Panel, statusLabel } from './ui/panel.js';
import { fitCanvas, readTheme, drawScale, TICK_FONT } from './draw/plot.js';
import { ColourBar, surfaceBarSpec } from './ui/colour-bar.js';
import { fitMainPlot, heatmapLayer, pointerOnPlot, drawLandscape, describePoint, updateSampleLayer, updatePopulationLayer } from './draw/landscape.js';
import { POPULATION_DOT, legendSample } from './draw/marks.js';
import { PointLayer } from './draw/points.js';
import { drawChart } from './draw/chart.js';
import { drawRegression } from './draw/regression.js';
import { shadowed } from './embed/shadow.js';

/**
 * Most steps per call into the core: a step can get dearer suddenly (the trace starts dropping
 * its oldest samples at 20 000), and a batch sized for the old cost must still end quickly.
 */
const MAX_BATCH = 500;
/** Path vertices drawn at most (older parts of long runs are thinned). */
const MAX_PATH_POINTS = 6000;
/** Chart redraws per second at most while playing (fewer for long runs). */
const CHART_FPS = 20;
/** Steps from which a run counts as long: its path and curve are copied less often. */
const LONG_RUN = 20_000;
/** Colour stops of the heatmap's ramp under each legend mark. */
const LEGEND_RAMP = 16;

/** Keeps every point of the last `tail` and thins the rest so at most `max` remain. */
function thinPath(flat, max, tail = 500) {
  const n = flat.length / 2;
  if (n <= max) return flat;
  const head = n - tail;
  const stride = Math.ceil(head / (max - tail));
  const out = [];
  for (let i = 0; i < head; i += stride) out.push(flat[2 * i], flat[2 * i + 1]);
  for (let i = head; i < n; i += 1) out.push(flat[2 * i], flat[2 * i + 1]);
  return out;
}

/** Checks the parts of the options the core does not see. */
function checkOptions(options) {
  const shared = checkRunOptions(options);
  if (shared) return shared;
  if ('seed' in options && !(Number.isInteger(options.seed) && options.seed >= 0 && options.seed <= 4294967295)) {
    return `seed: must be a whole number from 0 to 4294967295 (got ${String(options.seed).slice(0, 24)})`;
  }
  if ('start' in options && options.start !== null && options.start !== undefined) {
    const s = options.start;
    if (!Array.isArray(s) || s.length !== 2 || !s.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      return 'start point: must be two finite numbers [x, y], or null for the default';
    }
  }
  for (const key of ['landscape', 'strategy']) {
    if (key in options && (options[key] === null || typeof options[key] !== 'object' || Array.isArray(options[key]))) {
      return `${key}: must be an object`;
    }
  }
  return null;
}

class LandscapePlayground extends RunController {
  constructor(element, wasm, options) {
    const problem = checkOptions(options);
    if (problem) throw new Error(problem);
    const session = new wasm.LandscapeSession({
      landscape: options.landscape || {},
      strategy: options.strategy || {},
      seed: options.seed === undefined ? 1 : options.seed,
      start: options.start || null,
    });
    super(element, session, options, MAX_BATCH);
    this.wasm = wasm;
    this.catalog = wasm.landscapeCatalog();
    this.config = this.session.config();
    this.heatmapKey = '';
    this.heatmap = null;
    this.heatmapRenders = 0;
    this.heatmapTimer = 0;
    this.hover = null;
    this.lastChartDraw = 0;
    this.dirty = { data: true, chart: true };
    this.sampleLayer = new PointLayer();
    this.populationLayer = new PointLayer();
    this.runKey = 0;
    this.curve = null;
    this.data = null;
    this.build();
    this.refreshStatic();
    this.refreshData();
    this.controls.sync(this.config, { force: true, start: this.startPoint(), axes: this.axisNames() });
    this.layout();
    this.schedule();
  }

  // ---------------------------------------------------------------- DOM

  build() {
    this.theme = null;
    this.buildRunControls('Start the run again from its start point (R)');

    this.titleText = el('h2', { class: 'pg-title' });
    this.formulaText = el('p', { class: 'pg-formula' });
    this.statusStrip = el('div', { class: 'pg-strip', dataset: { status: 'ready' } });
    this.canvas = el('canvas', {
      class: 'pg-landscape', tabindex: '0', role: 'img', 'aria-describedby': this.announcer.id,
      'aria-label': 'Loss landscape: J(θ) as a heat map with contour lines, the known minima as stars, and the search\'s path and samples',
    });
    this.canvasWrap = el('div', { class: 'pg-canvas-wrap' }, this.canvas);
    this.readout = el('p', { class: 'pg-readout' }, ' ');
    this.legend = el('ul', { class: 'pg-legend', 'aria-label': 'Legend' });
    this.colourBar = new ColourBar();

    this.controls = new Controls({
      catalog: this.catalog,
      commit: (partial) => this.set(partial, { fromControls: true }),
      newSeed: () => this.set({ seed: this.wasm.freshSeed() }, { fromControls: true }),
    });
    this.panel = new Panel();

    this.chartCanvas = el('canvas', { class: 'pg-chart', role: 'img', 'aria-label': 'Best J so far against evaluations' });
    this.chartCaption = el('p', { class: 'pg-note' });
    this.chartCard = el('section', { class: 'pg-card' }, el('h2', { class: 'pg-card-title' }, 'Best J so far'), this.chartCanvas, this.chartCaption);
    this.modelCanvas = el('canvas', { class: 'pg-model', role: 'img', 'aria-label': 'Data points and the current line' });
    this.modelCaption = el('p', { class: 'pg-note' });
    this.modelCard = el('section', { class: 'pg-card', hidden: true },
      el('h2', { class: 'pg-card-title' }, 'The model: y = w·x + b'), this.modelCanvas, this.modelCaption);

    this.stage = el('section', { class: 'pg-stage', 'aria-label': 'Landscape' },
      el('header', { class: 'pg-stage-head' }, el('div', { class: 'pg-stage-titles' }, this.titleText, this.formulaText), this.toggleControls, settingsDrawer(this.controls.element, (target, type, fn) => this.listen(target, type, fn))),
      this.runBar.element, this.statusStrip, this.announcer.element, this.canvasWrap, this.colourBar.element, this.readout, this.legend);
    this.side = el('div', { class: 'pg-side' }, this.panel.element, this.modelCard, this.chartCard);
    this.root = el('div', { class: 'pg-root' }, this.controls.element, this.stage, this.side);
    replaceChildren(this.element, this.root);
    this.theme = readTheme(this.root);

    this.listen(this.canvas, 'pointermove', (event) => this.guard(() => this.pointerMove(event)));
    this.listen(this.canvas, 'pointerleave', () => this.pointerLeave());
    this.listen(this.canvas, 'click', (event) => this.guard(() => this.canvasClick(event)));
    this.listen(window, 'resize', () => this.layout());
    this.listen(window, 'looks-change', () => {
      this.theme = readTheme(this.root);
      this.layout();
    });
    this.observeResize([this.canvasWrap, this.chartCard], () => this.layout());
  }

  axisNames() {
    return this.config.landscape.id === 'regression' ? ['w', 'b'] : ['x', 'y'];
  }

  /** The start point in force (the configured one, or the landscape's default). */
  startPoint() {
    if (this.config.start) return this.config.start.slice();
    const path = this.session.path();
    return path.length >= 2 ? [path[0], path[1]] : null;
  }

  /** Texts and visibility that change only with the configuration. */
  refreshStatic() {
    const l = this.config.landscape;
    const entry = this.catalog.find((c) => c.id === l.id) || { label: l.id, formula: '' };
    this.titleText.textContent = strategyTitle(this.config.strategy, entry.label);
    replaceChildren(this.formulaText, entry.formula,
      l.id === 'bowl' ? el('span', { class: 'pg-nowrap' }, `;  κ = ${num(l.condition)}, φ = ${num(l.rotationDeg)}°`) : null);
    this.canvas.setAttribute('aria-label', `${entry.label}: ${entry.formula}. Click to set the start point.`);
    this.domain = Array.from(this.session.domain());
    this.minima = Array.from(this.session.minima());
    this.start = this.startPoint();
    const regression = l.id === 'regression';
    this.modelCard.hidden = !regression;
    this.regressionData = regression ? Array.from(this.session.regressionData()) : null;
    this.showRunOptions();
    this.buildLegend();
    const key = JSON.stringify(l);
    if (key !== this.landscapeKey) {
      this.landscapeKey = key;
      this.heatmapKey = '';
    }
  }

  buildLegend() {
    // Each item shows its mark as the map draws it, on the heatmap's colours.
    const ramp = this.wasm.surfaceBar(LEGEND_RAMP);
    const scale = drawScale(this.legend);
    const item = (mark, text) => el('li', {}, legendSample(mark, ramp, scale), text);
    const items = [item('minimum', 'known minimum')];
    const kind = this.config.strategy.kind;
    if (kind === 'gradient') {
      items.push(item('start', 'start'), item('path', 'path θ₀, θ₁, …'), item('current', 'current θ'), item('arrow', '−∇J: steepest descent'));
    } else if (samplesBox(kind)) {
      items.push(item('sample', kind === 'grid' ? 'grid points visited' : 'earlier samples'), item('asked', 'this step\'s samples'), item('best', 'best so far'));
    } else if (kind === 'random-walk') {
      items.push(item('start', 'start'), item('path', 'accepted moves'), item('accepted', 'accepted proposal'), item('rejected', 'rejected proposal'), item('sigma', 'σ: proposal scale'), item('current', 'current θ'));
    } else {
      items.push(item('start', 'population centre'), item('ghost', 'previous generation'), item('link', 'parent → child'), item('member', 'current generation'), item('elite', 'elite (kept unchanged)'), item('best', 'best so far'));
    }
    replaceChildren(this.legend, items);
  }

  // ---------------------------------------------------------------- data

  /** Copies what the drawing needs out of the core (once per frame with new steps). */
  refreshData() {
    const session = this.session;
    const state = session.state();
    const kind = this.config.strategy.kind;
    const data = {
      state,
      path: kind === 'gradient' || kind === 'random-walk' ? this.pathFor(state) : null,
      asked: session.asked(),
      previousAsked: kind === 'genetic' ? session.previousAsked() : null,
      parents: kind === 'genetic' ? session.parents() : null,
      gradient: kind === 'gradient' ? this.gradientAt(state.position) : null,
    };
    this.data = data;
    this.dirty.chart = true;
    return data;
  }

  /**
   * The path to draw. A long run's path is copied out of the core at most ~7 times a second
   * while playing (in between, the current point is appended), so the copy never grows into
   * a long frame.
   */
  pathFor(state) {
    const now = performance.now();
    const fresh = !this.pathCache || !this.playing || state.step < LONG_RUN || now - this.pathCopiedAt > 150 || this.pathRun !== this.runKey;
    if (fresh) {
      this.pathCache = thinPath(this.session.path(), MAX_PATH_POINTS);
      this.pathCopiedAt = now;
      this.pathRun = this.runKey;
      return this.pathCache;
    }
    const p = state.position;
    const path = Array.from(this.pathCache);
    path.push(p[0], p[1]);
    return path;
  }

  /**
   * The best-so-far curve, { evaluations, best }, one entry per step: kept here and extended
   * with only the steps the core added since the last call (a new run starts it again).
   */
  bestCurve(step) {
    if (!this.curve || this.curve.run !== this.runKey || this.curve.best.length > step) {
      this.curve = { run: this.runKey, evaluations: [], best: [] };
    }
    const pairs = this.session.curveFrom(this.curve.best.length);
    for (let i = 0; i < pairs.length; i += 2) {
      this.curve.evaluations.push(pairs[i]);
      this.curve.best.push(pairs[i + 1]);
    }
    return this.curve;
  }

  /** The analytic ∇J at `p` from the core (the arrow and the panel show it at θ). */
  gradientAt(p) {
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
    const g = this.session.gradientAt(p[0], p[1]);
    return Number.isFinite(g[0]) && Number.isFinite(g[1]) ? [g[0], g[1]] : null;
  }

  // ---------------------------------------------------------------- run hooks

  coreState() {
    return this.data.state;
  }

  stepped() {
    this.refreshData();
    this.dirty.data = true;
  }

  restarted() {
    this.runKey += 1;
    this.refreshData();
    this.dirty.data = true;
  }

  invalidate() {
    this.dirty.data = true;
  }

  // ---------------------------------------------------------------- public API

  state() {
    const d = this.data || this.refreshData();
    const s = d.state;
    const asked = d.asked || [];
    const points = [];
    for (let i = 0; i + 1 < asked.length; i += 2) points.push([asked[i], asked[i + 1]]);
    const finite = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return {
      view: 'landscapes',
      strategy: this.config.strategy.kind,
      rule: this.config.strategy.kind === 'gradient' ? this.config.strategy.rule : null,
      landscape: this.config.landscape.id,
      options: this.options(),
      step: s.step,
      evaluations: s.evaluations,
      position: s.position.slice(),
      value: finite(s.value),
      gradient: d.gradient ? d.gradient.slice() : null,
      lastGradient: s.gradient ? s.gradient.slice() : null,
      points,
      bestPoint: s.bestValue === null || s.bestValue === undefined ? null : s.bestPoint.slice(),
      bestValue: finite(s.bestValue),
      status: this.displayStatus(),
      coreStatus: s.status,
      reason: this.failure || s.reason,
      explanation: s.explanation,
      accepted: s.accepted === undefined ? null : s.accepted,
      eliteCount: s.eliteCount,
      playing: this.playing,
      speed: this.speed,
      start: this.start ? this.start.slice() : null,
      domain: this.domain.slice(),
      error: this.lastError,
      heatmapRenders: this.heatmapRenders,
      heatmapRange: Array.from(this.session.heatmapLevels([0, 1])),
      colourBar: this.colourBar.state(),
      sizes: this.drawnSizes(),
      perf: { ...this.perf },
    };
  }

  /** Sizes on the page (CSS px) of what the canvas draws: scale, tick labels, population dots. */
  drawnSizes() {
    const scale = drawScale(this.canvas);
    return { scale, tickFont: TICK_FONT * scale, populationDot: POPULATION_DOT * scale };
  }

  /** The options that reproduce this run (what the URL stores). */
  exports() {
    return tableExports('Run trace', 'landscape-trace', () => landscapeTrace(this.session), { view: 'landscapes', options: this.options() });
  }

  options() {
    const c = this.config;
    return {
      landscape: { ...c.landscape },
      strategy: { ...c.strategy },
      seed: c.seed,
      start: c.start ? c.start.slice() : null,
      speed: this.speed,
      controls: this.controlsVisible,
    };
  }

  set(partial, { fromControls = false } = {}) {
    if (this.destroyed) return { ok: false, reset: false, error: 'this playground was destroyed' };
    const refused = this.refusal(partial, checkOptions);
    if (refused) return refused;
    let reset = false;
    const touchesRun = ['landscape', 'strategy', 'seed', 'start'].some((k) => k in partial);
    if (touchesRun) {
      const landscape = { ...this.config.landscape, ...(partial.landscape || {}) };
      // A chosen start belongs to its landscape: another surface starts from its own default.
      const otherSurface = landscape.id !== this.config.landscape.id;
      let start = this.config.start;
      if ('start' in partial) start = partial.start ? partial.start.slice() : null;
      else if (otherSurface) start = null;
      const next = {
        landscape,
        // Only the fields given: the core writes them over the settings in force, after the
        // surface's own rates when the surface or the update rule changes.
        strategy: partial.strategy || {},
        seed: 'seed' in partial ? partial.seed : this.config.seed,
        start,
      };
      try {
        reset = this.session.configure(next);
        if (reset) this.runKey += 1;
      } catch (error) {
        this.lastError = messageOf(error);
        return { ok: false, reset: false, error: this.lastError };
      }
      this.config = this.session.config();
    }
    if ('speed' in partial) this.setSpeed(partial.speed);
    if ('controls' in partial) this.controlsVisible = partial.controls;
    this.lastError = null;
    if (reset) {
      this.failure = null;
      this.stepper.credit = this.playing ? 1 : 0;
    }
    this.refreshStatic();
    this.refreshData();
    this.controls.sync(this.config, { force: !fromControls || reset && this.kindChanged(partial), start: this.startPoint(), axes: this.axisNames() });
    if ('controls' in partial || (partial.landscape && 'id' in partial.landscape)) this.layout();
    this.dirty.data = true;
    this.schedule();
    this.notify();
    return { ok: true, reset, error: null };
  }

  kindChanged(partial) {
    return Boolean(partial.strategy && 'kind' in partial.strategy) || Boolean(partial.landscape && 'id' in partial.landscape);
  }

  // ---------------------------------------------------------------- input

  pointerMove(event) {
    if (!this.plot) return;
    const { px, py, x, y, inside } = pointerOnPlot(event, this.canvas, this.domain, this.plot.css);
    if (!inside) {
      this.pointerLeave();
      return;
    }
    this.hover = { px, py };
    const value = this.session.valueAt(x, y);
    const where = samplesBox(this.config.strategy.kind) ? '' : this.config.strategy.kind === 'genetic' ? ' — click to centre the population here' : ' — click to start here';
    this.readout.textContent = `${describePoint(this.axisNames(), x, y, value)}${where}`;
    this.dirty.data = true;
    this.schedule();
  }

  pointerLeave() {
    this.hover = null;
    this.readout.textContent = ' ';
    this.dirty.data = true;
    this.schedule();
  }

  canvasClick(event) {
    // Global sampling has no start point: a click there would only restart the run.
    if (!this.plot || samplesBox(this.config.strategy.kind)) return;
    const { x, y, inside } = pointerOnPlot(event, this.canvas, this.domain, this.plot.css);
    if (!inside) return;
    const round = (v) => Number(v.toPrecision(4));
    this.set({ start: [round(x), round(y)] });
  }

  // ---------------------------------------------------------------- layout and drawing

  layout() {
    if (this.destroyed) return;
    const main = fitMainPlot(this.canvas, this.canvasWrap, this.statusStrip, this.cssW);
    if (!main) return;
    ({ dpr: this.dpr, cssW: this.cssW, cssH: this.cssH, plot: this.plot } = main);
    // The colour bar as wide as the map beside it.
    this.colourBar.element.style.maxWidth = this.canvas.style.width;
    const sideWidth = Math.max(200, this.chartCard.clientWidth - 2 * 14);
    const scale = drawScale(this.root);
    this.chartSize = fitCanvas(this.chartCanvas, sideWidth, Math.round(Math.min(210 * scale, sideWidth * 0.6)));
    if (!this.modelCard.hidden || this.config.landscape.id === 'regression') {
      const modelW = Math.max(200, (this.modelCard.clientWidth || this.chartCard.clientWidth) - 2 * 14);
      this.modelSize = fitCanvas(this.modelCanvas, modelW, Math.round(Math.min(200 * scale, modelW * 0.58)));
    }
    this.dirty.data = true;
    this.dirty.chart = true;
    this.schedule();
  }

  /** The cached heatmap for the current landscape and size (recomputed only when they change). */
  ensureHeatmap() {
    const { w, h } = this.plot.dev;
    const key = `${this.landscapeKey}|${w}x${h}`;
    if (key === this.heatmapKey) {
      // Back to the size the heatmap has: a pending recompute is not needed any more.
      this.cancelLater(this.heatmapTimer);
      return;
    }
    const sameLandscape = this.heatmap && this.heatmapKey.startsWith(`${this.landscapeKey}|`);
    if (sameLandscape) {
      // A resize: draw the old pixels scaled, and recompute once the size settles.
      this.cancelLater(this.heatmapTimer);
      this.heatmapTimer = this.later(() => {
        this.heatmapKey = '';
        this.heatmap = null;
        this.dirty.data = true;
        this.schedule();
      }, 150);
      return;
    }
    const rgba = this.session.heatmap(w, h);
    this.heatmap = heatmapLayer(rgba, w, h);
    this.heatmapKey = key;
    this.heatmapRenders += 1;
    this.colourBar.show(surfaceBarSpec(this.wasm, (ts) => this.session.heatmapLevels(ts)));
  }

  render(now) {
    if (!this.plot) return;
    if (!this.theme) this.theme = readTheme(this.root);
    const d = this.data;
    if (this.dirty.data) {
      const view = this.panelView();
      this.dirty.data = false;
      this.ensureHeatmap();
      const ctx = this.canvas.getContext('2d');
      const s = d.state;
      const frame = { dpr: this.dpr, layout: this.plot, domain: this.domain };
      const kind = this.config.strategy.kind;
      const sampling = samplesBox(kind) || kind === 'random-walk';
      if (sampling) {
        updateSampleLayer(this.sampleLayer, frame, {
          key: `${this.landscapeKey}|${this.config.strategy.kind}|${this.runKey}`,
          evaluations: s.evaluations,
          newest: (count) => this.session.recentSamples(count),
        });
      }
      if (d.previousAsked) {
        const key = `${this.landscapeKey}|${this.runKey}|${s.step}`;
        updatePopulationLayer(this.populationLayer, frame, key, d.previousAsked, d.asked);
      }
      drawLandscape(ctx, {
        sampleLayer: sampling ? this.sampleLayer : null,
        populationLayer: d.previousAsked ? this.populationLayer : null,
        dpr: this.dpr, cssW: this.cssW, cssH: this.cssH, layout: this.plot, theme: this.theme,
        heatmap: this.heatmap, domain: this.domain, axisNames: this.axisNames(), minima: this.minima,
        start: this.start, kind: this.config.strategy.kind,
        path: d.path, asked: d.asked, previousAsked: d.previousAsked, parents: d.parents,
        eliteCount: s.eliteCount, accepted: s.accepted, position: s.position,
        bestPoint: view.bestPoint, gradient: d.gradient,
        sigma: this.config.strategy.sigma, learningRate: this.config.strategy.learningRate,
        hover: this.hover,
      });
      this.panel.update({ ...view, axisNames: this.axisNames() });
      this.updateStrip(view);
      this.runBar.showPlaying(this.playing);
      if (!this.modelCard.hidden && this.regressionData && this.modelSize) {
        const n = this.regressionData.length / 2;
        const fit = this.minima.length >= 2 ? [this.minima[0], this.minima[1]] : null;
        drawRegression(this.modelCanvas.getContext('2d'), {
          ...this.modelSize, theme: this.theme,
          xs: this.regressionData.slice(0, n), ys: this.regressionData.slice(n),
          w: s.position[0], b: s.position[1], fit,
        });
        this.modelCaption.textContent = `current line: y = ${num(s.position[0])}·x ${s.position[1] < 0 ? '−' : '+'} ${num(Math.abs(s.position[1]))}; dashed: the least-squares line; thin lines: residuals`;
      }
    }
    const chartFps = d.state.step > LONG_RUN ? CHART_FPS / 4 : CHART_FPS;
    const chartDue = !this.playing || now - this.lastChartDraw >= 1000 / chartFps;
    if (this.dirty.chart && chartDue && this.chartSize) {
      this.dirty.chart = false;
      this.lastChartDraw = now;
      const reference = this.minima.length >= 3 ? Math.min(...this.minima.filter((_, i) => i % 3 === 2)) : NaN;
      const drawn = drawChart(this.chartCanvas.getContext('2d'), {
        ...this.chartSize, theme: this.theme,
        ...this.bestCurve(d.state.step), reference,
      });
      const caption = drawn.referenceShown ? `dashed line: the known minimum J* = ${num(reference)}` : '';
      if (this.chartCaption.textContent !== caption) this.chartCaption.textContent = caption;
    } else if (this.dirty.chart) {
      this.schedule();
    }
  }

  /** What the panel and the status strip show (no per-point arrays: cheap every frame). */
  panelView() {
    const s = this.data.state;
    const hasBest = s.bestValue !== null && s.bestValue !== undefined;
    return {
      strategy: this.config.strategy.kind,
      step: s.step,
      evaluations: s.evaluations,
      position: s.position,
      value: s.value,
      gradient: this.data.gradient,
      bestPoint: hasBest ? s.bestPoint : null,
      bestValue: hasBest ? s.bestValue : null,
      status: this.displayStatus(),
      reason: this.failure || s.reason,
      explanation: s.explanation,
    };
  }

  updateStrip(view) {
    const status = view.status;
    let text = statusLabel(status);
    if (view.reason) text += ` — ${view.reason}`;
    if (status === 'diverged' && this.config.strategy.kind === 'gradient') {
      text += '. The learning rate α is too large here: lower it, then press Reset.';
    } else if (status === 'diverged') {
      text += '. Press Reset to start again.';
    } else if (status === 'error') {
      text = `Error — ${view.reason}`;
    } else if (status === 'ready') {
      text += ' — press Play or Step';
    }
    if (this.statusStrip.textContent !== text) this.statusStrip.textContent = text;
    if (this.statusStrip.dataset.status !== status) this.statusStrip.dataset.status = status;
    const best = view.bestValue === null ? '' : `, best so far ${num(view.bestValue, 4)}`;
    this.announcer.say(`Step ${view.step}: J(θ) = ${num(view.value, 4)}${best}. ${text}`, this.playing);
  }
}

/**
 * Mounts the Landscapes view in `element` itself, styled by the page's own stylesheet (the
 * page uses this). Resolves to its API; rejects with an Error whose message names the bad
 * setting when `options` are refused (the element is left as it was).
 */
export async function mountLandscapes(element, options = {}) {
  if (!(element instanceof Element)) throw new Error('mountLandscapes: expected a DOM element');
  const wasm = await loadWasm();
  const playground = new LandscapePlayground(element, wasm, options || {});
  return playground.api();
}

/**
 * Mounts the Landscapes playground in `element`, inside a shadow root that loads its own
 * stylesheet (so it neither takes nor gives style). Resolves to its API; rejects with an
 * Error whose message names the bad setting when `options` are refused (the element is left
 * as it was).
 */
export const mountPlayground = shadowed(mountLandscapes, 'mountPlayground');
