// The settings column: landscape, strategy and its own hyperparameters, seed and start.
// Each numeric field shows its allowed range; a refused value marks the field invalid with the
// core's message next to it, and the run in force is left untouched.

import { el } from './dom.js';
import { num } from './format.js';
import { landscapeFields, parseField, samplesBox } from './fields.js';
import { numberField, selectField, seedField, markResult, showMessage } from './field.js';
import { StrategyFields } from './strategy.js';
import { keysHint } from './runbar.js';

/** The settings column. `commit(partialOptions)` applies a change and returns {ok, reset, error}. */
export class Controls {
  constructor({ catalog, commit, newSeed }) {
    this.commit = commit;
    this.config = null;
    this.groupError = el('div', { class: 'pg-error pg-group-error', role: 'alert', hidden: true });

    const landscapeSelect = selectField('Surface', catalog.map((c) => ({ id: c.id, label: c.label })),
      (id) => this.apply({ landscape: { id } }, null), 'landscape');
    this.landscapeSelect = landscapeSelect;
    this.landscapeFields = landscapeFields().map((spec) => numberField(spec, (text) => this.commitNumber(spec, text, 'landscape')));

    this.strategy = new StrategyFields((partial, field) => this.apply(partial, field));

    this.seedField = seedField((text) => this.commitNumber(this.seedField.spec, text, 'seed'), newSeed);

    this.startX = numberField({ key: 'startX', label: 'Start x', name: 'start x', min: -Infinity, max: Infinity }, () => this.commitStart());
    this.startY = numberField({ key: 'startY', label: 'Start y', name: 'start y', min: -Infinity, max: Infinity }, () => this.commitStart());
    for (const f of [this.startX, this.startY]) {
      f.root.classList.add('pg-half');
      f.root.querySelector('.pg-hint').textContent = '';
    }
    this.startError = el('div', { class: 'pg-error', role: 'alert', hidden: true });
    this.startDefault = el('button', { type: 'button', class: 'pg-button pg-small', title: 'Go back to the landscape\'s default start point' }, 'Default start');
    this.startDefault.addEventListener('click', () => {
      const result = this.apply({ start: null }, null);
      if (result.ok) this.showStartError(null);
    });
    this.startHint = el('p', { class: 'pg-note' }, 'or click the map to start there');

    this.element = el('aside', { class: 'pg-controls', 'aria-label': 'Settings' },
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Landscape'),
        landscapeSelect.root, this.landscapeFields.map((f) => f.root)),
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Strategy'), this.strategy.nodes),
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Run'),
        this.seedField.root,
        el('div', { class: 'pg-row' }, this.startX.root, this.startY.root),
        this.startError,
        el('div', { class: 'pg-row pg-row-center' }, this.startDefault, this.startHint)),
      this.groupError,
      keysHint());
  }

  /** Applies a change; a refusal from a select shows under the settings. */
  apply(partial, field) {
    return markResult(this.commit(partial), field, this.groupError);
  }

  showGroupError(message) {
    showMessage(this.groupError, message);
  }

  showStartError(message) {
    this.startError.textContent = message || '';
    this.startError.hidden = !message;
    for (const f of [this.startX, this.startY]) {
      if (message) f.input.setAttribute('aria-invalid', 'true');
      else f.input.removeAttribute('aria-invalid');
      f.root.classList.toggle('pg-invalid', Boolean(message));
    }
  }

  commitNumber(spec, text, where) {
    const field = [...this.landscapeFields, this.seedField].find((f) => f.spec === spec);
    const parsed = parseField(spec, text, this.config ? this.config.strategy : {});
    if (parsed.error) {
      field.setError(parsed.error);
      return;
    }
    const partial = where === 'seed' ? { seed: parsed.value } : { [where]: { [spec.key]: parsed.value } };
    this.apply(partial, field);
  }

  commitStart() {
    const fallback = this.effectiveStart || [0, 0];
    const read = (field, i) => {
      const text = field.input.value.trim();
      if (text === '') return fallback[i];
      const value = Number(text.replace(/−/g, '-'));
      return Number.isFinite(value) ? value : null;
    };
    const x = read(this.startX, 0);
    const y = read(this.startY, 1);
    if (x === null || y === null) {
      this.showStartError('start point: enter two numbers, e.g. −1.5 and 2');
      return;
    }
    const result = this.commit({ start: [x, y] });
    this.showStartError(result.ok ? null : result.error);
  }

  /**
   * Shows the configuration in force. `force` (a change from outside the column: the API,
   * the URL, a reset of the strategy) also clears field errors.
   */
  sync(config, { force = false, start = null, axes = ['x', 'y'] } = {}) {
    this.config = config;
    const s = config.strategy;
    const l = config.landscape;
    this.landscapeSelect.select.value = l.id;
    this.strategy.sync(s, force);
    for (const f of this.landscapeFields) {
      const visible = f.spec.show(l);
      f.show(visible);
      if (!visible) f.clearError();
      f.sync(l[f.spec.key], s, force);
    }
    this.seedField.sync(config.seed, s, force);
    this.effectiveStart = start;
    const startLabel = config.strategy.kind === 'genetic' ? 'Centre' : 'Start';
    this.startX.root.querySelector('label').textContent = `${startLabel} ${axes[0]}`;
    this.startY.root.querySelector('label').textContent = `${startLabel} ${axes[1]}`;
    const usesStart = !samplesBox(config.strategy.kind);
    for (const f of [this.startX, this.startY]) f.input.disabled = !usesStart;
    this.startDefault.disabled = !usesStart || config.start === null || config.start === undefined;
    this.startHint.textContent = usesStart ? 'or click the map to start there' : 'a strategy that samples the whole box has no start point';
    if (force) this.showStartError(null);
    if (config.start) {
      this.startX.setValue(num(config.start[0], 4).replace(/−/g, '-'));
      this.startY.setValue(num(config.start[1], 4).replace(/−/g, '-'));
    } else {
      this.startX.setValue('');
      this.startY.setValue('');
    }
    const placeholder = start ? start.map((v) => num(v, 3).replace(/−/g, '-')) : ['', ''];
    this.startX.input.placeholder = placeholder[0];
    this.startY.input.placeholder = placeholder[1];
    if (force) this.showGroupError(null);
  }
}
