// The live panel: where the run stands, in numbers, and the update formula with the current
// numbers filled in (written by the core).

import { el } from './dom.js';
import { num, vec } from './format.js';

const STATUS_TEXT = {
  ready: 'Ready',
  running: 'Running',
  paused: 'Paused',
  converged: 'Converged',
  diverged: 'Diverged',
  'budget-spent': 'Budget spent',
  error: 'Error',
};

/** The label and CSS modifier for a status. */
export function statusLabel(status) {
  return STATUS_TEXT[status] || status;
}

/** The Landscapes view's rows: [key, label]. */
const LANDSCAPE_ROWS = [
  ['step', 'Step'],
  ['evaluations', 'Evaluations'],
  ['theta', 'Current θ'],
  ['value', 'J(θ)'],
  ['gradient', '∇J(θ)'],
  ['gradientNorm', '‖∇J(θ)‖'],
  ['bestPoint', 'Best θ so far'],
  ['bestValue', 'Best J so far'],
];

/**
 * The run card: a status badge with its reason, rows of numbers and the current step's
 * formula. `rows` ([key, label] pairs) default to the Landscapes view's.
 */
export class Panel {
  constructor(rows = LANDSCAPE_ROWS, title = 'Run') {
    this.rows = {};
    const row = ([key, label]) => {
      const value = el('dd', { dataset: { value: key } });
      const term = el('dt', {}, label);
      this.rows[key] = { term, value, wrap: [term, value] };
      return [term, value];
    };
    this.statusBadge = el('span', { class: 'pg-badge', dataset: { status: 'ready' } }, 'Ready');
    this.statusReason = el('span', { class: 'pg-reason' });
    this.list = el('dl', { class: 'pg-stats' }, rows.map(row));
    if (this.rows.bestPoint) {
      const explainBest = 'The lowest J among the points evaluated so far, the current θ included.';
      for (const key of ['bestPoint', 'bestValue']) this.rows[key].term.title = explainBest;
    }
    this.explanationTitle = el('h3', { class: 'pg-subtitle' }, 'This step');
    this.explanation = el('pre', { class: 'pg-explanation', 'aria-live': 'off' });
    this.element = el('section', { class: 'pg-card pg-panel', 'aria-label': 'Run read-out' },
      el('h2', { class: 'pg-card-title' }, title),
      el('div', { class: 'pg-status-line' }, this.statusBadge, this.statusReason),
      this.list,
      this.explanationTitle,
      this.explanation);
  }

  /** Sets a row's value (only touching the DOM when it changed). */
  set(key, text) {
    if (this.rows[key].value.textContent !== text) this.rows[key].value.textContent = text;
  }

  /** Shows or hides a row. */
  show(key, visible) {
    for (const node of this.rows[key].wrap) node.hidden = !visible;
  }

  /** The status badge and its reason. */
  setStatus(status, reason) {
    if (this.statusBadge.dataset.status !== status) {
      this.statusBadge.dataset.status = status;
      this.statusBadge.textContent = statusLabel(status);
    }
    const text = reason || '';
    if (this.statusReason.textContent !== text) this.statusReason.textContent = text;
  }

  /** The current step's formula with its numbers. */
  setExplanation(text) {
    const value = text || '';
    if (this.explanation.textContent !== value) this.explanation.textContent = value;
  }

  /** `view`: the playground's state() plus `axisNames`. */
  update(view) {
    const set = (key, text) => this.set(key, text);
    const show = (key, visible) => this.show(key, visible);
    const theta = view.axisNames[0] === 'w' ? 'θ = (w, b)' : 'θ';
    this.rows.theta.term.textContent = view.strategy === 'genetic' ? `Best individual ${theta}` : `Current ${theta}`;
    set('step', view.strategy === 'genetic' ? `${view.step} (generation)` : String(view.step));
    set('evaluations', String(view.evaluations));
    set('theta', vec(view.position, 4));
    set('value', num(view.value, 4));
    show('gradient', view.strategy === 'gradient');
    show('gradientNorm', view.strategy === 'gradient');
    set('gradient', view.gradient ? vec(view.gradient, 3) : '—');
    set('gradientNorm', view.gradient ? num(Math.hypot(view.gradient[0], view.gradient[1]), 3) : '—');
    set('bestPoint', view.bestPoint && view.bestValue !== null ? vec(view.bestPoint, 4) : '—');
    set('bestValue', view.bestValue !== null ? num(view.bestValue, 4) : '—');
    this.setStatus(view.status, view.reason);
    this.setExplanation(view.explanation);
  }
}
