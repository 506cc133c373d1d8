// What the "Train a model" view's options may be and what its link carries: the check of the
// options the core does not judge, the options that reproduce a run (what the URL stores), and
// what a link to the page leaves out (a CSV file; drawn points too many for a link), shown in a
// note under the plot.

import { el } from '../ui/dom.js';
import { checkRunOptions } from '../ui/runbar.js';
import { checkDisplay } from './display.js';
import { DATA_IDS, dataKind, pointsFitLink } from './options.js';

/** Checks the parts of the options the core does not see: the problem, or null. */
export function checkOptions(options) {
  const shared = checkRunOptions(options);
  if (shared) return shared;
  for (const key of ['data', 'config']) {
    if (key in options && (options[key] === null || typeof options[key] !== 'object' || Array.isArray(options[key]))) {
      return `${key}: must be an object`;
    }
  }
  if ('show' in options) {
    const problem = checkDisplay(options.show);
    if (problem) return problem;
  }
  if (options.data && 'id' in options.data && !DATA_IDS.includes(options.data.id)) {
    return `data: unknown dataset "${String(options.data.id).slice(0, 24)}"; choose one of ${DATA_IDS.join(', ')}`;
  }
  if (options.data && 'drawn' in options.data) {
    const d = options.data.drawn;
    const point = (p) => Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (!Array.isArray(d) || !d.every(point)) return 'data drawn: must be a list of points [u, v, class] (or [x, y])';
  }
  if (options.data && 'seed' in options.data && !(Number.isInteger(options.data.seed) && options.data.seed >= 0 && options.data.seed <= 4294967295)) {
    return `data seed: must be a whole number from 0 to 4294967295 (got ${String(options.data.seed).slice(0, 24)})`;
  }
  return null;
}

/** Whether the data on screen (or chosen) is the user's CSV file, which no link carries. */
function csvShown(data, pickedId) {
  return data.id === 'csv' || pickedId === 'csv';
}

/**
 * The options that reproduce a run (what the URL stores): `data` (the data options in force),
 * `pickedId` (the data chosen in the menu), `drawn` (the points drawn by hand), `config` (the
 * core's configuration), `speed`, `controls` and `show` as the view has them.
 */
export function runOptions({ data: asked, pickedId, drawn, config: c, speed, controls, show }) {
  const id = csvShown(asked, pickedId) ? 'csv' : asked.id;
  const data = { id };
  if (dataKind(id) === 'synthetic') Object.assign(data, { points: asked.points, noise: asked.noise, seed: asked.seed });
  if (drawn.length && id !== 'csv') data.drawn = drawn;
  return {
    data,
    config: { ...c, model: { ...c.model, hidden: c.model.hidden.slice() }, strategy: { ...c.strategy }, displayFeatures: c.displayFeatures ? c.displayFeatures.slice() : null },
    speed,
    controls,
    show: { ...show },
  };
}

/**
 * What the view's link cannot carry: `{ message, refused }` — `refused` when sharing the link
 * would silently lose what is on screen (drawn points too many for a link). `drawn()` gives
 * the points drawn by hand (asked only when the data is not a CSV file).
 */
export function linkLimit(data, pickedId, drawn) {
  if (csvShown(data, pickedId)) {
    return { message: 'A link cannot carry your CSV file: this page\'s link keeps the settings, and whoever opens it loads the file again.', refused: false };
  }
  const points = drawn();
  if (points.length && !pointsFitLink(points)) {
    return { message: `This page's link keeps the settings but not your ${points.length} drawn points: there are too many for a link.`, refused: true };
  }
  return { message: '', refused: false };
}

/** The note under the plot that says what a link to the page leaves out (hidden when nothing). */
export class LinkNote {
  constructor() {
    this.element = el('p', { class: 'pg-note tr-link-note', hidden: true });
  }

  /** Shows `message` ('' hides the note). */
  show(message) {
    if (this.element.textContent !== message) this.element.textContent = message;
    this.element.hidden = !message;
  }
}
