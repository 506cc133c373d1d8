// The live panel: where the run stands, in numbers, and the update formula with the current
// numbers filled in (written by the core).

import { el, replaceChildren } from './dom.js';
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

export class Panel {
  constructor() {
    this.rows = {};
    const row = (key, label) => {
      const value = el('dd', { dataset: { value: key } });
      const term = el('dt', {}, label);
      this.rows[key] = { term, value, wrap: [term, value] };
      return [term, value];
    };
    this.statusBadge = el('span', { class: 'pg-badge', dataset: { status: 'ready' } }, 'Ready');
    this.statusReason = el('span', { class: 'pg-reason' });
    this.list = el('dl', { class: 'pg-stats' },
      row('step', 'Step'),
      row('evaluations', 'Evaluations'),
      row('theta', 'Current θ'),
      row('value', 'J(θ)'),
      row('gradient', '∇J(θ)'),
      row('gradientNorm', '‖∇J(θ)‖'),
      row('bestPoint', 'Best θ so far'),
      row('bestValue', 'Best J so far'));
    const explainBest = 'The lowest J among the points evaluated so far. A gradient step moves θ to a point that is evaluated at the next step, so J(θ) can already be lower.';
    for (const key of ['bestPoint', 'bestValue']) this.rows[key].term.title = explainBest;
    this.explanationTitle = el('h3', { class: 'pg-subtitle' }, 'This step');
    this.explanation = el('pre', { class: 'pg-explanation', 'aria-live': 'off' });
    this.element = el('section', { class: 'pg-card pg-panel', 'aria-label': 'Run read-out' },
      el('h2', { class: 'pg-card-title' }, 'Run'),
      el('div', { class: 'pg-status-line' }, this.statusBadge, this.statusReason),
      this.list,
      this.explanationTitle,
      this.explanation);
  }

  /** `view`: the playground's state() plus `axisNames`. */
  update(view) {
    const set = (key, text) => {
      if (this.rows[key].value.textContent !== text) this.rows[key].value.textContent = text;
    };
    const show = (key, visible) => {
      for (const node of this.rows[key].wrap) node.hidden = !visible;
    };
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
    if (this.statusBadge.dataset.status !== view.status) {
      this.statusBadge.dataset.status = view.status;
      this.statusBadge.textContent = statusLabel(view.status);
    }
    const reason = view.reason || '';
    if (this.statusReason.textContent !== reason) this.statusReason.textContent = reason;
    const explanation = view.explanation || '';
    if (this.explanation.textContent !== explanation) this.explanation.textContent = explanation;
  }

  clear() {
    replaceChildren(this.explanation);
  }
}
