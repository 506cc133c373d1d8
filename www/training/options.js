// The "Train a model" view's settings: the datasets it offers, the data and model fields (from
// the core's table, catalog.js), the menus' labels, and its state in the URL hash.
//
//   #view=training&data=circle&n=200&noise=0.1&dseed=1&test=0.3&display=pair&inputs=display
//    &layers=6,6&act=tanh&loss=cross-entropy&reg=none&batch=mini&bs=10&unit=epoch
//    &strategy=gradient&rule=plain&alpha=0.1&seed=1&showtest=0&discretize=1&speed=10
//   (showtest and discretize: the display settings, written only when not their defaults)
//   Points drawn by hand (on a drawing or on generated data): &pts=u,v,k_u,v,k… (regression:
//   u,v pairs), left out when longer than MAX_POINTS_TEXT characters.
//
// Reading is strict, as for the Landscapes view: an unknown key or a value that does not parse
// is reported and the page falls back to the defaults with a visible notice.

import { decodeWith, encodeWith, readNumber, strategyKeys } from '../state.js';
import { linkKeys, numberSpec, settingsTables, specAt } from '../ui/catalog.js';

/** Synthetic sets: label, and whether the target is a class. */
export const SYNTHETIC = {
  circle: { label: 'Circle', classes: true },
  xor: { label: 'XOR', classes: true },
  gaussians: { label: 'Two Gaussians', classes: true },
  spiral: { label: 'Spiral', classes: true },
  moons: { label: 'Two moons', classes: true },
  blobs: { label: 'Three blobs (3 classes)', classes: true },
  line: { label: 'Line', classes: false },
  sine: { label: 'Sine wave', classes: false },
  plane: { label: 'Plane (2 features)', classes: false },
};

/** Classic tables: label. */
export const CLASSIC = {
  iris: 'Iris (150 × 4, 3 species)',
  wine: 'Wine (178 × 13, 3 cultivars)',
  breast_cancer: 'Breast cancer (569 × 30, 2 classes)',
  diabetes: 'Diabetes (442 × 10, regression)',
};

/** Data you bring: drawn points or a CSV file. */
export const OWN = {
  'draw-classes': 'Draw your own: two classes',
  'draw-values': 'Draw your own: regression (x, y)',
  csv: 'Your CSV file',
};

/** Every data id, in menu order. */
export const DATA_IDS = [...Object.keys(SYNTHETIC), ...Object.keys(CLASSIC), ...Object.keys(OWN)];

/** 'synthetic' | 'classic' | 'hand' | 'csv' for a data id. */
export function dataKind(id) {
  if (id in SYNTHETIC) return 'synthetic';
  if (id in CLASSIC) return 'classic';
  if (id === 'csv') return 'csv';
  return 'hand';
}

/** The default data: the circle, data seed 1 (points and noise: the generator's own, below). */
export const DATA_DEFAULTS = { id: 'circle', seed: 1 };

/** A generator's own starting `{ points, noise }`, from the core's dataset catalog. */
export function generatorDefaults(catalog, id) {
  const entry = catalog.defaults.find((g) => g.id === id);
  return entry ? { points: entry.points, noise: entry.noise } : {};
}

/** The data fields, from the core's Train a model table (numberSpec in catalog.js). */
export function dataFields() {
  const field = (path, options) => numberSpec(specAt('training', path), options);
  return {
    points: field('data.points'),
    noise: field('data.noise'),
    seed: field('data.seed', { key: 'dataSeed' }),
    testShare: field('config.testShare'),
    validationShare: field('config.validationShare'),
  };
}

/** The model fields, from the core's Train a model table; `neurons(i)` for layer i (from 0). */
export function modelFields() {
  const field = (path, options) => numberSpec(specAt('training', path), options);
  return {
    layers: field('config.model.hidden', { key: 'layers' }),
    neurons: (i) => field('config.model.hidden.*', { key: `neurons${i}`, n: i + 1 }),
    rate: field('config.model.regularizationRate'),
    batchSize: field('config.batchSize'),
  };
}

export const ACTIVATIONS = [
  { id: 'relu', label: 'ReLU' },
  { id: 'tanh', label: 'tanh' },
  { id: 'sigmoid', label: 'Sigmoid' },
  { id: 'linear', label: 'Linear (none)' },
];
export const LOSSES = [
  { id: 'cross-entropy', label: 'Cross-entropy' },
  { id: 'mse', label: 'Mean squared error' },
];
export const REGULARIZATIONS = [
  { id: 'none', label: 'None' },
  { id: 'l1', label: 'L1: λ·Σ|w|' },
  { id: 'l2', label: 'L2: λ·Σw²' },
];
export const BATCHES = [
  { id: 'full', label: 'Full batch (all training rows)' },
  { id: 'mini', label: 'Mini-batch' },
  { id: 'sgd', label: 'SGD (one row at a time)' },
];
export const STEP_UNITS = [
  { id: 'epoch', label: 'One epoch (a pass over the training rows)' },
  { id: 'batch', label: 'One update (one mini-batch)' },
];
export const DISPLAYS = [
  { id: 'pair', label: 'Two features' },
  { id: 'pca', label: 'PCA: the two principal components' },
];

function readList(raw) {
  if (raw === 'none') return [];
  const parts = raw.split(',').map(readNumber);
  return parts.length <= 12 && parts.every((n) => Number.isInteger(n) && n >= 0) ? parts : undefined;
}

/** Most characters the drawn points may take in a link; more are left out (and the view says so). */
const MAX_POINTS_TEXT = 1500;

/** Drawn points [[u, v, class?]…] as `u,v,k_u,v,k…` (each number exact), or undefined when too long for a link. */
function writePoints(points) {
  const text = points.map((p) => p.map(String).join(',')).join('_');
  return text.length <= MAX_POINTS_TEXT ? text : undefined;
}

/** Whether drawn points fit in a link. */
export function pointsFitLink(points) {
  return writePoints(points) !== undefined;
}

/** Reads `pts`: no longer than a link holds (see writePoints). */
function readPoints(raw) {
  if (raw.length > MAX_POINTS_TEXT) return undefined;
  const points = raw.split('_').map((p) => p.split(',').map(readNumber));
  const good = points.every((p) => (p.length === 2 || p.length === 3) && p.every((n) => n !== undefined));
  return good ? points : undefined;
}

/** How hidden layers travel in a link: `6,6`, or `none` for no hidden layer. */
export const HIDDEN_LINK = { read: readList, write: (h) => (h.length ? h.join(',') : 'none') };

function readPair(raw) {
  const parts = raw.split(',').map(readNumber);
  return parts.length === 2 && parts.every((n) => Number.isInteger(n) && n >= 1 && n <= 1000) ? parts.map((n) => n - 1) : undefined;
}

/**
 * Hash key → where it lives in the view's options: the core's table (with the strategy's keys
 * before the seed), the data id, the drawn points and the displayed pair, the speed and controls.
 */
function keys() {
  const table = linkKeys(settingsTables().training, [], { kindPath: 'config.strategy.kind', seeds: ['data.seed', 'config.seed'] });
  const own = {
    'config.validationShare': { when: (o) => o.config.validationShare > 0 },
    'config.model.hidden': HIDDEN_LINK,
  };
  const after = {
    'data.seed': [{ key: 'pts', path: ['data', 'drawn'], read: readPoints, write: writePoints }],
    'config.display': [{ key: 'features', path: ['config', 'displayFeatures'], read: readPair, write: (p) => `${p[0] + 1},${p[1] + 1}`, when: (o) => o.config.display === 'pair' }],
    'config.stepUnit': strategyKeys(['config', 'strategy']),
  };
  return [
    { key: 'data', path: ['data', 'id'], type: 'enum', choices: DATA_IDS },
    ...table.flatMap((k) => {
      const path = k.path.join('.');
      return [{ ...k, ...own[path] }, ...(after[path] || [])];
    }),
    { key: 'speed', path: ['speed'], type: 'speed' },
    { key: 'controls', path: ['controls'], type: 'flag' },
  ];
}

/** The hash (without '#') for the view's options `{ data, config, speed, controls }`. */
export function encodeTrainingHash(view, options) {
  return encodeWith(keys(), view, options);
}

/** Reads a training hash: `{ view, options, problems }` (see decodeWith in state.js). */
export function decodeTrainingHash(hash) {
  return decodeWith(keys(), hash);
}

/**
 * Merges a partial training configuration into a full one (model and strategy one level down).
 * A model or strategy that is not a plain object goes to the core as it is, which refuses it
 * by its path.
 */
export function mergeConfig(config, partial) {
  const merged = { ...config, ...partial };
  for (const key of ['model', 'strategy']) {
    const part = partial[key];
    if (part !== undefined && part !== null) {
      merged[key] = typeof part === 'object' && !Array.isArray(part) ? { ...config[key], ...part } : part;
    } else merged[key] = config[key];
  }
  return merged;
}
