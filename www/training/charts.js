// The "Train a model" view's charts: the loss and the score per step (training, validation and
// test, with marks where points were added or removed) in the curves card, and for population
// strategies the best and mean loss of each generation. Pointing at a chart puts a cursor on
// the same step in all of them, and the line under them reads that step's values.

import { el, replaceChildren } from '../ui/dom.js';
import { num } from '../ui/format.js';
import { fitCanvas, drawScale } from '../draw/plot.js';
import { MARK, SERIES, drawCurves } from '../draw/curves.js';

/** A legend entry for a chart line. */
function lineItem(colour, text, dash) {
  return el('li', {}, el('span', { class: `tr-line${dash ? ' tr-dashed' : ''}`, style: { borderColor: colour }, 'aria-hidden': 'true' }), text);
}

export class TrainingCharts {
  /** `cursorMoved()`: the cursor moved to another step (the caller redraws the charts). */
  constructor(cursorMoved) {
    this.cursorMoved = cursorMoved;
    /** The step the pointer is on (an index into the history), or null: the latest. */
    this.cursor = null;
    this.lossCanvas = el('canvas', { class: 'pg-chart', role: 'img', 'aria-label': 'Loss per step' });
    this.scoreCanvas = el('canvas', { class: 'pg-chart', role: 'img', 'aria-label': 'Score per step' });
    this.legend = el('ul', { class: 'pg-legend tr-series' });
    this.readout = el('p', { class: 'tr-curves-readout', 'aria-live': 'off' });
    /** The curves card. */
    this.element = el('section', { class: 'pg-card tr-curves' },
      el('h2', { class: 'pg-card-title' }, 'Loss and score'), this.lossCanvas, this.scoreCanvas, this.legend, this.readout);
    /** The generations' chart and its legend, for the population card. */
    this.fitnessCanvas = el('canvas', { class: 'pg-chart', role: 'img', 'aria-label': 'Best and mean loss of each generation' });
    this.fitnessLegend = el('ul', { class: 'pg-legend tr-series' }, lineItem(SERIES.best, 'best of the step'), lineItem(SERIES.mean, 'mean of the step', true));
  }

  /** Listens, with `on(target, type, fn)`, for the pointer over the charts. */
  listen(on) {
    for (const chart of [this.lossCanvas, this.scoreCanvas, this.fitnessCanvas]) {
      on(chart, 'pointermove', (e) => this.move(e, chart));
      on(chart, 'pointerleave', () => this.setCursor(null));
    }
  }

  /** Sizes the charts `sideW` CSS pixels wide (`scale`: the page's drawing scale). */
  layout(sideW, scale) {
    const lossH = Math.round(Math.min(180 * scale, sideW * 0.52));
    const scoreH = Math.round(Math.min(150 * scale, sideW * 0.44));
    this.lossSize = fitCanvas(this.lossCanvas, sideW, lossH);
    this.scoreSize = fitCanvas(this.scoreCanvas, sideW, scoreH);
    this.fitnessSize = fitCanvas(this.fitnessCanvas, sideW, scoreH);
  }

  /** The curves' legend: the validation line when there is validation data, the marks when there are some. */
  showLegend(validation, marks) {
    const items = [lineItem(SERIES.train, 'training')];
    if (validation) items.push(lineItem(SERIES.validation, 'validation', true));
    items.push(lineItem(SERIES.test, 'test'));
    if (marks) items.push(lineItem(MARK, 'points added or removed here', true));
    replaceChildren(this.legend, items);
  }

  /**
   * Draws history `hist` (see history.js): `classes` (the class names, or null: regression),
   * `ready` (there is a model), `population` (the generations' chart is shown), `theme`.
   */
  draw({ hist: h, classes, ready, population, theme }) {
    const steps = h.steps;
    const series = (train, validation, test) => {
      const out = [{ values: train, colour: SERIES.train }];
      if (validation.length) out.push({ values: validation, colour: SERIES.validation, dash: [6, 4] });
      out.push({ values: test, colour: SERIES.test });
      return out;
    };
    const empty = ready ? 'Take a step to start the curves' : 'No model yet';
    this.lossInfo = drawCurves(this.lossCanvas.getContext('2d'), {
      ...this.lossSize, theme, steps, series: series(h.trainLoss, h.validationLoss, h.testLoss),
      yTitle: 'loss', allowLog: true, cursor: this.cursor, empty, marks: h.dataChanges,
    });
    this.scoreInfo = drawCurves(this.scoreCanvas.getContext('2d'), {
      ...this.scoreSize, theme, steps, series: series(h.trainScore, h.validationScore, h.testScore),
      yTitle: classes ? 'accuracy' : 'R²', fixed: classes ? [0, 1] : null, floor: classes ? undefined : -1, cursor: this.cursor, empty, marks: h.dataChanges,
    });
    if (population && this.fitnessSize) {
      const offset = steps.length - h.generationBest.length;
      this.fitnessInfo = drawCurves(this.fitnessCanvas.getContext('2d'), {
        ...this.fitnessSize, theme, steps,
        series: [{ values: h.generationMean, colour: SERIES.mean, dash: [5, 4], offset }, { values: h.generationBest, colour: SERIES.best, offset }],
        yTitle: 'loss', allowLog: true, cursor: this.cursor, empty,
      });
    }
    this.readout.textContent = this.text(h, classes);
  }

  /** The values at the cursor (or the latest ones) of history `h`; `classes`: as for draw(). */
  text(h, classes) {
    const n = h.steps.length;
    if (!n) return '';
    const i = this.cursor === null || this.cursor >= n ? n - 1 : this.cursor;
    const at = (values, offset = 0) => {
      const v = values[i - offset];
      return v === undefined || !Number.isFinite(v) ? '—' : num(v, 4);
    };
    const pct = (values) => {
      const v = values[i];
      return v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)} %`;
    };
    const parts = [`step ${h.steps[i]}`, `loss: training ${at(h.trainLoss)}`];
    if (h.validationLoss.length) parts.push(`validation ${at(h.validationLoss)}`);
    parts.push(`test ${at(h.testLoss)}`);
    if (classes) {
      parts.push(`accuracy: training ${pct(h.trainScore)}`);
      if (h.validationScore.length) parts.push(`validation ${pct(h.validationScore)}`);
      parts.push(`test ${pct(h.testScore)}`);
    } else {
      parts.push(`R²: training ${at(h.trainScore)}`, `test ${at(h.testScore)}`);
      parts.push(`RMSE: training ${at(h.trainRmse)}`, `test ${at(h.testRmse)}`);
    }
    if (h.generationBest.length) {
      const offset = n - h.generationBest.length;
      parts.push(`generation: best ${at(h.generationBest, offset)}`, `mean ${at(h.generationMean, offset)}`);
    }
    return `${this.cursor === null ? 'Latest — ' : ''}${parts.join(', ').replace(/, (loss|accuracy|R²|RMSE|generation):/g, '; $1:')}`;
  }

  /** The pointer moved over `chart`: the cursor goes to the step under it. */
  move(event, chart) {
    const info = chart === this.lossCanvas ? this.lossInfo : chart === this.scoreCanvas ? this.scoreInfo : this.fitnessInfo;
    if (!info) return;
    const rect = chart.getBoundingClientRect();
    this.setCursor(info.indexAt((event.clientX - rect.left) / drawScale(chart)));
  }

  setCursor(index) {
    if (index === this.cursor) return;
    this.cursor = index;
    this.cursorMoved();
  }
}
