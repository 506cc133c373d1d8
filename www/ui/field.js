// Labelled form fields shared by every view's settings column: a number field with its range
// hint and an error line, a select, a seed field with its "New seed" button, and a number field
// with − / + buttons. A refused value marks the field with the message; nothing here decides
// what is valid (the caller and the core do).

import { el, uniqueId } from './dom.js';
import { bound } from './format.js';
import { fieldMax } from './catalog.js';
import { seedFieldSpec } from './fields.js';

/**
 * One labelled text field for a number, with its range hint and an error line.
 * `spec`: { key, id?, label, min, max, maxFrom?, integer?, table? } (numberSpec in catalog.js;
 * a field from the core's table carries its path as `data-setting`);
 * `onCommit(text)` runs when the value is committed (Enter, blur).
 */
export function numberField(spec, onCommit) {
  const id = uniqueId('pg-field');
  const input = el('input', {
    id, type: 'text', inputmode: spec.integer ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': `${id}-hint ${id}-error`, dataset: { key: spec.id || spec.key },
  });
  const hint = el('span', { class: 'pg-hint', id: `${id}-hint` });
  const error = el('div', { class: 'pg-error', id: `${id}-error`, role: 'alert', hidden: true });
  const dataset = spec.table ? { field: spec.id || spec.key, setting: spec.table.path } : { field: spec.id || spec.key };
  const root = el('div', { class: 'pg-field', dataset },
    el('label', { for: id }, spec.label), input, hint, error);
  input.addEventListener('change', () => onCommit(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.blur();
    }
  });
  return {
    spec, root, input, hint,
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
    /** Shows `value` in force (unless the field holds a refused entry) and the range for `settings`. */
    sync(value, settings = {}, force = false) {
      this.setRange(settings);
      if (force) this.clearError();
      if (!this.isInvalid()) this.setValue(value);
    },
  };
}

/** A labelled select; `choices` are { id, label } (or { group, choices } for an optgroup). */
export function selectField(label, choices, onChange, key) {
  const id = uniqueId('pg-select');
  const option = (c) => el('option', { value: c.id }, c.label);
  const select = el('select', { id, dataset: { key } },
    choices.map((c) => (c.group ? el('optgroup', { label: c.group }, c.choices.map(option)) : option(c))));
  select.addEventListener('change', () => onChange(select.value));
  const root = el('div', { class: 'pg-field', dataset: { field: key } }, el('label', { for: id }, label), select);
  return { root, select, show(visible) { root.hidden = !visible; } };
}

/**
 * The seed field with its "New seed" button. `onCommit(text)` as for numberField;
 * `onNewSeed()` returns the commit result ({ ok }) of a fresh seed.
 */
export function seedField(onCommit, onNewSeed, spec = seedFieldSpec(), title = 'Pick a fresh random seed (the run restarts)') {
  const field = numberField(spec, onCommit);
  const button = el('button', { type: 'button', class: 'pg-button pg-small', title }, 'New seed');
  button.addEventListener('click', () => {
    const result = onNewSeed();
    if (result && result.ok) field.clearError();
  });
  field.root.classList.add('pg-seed');
  field.root.appendChild(button);
  field.button = button;
  return field;
}

/**
 * A number field with − and + buttons on either side of the input (like TensorFlow
 * Playground's layer and neuron counts). `onStep(delta)` runs for a button press.
 */
export function stepperField(spec, onCommit, onStep) {
  const field = numberField(spec, onCommit);
  const minus = el('button', { type: 'button', class: 'pg-button pg-step-button', 'aria-label': `Fewer: ${spec.label}`, title: `Fewer (${spec.label})`, dataset: { step: '-1' } }, '−');
  const plus = el('button', { type: 'button', class: 'pg-button pg-step-button', 'aria-label': `More: ${spec.label}`, title: `More (${spec.label})`, dataset: { step: '1' } }, '+');
  minus.addEventListener('click', () => onStep(-1));
  plus.addEventListener('click', () => onStep(1));
  field.root.classList.add('pg-stepper');
  const box = el('div', { class: 'pg-stepper-box' });
  field.input.before(box);
  box.append(minus, field.input, plus);
  field.minus = minus;
  field.plus = plus;
  return field;
}

/** Shows `message` in `node` (hidden when there is none). */
export function showMessage(node, message) {
  node.textContent = message || '';
  node.hidden = !message;
}

/**
 * Marks a commit result: a refusal shows on `field` (its own error line) or, for a select or
 * a button (field null), on the group's error line `groupError`; success clears both.
 */
export function markResult(result, field, groupError) {
  if (!result) return result;
  if (!result.ok) {
    if (field) field.setError(result.error);
    else showMessage(groupError, result.error);
  } else {
    if (field) field.clearError();
    showMessage(groupError, null);
  }
  return result;
}
