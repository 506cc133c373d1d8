// The views, in tab order, with what the page and the custom element need of each: how to
// mount it and how its state reads from and writes to a link.
//
// Adding a view: append { id, label, mount, encode, decode, expose }; `mount(element, options)`
// resolves to an object with at least `destroy()`, `state()` (whose `options` the hash
// stores) and `set(options)`; `decode(hash)` → { options, problems }.

import { mountLandscapes } from '../playground.js';
import { mountTrainingView } from './training.js';
import { mountSearchView } from './search.js';
import { mountRace } from './race.js';
import { encodeRaceHash, decodeRaceHash } from '../race/link.js';
import { encodeSearchHash, decodeSearchHash } from '../search/link.js';
import { decodeHash, encodeHash } from '../state.js';
import { encodeTrainingHash, decodeTrainingHash } from '../training/options.js';

/** The views, in tab order, for the loaded wasm core `wasm`. */
export function viewList(wasm) {
  const searchTable = wasm.searchSettingsTable();
  return [
    { id: 'landscapes', label: 'Landscapes', mount: mountLandscapes, encode: encodeHash, decode: decodeHash, expose: 'playground' },
    { id: 'training', label: 'Train a model', mount: mountTrainingView, encode: encodeTrainingHash, decode: decodeTrainingHash, expose: 'training' },
    { id: 'search', label: 'Search for a model', mount: mountSearchView, encode: (id, options) => encodeSearchHash(id, options, searchTable), decode: (hash) => decodeSearchHash(hash, searchTable), expose: 'search' },
    { id: 'race', label: 'Race', mount: mountRace, encode: encodeRaceHash, decode: decodeRaceHash, expose: 'race' },
  ];
}
