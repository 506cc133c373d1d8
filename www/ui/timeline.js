// The run's timeline: a slider over the steps taken so far. Moving it back shows the run at that
// step — from the core's nearest kept snapshot, or else replayed from its start, which is
// deterministic (same settings and seed, same numbers) — and Play or Step from there go on
// exactly as the run first did.

import { el, uniqueId } from './dom.js';

/** The slider; `scrub(step)` moves the run. */
export class Timeline {
  constructor(scrub) {
    this.input = el('input', { type: 'range', id: uniqueId('pg-timeline'), min: '0', max: '0', value: '0', step: '1', dataset: { action: 'timeline' } });
    this.input.addEventListener('change', () => scrub(Number(this.input.value)));
    this.readout = el('span', { class: 'pg-timeline-at', 'aria-hidden': 'true' }, '0 / 0');
    this.element = el('label', { class: 'pg-timeline', for: this.input.id, title: 'Move back to see the run at an earlier step (←); Play goes on from there' }, 'Timeline', this.input, this.readout);
    this.shown = '';
  }

  /** Shows the run at `step` of `furthest` steps reached; `enabled` false when it cannot replay. */
  sync(step, furthest, enabled) {
    const key = `${step}|${furthest}|${enabled}`;
    if (key === this.shown || document.activeElement === this.input && this.input.matches(':active')) return;
    this.shown = key;
    this.input.max = String(furthest);
    this.input.value = String(step);
    this.input.disabled = !enabled || furthest === 0;
    this.input.setAttribute('aria-valuetext', `step ${step} of ${furthest}`);
    this.readout.textContent = `${step} / ${furthest}`;
  }
}
