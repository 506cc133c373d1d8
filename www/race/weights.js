// A race on a network's weights, as the Race view shows it: the settings of its data and network
// (fields from the core's race table) and each lane's picture, the first seed's model over the
// plane (the core's image) with the training points.

import { el } from '../ui/dom.js';
import { selectField, numberField } from '../ui/field.js';
import { parseField } from '../ui/fields.js';
import { numberSpec, specAt } from '../ui/catalog.js';
import { fitCanvas } from '../draw/plot.js';
import { drawFoldPicture } from '../draw/search-charts.js';
import { SYNTHETIC, ACTIVATIONS, generatorDefaults } from '../training/options.js';

/** What a race searches, as the menu offers it. */
export const PROBLEMS = [
  { id: 'surface', label: 'A point on a 2-D surface' },
  { id: 'weights', label: 'A network\u2019s weights on data' },
  { id: 'architecture', label: 'A model\u2019s architecture on data' },
];

/** The Data menu: the core's generators, labelled as the Train view labels them. */
function dataChoices() {
  return specAt('race', 'weights.data').choices.map((id) => ({ id, label: dataLabel(id) }));
}

/** The data and network of a race on weights: `given` over `base` (by default the table's defaults). */
export function weightsOf(given = {}, base = null) {
  const d = (path) => specAt('race', `weights.${path}`).default;
  const from = base || { data: d('data'), points: d('points'), noise: d('noise'), dataSeed: d('dataSeed'), model: { hidden: d('model.hidden'), activation: d('model.activation') } };
  return { ...from, ...given, model: { ...from.model, ...(given.model || {}) } };
}

/** A generator's name as the Train view labels it. */
export function dataLabel(id) {
  return SYNTHETIC[id] ? SYNTHETIC[id].label : id;
}

/** A race on weights in words: "network 6 → 6 (tanh) on Spiral". */
export function weightsLabel(weights) {
  const data = dataLabel(weights.data);
  const hidden = weights.model.hidden;
  const network = hidden.length ? `network ${hidden.join(' → ')} (${weights.model.activation})` : 'a model with no hidden layer';
  return `${network} on ${data}`;
}

/** "6, 6" → [6, 6]; "" → [] (no hidden layer); the core checks the counts. */
function parseLayers(text) {
  const parts = String(text).split(/[\s,]+/).filter(Boolean);
  const hidden = parts.map(Number);
  return hidden.every(Number.isFinite) ? { hidden } : { error: 'hidden layers: write the neurons of each layer, e.g. 6, 6' };
}

/**
 * The data and network fields; `set(partial weights)` applies a change → { ok, error };
 * `catalog`: the core's dataset catalog (a new data set starts with its own points and noise).
 */
export class WeightsFields {
  constructor(set, catalog) {
    this.data = selectField('Data', dataChoices(), (data) => set({ data, ...generatorDefaults(catalog, data) }), 'data');
    const pointsSpec = numberSpec(specAt('race', 'weights.points'));
    this.points = numberField(pointsSpec, (text) => {
      const parsed = parseField(pointsSpec, text, {});
      this.mark(this.points, parsed.error ? { ok: false, error: parsed.error } : set({ points: parsed.value }));
    });
    this.points.setRange({});
    this.layers = numberField({ key: 'layers', label: 'Hidden layers (e.g. 6, 6)' }, (text) => {
      const parsed = parseLayers(text);
      this.mark(this.layers, parsed.error ? { ok: false, error: parsed.error } : set({ model: { hidden: parsed.hidden } }));
    });
    this.activation = selectField('Activation', ACTIVATIONS, (activation) => set({ model: { activation } }), 'act');
    this.legend = el('legend', {}, 'Data and network');
    this.element = el('fieldset', { class: 'pg-group' }, this.legend,
      this.data.root, this.points.root, this.layers.root, this.activation.root);
  }

  mark(field, result) {
    if (result.ok) field.clearError();
    else field.setError(result.error);
  }

  /** Shows `weights` ({ data, points, model: { hidden, activation } }) in force. */
  sync(weights) {
    this.data.select.value = weights.data;
    this.points.setValue(weights.points);
    this.layers.setValue(weights.model.hidden.join(', '));
    this.activation.select.value = weights.model.activation;
  }

  /** Shows the fields (`network`: the network's too, on weights; the data's alone else). */
  show(visible, network = true) {
    this.element.hidden = !visible;
    this.layers.root.hidden = !network;
    this.activation.root.hidden = !network;
    this.legend.textContent = network ? 'Data and network' : 'Data and search space';
  }
}

/**
 * The first seed's training points from the core's flat array, as a picture's rows:
 * { bounds, xs, ys, labels (null for values), rows }.
 */
export function parseTrainingPoints(flat) {
  const bounds = Array.from(flat.subarray(0, 4));
  const [xs, ys, classes] = [[], [], []];
  for (let at = 4; at + 2 < flat.length; at += 3) {
    xs.push(flat[at]);
    ys.push(flat[at + 1]);
    classes.push(flat[at + 2]);
  }
  const labels = classes.some(Number.isNaN) ? null : classes;
  return { bounds, xs, ys, labels, rows: xs.map((_, i) => i) };
}

/**
 * Draws a lane's model on `canvas` (cssW × cssH): the core's image of at most `pixels` pixels
 * (and 160 across), put on `layer` (the card's own off-screen canvas) and scaled up, with the
 * training points (drawn once on the card's `dots` cache, see drawFoldPicture). `image(w, h)` →
 * RGBA bytes.
 */
export function drawWeightsLane(canvas, layer, dots, cssW, cssH, { image, pixels, training }) {
  const fit = fitCanvas(canvas, cssW, cssH);
  const scale = Math.min(1, 160 / Math.max(1, cssW), Math.sqrt(pixels / Math.max(1, cssW * cssH)));
  const imageWidth = Math.max(2, Math.round(cssW * scale));
  const imageHeight = Math.max(2, Math.round(cssH * scale));
  const rgba = image(imageWidth, imageHeight);
  if (rgba.length !== 4 * imageWidth * imageHeight) return;
  drawFoldPicture(canvas.getContext('2d'), { dpr: fit.dpr, cssW: fit.cssW, cssH: fit.cssH, rgba, imageWidth, imageHeight, layer, dots, ...training });
}
