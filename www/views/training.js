// The "Train a model" view: a model learning from data, step by step — the decision boundary
// (or regression surface) under the points, the loss and score curves, the network with its
// weights, and for population strategies the population's own boundaries.
//
// API
//   const tr = await mountTraining(element, options);
//     Builds the view in a shadow root on `element`, with its own stylesheet (the host page's
//     rules do not reach it, its rules do not reach the host). Rejects with an Error naming the bad setting if the
//     options are refused (then `element` is left as it was).
//
//   options (all optional):
//     data     { id, points, noise, seed }  id: circle | xor | gaussians | spiral | moons | blobs |
//              line | sine | plane (generated: points 10…2000, noise 0…1, seed) | iris | wine |
//              breast_cancer | diabetes (classic tables) | draw-classes | draw-values (points
//              clicked onto the plot) | csv (opens the CSV box; the data stays the default
//              until a file is read). Default: 200 points of the circle, noise 0.1.
//     config   the core's TrainingConfig (camelCase): testShare, validationShare, display
//              ('pair' | 'pca'), displayFeatures ([i, j] 0-based, or null: the two most
//              informative), inputs ('display' | 'all'), model { hidden: [neurons…],
//              activation, loss, regularization ('none' | 'l1' | 'l2'), regularizationRate },
//              batch ('full' | 'mini' | 'sgd'), batchSize, stepUnit ('epoch' | 'batch'),
//              strategy (as for the Landscapes view), seed. Missing fields take the core's
//              defaults.
//     speed    1 | 2 | 5 | 10 | 30 | 60 steps per second, or 'max' (time-sliced). Default 10.
//     controls true | false: show the settings column.
//     show     { testData, discretize } (display only, never restarts the run): draw the test
//              rows (hollow rings; default true); the output as hard class regions or value
//              bands instead of shading by confidence (default false).
//     onChange function(options): called after every settings change (main.js writes the hash)
//
//   tr.step(n = 1), tr.play(), tr.pause(), tr.reset(), tr.set(partial) → { ok, reset, error },
//   tr.loadCsv(text | Uint8Array, name?) → { ok, error } (a file over the core's size limit is
//   refused before it is read), tr.addPoint(u, v, classIndex) → { ok, error } (inside the plot),
//   tr.undoPoint(), tr.clearPoints(), tr.state(), tr.destroy(). state().error is the last
//   call's error (null after a success).
//   set({ data }) for a classic table resolves asynchronously: it returns a Promise (of
//   { ok: false } when a later data choice came first: the last choice wins).
//
// Keys (when the focus is not in a field): Space play/pause, → step, ← step back, R reset;
// mounted with mountTraining (in a shadow root), only while the focus is inside the view. On
// the plot (focused by Tab): arrows move a crosshair, Enter adds a point there (Shift+Enter:
// the other class). On the network drawing: arrows move between neurons, the focused one shows
// on the plot.
//
// The view holds the run as last copied from the core and draws it in frames; its parts are in
// www/training/ (the plot's surface, points and drawing, the network, the charts, the population,
// the data, the settings column, the status, the link, the public API).

import { loadWasm, moduleLost } from '../wasm.js';
import { el, replaceChildren } from '../ui/dom.js';
import { messageOf } from '../ui/runbar.js';
import { RunController } from '../ui/run-controller.js';
import { shadowed } from '../embed/shadow.js';
import { settingsDrawer } from '../ui/drawer.js';
import { strategyTitle } from '../ui/strategy.js';
import { readTheme, drawScale } from '../draw/plot.js';
import { fitMainPlot } from '../draw/landscape.js';
import { ColourBar, outputBarSpec } from '../ui/colour-bar.js';
import { loadTable } from '../training/tables.js';
import { modelFileRow } from '../training/model-file.js';
import { DisplayRow, displayDefaults } from '../training/display.js';
import { TrainingCharts } from '../training/charts.js';
import { emptyHistory, fetchHistory } from '../training/history.js';
import { HandPoints } from '../training/hand-points.js';
import { NetworkCard } from '../training/network-card.js';
import { DataChoice, sourceFor, startingData } from '../training/data-choice.js';
import { TrainingStatus, modelSummary } from '../training/status.js';
import { legendItems } from '../training/plot-legend.js';
import { PlotDrawing } from '../training/plot-drawing.js';
import { loadModel, modelText, trainingApi, trainingExports, trainingState } from '../training/api.js';
import { CsvDrop } from '../training/csv-drop.js';
import { SettingsColumn } from '../training/settings-column.js';
import { StageAlerts } from '../training/alerts.js';
import { PlotSurface } from '../training/surface.js';
import { PopulationCard } from '../training/population.js';
import { LinkNote, checkOptions, linkLimit, runOptions } from '../training/link.js';
import { DATA_DEFAULTS, dataKind, mergeConfig } from '../training/options.js';

/** Chart and network redraws per second at most while playing. */
const CHART_FPS = 20;
/**
 * Once a frame has worked this long (ms), what is left to draw — the curves, the population,
 * the network, the sharpening — waits for the next frames (at least one of them per frame).
 */
const FRAME_MS = 16;
/** Vertices of the fitted curve of a one-feature regression. */
const CURVE_POINTS = 240;

class TrainingView extends RunController {
  constructor(element, wasm, options, tableText) {
    const catalog = wasm.datasetCatalog();
    const start = startingData(catalog, options.data);
    super(element, new wasm.TrainingSession(sourceFor(start.data, tableText), options.config || {}), options, 2000);
    this.wasm = wasm;
    this.catalog = catalog;
    this.pointError = null;
    this.hand = new HandPoints(this);
    // The link's drawn points (a refused one stops there, with a message).
    if (start.drawn && !start.csvWanted) this.hand.replace(start.drawn);
    this.source = new DataChoice(this, catalog, start);
    this.config = this.session.config();
    this.lost = null;
    this.runKey = 0;
    this.surface = new PlotSurface(this);
    this.plotDrawing = new PlotDrawing(this);
    this.lastChartDraw = 0;
    this.dirty = { canvas: true, charts: true, network: true, points: true };
    this.show = { ...displayDefaults(), ...options.show };
    this.build();
    this.runChanged();
    this.refreshAlert();
    this.showLinkNotice();
    this.syncControls(true);
    this.layout();
    this.schedule();
  }

  // ---------------------------------------------------------------- DOM

  build() {
    this.buildRunControls('Start training again from fresh weights (R)');
    this.titleText = el('h2', { class: 'pg-title' });
    this.subtitle = el('p', { class: 'tr-subtitle' });
    this.runStatus = new TrainingStatus(this);
    this.alerts = new StageAlerts(() => {
      this.source.error = null;
      this.pointError = null;
      this.refreshAlert();
    });
    this.canvas = el('canvas', {
      class: 'tr-canvas', tabindex: '0', role: 'img', 'aria-describedby': this.announcer.id,
      'aria-label': 'The data as points over the model\'s output: its decision boundary (or regression surface), misclassified points ringed',
    });
    this.canvasWrap = el('div', { class: 'pg-canvas-wrap' }, this.canvas);
    this.legend = el('ul', { class: 'pg-legend', 'aria-label': 'Legend' });
    this.colourBar = new ColourBar();
    this.credit = el('p', { class: 'tr-credit' });
    this.linkNote = new LinkNote();

    this.displayRow = new DisplayRow((show) => this.set({ show }));
    this.displayRow.sync(this.show);

    this.settingsColumn = new SettingsColumn(this, this.catalog);

    this.stage = el('section', { class: 'pg-stage', 'aria-label': 'Training' },
      el('header', { class: 'pg-stage-head' }, el('div', { class: 'pg-stage-titles', style: { minWidth: '0' } }, this.titleText, this.subtitle), this.toggleControls, settingsDrawer(this.settingsColumn.element, (target, type, fn) => this.listen(target, type, fn))),
      this.runBar.element, this.runStatus.strip, this.announcer.element, ...this.alerts.elements, this.canvasWrap, this.colourBar.element, this.hand.readout, this.hand.cursorNote, this.legend, this.displayRow.element, this.hand.element, this.credit, this.linkNote.element, this.runStatus.panel.element);

    // Side: curves, the network, the population, the numbers.
    this.charts = new TrainingCharts(() => {
      this.dirty.charts = true;
      this.schedule();
    });
    this.modelRow = modelFileRow(() => modelText(this), (text) => loadModel(this, text));
    this.network = new NetworkCard(this, this.modelRow);
    this.population = new PopulationCard(this.charts.fitnessCanvas, this.charts.fitnessLegend);
    this.side = el('div', { class: 'pg-side' }, this.charts.element, this.network.element, this.population.element);
    this.drop = new CsvDrop();
    this.root = el('div', { class: 'pg-root tr-root' }, this.settingsColumn.element, this.stage, this.side, this.drop.element);
    replaceChildren(this.element, this.root);
    this.theme = readTheme(this.root);

    /** Listens for `type` on `target` until destroy(), turning what `fn` throws into a message. */
    const on = (target, type, fn) => this.listen(target, type, (e) => this.guard(() => fn(e)));
    this.hand.listen(on);
    this.network.listen(on);
    this.charts.listen(on);
    this.listen(window, 'resize', () => this.layout());
    this.listen(window, 'looks-change', () => {
      this.theme = readTheme(this.root);
      this.layout();
    });
    // Drag and drop a CSV file anywhere on the page while this view is shown.
    this.drop.listen((target, type, fn) => this.listen(target, type, fn), this.root, (file) => this.settingsColumn.dataPanel.readFile(file));
    // Only a change of width re-lays the canvases out (a readout growing a line does not).
    this.observeResize([this.canvasWrap, this.charts.element], () => {
      const widths = `${this.canvasWrap.clientWidth}|${this.charts.element.clientWidth}`;
      if (widths === this.observedWidths) return;
      this.observedWidths = widths;
      this.layout();
    });
  }

  // ---------------------------------------------------------------- what the core says

  /** The run was built again (new data, settings, points, reset): copy everything afresh. */
  runChanged() {
    this.runKey += 1;
    this.failure = null;
    const s = this.session;
    this.st = s.state();
    this.points = s.points();
    this.targets = s.targets();
    this.roles = s.roles();
    this.hist = emptyHistory();
    fetchHistory(this.hist, this.session, this.st);
    this.misclassified = s.misclassified();
    this.theta = s.theta();
    this.curve = s.curve(CURVE_POINTS);
    this.dirty = { canvas: true, charts: true, network: true, points: true };
    this.surface.invalidate();
    this.population.invalidate();
    this.network.runChanged();
    this.refreshStatic();
  }

  /** After steps: the status, and the curves that grew. */
  stepped() {
    this.st = this.session.state();
    fetchHistory(this.hist, this.session, this.st);
    this.dirty.canvas = true;
    this.dirty.charts = true;
    this.dirty.network = true;
  }

  /** The model's state on screen (weights, mistakes, curve) when the drawing wants it. */
  refreshModel() {
    if (this.lost) return;
    this.misclassified = this.session.misclassified();
    this.theta = this.session.theta();
    this.curve = this.session.curve(CURVE_POINTS);
    this.modelStep = `${this.runKey}|${this.st.step}`;
  }

  /**
   * The plotted plane: the run's bounds, but for points drawn by hand at least [−1, 1]², so
   * the frame does not jump to the first few points while one draws.
   */
  domain() {
    const b = this.st.bounds;
    if (dataKind(this.source.data.id) !== 'hand') return b;
    return [Math.min(b[0], -1), Math.max(b[1], 1), Math.min(b[2], -1), Math.max(b[3], 1)];
  }

  /**
   * The rows ringed as misclassified: none before the first step (the model is untrained), and
   * no test row while the test data is hidden (the same array while nothing changes).
   */
  ringed() {
    const all = this.st.step > 0 && this.misclassified ? this.misclassified : new Uint8Array(0);
    if (this.show.testData || !all.length) return all;
    const c = this.ringCache;
    if (c && c.all === all && c.roles === this.roles) return c.shown;
    const shown = all.map((m, i) => (this.roles[i] === 2 ? 0 : m));
    this.ringCache = { all, roles: this.roles, shown };
    return shown;
  }

  classes() {
    if (this.st.data && this.st.data.classNames) return this.st.data.classNames;
    if (!this.st.ready && dataKind(this.source.data.id) === 'hand') return this.source.data.id === 'draw-classes' ? ['class 1', 'class 2'] : null;
    return null;
  }

  /** Whether the data is drawn by hand (then the lines above the plot keep one line each, so the plot stays under the cursor). */
  drawing() {
    return dataKind(this.source.data.id) === 'hand';
  }

  /** Texts that change with the data or the configuration. */
  refreshStatic() {
    const st = this.st;
    const c = this.config;
    const dataName = st.data ? st.data.name : (this.source.data.id === 'draw-classes' ? 'points drawn by hand' : 'points drawn by hand (regression)');
    this.titleText.textContent = strategyTitle(c.strategy, dataName);
    this.subtitle.textContent = modelSummary(st, c, this.classes());
    const drawing = this.drawing();
    // The title does not change while one draws; the model summary and the status do.
    this.subtitle.title = drawing ? this.subtitle.textContent : '';
    for (const node of [this.subtitle, this.runStatus.strip]) {
      Object.assign(node.style, drawing ? { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } : { whiteSpace: '', overflow: '', textOverflow: '' });
    }
    const credit = st.data && st.data.credit ? `Data: ${st.data.credit}` : '';
    this.credit.textContent = credit;
    this.credit.hidden = !credit;
    this.showRunOptions();
    this.buildLegend();
    this.hand.syncRow();
    this.population.showFor(c.strategy.kind);
    this.runStatus.nameRows();
    this.charts.showLegend(this.config.validationShare > 0, this.hist.dataChanges.length > 0);
  }

  /** The legend under the plot and the colour bar, for the data and display in force. */
  buildLegend() {
    const classes = this.classes();
    const curve = Boolean(this.curve && this.curve.length);
    replaceChildren(this.legend, legendItems({ classes, curve, validation: this.config.validationShare > 0, testData: this.show.testData }));
    const shaded = this.st.ready && !curve;
    this.colourBar.show(shaded ? outputBarSpec(this.wasm, { classes, valueRange: this.st.valueRange }) : null);
  }

  refreshAlert() {
    this.alerts.show(this.source.error || this.pointError);
  }

  // ---------------------------------------------------------------- settings

  /** Shows the settings in force in the settings column (see settings-column.js). */
  syncControls(force) {
    this.settingsColumn.sync(force);
  }

  /** Applies a partial configuration: { ok, reset, error } (nothing changes on a refusal). */
  setConfig(partial) {
    let reset;
    try {
      reset = this.session.configure(mergeConfig(this.config, partial));
    } catch (error) {
      if (moduleLost(error)) throw error;
      this.lastError = messageOf(error);
      return { ok: false, reset: false, error: this.lastError };
    }
    this.config = this.session.config();
    this.lastError = null;
    if (reset) {
      this.stepper.credit = this.playing ? 1 : 0;
      this.runChanged();
    } else {
      this.st = this.session.state();
      this.refreshStatic();
    }
    this.syncControls(false);
    this.dirty.canvas = true;
    this.schedule();
    this.notify();
    return { ok: true, reset, error: null };
  }

  /** Tells the page the options changed, and shows what its link leaves out. */
  notify() {
    this.showLinkNotice();
    super.notify();
  }

  showLinkNotice() {
    this.linkNote.show(this.linkLimit().message);
  }

  /** What this view's link cannot carry: `{ message, refused }` (see link.js). */
  linkLimit() {
    return linkLimit(this.source.data, this.source.pickedId, () => this.hand.drawn());
  }

  /** The options that reproduce this run (what the URL stores). */
  options() {
    return runOptions({
      data: this.source.data, pickedId: this.source.pickedId, drawn: this.hand.drawn(), config: this.config,
      speed: this.speed, controls: this.controlsVisible, show: this.show,
    });
  }

  /** Applies display settings: only the picture changes (the run goes on as it was). */
  setShow(partial) {
    this.show = { ...this.show, ...partial };
    this.displayRow.sync(this.show);
    this.buildLegend();
    this.dirty.points = true;
    this.dirty.canvas = true;
  }

  /** Merges partial options (see the module comment). */
  set(partial) {
    if (this.destroyed) return { ok: false, reset: false, error: 'this view was destroyed' };
    const refused = this.refusal(partial, checkOptions);
    if (refused) return refused;
    let result = { ok: true, reset: false, error: null };
    if (partial.config) {
      result = this.setConfig(partial.config);
      if (!result.ok) return result;
    }
    if ('speed' in partial) this.setSpeed(partial.speed);
    if (partial.show) this.setShow(partial.show);
    if ('controls' in partial) {
      this.controlsVisible = partial.controls;
      this.layout();
    }
    this.refreshStatic();
    if (partial.data) {
      const answer = this.source.set(partial.data);
      if (answer) return answer;
    }
    this.notify();
    this.schedule();
    return result;
  }

  // ---------------------------------------------------------------- run hooks (and stepped(), above)

  coreState() {
    return this.st;
  }

  canPlay() {
    return this.st.ready;
  }

  restarted() {
    this.runChanged();
  }

  /** The same run at an earlier step: its curves cut back (see history.js), its model fetched. */
  rewound() {
    this.stepped();
  }

  invalidate(stopped) {
    this.dirty.canvas = true;
    if (stopped) this.dirty.charts = true;
  }

  // ---------------------------------------------------------------- input

  /** The neuron shown on the plot changed (see network-card.js). */
  hoverChanged() {
    this.dirty.canvas = true;
    this.dirty.network = true;
    this.surface.invalidate();
    this.schedule();
  }

  // ---------------------------------------------------------------- layout and drawing

  layout() {
    if (this.destroyed) return;
    const main = fitMainPlot(this.canvas, this.canvasWrap, this.runStatus.strip, this.cssW);
    if (!main) return;
    ({ dpr: this.dpr, cssW: this.cssW, cssH: this.cssH } = main);
    // The colour bar as wide as the plot above it.
    this.colourBar.element.style.maxWidth = this.canvas.style.width;
    const plot = main.plot;
    if (!this.plot || plot.dev.w !== this.plot.dev.w || plot.dev.h !== this.plot.dev.h) {
      this.surface.invalidate();
      this.dirty.points = true;
    }
    this.plot = plot;
    const sideW = Math.max(220, this.charts.element.clientWidth - 2 * 14);
    const scale = drawScale(this.root);
    this.charts.layout(sideW, scale);
    this.sideW = sideW;
    this.network.fit();
    this.dirty = { canvas: true, charts: true, network: true, points: this.dirty.points };
    this.schedule();
  }

  render(now, start = performance.now()) {
    if (!this.plot) return;
    const st = this.st;
    const throttled = this.playing && now - this.lastChartDraw < 1000 / CHART_FPS;
    const busy = () => performance.now() - start > FRAME_MS;
    if (this.dirty.canvas) {
      this.dirty.canvas = false;
      this.surface.update();
      const points = this.dirty.points;
      this.dirty.points = false;
      this.plotDrawing.draw(points);
      this.runStatus.show();
      this.runStatus.showPanel();
      this.runBar.showPlaying(this.playing);
      this.hand.syncRow();
    }
    // The other drawings, in turn while the frame has time, at least one per frame.
    const due = () => this.dirty.charts || this.dirty.thumbs || this.dirty.network;
    if (due() && !throttled) {
      this.lastChartDraw = now;
      let drew = false;
      const room = () => !drew || !busy();
      if (this.dirty.charts && room()) {
        this.dirty.charts = false;
        this.dirty.thumbs = true;
        this.charts.draw({ hist: this.hist, classes: this.classes(), ready: st.ready, population: this.config.strategy.kind !== 'gradient', theme: this.theme });
        drew = true;
      }
      if (this.dirty.thumbs && room()) {
        this.dirty.thumbs = false;
        const thumbs = { session: this.session, ready: st.ready && !this.lost, key: `${this.runKey}|${st.step}`, playing: this.playing, pxCost: this.surface.pxCost(), classes: Boolean(this.classes()) };
        if (!this.population.update(now, thumbs)) this.dirty.thumbs = true;
        drew = true;
      }
      if (this.dirty.network && room()) {
        this.dirty.network = false;
        if (`${this.runKey}|${st.step}` !== this.modelStep && st.ready) this.refreshModel();
        if (!this.network.draw(now)) this.dirty.network = true;
      }
    }
    // A large network's links are stroked a part per frame (the last picture shows meanwhile).
    if (this.network.work(busy())) this.schedule();
    if (due()) this.schedule();
    if (this.surface.sharpening && busy()) this.schedule();
    else this.surface.sharpen();
  }

  // ---------------------------------------------------------------- public API

  /** Everything state() reports about the model, as of now (see api.js). */
  state() {
    return trainingState(this);
  }

  /** A failure; when the core itself is lost (a wasm trap), the page says so and offers a reload. */
  fail(error) {
    if (this.lost) {
      // Already said; no redraw is scheduled, so a drawing that still fails cannot loop.
      this.playing = false;
      this.failure = messageOf(error);
      return;
    }
    if (moduleLost(error)) {
      this.lost = messageOf(error);
      this.alerts.showLost(this.lost, this.source.data.id === 'csv' || dataKind(this.source.data.id) === 'hand');
    }
    super.fail(error);
  }

  exports() {
    return trainingExports(this);
  }

  api() {
    return trainingApi(this, super.api());
  }
}

/**
 * Mounts the "Train a model" view in `element` itself, styled by the page's own stylesheet (the
 * page uses this). Resolves to its API; rejects with an Error whose message names the bad
 * setting when `options` are refused (the element is left as it was).
 */
export async function mountTrainingView(element, options = {}) {
  if (!(element instanceof Element)) throw new Error('mountTrainingView: expected a DOM element');
  const wasm = await loadWasm();
  const opts = options || {};
  const problem = checkOptions(opts);
  if (problem) throw new Error(problem);
  const id = opts.data && opts.data.id ? opts.data.id : DATA_DEFAULTS.id;
  let text = null;
  if (dataKind(id) === 'classic') {
    const table = wasm.datasetCatalog().classic.find((t) => t.id === id);
    text = await loadTable(table.file);
  }
  const view = new TrainingView(element, wasm, opts, text);
  return view.api();
}

/**
 * Mounts the "Train a model" view in `element`, inside a shadow root that loads its own
 * stylesheet (so it neither takes nor gives style): for host pages. Same API and refusals as
 * mountTrainingView.
 */
export const mountTraining = shadowed(mountTrainingView, 'mountTraining');
