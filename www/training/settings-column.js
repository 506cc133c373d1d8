// The "Train a model" view's settings column: the data (data-panel.js), the model and the
// strategy that searches its weights (model-panel.js), the run's seed, and the keys' hint. Each
// change goes to the view, which answers { ok, error }; sync() shows the settings in force.

import { el } from '../ui/dom.js';
import { parseField } from '../ui/fields.js';
import { numberSpec, specAt } from '../ui/catalog.js';
import { seedField, markResult } from '../ui/field.js';
import { keysHint } from '../ui/runbar.js';
import { DataPanel } from './data-panel.js';
import { ModelPanel, SearchPanel } from './model-panel.js';

export class SettingsColumn {
  /**
   * `view`: the Train a model view whose settings these are (changes go to its `source`
   * (data-choice.js) and `setConfig()`; sync() reads its `st`, `config`, `source` and
   * `classes()`); `catalog`: the core's datasets.
   */
  constructor(view, catalog) {
    this.view = view;
    const setConfig = (partial) => view.setConfig(partial);
    this.dataPanel = new DataPanel(catalog, {
      chooseData: (id) => view.source.choose(id),
      setSynthetic: (partial) => view.source.setSynthetic(partial),
      newDataSeed: () => view.source.setSynthetic({ seed: view.wasm.freshSeed() }),
      readCsv: (bytes, name) => view.source.readCsv(bytes, name, true),
      refuseLargeCsv: (size, name) => view.source.refuseLargeCsv(size, name),
      csvSettings: (partial) => view.source.csvSettings(partial),
      setConfig,
    });
    this.modelPanel = new ModelPanel(setConfig);
    this.searchPanel = new SearchPanel(setConfig);
    this.seedField = seedField((text) => {
      const parsed = parseField(this.seedField.spec, text, {});
      if (parsed.error) this.seedField.setError(parsed.error);
      else markResult(setConfig({ seed: parsed.value }), this.seedField, null);
    }, () => markResult(setConfig({ seed: view.wasm.freshSeed() }), this.seedField, null), numberSpec(specAt('training', 'config.seed')));
    this.element = el('aside', { class: 'pg-controls tr-controls', 'aria-label': 'Settings' },
      this.dataPanel.elements, this.modelPanel.element, this.searchPanel.element,
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Run'), this.seedField.root),
      keysHint());
  }

  /** Shows the settings in force (`force`: also in fields that hold a refused entry). */
  sync(force) {
    const { st, config, source } = this.view;
    this.dataPanel.sync({
      dataId: source.pickedId,
      synthetic: source.data,
      config,
      data: st.data,
      axisLabels: st.axisLabels,
      csv: source.pickedId === 'csv' || source.csvWanted ? source.csv : null,
      csvWanted: source.csvWanted,
      force,
    });
    this.modelPanel.sync(config.model, { force, classes: Boolean(this.view.classes()) || !st.ready });
    this.searchPanel.sync(config, force);
    this.seedField.sync(config.seed, {}, force);
  }
}
