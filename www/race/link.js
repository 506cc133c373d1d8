// The Race view's link: its settings in the URL hash, keys from the core's race table, and
// each lane's strategy keys from the core's strategy table, numbered (strategy1=gradient&
// rule1=adam&strategy2=genetic&pop2=20…). Only the strategies' own settings are written: the
// rates left out are the surface's tuned ones, which the core fills in the same way again. On
// architectures a lane's keys are the search table's strategy rows, prefixed with "a"
// (astrategy1=evolution&apop1=6…).

import { decodeWith, encodeWith } from '../state.js';
import { linkKeys, settingsTables, specAt } from '../ui/catalog.js';
import { PRESETS } from './presets.js';
import { HIDDEN_LINK } from '../training/options.js';
import { readValue, writeValue } from '../search/settings.js';

/** A whole-number range's key (a search space's, "1,3"), read and written as the Search view's. */
function rangeLink(key) {
  const spec = specAt('race', key.path.join('.'));
  if (spec.kind !== 'count-range') return key;
  return { ...key, write: (value) => writeValue(spec, value), read: (raw) => readValue(spec, raw) };
}

/** Link keys → where each lives in the view's options. */
function raceKeys() {
  const tables = settingsTables();
  const most = specAt('race', 'strategies').max;
  // The search's strategy rows, their paths inside a lane's settings.
  const searchRows = tables.search.filter((s) => s.path.startsWith('strategy.')).map((s) => ({ ...s, path: s.path.slice('strategy.'.length) }));
  const onProblem = (key, yes) => ({ ...key, when: (o) => (o.problem === 'architecture') === yes && (!key.when || key.when(o)) });
  const lanes = [];
  for (let i = 0; i < most; i += 1) {
    for (const key of linkKeys(tables.strategy, ['strategies', i], { kindPath: 'kind' })) {
      lanes.push(onProblem({ ...key, key: `${key.key}${i + 1}` }, false));
    }
    for (const key of linkKeys(searchRows, ['strategies', i], { kindPath: 'kind' })) {
      lanes.push(onProblem({ ...key, key: `a${key.key}${i + 1}` }, true));
    }
  }
  return [
    { key: 'preset', path: ['preset'], type: 'enum', choices: PRESETS.map((p) => p.id) },
    ...linkKeys(tables.race, [], { kindPath: 'strategies.0.kind', seeds: ['seed', 'weights.dataSeed'] })
      .map((k) => (k.key === 'layers' ? { ...k, ...HIDDEN_LINK } : rangeLink(k))),
    ...lanes,
    { key: 'speed', path: ['speed'], type: 'speed' },
    { key: 'controls', path: ['controls'], type: 'flag' },
  ];
}

/** The hash (without '#') of the Race view's options. */
export function encodeRaceHash(view, options) {
  return encodeWith(raceKeys(), view, options);
}

/**
 * Reads a Race hash: `{ view, options, problems }` (see decodeWith); the numbered strategies
 * become the list `options.strategies`, in order, gaps closed.
 */
export function decodeRaceHash(hash) {
  const decoded = decodeWith(raceKeys(), hash);
  const lanes = decoded.options.strategies;
  if (lanes) {
    decoded.options.strategies = Object.keys(lanes).map(Number).sort((a, b) => a - b).map((i) => lanes[i]);
  }
  return decoded;
}
