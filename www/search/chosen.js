// The chosen candidate's fold models as they learnt. Its k fold models are trained again in a
// worker, exactly as its cross-validation trained them (the same seeds), recording every
// epoch: for the fold shown, the loss and the score on the rows it trained on and on the
// fold's own rows, which end at the fold's score in the leaderboard, and the network with its
// final weights. The drawing is the Train a model view's (draw/curves.js, draw/network.js).

import { el } from '../ui/dom.js';
import { num } from '../ui/format.js';
import { selectField } from '../ui/field.js';
import { fitCanvas, drawScale } from '../draw/plot.js';
import { SERIES, drawCurves } from '../draw/curves.js';
import { drawNetwork, layoutNetwork, outputNames } from '../draw/network.js';

export class ChosenPanel {
  /** `onFold(f)`: the fold shown changed to `f` (the caller marks that fold's picture). */
  constructor(onFold) {
    this.onFold = onFold;
    this.foldSelect = selectField('Fold shown', [], (value) => this.showFold(Number(value)), 'chosen-fold');
    this.status = el('p', { class: 'pg-note', 'aria-live': 'polite' });
    this.lossCanvas = el('canvas', { class: 'sr-chosen-loss', role: 'img', 'aria-label': 'The fold model\'s loss, epoch by epoch' });
    this.scoreCanvas = el('canvas', { class: 'sr-chosen-score', role: 'img', 'aria-label': 'The fold model\'s score, epoch by epoch' });
    this.caption = el('p', { class: 'pg-note sr-chosen-caption' });
    this.netCanvas = el('canvas', { class: 'sr-chosen-net', role: 'img', 'aria-label': 'The fold model\'s network with its final weights' });
    this.curves = el('div', { hidden: true }, this.lossCanvas, this.scoreCanvas, this.caption,
      el('h3', { class: 'pg-card-title' }, 'Its network, trained'), this.netCanvas,
      el('p', { class: 'pg-note' }, 'Orange: a positive weight, blue: a negative one, as thick as its size; each node is shaded by its bias.'));
    this.element = el('div', { class: 'sr-chosen' },
      el('h3', { class: 'pg-card-title' }, 'How its fold models learnt'), this.foldSelect.root, this.status, this.curves);
    this.candidate = null;
    this.records = null;
    this.error = null;
    this.fold = 0;
    this.width = 0;
  }

  /**
   * Shows candidate `c` (a leaderboard row; null: none). `context`: { record(candidate) →
   * Promise of its k fold records, metric, featureNames, classNames, theme, width }.
   */
  choose(c, context) {
    this.context = context;
    this.width = context.width;
    if (!c) {
      this.candidate = null;
      return;
    }
    if (this.candidate === c.candidate && (this.records || this.error)) {
      this.draw();
      return;
    }
    this.candidate = c.candidate;
    this.row = c;
    this.records = null;
    this.error = null;
    this.fold = 0;
    this.foldSelect.select.replaceChildren(...c.folds.map((f, i) => el('option', { value: String(i) }, `fold ${i + 1}`)));
    this.draw();
    const asked = c.candidate;
    context.record(asked).then((records) => {
      if (this.candidate !== asked) return;
      this.records = records;
      this.draw();
    }, (error) => {
      if (this.candidate !== asked || (error && error.cancelled)) return;
      this.error = error && error.message ? error.message : String(error);
      this.draw();
    });
  }

  /** Shows fold `f` of the chosen candidate. */
  showFold(f) {
    if (!this.row || !(f >= 0 && f < this.row.folds.length)) return;
    this.fold = f;
    this.draw();
  }

  /** Draws again at `width` CSS pixels when that changed. */
  fit(width) {
    if (width === this.width) return;
    this.width = width;
    this.draw();
  }

  draw() {
    if (this.candidate === null || !this.context) return;
    this.foldSelect.select.value = String(this.fold);
    this.onFold(this.fold);
    const k = this.row.folds.length;
    if (this.error) {
      this.setStatus(`Its fold models could not be trained again: ${this.error}`);
      this.curves.hidden = true;
      return;
    }
    if (!this.records) {
      this.setStatus(`Training its ${k} fold models again, recording every epoch…`);
      this.curves.hidden = true;
      return;
    }
    const r = this.records[this.fold];
    if (!r.curves) {
      this.setStatus(`Fold ${this.fold + 1} could not be trained again (${r.reason || 'its worker failed'}).`);
      this.curves.hidden = true;
      return;
    }
    this.setStatus('');
    this.curves.hidden = false;
    this.drawCurves(r, k);
    this.drawNet(r);
  }

  setStatus(text) {
    this.status.textContent = text;
    this.status.hidden = !text;
  }

  drawCurves(r, k) {
    const { metric, theme } = this.context;
    const c = r.curves;
    const steps = c.steps;
    const end = steps.length - 1;
    const common = { theme, steps, xTitle: 'epoch', cursor: end };
    const pair = (train, validation) => [
      { values: train, colour: SERIES.train },
      { values: validation, colour: SERIES.validation, dash: [6, 4] },
    ];
    const loss = fitCanvas(this.lossCanvas, this.width, 170 * drawScale(this.lossCanvas));
    drawCurves(this.lossCanvas.getContext('2d'), { ...loss, ...common, series: pair(c.trainLoss, c.validationLoss), yTitle: 'loss', allowLog: true });
    const classes = metric === 'accuracy';
    const score = fitCanvas(this.scoreCanvas, this.width, 170 * drawScale(this.scoreCanvas));
    drawCurves(this.scoreCanvas.getContext('2d'), {
      ...score, ...common, series: pair(c.trainScore, c.validationScore), yTitle: metric,
      fixed: classes ? [0, 1] : null, floor: classes ? undefined : -1,
    });
    const scored = this.row.folds[this.fold].score;
    const ending = scored === null
      ? 'its training diverged, so the fold is scored as failed.'
      : `its ${metric} on the fold's rows at the end, ${num(c.validationScore[end])}, is the fold's score in the leaderboard.`;
    this.caption.textContent = `Fold ${this.fold + 1}: trained on the other ${k - 1} folds for ${end} epochs (solid blue: those rows); dashed purple: the fold's own rows, never trained on. The dots mark the end: ${ending}`;
  }

  drawNet(r) {
    const { featureNames, classNames, theme } = this.context;
    const sizes = Array.from(r.layers);
    const height = Math.max(150, Math.min(300, Math.max(...sizes) * 22 + 40));
    const box = fitCanvas(this.netCanvas, this.width, height * drawScale(this.netCanvas));
    const layout = layoutNetwork(sizes, box.cssW, box.cssH);
    const last = sizes.length - 1;
    drawNetwork(this.netCanvas.getContext('2d'), {
      ...box, theme, sizes, theta: r.theta, layout,
      inputNames: featureNames, outputNames: outputNames(classNames),
      headers: sizes.map((n, l) => (l === 0 ? 'in' : l === last ? 'out' : `${l}`)),
    });
  }

  /** What the page shows of the chosen candidate (for tests): the last entry of each fold's curves. */
  state() {
    if (this.candidate === null) return null;
    return {
      candidate: this.candidate,
      fold: this.fold,
      status: this.error ? 'error' : this.records ? 'ready' : 'recording',
      error: this.error,
      folds: (this.records || []).map((r) => (r.curves ? {
        epochs: r.curves.steps.length - 1,
        lastValidationScore: r.curves.validationScore[r.curves.steps.length - 1],
        lastValidationLoss: r.curves.validationLoss[r.curves.steps.length - 1],
        firstTrainLoss: r.curves.trainLoss[0],
        lastTrainLoss: r.curves.trainLoss[r.curves.steps.length - 1],
        parameters: r.theta.length,
      } : null)),
    };
  }
}
