// The "Train a model" view's settings: the datasets it offers, the data options and their
// ranges, and its state in the URL hash.
//
//   #view=training&data=circle&n=200&noise=0.1&dseed=1&test=0.3&display=pair&inputs=display
//    &layers=6,6&act=tanh&loss=cross-entropy&reg=none&batch=mini&bs=10&unit=epoch
//    &strategy=gradient&rule=plain&alpha=0.1&seed=1&speed=10
//   Points drawn by hand (on a drawing or on generated data): &pts=u,v,k_u,v,k… (regression:
//   u,v pairs), left out when longer than MAX_POINTS_TEXT characters.
//
// Reading is strict, as for the Landscapes view: an unknown key or a value that does not parse
// is reported and the page falls back to the defaults with a visible notice.

import { decodeWith, encodeWith, readNumber, strategyKeys } from '../state.js';

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

/** Numeric data fields (ranges as in the core's generators and split). */
export const DATA_FIELDS = {
  points: { key: 'points', label: 'Points', name: 'points', min: 10, max: 2000, integer: true },
  noise: { key: 'noise', label: 'Noise', name: 'noise', min: 0, max: 1 },
  seed: { key: 'dataSeed', label: 'Data seed', name: 'data seed', min: 0, max: 4294967295, integer: true },
  testShare: { key: 'testShare', label: 'Test share', name: 'test share', min: 0.05, max: 0.5 },
  validationShare: { key: 'validationShare', label: 'Validation share', name: 'validation share', min: 0, max: 0.5 },
};

/** Model fields (ranges as in the core's ModelSettings). */
export const MODEL_FIELDS = {
  layers: { key: 'layers', label: 'Hidden layers', name: 'hidden layers', min: 0, max: 6, integer: true },
  neurons: (i) => ({ key: `neurons${i}`, label: `Layer ${i + 1}: neurons`, name: `neurons in layer ${i + 1}`, min: 1, max: 32, integer: true }),
  rate: { key: 'regularizationRate', label: 'Regularization rate λ', name: 'regularization rate', min: 0, max: 10 },
  batchSize: { key: 'batchSize', label: 'Batch size', name: 'batch size', min: 1, max: 100000, integer: true },
};

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

const gradient = (o) => !o.config || !o.config.strategy || o.config.strategy.kind === 'gradient';
const synthetic = (o) => o.data && dataKind(o.data.id) === 'synthetic';

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

function readPair(raw) {
  const parts = raw.split(',').map(readNumber);
  return parts.length === 2 && parts.every((n) => Number.isInteger(n) && n >= 1 && n <= 1000) ? parts.map((n) => n - 1) : undefined;
}

/** Hash key → where it lives in the view's options. */
const KEYS = [
  { key: 'data', path: ['data', 'id'], type: 'enum', choices: DATA_IDS },
  { key: 'n', path: ['data', 'points'], type: 'number', when: synthetic },
  { key: 'noise', path: ['data', 'noise'], type: 'number', when: synthetic },
  { key: 'dseed', path: ['data', 'seed'], type: 'seed', when: synthetic },
  { key: 'pts', path: ['data', 'drawn'], read: readPoints, write: writePoints },
  { key: 'test', path: ['config', 'testShare'], type: 'number' },
  { key: 'val', path: ['config', 'validationShare'], type: 'number', when: (o) => o.config.validationShare > 0 },
  { key: 'display', path: ['config', 'display'], type: 'enum', choices: DISPLAYS.map((d) => d.id) },
  { key: 'features', path: ['config', 'displayFeatures'], read: readPair, write: (p) => `${p[0] + 1},${p[1] + 1}`, when: (o) => o.config.display === 'pair' },
  { key: 'inputs', path: ['config', 'inputs'], type: 'enum', choices: ['display', 'all'] },
  { key: 'layers', path: ['config', 'model', 'hidden'], read: readList, write: (h) => (h.length ? h.join(',') : 'none') },
  { key: 'act', path: ['config', 'model', 'activation'], type: 'enum', choices: ACTIVATIONS.map((a) => a.id) },
  { key: 'loss', path: ['config', 'model', 'loss'], type: 'enum', choices: LOSSES.map((l) => l.id) },
  { key: 'reg', path: ['config', 'model', 'regularization'], type: 'enum', choices: REGULARIZATIONS.map((r) => r.id) },
  { key: 'lambda', path: ['config', 'model', 'regularizationRate'], type: 'number', when: (o) => o.config.model.regularization !== 'none' },
  { key: 'batch', path: ['config', 'batch'], type: 'enum', choices: BATCHES.map((b) => b.id), when: gradient },
  { key: 'bs', path: ['config', 'batchSize'], type: 'number', when: (o) => gradient(o) && o.config.batch === 'mini' },
  { key: 'unit', path: ['config', 'stepUnit'], type: 'enum', choices: STEP_UNITS.map((u) => u.id), when: gradient },
  ...strategyKeys(['config', 'strategy']),
  { key: 'seed', path: ['config', 'seed'], type: 'seed' },
  { key: 'speed', path: ['speed'], type: 'speed' },
  { key: 'controls', path: ['controls'], type: 'flag' },
];

/** The hash (without '#') for the view's options `{ data, config, speed, controls }`. */
export function encodeTrainingHash(view, options) {
  return encodeWith(KEYS, view, options);
}

/** Reads a training hash: `{ view, options, problems }` (see decodeWith in state.js). */
export function decodeTrainingHash(hash) {
  return decodeWith(KEYS, hash);
}
