// The "Train a model" view's public face: what state() reports (everything about the model as it
// is when it returns, never as of the last frame), the files the view offers (its curves, the
// trained model), loading a saved model, and the calls mountTraining's API adds to the run's
// (see the view's module comment).

import { moduleLost } from '../wasm.js';
import { messageOf } from '../ui/runbar.js';
import { tableExports } from '../export/files.js';
import { trainingTrace } from '../export/traces.js';
import { drawScale, TICK_FONT } from '../draw/plot.js';
import { pointRadius } from '../draw/boundary.js';
import { MODEL_FILE, modelFileText, readModelFile } from './model-file.js';
import { latest } from './history.js';

/** The first `n` test rows' plane coordinates `[u, v]` of `view` (where the plot draws them when shown). */
function firstTestPoints(view, n) {
  const out = [];
  for (let i = 0; i < view.roles.length && out.length < n; i += 1) {
    if (view.roles[i] === 2) out.push([view.points[2 * i], view.points[2 * i + 1]]);
  }
  return out;
}

/** Everything `view`'s state() reports about the model, as of now (the drawing may catch up later). */
export function trainingState(view) {
  const st = view.st;
  const h = view.hist;
  const source = view.source;
  if (st.ready && `${view.runKey}|${st.step}` !== view.modelStep) view.refreshModel();
  if (view.sideW) view.network.fit();
  const scale = drawScale(view.canvas);
  return {
    view: 'training',
    options: view.options(),
    dataId: source.data.id,
    picked: source.pickedId,
    ready: st.ready,
    message: st.message,
    status: view.displayStatus(),
    coreStatus: st.status,
    reason: view.failure || st.reason,
    stepInProgress: view.runStatus.progress(),
    explanation: st.explanation,
    step: st.step,
    evaluations: st.evaluations,
    layerSizes: st.layerSizes.slice(),
    parameters: st.parameters,
    axisLabels: st.axisLabels.slice(),
    bounds: st.bounds.slice(),
    domain: view.domain(),
    data: st.data ? { ...st.data } : null,
    rows: view.points.length / 2,
    drawn: st.data ? st.data.drawn : view.points.length / 2,
    misclassified: view.misclassified ? view.misclassified.reduce((a, b) => a + b, 0) : 0,
    history: latest(h),
    historyLength: h.steps.length,
    dataChanges: h.dataChanges.slice(),
    curvePoints: view.curve ? view.curve.length / 2 : 0,
    thumbnails: view.population.count(view.session, st.ready),
    ringed: view.ringed().reduce((a, b) => a + b, 0),
    playing: view.playing,
    speed: view.speed,
    loading: source.loading,
    error: view.lastError,
    dataError: source.error,
    pointError: view.pointError,
    csvColumns: source.csv.read ? source.csv.read.columnNames.slice() : null,
    surfaceRenders: view.surface.renders,
    colourBar: view.colourBar.state(),
    sizes: { scale, tickFont: TICK_FONT * scale, point: pointRadius(view.points.length / 2) * scale },
    valueRange: st.valueRange ? st.valueRange.slice() : null,
    plot: view.plot ? { ...view.plot.css } : null,
    testPoints: firstTestPoints(view, 20),
    ...view.network.state(),
    keyCursor: view.hand.keyCursorShown && view.plot ? (({ u, v }) => ({ u, v }))(view.hand.keyCursorAt()) : null,
    surfaceFactor: view.surface.factor,
    surfaceMs: view.surface.ms,
    pxCost: view.surface.pxCost(),
    perf: { ...view.perf },
  };
}

/** `view`'s model as a saved file's text (its settings included). */
export function modelText(view) {
  return modelFileText(view.session, view.options());
}

/** The files `view` offers: its curves (CSV, JSON), and once there is a model, the model. */
export function trainingExports(view) {
  const curves = tableExports('Training curves', 'training-curves', () => trainingTrace(view.session.history()), { view: 'training', options: view.options() });
  const model = view.st.ready ? [{ label: 'Trained model (JSON)', file: MODEL_FILE, type: 'application/json', content: () => modelText(view) }] : [];
  return [...curves, ...model];
}

/** A refused model file: its `error` is the view's last error. */
function refuseModel(view, error) {
  view.lastError = error;
  return { ok: false, error };
}

/**
 * Loads a saved model into `view` (text as modelText() gives): its settings first (data,
 * split, model, seed), then its weights, paused at step 0. Resolves to { ok, error }; a
 * refused file leaves the settings and the run as they were.
 */
export async function loadModel(view, text) {
  const read = readModelFile(String(text), (model) => view.wasm.modelFileProblem(model));
  if (read.error) return refuseModel(view, read.error);
  const before = view.options();
  view.pause();
  if (read.settings) {
    const applied = await view.set(read.settings);
    if (!applied.ok) return refuseModel(view, applied.error);
  }
  try {
    view.session.loadModel(read.model);
  } catch (error) {
    if (moduleLost(error)) throw error;
    const message = messageOf(error);
    if (read.settings) await view.set(before);
    return refuseModel(view, message);
  }
  view.runChanged();
  view.schedule();
  view.notify();
  return { ok: true, error: null };
}

/** `view`'s API: the run's `calls` (RunController's api()) and the Train a model view's own. */
export function trainingApi(view, runCalls) {
  const bytesOf = (input) => (typeof input === 'string' ? new TextEncoder().encode(input) : input);
  const sizeOf = (input) => (typeof input === 'string' ? input.length : input && input.byteLength);
  const calls = {
    ...runCalls,
    loadCsv: (input, name = 'your CSV') => view.guard(() => view.source.refuseLargeCsv(sizeOf(input), name) || view.source.readCsv(bytesOf(input), name, true)),
    addPoint: (u, v, k = 0) => view.guard(() => view.hand.add(u, v, k)),
    undoPoint: () => view.guard(() => view.hand.action('undo')),
    clearPoints: () => view.guard(() => view.hand.action('clear')),
    /** What the link cannot carry: { message, refused } (see link.js). */
    linkLimit: () => view.linkLimit(),
    /** A saved model's file object (the JSON "Save model" writes, parsed). */
    modelFile: () => view.guard(() => JSON.parse(modelText(view))),
    loadModel: (text) => loadModel(view, typeof text === 'string' ? text : JSON.stringify(text)),
    /** The rows on screen as dataset parts, for a search for a model on them (throws if none). */
    datasetParts: () => view.session.datasetParts(),
  };
  // `state().error` is the last call's error: each call starts without one.
  for (const key of ['step', 'play', 'pause', 'reset', 'set', 'loadCsv', 'addPoint', 'undoPoint', 'clearPoints']) {
    const call = calls[key];
    calls[key] = (...args) => {
      if (!view.lost) view.lastError = null;
      return call(...args);
    };
  }
  return calls;
}
