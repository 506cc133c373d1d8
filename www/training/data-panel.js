// The data settings of the "Train a model" view: which dataset (generated, classic table, drawn
// by hand, or the user's CSV by file picker, drag and drop or paste), its own options, the
// train / validation / test split, and how the rows are shown (a feature pair or PCA) and fed
// to the model (the displayed features or all of them).

import { el, replaceChildren, uniqueId } from '../ui/dom.js';
import { parseField } from '../ui/fields.js';
import { numberField, selectField, seedField, markResult, showMessage } from '../ui/field.js';
import { SYNTHETIC, CLASSIC, OWN, dataFields, DISPLAYS, dataKind } from './options.js';

/** A rough count of the first line's fields (to offer target columns before a good parse). */
function roughColumns(text) {
  const first = String(text).split(/\r?\n/).find((line) => line.trim() !== '') || '';
  const counts = [',', ';', '\t'].map((d) => first.split(d).length);
  return Math.max(...counts);
}

export class DataPanel {
  /**
   * `actions`: chooseData(id), setSynthetic(partial), newDataSeed(), readCsv(bytes, name),
   * csvSettings(partial), setConfig(partial) — each returns (or resolves to) { ok, error } —
   * and refuseLargeCsv(size, name) → a refusal, or null when a file of that size may be read.
   */
  constructor(catalog, actions) {
    this.actions = actions;
    const synthetic = catalog.synthetic.filter((id) => id in SYNTHETIC);
    const menu = [
      { group: 'Classification (2-D)', choices: synthetic.filter((id) => SYNTHETIC[id].classes).map((id) => ({ id, label: SYNTHETIC[id].label })) },
      { group: 'Regression', choices: synthetic.filter((id) => !SYNTHETIC[id].classes).map((id) => ({ id, label: SYNTHETIC[id].label })) },
      { group: 'Classic tables', choices: catalog.classic.map((t) => ({ id: t.id, label: CLASSIC[t.id] || t.id })) },
      { group: 'Your own data', choices: Object.entries(OWN).map(([id, label]) => ({ id, label })) },
    ];
    this.dataSelect = selectField('Dataset', menu, (id) => this.choose(id), 'data');

    const fields = dataFields();
    this.points = numberField(fields.points, (text) => this.commit(fields.points, text, (v) => actions.setSynthetic({ points: v })));
    this.noise = numberField(fields.noise, (text) => this.commit(fields.noise, text, (v) => actions.setSynthetic({ noise: v })));
    this.seed = seedField((text) => this.commit(fields.seed, text, (v) => actions.setSynthetic({ seed: v })), () => actions.newDataSeed(), fields.seed, 'Draw a fresh random sample of the same shape');
    this.syntheticBox = el('div', { class: 'tr-sub' }, this.points.root, this.noise.root, this.seed.root);

    // The CSV box: file picker, drop hint, paste area, reading options, and what was read.
    const fileId = uniqueId('tr-file');
    this.fileInput = el('input', { id: fileId, type: 'file', accept: '.csv,.tsv,.txt,text/csv,text/plain', class: 'tr-file-input', dataset: { key: 'csvFile' } });
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files && this.fileInput.files[0];
      if (file) this.readFile(file);
      this.fileInput.value = '';
    });
    this.pasteArea = el('textarea', { class: 'tr-paste', rows: '4', spellcheck: 'false', placeholder: 'x1,x2,label\n0.5,1.2,cat\n…', 'aria-label': 'Paste CSV text here' });
    const pasteButton = el('button', { type: 'button', class: 'pg-button pg-small', dataset: { action: 'paste' } }, 'Read pasted text');
    pasteButton.addEventListener('click', () => {
      const text = this.pasteArea.value;
      this.read(new TextEncoder().encode(text), 'pasted text', text);
    });
    this.headerSelect = selectField('Header row', [
      { id: 'auto', label: 'Detect' }, { id: 'present', label: 'Yes: the first row names the columns' }, { id: 'absent', label: 'No: the first row is data' },
    ], (header) => actions.csvSettings({ header }), 'csvHeader');
    this.targetSelect = selectField('Target column', [{ id: '', label: 'The last column' }], (value) => actions.csvSettings({ targetColumn: value === '' ? null : Number(value) }), 'csvTarget');
    this.kindSelect = selectField('Target kind', [
      { id: 'auto', label: 'Detect' }, { id: 'classification', label: 'Classes' }, { id: 'regression', label: 'Numbers (regression)' },
    ], (targetKind) => actions.csvSettings({ targetKind }), 'csvKind');
    this.csvStatus = el('p', { class: 'pg-note tr-csv-status', 'aria-live': 'polite' });
    this.csvError = el('div', { class: 'tr-alert', role: 'alert', hidden: true });
    this.csvBox = el('div', { class: 'tr-sub tr-csv' },
      el('label', { class: 'pg-button tr-file-button', for: fileId }, 'Choose a CSV file…'), this.fileInput,
      el('p', { class: 'pg-note' }, 'or drop a file anywhere on the page, or paste the text:'),
      this.pasteArea, pasteButton,
      this.csvError, this.csvStatus,
      this.headerSelect.root, this.targetSelect.root, this.kindSelect.root);

    this.drawHint = el('p', { class: 'pg-note tr-draw-hint' }, 'Click the plot to add points (shift-click: the other class). A few points of each class start the training.');

    // Split.
    this.testShare = numberField(fields.testShare, (text) => this.commit(fields.testShare, text, (v) => actions.setConfig({ testShare: v })));
    this.validationShare = numberField(fields.validationShare, (text) => this.commit(fields.validationShare, text, (v) => actions.setConfig({ validationShare: v })));

    // Display.
    this.displaySelect = selectField('Show', DISPLAYS, (display) => this.apply(actions.setConfig({ display }), null), 'display');
    this.xSelect = selectField('Horizontal axis', [], () => this.commitPair(), 'featureX');
    this.ySelect = selectField('Vertical axis', [], () => this.commitPair(), 'featureY');
    this.autoPair = el('button', { type: 'button', class: 'pg-button pg-small', title: 'Let the page pick the two features that separate the targets best' }, 'Most informative pair');
    this.autoPair.addEventListener('click', () => this.apply(actions.setConfig({ displayFeatures: null }), null));
    this.pairNote = el('p', { class: 'pg-note' });
    this.inputsSelect = selectField('The model sees', [
      { id: 'display', label: 'The two displayed features' }, { id: 'all', label: 'All features' },
    ], (inputs) => this.apply(actions.setConfig({ inputs }), null), 'inputs');
    this.displayBox = el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Display'),
      this.displaySelect.root, this.xSelect.root, this.ySelect.root,
      el('div', { class: 'pg-row pg-row-center' }, this.autoPair, this.pairNote), this.inputsSelect.root);

    this.groupError = el('div', { class: 'pg-error pg-group-error', role: 'alert', hidden: true });
    this.elements = [
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Data'),
        this.dataSelect.root, this.syntheticBox, this.csvBox, this.drawHint, this.groupError),
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Split'),
        this.testShare.root, this.validationShare.root,
        el('p', { class: 'pg-note' }, 'The rest trains the model. Test rows are only scored; validation rows score the candidates of a search.')),
      this.displayBox,
    ];
    this.csvColumns = null;
    this.roughCount = 0;
  }

  choose(id) {
    const result = this.actions.chooseData(id);
    Promise.resolve(result).then((r) => this.apply(r, null));
  }

  /** Reads a File (picker or drop), unless it is too large to read (then the view says so). */
  readFile(file) {
    if (this.actions.refuseLargeCsv(file.size, file.name)) return;
    file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      let text = '';
      try {
        text = new TextDecoder().decode(bytes.subarray(0, 4096));
      } catch (error) {
        text = '';
      }
      this.read(bytes, file.name, text);
    }, (error) => this.showCsvError(`"${file.name}" could not be read: ${error && error.message ? error.message : error}`));
  }

  read(bytes, name, head) {
    this.roughCount = roughColumns(head || '');
    this.actions.readCsv(bytes, name);
  }

  commit(spec, text, send) {
    const field = [this.points, this.noise, this.seed, this.testShare, this.validationShare].find((f) => f.spec === spec);
    const parsed = parseField(spec, text, {});
    if (parsed.error) {
      field.setError(parsed.error);
      return;
    }
    this.apply(send(parsed.value), field);
  }

  commitPair() {
    const pair = [Number(this.xSelect.select.value), Number(this.ySelect.select.value)];
    this.apply(this.actions.setConfig({ displayFeatures: pair }), null);
  }

  apply(result, field) {
    return markResult(result, field, this.groupError);
  }

  showGroupError(message) {
    showMessage(this.groupError, message);
  }

  /** A bad file's message, shown prominently in the CSV box (null hides it). */
  showCsvError(message) {
    showMessage(this.csvError, message);
  }

  /**
   * Shows the settings in force. `view`: { dataId, synthetic { points, noise, seed }, config,
   * data (the core's data summary or null), axisLabels, csv { settings, read (columns…),
   * name } or null, force }.
   */
  sync(view) {
    const { dataId, config, data, force } = view;
    const kind = dataKind(dataId);
    this.dataSelect.select.value = dataId;
    this.syntheticBox.hidden = kind !== 'synthetic';
    this.csvBox.hidden = kind !== 'csv';
    this.drawHint.hidden = kind !== 'hand';
    const sets = [
      [this.points, view.synthetic.points], [this.noise, view.synthetic.noise], [this.seed, view.synthetic.seed],
      [this.testShare, config.testShare], [this.validationShare, config.validationShare],
    ];
    for (const [field, value] of sets) field.sync(value, {}, force);
    if (force) this.showGroupError(null);

    // The CSV options, and the column names once a file was read.
    const csv = view.csv;
    if (csv) {
      this.headerSelect.select.value = csv.settings.header;
      this.kindSelect.select.value = csv.settings.targetKind;
      const names = csv.read ? csv.read.columnNames : Array.from({ length: this.roughCount }, (_, i) => `column ${i + 1}`);
      const key = names.join('\u0000');
      if (key !== this.columnsKey) {
        this.columnsKey = key;
        replaceChildren(this.targetSelect.select,
          el('option', { value: '' }, names.length ? `The last column (${names[names.length - 1]})` : 'The last column'),
          names.map((name, i) => el('option', { value: String(i) }, `${i + 1}: ${name}`)));
      }
      this.targetSelect.select.value = csv.settings.targetColumn === null ? '' : String(csv.settings.targetColumn);
      const status = csv.read && data && kind === 'csv'
        ? `Read "${data.name}": ${data.rows} rows, ${data.features} feature${data.features === 1 ? '' : 's'}; target "${csv.read.columnNames[csv.read.targetColumn]}" (${data.classNames ? `${data.classNames.length} classes: ${data.classNames.slice(0, 6).join(', ')}${data.classNames.length > 6 ? ', …' : ''}` : 'numbers: regression'}).`
        : view.csvWanted
          ? 'This link was made with a CSV file, which a link cannot carry: choose the file again (the other settings are restored).'
          : 'Numbers separated by commas, semicolons or tabs; one target column (by default the last), which may hold class names.';
      if (this.csvStatus.textContent !== status) this.csvStatus.textContent = status;
    }

    // Display: only for data with more than one feature.
    const features = data ? data.features : 0;
    const names = data ? data.featureNames : [];
    this.displayBox.hidden = kind === 'hand' || features < 2;
    if (!this.displayBox.hidden) {
      this.displaySelect.select.value = config.display;
      const pair = config.display === 'pair';
      const key = names.join('\u0000');
      if (key !== this.featuresKey) {
        this.featuresKey = key;
        for (const s of [this.xSelect.select, this.ySelect.select]) {
          replaceChildren(s, names.map((name, i) => el('option', { value: String(i) }, name)));
        }
      }
      const shown = config.displayFeatures || view.axisLabels.map((label) => names.indexOf(label));
      if (shown[0] >= 0) this.xSelect.select.value = String(shown[0]);
      if (shown[1] >= 0) this.ySelect.select.value = String(shown[1]);
      for (const f of [this.xSelect, this.ySelect]) f.show(pair);
      this.autoPair.hidden = !pair || config.displayFeatures === null;
      this.pairNote.textContent = !pair ? '' : config.displayFeatures === null ? 'Chosen automatically: the two most informative features.' : '';
      this.inputsSelect.show(features > 2 || config.display === 'pca');
      this.inputsSelect.select.value = config.inputs;
      this.inputsSelect.select.options[1].textContent = `All ${features} features`;
    }
  }
}
