// Loads the wasm core once per page (every view shares the one instance).

import init from '../pkg/automl_playground.js';
import { installTables } from './ui/catalog.js';
import { installPalette } from './draw/palette.js';
import { settingsTables, LandscapeSession, landscapeCatalog, freshSeed, TrainingSession, datasetCatalog, csvSizeProblem, modelFileProblem, SearchSession, datasetParts, searchSettingsTable, classColours, valueBar, classBar, surfaceBar, RaceSession } from '../pkg/automl_playground.js';

let loading = null;

/** Resolves to the core's bindings once the wasm is initialised. */
export function loadWasm() {
  if (!loading) {
    loading = (async () => {
      const b64 = globalThis.AUTOML_WASM_BASE64; await init(b64 ? { module_or_path: Uint8Array.from(atob(b64), c => c.charCodeAt(0)) } : undefined);
      installTables(settingsTables());
      installPalette({ classColours, valueBar });
      return { LandscapeSession, landscapeCatalog, freshSeed, TrainingSession, datasetCatalog, csvSizeProblem, modelFileProblem, SearchSession, datasetParts, searchSettingsTable, valueBar, classBar, surfaceBar, RaceSession };
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * Whether `error` means the wasm module is lost: it trapped (out of memory, an abort) part-way
 * through a call, so its memory and every session in it can no longer be trusted (later calls
 * then fail with wasm-bindgen's "recursive use of an object" message). Only a reload recovers.
 */
export function moduleLost(error) {
  if (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) return true;
  const message = error && typeof error.message === 'string' ? error.message : String(error);
  return message.includes('recursive use of an object detected');
}
