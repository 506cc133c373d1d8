// The search view's settings, built from the core's table (`searchSettingsTable()`): every
// field's label, range hint, default and link key come from there, and the core checks the
// values. This module turns the table into form fields and into the view's link keys.
//
//   #view=search&data=spiral&strategy=evolution&n=40&pop=8&layers=0,3&neurons=2,16
//    &acts=relu,tanh&rules=adam&lr=0.003,0.3&epochs=60&folds=5&seed=1

import { el, uniqueId } from '../ui/dom.js';
import { bound } from '../ui/format.js';
import { readNumber } from '../state.js';

/** What the menus show for a choice's name, where the name alone reads poorly. */
const CHOICE_LABELS = {
  grid: 'Grid search',
  random: 'Random search',
  evolution: 'Evolutionary search',
  halving: 'Successive halving',
};

/** The value at dotted `path` of `object`. */
export function getPath(object, path) {
  return path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), object);
}

/** `partial` settings laid over `base`, path by path (arrays replace). */
export function mergeSettings(base, partial) {
  let merged = base;
  const walk = (node, prefix) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value && typeof value === 'object' && !Array.isArray(value)) walk(value, path);
      else merged = withPath(merged, path, value);
    }
  };
  walk(partial, '');
  return merged;
}

/** A copy of `object` with `value` at dotted `path`. */
export function withPath(object, path, value) {
  const keys = path.split('.');
  const copy = { ...object };
  let node = copy;
  keys.slice(0, -1).forEach((key) => {
    node[key] = { ...(node[key] || {}) };
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
  return copy;
}

/** The settings object holding every default of the table. */
export function defaultSettings(table) {
  return table.reduce((settings, spec) => withPath(settings, spec.path, spec.default), {});
}

/** Whether `spec` applies to the strategy of `settings`. */
export function applies(spec, settings) {
  return !spec.strategies.length || spec.strategies.includes(getPath(settings, 'strategy.kind'));
}

/** A value as its link text ("0,3" for ranges, "relu,tanh" for sets, 1/0 for flags). */
export function writeValue(spec, value) {
  if (spec.kind === 'flag') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** A link or field text read as the spec's kind, or undefined when it does not parse. */
export function readValue(spec, text) {
  const raw = String(text).trim();
  switch (spec.kind) {
    case 'count': {
      const n = readNumber(raw);
      return Number.isInteger(n) && n >= 0 ? n : undefined;
    }
    case 'number':
      return readNumber(raw);
    case 'count-range':
    case 'log-range': {
      const parts = raw.split(/\s*[,–]\s*|\s+to\s+/).map(readNumber);
      if (parts.length === 1 && parts[0] !== undefined) return [parts[0], parts[0]];
      const whole = spec.kind === 'count-range';
      return parts.length === 2 && parts.every((v) => v !== undefined && (!whole || (Number.isInteger(v) && v >= 0))) ? parts : undefined;
    }
    case 'choice':
      return spec.choices.includes(raw) ? raw : undefined;
    case 'choices': {
      const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
      return names.length && names.every((n) => spec.choices.includes(n)) ? [...new Set(names)] : undefined;
    }
    case 'flag':
      return raw === '1' ? true : raw === '0' ? false : undefined;
    default:
      return undefined;
  }
}

/** The link's key=value pairs for `settings` (only the settings the strategy uses). */
export function encodeSettings(table, settings) {
  return table.filter((spec) => applies(spec, settings))
    .map((spec) => [spec.key, writeValue(spec, getPath(settings, spec.path))]);
}

/** The hint under a field: its allowed range. */
function hint(spec) {
  switch (spec.kind) {
    case 'count':
      return `${bound(spec.min)} to ${bound(spec.max)}, whole`;
    case 'number':
      return `${bound(spec.min)} to ${bound(spec.max)}`;
    case 'count-range':
      return `smallest, largest: ${bound(spec.min)} to ${bound(spec.max)}`;
    case 'log-range':
      return `smallest, largest: ${bound(spec.min)} to ${bound(spec.max)} (log scale)`;
    default:
      return '';
  }
}

/**
 * The settings column's search fields. `commit(path, value)` applies one change and returns (a
 * Promise of) { ok, error }; a refused change marks its field.
 */
export class SearchFields {
  constructor(table, commit) {
    this.fields = table.map((spec) => this.field(spec, commit));
    this.element = el('div', { class: 'sr-fields' }, this.fields.map((f) => f.root));
  }

  field(spec, commit) {
    const id = uniqueId('sr-field');
    const error = el('div', { class: 'pg-error', role: 'alert', hidden: true });
    const mark = (result) => {
      error.textContent = result && !result.ok ? result.error : '';
      error.hidden = !(result && !result.ok);
    };
    const send = (value) => (value === undefined
      ? mark({ ok: false, error: `${spec.label}: expected ${hint(spec) || 'a valid value'}` })
      : Promise.resolve(commit(spec.path, value)).then(mark));
    let input;
    let show;
    if (spec.kind === 'choice') {
      input = el('select', { id, dataset: { key: spec.key } }, spec.choices.map((c) => el('option', { value: c }, CHOICE_LABELS[c] || c)));
      input.addEventListener('change', () => send(input.value));
      show = (value) => { input.value = value; };
    } else if (spec.kind === 'flag') {
      input = el('input', { id, type: 'checkbox', dataset: { key: spec.key } });
      input.addEventListener('change', () => send(input.checked));
      show = (value) => { input.checked = Boolean(value); };
    } else if (spec.kind === 'choices') {
      const boxes = spec.choices.map((c) => {
        const box = el('input', { type: 'checkbox', value: c, dataset: { key: `${spec.key}-${c}` } });
        box.addEventListener('change', () => send(boxes.filter((b) => b.checked).map((b) => b.value)));
        return { box, label: el('label', { class: 'sr-choice' }, box, ` ${c}`) };
      }).map(({ box, label }) => Object.assign(box, { labelEl: label }));
      input = el('div', { class: 'sr-choices', role: 'group', 'aria-labelledby': `${id}-label` }, boxes.map((b) => b.labelEl));
      show = (value) => boxes.forEach((b) => { b.checked = (value || []).includes(b.value); });
    } else {
      input = el('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', dataset: { key: spec.key } });
      input.addEventListener('change', () => send(readValue(spec, input.value)));
      show = (value) => {
        if (document.activeElement !== input || error.hidden) input.value = writeValue(spec, value).replace(',', ', ');
      };
    }
    const label = spec.kind === 'choices'
      ? el('span', { class: 'sr-label', id: `${id}-label` }, spec.label)
      : el('label', { for: id }, spec.label);
    const root = el('div', { class: spec.kind === 'choices' ? 'pg-field sr-set' : 'pg-field', dataset: { field: spec.path } }, label, input,
      hint(spec) ? el('span', { class: 'pg-hint' }, hint(spec)) : null, error);
    return { spec, root, show, clear: () => mark(null) };
  }

  /** Shows `settings` in force; hides the fields its strategy does not use. */
  sync(settings, { clearErrors = false } = {}) {
    for (const f of this.fields) {
      f.root.hidden = !applies(f.spec, settings);
      if (clearErrors) f.clear();
      f.show(getPath(settings, f.spec.path));
    }
  }
}
