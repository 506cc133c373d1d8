// One Web Worker of the search for a model: its own wasm instance (from the module the page
// compiled once and sent), its own copy of the dataset and the settings. It trains and scores
// one (candidate, fold) job at a time and answers with the fold's result. Messages only: no
// shared memory, so it runs on any static host and from the single file opened from file://.
// For the Race view (init with `race`) it holds a RaceSession of the race's settings instead,
// which evaluates the race's jobs the same way.

import { initSync, RaceSession, SearchWorker } from '../../pkg/automl_playground.js';

let search = null;

self.onmessage = (event) => {
  const message = event.data || {};
  try {
    if (message.type === 'init') {
      initSync({ module: message.module });
      search = message.race ? new RaceSession(message.settings) : new SearchWorker(message.dataset, message.settings);
      self.postMessage({ type: 'ready' });
    } else if (message.type === 'job') {
      if (message.crash) {
        // For tests: this worker dies the way a broken one would (an uncaught error).
        setTimeout(() => { throw new Error('worker crash requested by a test'); });
        return;
      }
      const started = performance.now();
      // Fold −1: the winner's final training on every non-test row, scored on the test rows;
      // record: a chosen candidate's fold model trained again, with its curves and weights.
      let result;
      if (message.fold < 0) result = search.testScore(message.job);
      else if (message.record) result = search.record(message.job, message.fold);
      else result = search.evaluate(message.job, message.fold);
      result.ms = performance.now() - started;
      self.postMessage({ type: 'result', id: message.id, result });
    }
  } catch (error) {
    self.postMessage({ type: 'failed', id: message.id, message: String(error && error.message ? error.message : error) });
  }
};
