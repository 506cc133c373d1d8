// The "Train a model" view's status: the strip above the plot (ready, running, paused, finished
// or why the run stopped, with the part of a step in hand), the same in words for screen
// readers (the step, the training loss and the test score), and the "This run" panel of numbers.
// Also the texts that name the run's step ("Epoch", "Generation"…) and sum its model up.

import { el } from '../ui/dom.js';
import { num } from '../ui/format.js';
import { Panel, statusLabel } from '../ui/panel.js';
import { last } from './history.js';

/** What one step of the run is called under configuration `c` ("Epoch", "Generation"…). */
export function stepLabel(c) {
  if (c.strategy.kind === 'genetic') return 'Generation';
  if (c.strategy.kind !== 'gradient') return 'Step (sample batch)';
  return c.stepUnit === 'epoch' || c.batch === 'full' ? 'Epoch' : 'Update (mini-batch)';
}

/**
 * The model in one line: what it is, its parameters, its loss (`st`: the run's state;
 * `classes`: the class names, or null).
 */
export function modelSummary(st, config, classes) {
  const m = config.model;
  if (!st.ready || !st.layerSizes.length) return 'The model is built once there is data to learn from.';
  const sizes = st.layerSizes;
  let what;
  if (m.hidden.length === 0) what = classes ? (classes.length > 2 ? 'Softmax (multinomial logistic) regression' : 'Logistic regression') : 'Linear regression';
  else what = `Network ${sizes.join(' → ')}, ${m.activation}`;
  const loss = classes ? (m.loss === 'mse' ? 'squared error' : 'cross-entropy') : 'squared error';
  const reg = m.regularization === 'none' ? '' : `, ${m.regularization.toUpperCase()} λ = ${num(m.regularizationRate)}`;
  return `${what}; ${st.parameters} parameters; loss: ${loss}${reg}`;
}

export class TrainingStatus {
  /**
   * `view`: the Train a model view whose run it tells (it reads its `session`, `st`, `hist`,
   * `config`, `source.loading`, `failure`, `lost`, `playing`, `announcer`, `classes()`,
   * `drawing()` and `displayStatus()`).
   */
  constructor(view) {
    this.view = view;
    this.strip = el('div', { class: 'pg-strip', dataset: { status: 'ready' } });
    this.panel = new Panel([
      ['step', 'Step'], ['evaluations', 'Evaluations'],
      ['trainLoss', 'Training loss'], ['trainScore', 'Training accuracy'],
      ['validationLoss', 'Validation loss'], ['validationScore', 'Validation accuracy'],
      ['testLoss', 'Test loss'], ['testScore', 'Test accuracy'],
      ['trainRmse', 'Training RMSE'], ['testRmse', 'Test RMSE'],
      ['parameters', 'Parameters'],
    ], 'This run');
    this.panel.element.classList.add('tr-run');
  }

  /** The panel's names of the step and the scores, for the configuration and data in force. */
  nameRows() {
    const names = { step: stepLabel(this.view.config), trainScore: 'Training', validationScore: 'Validation', testScore: 'Test' };
    this.panel.rows.step.term.textContent = names.step;
    const score = this.view.classes() ? 'accuracy' : 'R²';
    for (const key of ['trainScore', 'validationScore', 'testScore']) this.panel.rows[key].term.textContent = `${names[key]} ${score}`;
  }

  /** The strip and what screen readers are told, as the run is now. */
  show() {
    const view = this.view;
    const st = view.st;
    const loading = view.source.loading;
    const status = loading ? 'running' : view.displayStatus();
    let text = statusLabel(status);
    const reason = view.failure || st.reason;
    if (loading) text = loading;
    else if (!st.ready && view.drawing()) text = `Waiting for data — ${view.classes() ? 'add a few points of each class' : 'add a few points'}: see the plot`;
    else if (!st.ready) text = `Waiting for data — ${st.message}`;
    else if (status === 'diverged') {
      text += ` — ${reason}. ${view.config.strategy.kind === 'gradient' ? 'The learning rate α is too large here: lower it, then press Reset.' : 'Press Reset to start again.'} The last good model stays on screen.`;
    } else if (status === 'error') text = `Error — ${reason}`;
    else if (status === 'ready') text += ' — press Play or Step';
    else if (reason) text += ` — ${reason}`;
    else if (status === 'paused') text += ` after ${st.step} ${stepLabel(view.config).toLowerCase().replace(/ \(.*\)/, '')}${st.step === 1 ? '' : 's'}`;
    const progress = this.progress();
    if (progress) text += ` — ${progress}`;
    if (this.strip.textContent !== text) {
      this.strip.textContent = text;
      this.strip.title = view.drawing() ? text : '';
    }
    if (this.strip.dataset.status !== status) this.strip.dataset.status = status;
    view.announcer.say(this.announcement(text), view.playing);
  }

  /** The run in words for screen readers: the step, the losses and the test score, the status. */
  announcement(status) {
    const view = this.view;
    const st = view.st;
    if (!st.ready) return status;
    const h = view.hist;
    const loss = last(h.trainLoss);
    const test = last(h.testScore);
    const score = test === null ? '' : view.classes() ? `, test accuracy ${(100 * test).toFixed(1)} %` : `, test R² ${num(test, 4)}`;
    return `${stepLabel(view.config).replace(/ \(.*\)/, '')} ${st.step}: training loss ${num(loss, 4)}${score}. ${status}`;
  }

  /** The step being carried on across frames ("generation 3: 1200 of 2000 evaluated"), or null. */
  progress() {
    const view = this.view;
    if (!view.st.ready || view.source.loading || view.lost || view.failure) return null;
    return view.session.progress() || null;
  }

  /** The panel's numbers, status and explanation, as the run is now. */
  showPanel() {
    const view = this.view;
    const st = view.st;
    const h = view.hist;
    const p = this.panel;
    const classes = view.classes();
    const score = (v) => (v === null || !Number.isFinite(v) ? '—' : classes ? `${(100 * v).toFixed(1)} %` : num(v, 3));
    p.set('step', String(st.step));
    p.set('evaluations', String(st.evaluations));
    p.set('parameters', st.ready ? String(st.parameters) : '—');
    const value = (v) => (v === null || !Number.isFinite(v) ? '—' : num(v, 4));
    p.set('trainLoss', value(last(h.trainLoss)));
    p.set('validationLoss', value(last(h.validationLoss)));
    p.set('testLoss', value(last(h.testLoss)));
    p.set('trainScore', score(last(h.trainScore)));
    p.set('validationScore', score(last(h.validationScore)));
    p.set('testScore', score(last(h.testScore)));
    p.set('trainRmse', value(last(h.trainRmse)));
    p.set('testRmse', value(last(h.testRmse)));
    const validation = h.validationLoss.length > 0;
    p.show('validationLoss', validation);
    p.show('validationScore', validation);
    p.show('trainRmse', !classes && st.ready);
    p.show('testRmse', !classes && st.ready);
    p.setStatus(view.displayStatus(), view.failure || st.reason);
    p.setExplanation(st.explanation);
  }
}
