// The Race view's link: its settings in the URL hash, keys from the core's race table, and
// each lane's strategy keys from the core's strategy table, numbered (strategy1=gradient&
// rule1=adam&strategy2=genetic&pop2=20…). Only the strategies' own settings are written: the
// rates left out are the surface's tuned ones, which the core fills in the same way again.

import { decodeWith, encodeWith } from '../state.js';
import { linkKeys, settingsTables, specAt } from '../ui/catalog.js';
import { PRESETS } from './presets.js';
import { HIDDEN_LINK } from '../training/options.js';

/** Link keys → where each lives in the view's options. */
function raceKeys() {
  const tables = settingsTables();
  const most = specAt('race', 'strategies').max;
  const lanes = [];
  for (let i = 0; i < most; i += 1) {
    for (const key of linkKeys(tables.strategy, ['strategies', i], { kindPath: 'kind' })) {
      lanes.push({ ...key, key: `${key.key}${i + 1}` });
    }
  }
  return [
    { key: 'preset', path: ['preset'], type: 'enum', choices: PRESETS.map((p) => p.id) },
    ...linkKeys(tables.race, [], { kindPath: 'strategies.0.kind', seeds: ['seed', 'weights.dataSeed'] })
      .map((k) => (k.key === 'layers' ? { ...k, ...HIDDEN_LINK } : k)),
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
