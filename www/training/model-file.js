// Saving and loading a trained model (the Train a model view's "Save model" / "Load model…"):
// the file is the core's model description (features, scaling, layers, weights) plus the
// view's settings, so that loading it in a fresh page first brings back the same data and
// split, then the weights — and the model predicts the same values.

import { el, replaceChildren } from '../ui/dom.js';
import { jsonText, saveFile } from '../export/files.js';

/** The file name a saved model gets. */
export const MODEL_FILE = 'automl-playground-model.json';

/** The saved model's JSON text: the core's model object and the view's `settings`. */
export function modelFileText(session, settings) {
  return jsonText({ ...session.exportModel(), settings });
}

/**
 * Reads a saved model's text: `{ model, settings }` (settings may be undefined), or
 * `{ error }` when it is not JSON or not a usable model (the core judges; `problem(model)`
 * is its check).
 */
export function readModelFile(text, problem) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: 'not a usable model file: it is not JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'not a usable model file: it holds no model' };
  const { settings, ...rest } = parsed;
  const model = withTypedLists(rest);
  const why = problem(model);
  if (why) return { error: why };
  if (settings !== undefined && (settings === null || typeof settings !== 'object' || Array.isArray(settings))) {
    return { error: 'not a usable model file: its settings must be an object' };
  }
  return { model, settings };
}

/** A list of numbers as a Float64Array (anything else in it becomes NaN, which the core refuses). */
function floats(list) {
  return Array.isArray(list) ? Float64Array.from(list, (x) => (typeof x === 'number' ? x : NaN)) : list;
}

/** The model with its long number lists (weights, scaling, axes) as typed arrays, as the core reads them. */
function withTypedLists(model) {
  const inputs = model.inputs && typeof model.inputs === 'object' && !Array.isArray(model.inputs)
    ? { ...model.inputs, means: floats(model.inputs.means), scales: floats(model.inputs.scales), axes: floats(model.inputs.axes) }
    : model.inputs;
  return { ...model, inputs, weights: floats(model.weights), means: floats(model.means), scales: floats(model.scales) };
}

/**
 * The Save / Load row under the network drawing. `save()` returns the file's text;
 * `load(text, name)` resolves to `{ ok, error }`, which the row shows.
 */
export function modelFileRow(save, load) {
  const status = el('p', { class: 'tr-model-status', role: 'status', 'aria-live': 'polite' });
  const picker = el('input', { type: 'file', accept: '.json,application/json', hidden: true });
  const saveButton = el('button', { type: 'button', class: 'pg-button pg-small' }, 'Save model');
  const loadButton = el('button', { type: 'button', class: 'pg-button pg-small' }, 'Load model…');
  const say = (text, bad) => {
    replaceChildren(status, text);
    status.classList.toggle('pg-bad', Boolean(bad));
  };
  saveButton.addEventListener('click', () => {
    try {
      saveFile(MODEL_FILE, save(), 'application/json');
      say(`Saved as ${MODEL_FILE}.`);
    } catch (error) {
      say(`Not saved: ${error && error.message ? error.message : error}`, true);
    }
  });
  loadButton.addEventListener('click', () => picker.click());
  picker.addEventListener('change', async () => {
    const file = picker.files && picker.files[0];
    picker.value = '';
    if (!file) return;
    const result = await load(await file.text(), file.name);
    say(result.ok ? `Loaded ${file.name.slice(0, 80)}: its weights, at step 0.` : `${file.name.slice(0, 80)} was not loaded: ${result.error}`, !result.ok);
  });
  return el('div', { class: 'tr-model-file' }, el('div', { class: 'tr-model-buttons' }, saveButton, loadButton, picker), status);
}
