// The settings column: landscape, strategy and its own hyperparameters, seed and start.
// Each numeric field shows its allowed range; a refused value marks the field invalid with the
// core's message next to it, and the run in force is left untouched.

import { el, uniqueId } from './dom.js';
import { bound, num } from './format.js';
import { STRATEGIES, RULES, CROSSOVERS, STRATEGY_FIELDS, LANDSCAPE_FIELDS, SEED_FIELD, fieldMax, parseField } from './fields.js';

/** One labelled text field for a number, with its range hint and an error line. */
function numberField(spec, onCommit) {
  const id = uniqueId('pg-field');
  const input = el('input', {
    id, type: 'text', inputmode: spec.integer ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': `${id}-hint ${id}-error`, dataset: { key: spec.id || spec.key },
  });
  const hint = el('span', { class: 'pg-hint', id: `${id}-hint` });
  const error = el('div', { class: 'pg-error', id: `${id}-error`, role: 'alert', hidden: true });
  const root = el('div', { class: 'pg-field', dataset: { field: spec.id || spec.key } },
    el('label', { for: id }, spec.label), input, hint, error);
  input.addEventListener('change', () => onCommit(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.blur();
    }
  });
  return {
    spec, root, input,
    setValue(value) {
      if (document.activeElement === input && root.classList.contains('pg-invalid')) return;
      input.value = value === null || value === undefined ? '' : String(value);
    },
    setRange(settings) {
      const max = fieldMax(spec, settings);
      const text = `${bound(spec.min)} to ${bound(max)}${spec.integer ? ', whole' : ''}`;
      hint.textContent = text;
      input.title = `${spec.label}: ${spec.integer ? 'a whole number' : 'a number'} from ${bound(spec.min)} to ${bound(max)}`;
    },
    setError(message) {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      root.classList.add('pg-invalid');
    },
    clearError() {
      error.textContent = '';
      error.hidden = true;
      input.removeAttribute('aria-invalid');
      root.classList.remove('pg-invalid');
    },
    isInvalid() {
      return root.classList.contains('pg-invalid');
    },
    show(visible) {
      root.hidden = !visible;
    },
  };
}

function selectField(label, choices, onChange, key) {
  const id = uniqueId('pg-select');
  const select = el('select', { id, dataset: { key } }, choices.map((c) => el('option', { value: c.id }, c.label)));
  select.addEventListener('change', () => onChange(select.value));
  const root = el('div', { class: 'pg-field', dataset: { field: key } }, el('label', { for: id }, label), select);
  return { root, select, show(visible) { root.hidden = !visible; } };
}

/** The settings column. `commit(partialOptions)` applies a change and returns {ok, reset, error}. */
export class Controls {
  constructor({ catalog, commit, newSeed }) {
    this.commit = commit;
    this.config = null;
    this.groupError = el('div', { class: 'pg-error pg-group-error', role: 'alert', hidden: true });

    const landscapeSelect = selectField('Surface', catalog.map((c) => ({ id: c.id, label: c.label })),
      (id) => this.apply({ landscape: { id } }, null), 'landscape');
    this.landscapeSelect = landscapeSelect;
    this.landscapeFields = LANDSCAPE_FIELDS.map((spec) => numberField(spec, (text) => this.commitNumber(spec, text, 'landscape')));

    this.kindSelect = selectField('Strategy', STRATEGIES, (kind) => this.apply({ strategy: { kind } }, null), 'kind');
    this.ruleSelect = selectField('Update rule', RULES, (rule) => this.apply({ strategy: { rule } }, null), 'rule');
    this.crossoverSelect = selectField('Crossover', CROSSOVERS, (crossover) => this.apply({ strategy: { crossover } }, null), 'crossover');
    this.strategyFields = STRATEGY_FIELDS.map((spec) => numberField(spec, (text) => this.commitNumber(spec, text, 'strategy')));

    this.seedField = numberField(SEED_FIELD, (text) => this.commitNumber(SEED_FIELD, text, 'seed'));
    this.seedButton = el('button', { type: 'button', class: 'pg-button pg-small', title: 'Pick a fresh random seed (the run restarts)' }, 'New seed');
    this.seedButton.addEventListener('click', () => {
      const result = newSeed();
      if (result && result.ok) this.seedField.clearError();
    });
    this.seedField.root.appendChild(this.seedButton);

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

    // Strategy fields in reading order, the crossover choice right after the tournament size.
    const strategyNodes = [this.kindSelect.root, this.ruleSelect.root];
    for (const f of this.strategyFields) {
      strategyNodes.push(f.root);
      if (f.spec.key === 'tournament') strategyNodes.push(this.crossoverSelect.root);
    }

    this.element = el('aside', { class: 'pg-controls', 'aria-label': 'Settings' },
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Landscape'),
        landscapeSelect.root, this.landscapeFields.map((f) => f.root)),
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Strategy'), strategyNodes),
      el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Run'),
        this.seedField.root,
        el('div', { class: 'pg-row' }, this.startX.root, this.startY.root),
        this.startError,
        el('div', { class: 'pg-row pg-row-center' }, this.startDefault, this.startHint)),
      this.groupError,
      el('p', { class: 'pg-keys' },
        el('span', {}, 'Keys: '), el('kbd', {}, 'Space'), ' play/pause · ', el('kbd', {}, '→'), ' step · ', el('kbd', {}, 'R'), ' reset'));
  }

  /** Applies a change; a refusal from a select shows under the settings. */
  apply(partial, field) {
    const result = this.commit(partial);
    if (!result.ok) {
      if (field) field.setError(result.error);
      else this.showGroupError(result.error);
    } else {
      if (field) field.clearError();
      this.showGroupError(null);
    }
    return result;
  }

  showGroupError(message) {
    this.groupError.textContent = message || '';
    this.groupError.hidden = !message;
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
    const field = [...this.landscapeFields, ...this.strategyFields, this.seedField].find((f) => f.spec === spec);
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
    this.kindSelect.select.value = s.kind;
    this.ruleSelect.select.value = s.rule;
    this.crossoverSelect.select.value = s.crossover;
    this.ruleSelect.show(s.kind === 'gradient');
    this.crossoverSelect.show(s.kind === 'genetic');
    for (const f of this.landscapeFields) {
      const visible = f.spec.show(l);
      f.show(visible);
      f.setRange(s);
      if (force || !visible) f.clearError();
      if (!f.isInvalid()) f.setValue(l[f.spec.key]);
    }
    for (const f of this.strategyFields) {
      const visible = f.spec.show(s);
      f.show(visible);
      f.setRange(s);
      if (force || !visible) f.clearError();
      if (!f.isInvalid()) f.setValue(s[f.spec.key]);
    }
    this.seedField.setRange(s);
    if (force) this.seedField.clearError();
    if (!this.seedField.isInvalid()) this.seedField.setValue(config.seed);
    this.effectiveStart = start;
    const startLabel = config.strategy.kind === 'genetic' ? 'Centre' : 'Start';
    this.startX.root.querySelector('label').textContent = `${startLabel} ${axes[0]}`;
    this.startY.root.querySelector('label').textContent = `${startLabel} ${axes[1]}`;
    const usesStart = config.strategy.kind !== 'random-global';
    for (const f of [this.startX, this.startY]) f.input.disabled = !usesStart;
    this.startDefault.disabled = !usesStart || config.start === null || config.start === undefined;
    this.startHint.textContent = usesStart ? 'or click the map to start there' : 'global sampling has no start point';
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
