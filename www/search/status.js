// The search view's status: the strip (ready, searching, paused, finished or the error), the
// polite text alternative, and the progress bar with its line (the candidate and fold in hand,
// and about how long the rest will take).

import { el } from '../ui/dom.js';
import { num } from '../ui/format.js';
import { Announcer } from '../ui/announcer.js';

const STATUS_TEXT = {
  ready: 'Ready — press Play or Step',
  running: 'Searching…',
  paused: 'Paused',
  finished: 'Finished',
  error: 'Error',
};

export class SearchStatus {
  constructor() {
    this.strip = el('div', { class: 'pg-strip', dataset: { status: 'ready' } });
    this.announcer = new Announcer();
    this.bar = el('progress', { class: 'sr-progress', max: '1', value: '0' });
    this.progressText = el('p', { class: 'sr-progress-text', 'aria-live': 'off' });
    this.progressRow = el('div', { class: 'sr-progress-row' }, this.bar, this.progressText);
  }

  /**
   * Shows the core's state `s` with the view's `status`, `failure`, whether it is `playing`,
   * and the run's `progress` of the step in hand ({ done, total, jobs, k, started }).
   */
  draw(s, { status: viewStatus, failure, playing, progress: p }) {
    const status = failure ? 'error' : viewStatus;
    let text = STATUS_TEXT[status];
    if (status === 'error') text = `Error — ${failure}`;
    if (status === 'finished') text = `Finished — ${s.evaluated} candidates scored by ${s.k}-fold cross-validation.`;
    if (this.strip.textContent !== text) this.strip.textContent = text;
    this.strip.dataset.status = status === 'finished' ? 'converged' : status;
    const best = s.candidates.find((c) => c.candidate === s.best);
    const score = best && Number.isFinite(best.mean) ? `; best mean CV ${s.metric} ${num(best.mean, 4)}` : '';
    this.announcer.say(`Step ${s.steps}: ${s.evaluated} of ${s.planned} candidates scored${score}. ${text}`, playing);
    const planned = Math.max(1, s.planned);
    const inStep = p.total ? p.done / p.total : 0;
    const stepShare = p.jobs ? p.jobs.length / planned : 0;
    this.bar.value = Math.min(1, s.evaluated / planned + (viewStatus === 'running' ? inStep * stepShare : 0));
    if (viewStatus === 'running' && p.jobs && p.total) {
      const first = p.jobs[0].candidate + 1;
      const doneInStep = Math.min(p.jobs.length, Math.floor(p.done / p.k));
      const fold = (p.done % p.k) + 1;
      const elapsed = (performance.now() - p.started) / 1000;
      const perJob = p.done > 0 ? elapsed / p.done : null;
      const left = perJob === null ? '' : ` · about ${num(perJob * (planned * p.k - (s.evaluated * p.k + p.done)), 2)} s left`;
      this.progressText.textContent = `candidate ${first + doneInStep} of ${s.planned} · fold ${fold} of ${p.k}${left}`;
    } else {
      this.progressText.textContent = `${s.evaluated} of ${s.planned} candidates scored`;
    }
  }
}
