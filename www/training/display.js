// The Train a model view's display settings, TensorFlow Playground's "Show test data" and
// "Discretize output": checkboxes under the plot, built from the core's table (its `show.…`
// rows: label, link key, default, "applies mid-run"). They change only the picture, never the
// run, and travel in links like every other setting.

import { el, uniqueId } from '../ui/dom.js';
import { settingsTables } from '../ui/catalog.js';

/** The display settings' rows of the core's Train a model table. */
function rows() {
  return settingsTables().training.filter((spec) => spec.path.startsWith('show.'));
}

/** The name of a row's setting in the view's `show` options ("show.testData" → "testData"). */
function nameOf(spec) {
  return spec.path.slice('show.'.length);
}

/** The display settings at their defaults: `{ testData, discretize }`. */
export function displayDefaults() {
  return Object.fromEntries(rows().map((spec) => [nameOf(spec), spec.default]));
}

/** Why `show` options are refused (an object of known true/false settings), or null. */
export function checkDisplay(show) {
  if (show === null || typeof show !== 'object' || Array.isArray(show)) return 'show: must be an object';
  const names = rows().map(nameOf);
  for (const [name, value] of Object.entries(show)) {
    if (!names.includes(name)) return `show: unknown setting "${String(name).slice(0, 24)}"; choose among ${names.join(', ')}`;
    if (typeof value !== 'boolean') return `show.${name}: must be true or false`;
  }
  return null;
}

/** The checkboxes: `onChange(partial)` gets `{ [name]: checked }`. */
export class DisplayRow {
  constructor(onChange) {
    this.boxes = rows().map((spec) => {
      const id = uniqueId('tr-show');
      const input = el('input', { id, type: 'checkbox', dataset: { key: spec.key, setting: spec.path } });
      input.addEventListener('change', () => onChange({ [nameOf(spec)]: input.checked }));
      return { name: nameOf(spec), input, label: el('label', { class: 'tr-show-item', for: id }, input, ` ${spec.label}`) };
    });
    this.element = el('div', { class: 'tr-show', role: 'group', 'aria-label': 'Display' }, this.boxes.map((b) => b.label));
  }

  /** Shows the settings in force. */
  sync(show) {
    for (const box of this.boxes) box.input.checked = Boolean(show[box.name]);
  }
}
