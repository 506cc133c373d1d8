// What the search view shows of the candidates scored: the rows coloured by fold, every
// candidate across the hyperparameters (parallel coordinates), the winner with its held-out
// test score, the best CV score so far, the score against size or one hyperparameter, and the
// chosen candidate's k fold models side by side, with how they learnt (search/chosen.js).

import { ColourBar, outputBarSpec } from '../ui/colour-bar.js';
import { el, replaceChildren } from '../ui/dom.js';
import { num } from '../ui/format.js';
import { selectField } from '../ui/field.js';
import { fitCanvas, drawScale } from '../draw/plot.js';
import { ChosenPanel } from './chosen.js';
import {
  BEST_AXES, drawBestSoFar, drawScoreVsSize, drawScoreAgainst, drawFolds, drawFoldPicture, drawParallel, drawGenerations, HYPER_AXES,
} from '../draw/search-charts.js';

const planes = new WeakMap();

/**
 * The first two columns of the rows (or the feature against the target), for drawing; made
 * once per dataset.
 */
function plane(parts, n) {
  if (planes.has(parts)) return planes.get(parts);
  const d = parts.featureNames.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    xs[i] = parts.features[i * d];
    ys[i] = d > 1 ? parts.features[i * d + 1] : (parts.values ? parts.values[i] : 0);
  }
  const made = { xs, ys, xTitle: parts.featureNames[0], yTitle: d > 1 ? parts.featureNames[1] : 'target' };
  planes.set(parts, made);
  return made;
}

export class SearchPictures {
  /** `train()`: opens the chosen candidate in the Train a model view; `redraw()`: draws again. */
  constructor({ train, redraw }) {
    this.foldCanvas = el('canvas', { class: 'sr-folds', role: 'img', 'aria-label': 'Rows coloured by fold' });
    this.foldCaption = el('p', { class: 'pg-note' });
    this.parallelCanvas = el('canvas', { class: 'sr-parallel', role: 'img', 'aria-label': 'Parallel coordinates of the searched hyperparameters' });
    this.generationsTitle = el('h3', { class: 'pg-card-title' });
    this.generationsCanvas = el('canvas', { class: 'sr-generations', role: 'img', 'aria-label': 'Candidates step by step, parents linked to children' });
    this.generationsNote = el('p', { class: 'pg-note' });
    this.generations = el('div', { class: 'sr-generations-box', hidden: true }, this.generationsTitle, this.generationsCanvas, this.generationsNote);
    this.stageNodes = [this.generations, this.foldCanvas, this.foldCaption,
      el('h3', { class: 'pg-card-title' }, 'Every candidate across the hyperparameters'), this.parallelCanvas,
      el('p', { class: 'pg-note' }, 'One line per candidate, deeper blue for a higher CV score (dashed grey: failed). Click a leaderboard row to thicken its line.')];

    this.winnerBox = el('div', { class: 'sr-winner', 'aria-live': 'polite' });
    this.bestCanvas = el('canvas', { class: 'pg-chart', role: 'img', 'aria-label': 'Best cross-validation score so far' });
    this.bestAxis = selectField('x axis', BEST_AXES, redraw, 'best-against');
    this.against = selectField('Score against', [{ id: 'parameters', label: 'parameters (the Pareto front)' }, ...HYPER_AXES.map((a) => ({ id: a.id, label: a.label }))], redraw, 'against');
    this.sizeCanvas = el('canvas', { class: 'pg-chart', role: 'img', 'aria-label': 'Score against parameter count' });
    this.sizeNote = el('p', { class: 'pg-note' }, 'Dashed: the Pareto front — no other candidate is both smaller and better.');
    this.detail = el('div', { class: 'sr-detail' });
    this.trainButton = el('button', { type: 'button', class: 'pg-button', dataset: { action: 'train-this' }, hidden: true }, 'Train this one');
    this.trainButton.addEventListener('click', train);
    this.colourBar = new ColourBar();
    this.chosen = new ChosenPanel((f) => (this.figures || []).forEach((figure, i) => figure.classList.toggle('sr-shown', i === f)));
    this.sideNodes = [
      el('section', { class: 'pg-card' }, el('h2', { class: 'pg-card-title' }, 'Winner'), this.winnerBox),
      el('section', { class: 'pg-card' }, el('h2', { class: 'pg-card-title' }, 'Best CV score so far'), this.bestAxis.root, this.bestCanvas),
      el('section', { class: 'pg-card' }, el('h2', { class: 'pg-card-title' }, 'What made a good candidate'), this.against.root, this.sizeCanvas, this.sizeNote),
      el('section', { class: 'pg-card' }, el('h2', { class: 'pg-card-title' }, 'Chosen candidate'), this.detail, this.trainButton),
    ];
  }

  /**
   * Draws snapshot `s` (the session's state). `view`: { parts, foldOf, bounds, foldImages
   * (candidate → k RGBA pictures), pictureSize, selected, theme, stageWidth, kind (the
   * strategy), times (candidate → its folds' training ms), record (candidate → Promise of
   * its fold records) }.
   */
  draw(s, view) {
    this.drawCharts(s, view);
    this.drawStage(s, view);
    this.drawGenerations(s, view);
    this.drawWinner(s);
    this.drawDetail(s, view);
  }

  drawCharts(s, { selected, theme, times }) {
    const width = Math.max(240, this.bestCanvas.parentElement.clientWidth - 28);
    const best = fitCanvas(this.bestCanvas, width, 200 * drawScale(this.bestCanvas));
    const seconds = this.bestAxis.select.value === 'time' ? s.candidates.map((c) => (times.get(c.candidate) || 0) / 1000) : null;
    drawBestSoFar(this.bestCanvas.getContext('2d'), { ...best, theme, scores: s.candidates.map((c) => c.mean), metric: s.metric, seconds });
    const size = fitCanvas(this.sizeCanvas, width, 200 * drawScale(this.sizeCanvas));
    const against = HYPER_AXES.find((a) => a.id === this.against.select.value);
    this.sizeNote.hidden = Boolean(against);
    if (against) {
      drawScoreAgainst(this.sizeCanvas.getContext('2d'), { ...size, theme, metric: s.metric, selected, candidates: s.candidates, axis: against });
    } else {
      drawScoreVsSize(this.sizeCanvas.getContext('2d'), {
        ...size, theme, metric: s.metric, selected,
        points: s.candidates.map((c) => ({ candidate: c.candidate, parameters: c.parameters, score: c.mean })),
      });
    }
  }

  /**
   * Evolution's generations or successive halving's rungs, the latest last (at most 8 rows):
   * every candidate's first fold model, parents linked to children, survivors ringed.
   */
  drawGenerations(s, { foldImages, pictureSize, selected, theme, stageWidth, kind }) {
    const stepped = kind === 'evolution' || kind === 'halving';
    this.generations.hidden = !stepped || !s.candidates.length;
    if (this.generations.hidden) return;
    const halving = kind === 'halving';
    const byStep = new Map();
    for (const c of s.candidates) {
      if (!byStep.has(c.step)) byStep.set(c.step, []);
      byStep.get(c.step).push(c);
    }
    const steps = [...byStep.keys()].sort((a, b) => a - b).slice(-8);
    const rows = steps.map((step) => ({
      label: halving ? `rung ${step} · ${byStep.get(step)[0].epochs} ep.` : `generation ${step}`,
      cells: byStep.get(step).map((c) => ({ candidate: c.candidate, score: c.mean, parents: c.parents, picture: (foldImages.get(c.candidate) || [])[0] || null })),
    }));
    const survivors = new Set(s.survivors.flat());
    const widest = Math.max(...rows.map((r) => r.cells.length));
    const scale = drawScale(this.generationsCanvas);
    const cell = Math.max(8, Math.min(44, Math.floor((stageWidth / scale - 100) / widest) - 6));
    const box = fitCanvas(this.generationsCanvas, stageWidth, (rows.length * (cell + 18) + 12) * scale);
    drawGenerations(this.generationsCanvas.getContext('2d'), { ...box, theme, rows, survivors, pictureSize, cell, selected });
    this.generationsTitle.textContent = halving ? 'Rung by rung' : 'Generation by generation';
    this.generationsNote.textContent = halving
      ? 'Each rung trains the best 1/η of the last one η times longer (lines: the same candidate, promoted). Ringed: promoted. Each cell is the candidate\'s first fold model, with its CV score.'
      : 'Lines join parents to their children; ringed: the elites kept unchanged for the next generation. Each cell is the candidate\'s first fold model, with its CV score.';
  }

  drawStage(s, { parts, foldOf, bounds, selected, theme, stageWidth }) {
    const { xs, ys, xTitle, yTitle } = plane(parts, foldOf.length);
    const folds = fitCanvas(this.foldCanvas, stageWidth, Math.round(Math.min(420 * drawScale(this.foldCanvas), stageWidth * 0.6)));
    drawFolds(this.foldCanvas.getContext('2d'), { ...folds, theme, xs, ys, foldOf, labels: parts.labels || null, bounds, xTitle, yTitle });
    this.foldCaption.textContent = `Filled: the ${s.k} folds (one colour each; every row is scored once, by the model that did not see it). Hollow grey: the ${s.testRows} rows held out for the winner's test score.`;
    const parallel = fitCanvas(this.parallelCanvas, stageWidth, 240 * drawScale(this.parallelCanvas));
    drawParallel(this.parallelCanvas.getContext('2d'), { ...parallel, theme, candidates: s.candidates, metric: s.metric, selected });
  }

  drawWinner(s) {
    const w = s.winner;
    if (!w) {
      replaceChildren(this.winnerBox, el('p', { class: 'pg-note' }, s.best === null || s.best === undefined
        ? 'No candidate scored yet.'
        : 'When the search ends, the best candidate is retrained on every cross-validated row and scored once on the held-out rows.'));
      return;
    }
    const c = s.candidates.find((x) => x.candidate === w.candidate);
    replaceChildren(this.winnerBox,
      el('p', { class: 'sr-winner-name' }, c ? c.description : `candidate ${w.candidate + 1}`),
      el('p', {}, `CV ${s.metric}: ${num(w.cvScore)} · held-out test ${s.metric}: ${w.testScore === null ? 'failed' : num(w.testScore)}`),
      el('p', { class: 'pg-note' }, 'The CV score chose the winner among many, so it tends to be optimistic; the test rows were never used to choose.'));
  }

  drawDetail(s, view) {
    const width = Math.max(240, this.detail.clientWidth || this.bestCanvas.parentElement.clientWidth - 28);
    this.chosen.fit(width);
    // Rebuilt only when the choice or the candidates change (not on every fold's result).
    const key = `${view.selected}|${s.candidates.length}|${view.foldImages.size}`;
    if (key === this.detailKey && view.parts === this.detailParts) return;
    this.detailKey = key;
    this.detailParts = view.parts;
    const c = s.candidates.find((x) => x.candidate === view.selected);
    this.trainButton.hidden = !c;
    this.figures = [];
    if (c) {
      const list = el('ol', { class: 'sr-fold-list' }, c.folds.map((f, i) => el('li', {}, `fold ${i + 1}: ${f.score === null ? `failed (${f.reason || 'no score'})` : num(f.score)}`)));
      replaceChildren(this.detail,
        el('p', { class: 'sr-winner-name' }, c.description),
        el('p', {}, `${c.parameters} parameters · ${c.epochs} epochs · CV ${s.metric} ${c.mean === null ? 'failed' : `${num(c.mean)} ± ${num(c.std)}`}`),
        this.foldPictures(c, view) || list, this.chosen.element);
    } else {
      this.colourBar.show(null);
      replaceChildren(this.detail, el('p', { class: 'pg-note' }, 'Click a row of the leaderboard to see its folds and how its fold models learnt.'));
    }
    this.chosen.choose(c || null, {
      record: view.record, metric: s.metric, theme: view.theme, width,
      featureNames: view.parts.featureNames, classNames: view.parts.classNames || null,
    });
  }

  /**
   * The candidate's k fold models side by side, each over the plane with the rows it was
   * scored on, captioned with its score (two-feature data only; null otherwise).
   */
  foldPictures(c, { parts, foldOf, bounds, foldImages, pictureSize, core }) {
    const pictures = foldImages.get(c.candidate);
    this.colourBar.show(pictures && bounds.length === 4 ? outputBarSpec(core, { classes: parts.classNames || null }) : null);
    if (!pictures || bounds.length !== 4) return null;
    const { xs, ys } = plane(parts, foldOf.length);
    this.figures = pictures.map((rgba, f) => {
      const canvas = el('canvas', { class: 'sr-fold-picture', role: 'img', 'aria-label': `Fold ${f + 1}: the model trained without it, on the rows it was scored on` });
      const side = 96 * drawScale(this.detail);
      const box = fitCanvas(canvas, side, side);
      const rows = [];
      foldOf.forEach((fold, i) => { if (fold === f) rows.push(i); });
      drawFoldPicture(canvas.getContext('2d'), { ...box, rgba, size: pictureSize, bounds, xs, ys, labels: parts.labels || null, rows });
      const score = c.folds[f].score;
      const figure = el('figure', { title: `Show how fold ${f + 1}'s model learnt` }, canvas, el('figcaption', {}, `fold ${f + 1}: ${score === null ? 'failed' : num(score)}`));
      figure.addEventListener('click', () => this.chosen.showFold(f));
      return figure;
    });
    return el('div', {}, el('div', { class: 'sr-fold-pictures' }, this.figures), this.colourBar.element);
  }
}
