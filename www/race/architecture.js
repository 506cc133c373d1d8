// A race on a model's architecture, as the Race view shows it: its space and folds (the Search
// view's fields, built from the core's race table), the strategies a lane can run, and each
// lane's card: the first seed's best candidate so far in words, its CV error and its fold
// model's picture over the data.

import { SearchFields, withPath } from '../search/settings.js';
import { settingsTables, specAt } from '../ui/catalog.js';
import { fitCanvas } from '../draw/plot.js';
import { drawFoldPicture } from '../draw/search-charts.js';
import { num } from '../ui/format.js';

/** The strategies a lane can run on architectures (the Search view's). */
export const ARCHITECTURE_LANES = [
  { id: 'grid', label: 'Grid search', strategy: { kind: 'grid' } },
  { id: 'random', label: 'Random search', strategy: { kind: 'random' } },
  { id: 'evolution', label: 'Evolution', strategy: { kind: 'evolution' } },
  { id: 'halving', label: 'Successive halving', strategy: { kind: 'halving' } },
];

/** The race table's rows of a race on architectures. */
function rows() {
  return settingsTables().race.filter((spec) => spec.path.startsWith('architecture.'));
}

/** The space and folds: `given` over `base` (by default the table's defaults). */
export function architectureOf(given = {}, base = null) {
  const d = (path) => specAt('race', `architecture.${path}`).default;
  const from = base || { space: { layers: d('space.layers'), neurons: d('space.neurons'), epochs: d('space.epochs') }, folds: d('folds') };
  return { ...from, ...given, space: { ...from.space, ...(given.space || {}) } };
}

/** "0–2 hidden layers of 2–16, 3-fold CV, 40 epochs". */
export function architectureLabel(a) {
  const [l0, l1] = a.space.layers;
  const [n0, n1] = a.space.neurons;
  return `${l0}–${l1} hidden layers of ${n0}–${n1}, ${a.folds}-fold CV, ${a.space.epochs} epochs`;
}

/** The space and folds fields; `set(partial architecture)` applies a change → { ok, error }. */
export class ArchitectureFields {
  constructor(set) {
    this.fields = new SearchFields(rows(), (path, value) => set(withPath({}, path, value).architecture));
    this.element = this.fields.element;
  }

  /** Shows `architecture` in force. */
  sync(architecture) {
    this.fields.sync({ architecture });
  }

  show(visible) {
    this.element.hidden = !visible;
  }
}

/**
 * Draws a lane's card: the best candidate's fold model (`best.picture`, RGBA of `best.size`
 * pixels square over `training.bounds`, put on the card's off-screen `layer`) with every row, or
 * the rows alone before there is one.
 */
export function drawArchitectureLane(canvas, layer, cssW, cssH, { best, training, theme }) {
  const fit = fitCanvas(canvas, cssW, cssH);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const picture = best && best.picture;
  drawFoldPicture(ctx, {
    dpr: fit.dpr, cssW: fit.cssW, cssH: fit.cssH, size: picture ? best.size : 1, layer, rgba: picture || new Uint8Array(4), ...training,
  });
}

/** The card's line: the best candidate so far in words and its CV error. */
export function architectureCaption(best, seed) {
  if (!best || best.candidate === null) {
    const spent = best ? ` after ${num(best.evaluations, 3)} evaluations` : '';
    return `seed ${seed}: no candidate trained for the full epochs yet${spent}`;
  }
  return `seed ${seed}: best CV error ${num(best.error, 3)} after ${num(best.evaluations, 3)} evaluations — ${best.description} (${best.parameters} parameters)`;
}

/** A first-seed lane's best candidate, as the view's state() gives it (null: none yet). */
export function bestOf(best) {
  return best && best.candidate !== null ? { description: best.description, error: best.error, parameters: best.parameters } : null;
}
