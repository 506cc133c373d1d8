// The page's state in the URL hash, so a link reproduces a run exactly (same landscape,
// settings, seed and start → the same run, bit for bit).
//
//   #view=landscapes&landscape=bowl&kappa=10&phi=30&strategy=gradient&rule=plain&alpha=0.05&seed=7&start=-2.1,2.1&speed=10
//
// Only the settings that matter for the chosen landscape and strategy are written. Reading is
// strict: an unknown key or a value that does not parse is reported, and the caller falls
// back to the defaults with a visible notice (never a blank page).

import { STRATEGY_FIELDS, STRATEGIES, RULES, CROSSOVERS, isSpeed } from './ui/fields.js';

/**
 * The strategy's hash keys, for a view whose strategy settings live at `base` (a path) in its
 * options. A numeric key is written only when its field matters for the strategy in force.
 */
export function strategyKeys(base) {
  const at = (key) => [...base, key];
  const strategyOf = (o) => base.reduce((node, k) => (node ? node[k] : undefined), o) || {};
  const matters = (key) => (o) => strategyFieldMatters(key, strategyOf(o));
  const number = (key, field) => ({ key, path: at(field), type: 'number', when: matters(field) });
  return [
    { key: 'strategy', path: at('kind'), type: 'enum', choices: STRATEGIES.map((s) => s.id) },
    { key: 'rule', path: at('rule'), type: 'enum', choices: RULES.map((r) => r.id), when: (o) => strategyOf(o).kind === 'gradient' },
    number('alpha', 'learningRate'),
    number('mu', 'momentum'),
    number('rho', 'rho'),
    number('beta1', 'beta1'),
    number('beta2', 'beta2'),
    number('eps', 'epsilon'),
    number('samples', 'samplesPerStep'),
    number('sigma', 'sigma'),
    number('pop', 'population'),
    number('k', 'tournament'),
    { key: 'crossover', path: at('crossover'), type: 'enum', choices: CROSSOVERS.map((c) => c.id), when: (o) => strategyOf(o).kind === 'genetic' },
    number('blend', 'blendAlpha'),
    number('mrate', 'mutationRate'),
    number('msigma', 'mutationSigma'),
    number('elite', 'elitism'),
    number('spread', 'initialSpread'),
  ];
}

/** Hash key → where it lives in the options and how it is read. */
const KEYS = [
  { key: 'landscape', path: ['landscape', 'id'], type: 'landscape' },
  { key: 'kappa', path: ['landscape', 'condition'], type: 'number', when: (o) => o.landscape.id === 'bowl' },
  { key: 'phi', path: ['landscape', 'rotationDeg'], type: 'number', when: (o) => o.landscape.id === 'bowl' },
  ...strategyKeys(['strategy']),
  { key: 'seed', path: ['seed'], type: 'seed' },
  { key: 'start', path: ['start'], type: 'point' },
  { key: 'speed', path: ['speed'], type: 'speed' },
  { key: 'controls', path: ['controls'], type: 'flag' },
];

/** Whether a strategy field (by its settings key) matters for these settings. */
function strategyFieldMatters(settingsKey, strategy) {
  return STRATEGY_FIELDS.some((f) => f.key === settingsKey && f.show(strategy));
}

function encodeValue(value) {
  return encodeURIComponent(String(value)).replace(/%2C/gi, ',');
}

/**
 * The hash (without '#') for view `view` and its options `snapshot`, written with `keys`
 * (`{ key, path, type, when?, write? }`): only the keys whose `when` holds and whose value is
 * set. Types: number, seed, enum, point, speed, flag (written only when false), or any type
 * with its own `write(value)` / `read(text, context)`.
 */
export function encodeWith(keys, view, snapshot) {
  const parts = [`view=${encodeValue(view)}`];
  for (const spec of keys) {
    if (spec.when && !spec.when(snapshot)) continue;
    let value = spec.path.reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), snapshot);
    if (value === undefined || value === null) continue;
    if (spec.write) value = spec.write(value);
    else if (spec.type === 'point') value = `${value[0]},${value[1]}`;
    if (spec.type === 'flag') {
      if (value !== false) continue; // controls shown is the default
      value = 0;
    }
    if (value === undefined || value === null) continue;
    parts.push(`${spec.key}=${encodeValue(value)}`);
  }
  return parts.join('&');
}

/**
 * The hash (without '#') for a view and a playground snapshot
 * `{ landscape, strategy, seed, start, speed, controls }`.
 */
export function encodeHash(view, snapshot) {
  return encodeWith(KEYS, view, snapshot);
}

/** The `view=` of a hash, or null. */
export function hashView(hash) {
  const text = String(hash || '').replace(/^#/, '');
  try {
    return new URLSearchParams(text).get('view');
  } catch (e) {
    return null;
  }
}

function setPath(target, path, value) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] = node[key] || {};
    node = node[key];
  }
  node[path[path.length - 1]] = value;
}

/** A plain decimal number (no hex, no Infinity), or undefined. */
export function readNumber(text) {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Reads a hash with `keys`. Returns `{ view, options, problems }`: `options` holds only what
 * the hash sets (partial options), `problems` lists what could not be read (empty when the
 * hash is fine). An empty hash gives empty options and no problems. `context` goes to the
 * keys' own `read(text, context)` and holds `landscapeIds` for the landscape key.
 */
export function decodeWith(keys, hash, context = {}) {
  const text = String(hash || '').replace(/^#/, '');
  const result = { view: null, options: {}, problems: [] };
  if (text.trim() === '') return result;
  let params;
  try {
    params = new URLSearchParams(text);
  } catch (e) {
    result.problems.push('the link could not be read');
    return result;
  }
  const seen = new Set();
  for (const [key, raw] of params) {
    if (seen.has(key)) {
      result.problems.push(`"${key.slice(0, 20)}" appears twice`);
      continue;
    }
    seen.add(key);
    if (key === 'view') {
      result.view = raw;
      continue;
    }
    const spec = keys.find((k) => k.key === key);
    if (!spec) {
      result.problems.push(`unknown setting "${key.slice(0, 20)}"`);
      continue;
    }
    const bad = () => result.problems.push(`${key} = "${raw.slice(0, 20)}" is not valid`);
    let value;
    switch (spec.read ? 'custom' : spec.type) {
      case 'custom':
        value = spec.read(raw, context);
        break;
      case 'number':
        value = readNumber(raw);
        break;
      case 'seed': {
        const n = readNumber(raw);
        value = Number.isInteger(n) && n >= 0 && n <= 4294967295 ? n : undefined;
        break;
      }
      case 'landscape':
        value = (context.landscapeIds || []).includes(raw) ? raw : undefined;
        break;
      case 'enum':
        value = spec.choices.includes(raw) ? raw : undefined;
        break;
      case 'point': {
        const xy = raw.split(',').map(readNumber);
        value = xy.length === 2 && xy.every((v) => v !== undefined) ? xy : undefined;
        break;
      }
      case 'speed':
        value = raw === 'max' ? 'max' : readNumber(raw);
        if (!isSpeed(value)) value = undefined;
        break;
      case 'flag':
        value = raw === '0' ? false : raw === '1' ? true : undefined;
        break;
      default:
        value = undefined;
    }
    if (value === undefined) bad();
    else setPath(result.options, spec.path, value);
  }
  return result;
}

/** Reads a Landscapes hash (see decodeWith). */
export function decodeHash(hash, landscapeIds) {
  return decodeWith(KEYS, hash, { landscapeIds });
}
