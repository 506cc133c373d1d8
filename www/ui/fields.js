// The settings the page lets a learner change: labels, allowed ranges (mirroring the
// core's `validate()`), and when each one is relevant. The core stays the judge: these
// ranges only feed the hints and the parsing of text into numbers.

export const STRATEGIES = [
  { id: 'gradient', label: 'Gradient descent' },
  { id: 'random-global', label: 'Random search: global' },
  { id: 'random-walk', label: 'Random search: local walk' },
  { id: 'genetic', label: 'Genetic algorithm' },
];

export const RULES = [
  { id: 'plain', label: 'Plain: θ ← θ − α∇J' },
  { id: 'momentum', label: 'Momentum' },
  { id: 'nesterov', label: 'Nesterov momentum' },
  { id: 'adagrad', label: 'AdaGrad' },
  { id: 'rmsprop', label: 'RMSProp' },
  { id: 'adam', label: 'Adam' },
];

export const CROSSOVERS = [
  { id: 'blend', label: 'Blend (BLX-α)' },
  { id: 'uniform', label: 'Uniform' },
];

export const SPEEDS = [
  { id: 1, label: '1 step/s' },
  { id: 2, label: '2 steps/s' },
  { id: 5, label: '5 steps/s' },
  { id: 10, label: '10 steps/s' },
  { id: 30, label: '30 steps/s' },
  { id: 60, label: '60 steps/s' },
  { id: 'max', label: 'as fast as possible' },
];

/** Whether `speed` is one the page offers. */
export function isSpeed(speed) {
  return SPEEDS.some((s) => s.id === speed);
}

/**
 * Numeric strategy fields. `name` is how the core names the setting in its messages;
 * `max` may be a function of the settings (tournament ≤ population).
 * `show(settings)` says when the field matters.
 */
export const STRATEGY_FIELDS = [
  { key: 'learningRate', label: 'Learning rate α', name: 'learning rate α', min: 0, max: 1e6,
    show: (s) => s.kind === 'gradient' },
  { key: 'momentum', label: 'Momentum μ', name: 'momentum μ', min: 0, max: 0.999,
    show: (s) => s.kind === 'gradient' && (s.rule === 'momentum' || s.rule === 'nesterov') },
  { key: 'rho', label: 'Decay ρ', name: 'decay ρ', min: 0, max: 0.9999,
    show: (s) => s.kind === 'gradient' && s.rule === 'rmsprop' },
  { key: 'beta1', label: 'β₁ (1st moment)', name: 'β₁', min: 0, max: 0.9999,
    show: (s) => s.kind === 'gradient' && s.rule === 'adam' },
  { key: 'beta2', label: 'β₂ (2nd moment)', name: 'β₂', min: 0, max: 0.99999,
    show: (s) => s.kind === 'gradient' && s.rule === 'adam' },
  { key: 'epsilon', label: 'ε (small constant)', name: 'ε', min: 1e-12, max: 1,
    show: (s) => s.kind === 'gradient' && ['adagrad', 'rmsprop', 'adam'].includes(s.rule) },
  { key: 'samplesPerStep', label: 'Samples per step', name: 'samples per step', min: 1, max: 2000, integer: true,
    show: (s) => s.kind === 'random-global' },
  { key: 'samplesPerStep', label: 'Proposals per step', name: 'samples per step', min: 1, max: 2000, integer: true,
    show: (s) => s.kind === 'random-walk', id: 'proposals' },
  { key: 'sigma', label: 'Step size σ', name: 'step size σ', min: 1e-6, max: 100,
    show: (s) => s.kind === 'random-walk' },
  { key: 'population', label: 'Population', name: 'population', min: 2, max: 2000, integer: true,
    show: (s) => s.kind === 'genetic' },
  { key: 'tournament', label: 'Tournament size k', name: 'tournament size', min: 1, max: (s) => s.population, integer: true,
    show: (s) => s.kind === 'genetic' },
  { key: 'blendAlpha', label: 'Blend α', name: 'blend α', min: 0, max: 1,
    show: (s) => s.kind === 'genetic' && s.crossover === 'blend' },
  { key: 'mutationRate', label: 'Mutation rate', name: 'mutation rate', min: 0, max: 1,
    show: (s) => s.kind === 'genetic' },
  { key: 'mutationSigma', label: 'Mutation σ', name: 'mutation σ', min: 0, max: 100,
    show: (s) => s.kind === 'genetic' },
  { key: 'elitism', label: 'Elitism (kept best)', name: 'elitism', min: 0, max: (s) => s.population - 1, integer: true,
    show: (s) => s.kind === 'genetic' },
  { key: 'initialSpread', label: 'Initial spread', name: 'initial spread', min: 0, max: 1,
    show: (s) => s.kind === 'genetic' },
];

export const LANDSCAPE_FIELDS = [
  { key: 'condition', label: 'Condition number κ', name: 'condition number κ', min: 1, max: 1000,
    show: (l) => l.id === 'bowl' },
  { key: 'rotationDeg', label: 'Rotation φ (degrees)', name: 'rotation φ', min: -90, max: 90,
    show: (l) => l.id === 'bowl' },
];

export const SEED_FIELD = { key: 'seed', label: 'Seed', name: 'seed', min: 0, max: 4294967295, integer: true };

/** The field's upper bound for the given settings. */
export function fieldMax(field, settings) {
  return typeof field.max === 'function' ? field.max(settings) : field.max;
}

/**
 * Reads a field's text as a number. Returns `{ value }` or `{ error }`; the error reads like
 * the core's ("population: must be a whole number from 2 to 2000 (got 2.5)") so that a
 * learner sees one style of message whichever side caught it.
 */
export function parseField(field, text, settings) {
  const trimmed = String(text).trim().replace(/−/g, '-').replace(/,/g, '.');
  const max = fieldMax(field, settings || {});
  const range = field.integer ? `a whole number from ${field.min} to ${max}` : `a number from ${field.min} to ${max}`;
  if (trimmed === '') return { error: `${field.name}: enter ${range}` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    return { error: `${field.name}: "${trimmed.slice(0, 24)}" is not a number; enter ${range}` };
  }
  if (field.integer && (!Number.isInteger(value) || value < 0 || value > Number.MAX_SAFE_INTEGER)) {
    return { error: `${field.name}: must be ${range} (got ${trimmed.slice(0, 24)})` };
  }
  if (field.key === 'seed' && (value < field.min || value > max)) {
    return { error: `${field.name}: must be ${range} (got ${trimmed.slice(0, 24)})` };
  }
  return { value };
}
