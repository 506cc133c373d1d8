// The search view's Data group: a generated set (its points and noise), a classic table, or the
// Train a model view's rows; how many workers train beside the page; and the dataset's parts
// for the core and the workers.

import { el } from '../ui/dom.js';
import { selectField, numberField } from '../ui/field.js';
import { parseField } from '../ui/fields.js';
import { SYNTHETIC, CLASSIC, dataFields } from '../training/options.js';
import { loadTable } from '../training/tables.js';

/** The data id of the Train a model view's rows (its CSV, drawn points or set). */
export const TRAINING_DATA = 'training';

/** The data the view offers: generated sets, classic tables, and the Train view's rows. */
function dataChoices(catalog, withTraining) {
  return [
    { group: 'Generated', choices: catalog.synthetic.filter((id) => id in SYNTHETIC).map((id) => ({ id, label: SYNTHETIC[id].label })) },
    { group: 'Classic tables', choices: catalog.classic.map((t) => ({ id: t.id, label: CLASSIC[t.id] || t.id })) },
    withTraining ? { group: 'Your own data', choices: [{ id: TRAINING_DATA, label: 'The rows of the Train a model view (your CSV, drawn points…)' }] } : null,
  ].filter(Boolean);
}

export class SearchDataPanel {
  /**
   * `wasm` the core; `trainingData()` → the Train view's rows as dataset parts (or null: not
   * offered); `set(partial data)` → Promise of { ok, error }.
   */
  constructor(wasm, trainingData, set) {
    this.wasm = wasm;
    this.catalog = wasm.datasetCatalog();
    this.trainingData = trainingData;
    this.select = selectField('Dataset', dataChoices(this.catalog, Boolean(trainingData)), (id) => set({ id }), 'data');
    // A generated set's size and noise (its seed: the link's dseed).
    this.fields = ['points', 'noise'].map((key) => {
      const spec = dataFields()[key];
      const field = numberField(spec, async (text) => {
        const parsed = parseField(spec, text, {});
        const result = parsed.error ? { ok: false, error: parsed.error } : await set({ [key]: parsed.value });
        if (result.ok) field.clearError();
        else field.setError(result.error);
      });
      field.key = key;
      return field;
    });
    this.note = el('p', { class: 'pg-note', hidden: true }, 'These rows come from the Train a model view: a link cannot carry them, so a shared link opens with its own data.');
    this.workersNote = el('p', { class: 'pg-note' });
    this.element = el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Data'), this.select.root, this.fields.map((f) => f.root), this.note, this.workersNote);
  }

  /** `data` with its generator's default points and noise (the core's) where not given. */
  withDefaults(data) {
    const d = (this.catalog.defaults || []).find((entry) => entry.id === data.id);
    return d ? { points: d.points, noise: d.noise, ...data } : data;
  }

  /** The dataset parts of `data` (a classic table is fetched first). */
  async partsFor(data) {
    if (data.id === TRAINING_DATA) {
      if (!this.trainingData) throw new Error('data: the Train a model view\'s rows are only offered inside the playground page');
      return this.trainingData();
    }
    if (data.id in CLASSIC) {
      const table = this.catalog.classic.find((t) => t.id === data.id);
      return this.wasm.datasetParts({ kind: 'classic', id: data.id, text: await loadTable(table.file) });
    }
    return this.wasm.datasetParts({ kind: 'synthetic', id: data.id, points: data.points, noise: data.noise, seed: data.seed });
  }

  /** Shows `data` in force and how many `workers` train. */
  sync(data, workers) {
    this.select.select.value = data.id;
    this.note.hidden = data.id !== TRAINING_DATA;
    for (const field of this.fields) {
      field.show(data.id in SYNTHETIC);
      field.sync(data[field.key]);
    }
    this.workersNote.textContent = workers === 1 ? 'One Web Worker trains the candidates beside the page.' : `${workers} Web Workers train the candidates beside the page.`;
  }
}
