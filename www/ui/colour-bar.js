// A colour bar beside a heatmap: which colour is which value (or class, and how sure). The
// strips' pixels come from the core (surfaceBar, classBar, valueBar: the heatmaps' own colour
// rules); this file only lays them out with their labels.

import { el, replaceChildren } from './dom.js';
import { num } from './format.js';

/** Pixels per strip (stretched to the bar's width). */
const STRIP = 256;

/** A strip canvas showing `rgba` (STRIP pixels, 1 high). */
function strip(rgba) {
  const canvas = el('canvas', { class: 'cb-strip', width: String(STRIP), height: '1', 'aria-hidden': 'true' });
  const pixels = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, STRIP * 4);
  canvas.getContext('2d').putImageData(new ImageData(pixels, STRIP, 1), 0, 0);
  return canvas;
}

/** The bar of the landscape heatmap: J from its lowest (t = 0) to its highest (t = 1), `levels(ts)` → J at each t. */
export function surfaceBarSpec(core, levels) {
  const ts = [0, 0.25, 0.5, 0.75, 1];
  const values = levels(ts);
  if (values.length !== ts.length) return null;
  return {
    title: 'J(θ) — colour scale (log-like: more shades near the minimum)',
    rows: [{ name: '', rgba: core.surfaceBar(STRIP) }],
    ticks: ts.map((t, i) => ({ at: t, label: num(values[i]) })),
    ends: [values[0], values[ts.length - 1]],
  };
}

/**
 * The bar of a model's picture: for classes (`classes`: their names) which colour is which
 * class and how sure the model is; for regression the value ramp, labelled with `valueRange`
 * ([low, high] target values at its ends) or, without one, in standard deviations.
 */
export function outputBarSpec(core, { classes, valueRange, target = 'ŷ' }) {
  if (classes && classes.length === 2) {
    return {
      title: 'Shading: the model\'s probability of each class',
      rows: [{ name: '', rgba: core.classBar(2, 0, STRIP) }],
      ticks: [{ at: 0, label: `${classes[0]} 100 %` }, { at: 0.5, label: '50 / 50' }, { at: 1, label: `${classes[1]} 100 %` }],
      ends: [classes[0], classes[1]],
    };
  }
  if (classes) {
    const chance = `1/${classes.length} (chance)`;
    return {
      title: 'Shading: the most probable class, deeper when the model is surer',
      rows: classes.slice(0, 8).map((name, k) => ({ name, rgba: core.classBar(classes.length, k, STRIP) })),
      ticks: [{ at: 0, label: chance }, { at: 1, label: '100 %' }],
      ends: [chance, '100 %'],
    };
  }
  const [lo, hi] = valueRange || [null, null];
  const labels = valueRange ? [`≤ ${num(lo)}`, num((lo + hi) / 2), `≥ ${num(hi)}`] : ['mean − 2 sd', 'mean', 'mean + 2 sd'];
  return {
    title: `Shading: the prediction ${target}`,
    rows: [{ name: '', rgba: core.valueBar(STRIP) }],
    ticks: labels.map((label, i) => ({ at: i / 2, label })),
    ends: valueRange ? [lo, hi] : [labels[0], labels[2]],
  };
}

/** A colour bar element; `show(spec)` fills it (null hides it). */
export class ColourBar {
  constructor() {
    this.title = el('figcaption', { class: 'cb-title' });
    this.rows = el('div', { class: 'cb-rows' });
    this.ticks = el('div', { class: 'cb-ticks' });
    this.element = el('figure', { class: 'colour-bar', hidden: true }, this.title, this.rows, this.ticks);
    this.key = '';
    this.spec = null;
  }

  /** Shows `spec` ({ title, rows: [{ name, rgba }], ticks: [{ at, label }], ends }), or hides the bar for null. */
  show(spec) {
    const key = spec ? JSON.stringify([spec.title, spec.rows.map((r) => r.name), spec.ticks, Array.from(spec.rows[0].rgba.slice(0, 8))]) : '';
    if (key === this.key) return;
    this.key = key;
    this.spec = spec;
    this.element.hidden = !spec;
    if (!spec) return;
    this.title.textContent = spec.title;
    const named = spec.rows.some((r) => r.name);
    this.element.classList.toggle('cb-named', named);
    replaceChildren(this.rows, spec.rows.map((r) => el('div', { class: 'cb-row' }, named ? el('span', { class: 'cb-name' }, r.name) : null, strip(r.rgba))));
    replaceChildren(this.ticks, spec.ticks.map((t) => el('span', { class: 'cb-tick', style: { left: `${100 * t.at}%` }, dataset: { at: String(t.at) } }, t.label)));
  }

  /** What the bar shows: { title, rows (names), ticks (labels), ends } or null. */
  state() {
    const s = this.spec;
    return s ? { title: s.title, rows: s.rows.map((r) => r.name), ticks: s.ticks.map((t) => t.label), ends: s.ends.slice() } : null;
  }
}
