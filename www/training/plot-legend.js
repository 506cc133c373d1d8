// The key to the "Train a model" view's plot: the colour of each row's point (its class, or its
// target on the ramp; on a fitted curve, one colour) and the legend under the plot that explains
// them with the marks of the training, validation and test rows and the misclassified rings.

import { el } from '../ui/dom.js';
import { classColour, rampColour } from '../draw/palette.js';

/**
 * The legend's items: `classes` (the class names, or null: regression), `curve` (a fitted curve
 * is drawn), `validation` (there are validation rows), `testData` (the test rows are shown).
 */
export function legendItems({ classes, curve, validation, testData }) {
  const items = [];
  const swatch = (cls, style) => el('span', { class: `tr-swatch ${cls}`, style, 'aria-hidden': 'true' });
  if (classes) {
    classes.slice(0, 8).forEach((name, k) => items.push(el('li', {}, swatch('tr-sw-class', { background: classColour(k) }), name)));
  } else if (curve) {
    items.push(el('li', {}, swatch('tr-sw-curve', {}), 'the model\'s curve ŷ(x)'));
  } else {
    items.push(el('li', {}, swatch('tr-sw-ramp', { background: `linear-gradient(90deg, ${rampColour(-1)}, ${rampColour(0)}, ${rampColour(1)})` }), 'low ← target → high'));
  }
  items.push(el('li', {}, swatch('tr-sw-train', {}), 'training'));
  if (validation) items.push(el('li', {}, swatch('tr-sw-val', {}), 'validation'));
  if (testData) items.push(el('li', {}, swatch('tr-sw-test', {}), 'test'));
  if (classes) items.push(el('li', {}, swatch('tr-sw-miss', {}), 'misclassified'));
  return items;
}

/**
 * Row colours, `(i) → CSS colour`: the class of `targets[i]` (`classes`: the class names, or
 * null), or the target on the ramp, standardized on the training rows (`roles`: 0 for a
 * training row; empty: all are); one colour when a fitted `curve` is drawn.
 */
export function rowColours({ classes, targets: t, roles, curve }) {
  if (classes) return (i) => classColour(t[i]);
  if (curve) return () => '#1d4ed8';
  let sum = 0;
  let n = 0;
  for (let i = 0; i < t.length; i += 1) {
    if (!roles.length || roles[i] === 0) {
      sum += t[i];
      n += 1;
    }
  }
  const mean = n ? sum / n : 0;
  let v = 0;
  for (let i = 0; i < t.length; i += 1) if (!roles.length || roles[i] === 0) v += (t[i] - mean) ** 2;
  const scale = n && v > 0 ? Math.sqrt(v / n) : 1;
  return (i) => rampColour((t[i] - mean) / scale / 2);
}
