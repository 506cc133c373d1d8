// The race's summary as the side card and state() show it: per strategy the median, least and
// greatest best-so-far over seeds at the current step (the core's bands; null before any).

import { el } from '../ui/dom.js';
import { num } from '../ui/format.js';

/** [{ strategy, median, min, max }] from the core's state (`bands`: a triple per strategy). */
export function summaryRows(labels, state) {
  const finite = (v) => (Number.isFinite(v) ? v : null);
  return labels.map((strategy, s) => ({
    strategy,
    median: finite(state.bands[3 * s]),
    min: finite(state.bands[3 * s + 1]),
    max: finite(state.bands[3 * s + 2]),
  }));
}

/** The summary as a definition list's children: the strategy, then "median [min, max]". */
export function summaryItems(labels, state) {
  const text = (v) => (v === null ? '—' : num(v, 4));
  return summaryRows(labels, state).flatMap((r) => [el('dt', {}, r.strategy), el('dd', {}, `${text(r.median)} [${text(r.min)}, ${text(r.max)}]`)]);
}
