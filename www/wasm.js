// Loads the wasm core once per page (every view shares the one instance).

import init from '../pkg/automl_playground.js';
import { LandscapeSession, landscapeCatalog, freshSeed, TrainingSession, datasetCatalog, SearchSession, datasetParts, searchSettingsTable } from '../pkg/automl_playground.js';

let loading = null;

/** Resolves to the core's bindings once the wasm is initialised. */
export function loadWasm() {
  if (!loading) {
    loading = (async () => {
      const b64 = globalThis.AUTOML_WASM_BASE64; await init(b64 ? { module_or_path: Uint8Array.from(atob(b64), c => c.charCodeAt(0)) } : undefined);
      return { LandscapeSession, landscapeCatalog, freshSeed, TrainingSession, datasetCatalog, SearchSession, datasetParts, searchSettingsTable };
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
