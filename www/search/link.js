// The search view's links: its own state in the URL hash (keys from the core's settings
// table), and the Train a model view's link for a chosen candidate ("Train this one"), with
// the same data, architecture and training settings.

import { encodeTrainingHash, SYNTHETIC, CLASSIC } from '../training/options.js';
import { decodeWith, encodeWith } from '../state.js';
import { applies, readValue, writeValue } from './settings.js';
import { linkKeys, settingsTables } from '../ui/catalog.js';

/**
 * The hash that opens a candidate on `data` in the Train a model view with `config`, the
 * training settings the core gives for it (SearchSession.trainingConfig).
 */
export function trainingLinkFor(data, config) {
  // The Train view's own rows stay where they are (a link cannot carry them).
  const options = { data: data.id === 'training' ? undefined : { ...data }, config };
  return `#${encodeTrainingHash('training', options)}`;
}

/** The search view's link keys: the data (a generated set's from the Train view's table), every setting of the core's search table, controls. */
function searchKeys(table) {
  const data = settingsTables().training.filter((spec) => spec.path.startsWith('data.'));
  return [
    { key: 'data', path: ['data', 'id'], type: 'enum', choices: [...Object.keys(SYNTHETIC), ...Object.keys(CLASSIC), 'training'] },
    ...linkKeys(data, [], { seeds: ['data.seed'] }),
    ...table.map((spec) => ({
      key: spec.key,
      path: ['settings', ...spec.path.split('.')],
      read: (raw) => readValue(spec, raw),
      write: (value) => writeValue(spec, value),
      when: (o) => applies(spec, o.settings || {}),
    })),
    { key: 'controls', path: ['controls'], type: 'flag' },
  ];
}

/** The hash (without '#') of the search view's options `{ data, settings, controls }`. */
export function encodeSearchHash(view, options, table) {
  return encodeWith(searchKeys(table), view, options);
}

/** Reads a search view's hash: `{ view, options, problems }` (see decodeWith in state.js). */
export function decodeSearchHash(hash, table) {
  return decodeWith(searchKeys(table), hash);
}
