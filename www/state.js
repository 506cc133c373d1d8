// The page's state in the URL hash, so a link reproduces a run exactly (same landscape,
// settings, seed and start → the same run, bit for bit).
//
//   #view=landscapes&landscape=bowl&kappa=10&phi=30&strategy=gradient&rule=plain&alpha=0.05&seed=7&start=-2.1,2.1&speed=10
//
// Only the settings that matter for the chosen landscape and strategy are written. Reading is
// strict: an unknown key or a value that does not parse is reported, and the caller falls
// back to the defaults with a visible notice (never a blank page).

import { isSpeed } from './ui/fields.js';
import { linkKeys, settingsTables } from './ui/catalog.js';

/**
 * The strategy's hash keys (from the core's strategy table), for a view whose strategy settings
 * live at `base` (a path) in its options. A key is written only when its setting matters for
 * the strategy in force.
 */
export function strategyKeys(base) {
  return linkKeys(settingsTables().strategy, base, { kindPath: 'kind' });
}

/** Hash key → where it lives in the options and how it is read: the core's tables, then the start point, speed and controls. */
function keys() {
  const own = linkKeys(settingsTables().landscape, [], { kindPath: 'strategy.kind', seeds: ['seed'] });
  const seed = own.filter((k) => k.path.join('.') === 'seed');
  return [
    ...own.filter((k) => !seed.includes(k)),
    ...strategyKeys(['strategy']),
    ...seed,
    { key: 'start', path: ['start'], type: 'point' },
    { key: 'speed', path: ['speed'], type: 'speed' },
    { key: 'controls', path: ['controls'], type: 'flag' },
  ];
}

function encodeValue(value) {
  return encodeURIComponent(String(value)).replace(/%2C/gi, ',');
}

/**
 * The hash (without '#') for view `view` and its options `snapshot`, written with `keys`
 * (`{ key, path, type, when?, write? }`): only the keys whose `when` holds and whose value is
 * set. Types: number, seed (with its `min` and `max`), enum (with its `choices`), point, speed,
 * flag (written only when not its `default`, true unless given), or any type with its own `write(value)` / `read(text)`.
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
      if (value === (spec.default === undefined ? true : spec.default)) continue; // the default is left out
      value = value ? 1 : 0;
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
  return encodeWith(keys(), view, snapshot);
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
 * hash is fine). An empty hash gives empty options and no problems.
 */
export function decodeWith(keys, hash) {
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
        value = spec.read(raw);
        break;
      case 'number':
        value = readNumber(raw);
        if (value !== undefined && (value < spec.min || value > spec.max)) {
          result.problems.push(`${key} = "${raw.slice(0, 20)}" is outside ${spec.min} to ${spec.max}`);
          continue;
        }
        break;
      case 'seed': {
        const n = readNumber(raw);
        value = Number.isInteger(n) && n >= spec.min && n <= spec.max ? n : undefined;
        break;
      }
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
export function decodeHash(hash) {
  return decodeWith(keys(), hash);
}
