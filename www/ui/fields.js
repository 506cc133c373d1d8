// The settings the page lets a learner change: the menus' labels, and the number fields built
// from the core's tables (catalog.js: ranges, whole-number flags, names, when each applies).
// The core stays the judge: the ranges only feed the hints and the parsing of text into numbers.

import { fieldMax, numberSpec, settingsTables, specAt, specApplies } from './catalog.js';

export const STRATEGIES = [
  { id: 'gradient', label: 'Gradient descent' },
  { id: 'random-global', label: 'Random search: global' },
  { id: 'random-walk', label: 'Random search: local walk' },
  { id: 'genetic', label: 'Genetic algorithm' },
  { id: 'grid', label: 'Grid search' },
];

/** Whether strategy `kind` samples the whole box by itself (no start point, drawn as samples). */
export function samplesBox(kind) {
  return kind === 'random-global' || kind === 'grid';
}

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

/** A second field for the random walk's samples per step, under its own name. */
const WALK_SAMPLES = { id: 'proposals', label: 'Proposals per step', strategies: ['random-walk'] };

/**
 * The numeric strategy fields, from the core's strategy table (numberSpec in catalog.js), each
 * with `show(strategySettings)`: whether it matters for the settings in force.
 */
export function strategyFields() {
  const show = (spec) => (s) => specApplies(spec, s, 'kind');
  return settingsTables().strategy.filter((spec) => spec.kind !== 'choice').flatMap((spec) => {
    if (spec.path !== 'samplesPerStep') return [{ ...numberSpec(spec), show: show(spec) }];
    const walk = { ...spec, strategies: WALK_SAMPLES.strategies };
    const global = { ...spec, strategies: spec.strategies.filter((k) => !WALK_SAMPLES.strategies.includes(k)) };
    return [{ ...numberSpec(global), show: show(global) }, { ...numberSpec(walk, WALK_SAMPLES), show: show(walk) }];
  });
}

/** The bowl's shape fields, from the core's Landscapes table; `show(landscape)`. */
export function landscapeFields() {
  return settingsTables().landscape.filter((spec) => spec.kind === 'number')
    .map((spec) => ({ ...numberSpec(spec), show: (l) => specApplies(spec, { landscape: l }, 'strategy.kind') }));
}

/** The run's seed field, from the core's Landscapes table. */
export function seedFieldSpec() {
  return numberSpec(specAt('landscape', 'seed'));
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
