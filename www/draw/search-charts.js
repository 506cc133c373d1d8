// The search view's pictures: the best CV score so far against candidates scored, each
// candidate's score against its parameter count with the Pareto front, and the rows coloured
// by the fold that scores them. Pure canvas code on numbers the core computed.

import { drawAxes, valueAxis, emptyChart, dot } from './plot.js';
import { classColour } from './boundary.js';

/** Fold colours (colour-blind-safe qualitative set, Okabe–Ito), grey for held-out rows. */
export const FOLD_RGB = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#999933', '#882255'];

function clear(ctx, { dpr, cssW, cssH, theme }) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, cssW, cssH);
  return { x: 56, y: 10, w: Math.max(20, cssW - 56 - 16), h: Math.max(20, cssH - 10 - 46) };
}

/** Scores on the y axis: accuracy in [0, 1] is kept whole; R² may go below 0. */
function scoreAxis(values, height) {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return valueAxis(lo, hi, height, { allowLog: false, spacing: 40, fixed: [Math.min(0, lo), 1] });
}

/**
 * Best mean CV score so far against candidates scored (`scores`: each candidate's mean, null
 * when it failed), with every candidate as a faint dot.
 */
export function drawBestSoFar(ctx, { dpr, cssW, cssH, theme, scores, metric }) {
  const plot = clear(ctx, { dpr, cssW, cssH, theme });
  const yTitle = `CV ${metric}`;
  if (!scores.some(Number.isFinite)) {
    emptyChart(ctx, plot, { theme, xTitle: 'candidates scored', yTitle, text: 'Step or play to score candidates' });
    return;
  }
  const axis = scoreAxis(scores, plot.h);
  const x1 = Math.max(2, scores.length);
  drawAxes(ctx, plot, { x0: 1, x1, y0: axis.y0, y1: axis.y1, theme, grid: true, xInteger: true, xTitle: 'candidates scored', yTitle, yTicks: axis.ticks });
  const px = (i) => plot.x + ((i + 1 - 1) / (x1 - 1)) * plot.w;
  const py = (v) => plot.y + plot.h - ((v - axis.y0) / (axis.y1 - axis.y0)) * plot.h;
  scores.forEach((s, i) => {
    if (Number.isFinite(s)) dot(ctx, px(i), py(s), 2.5, theme.muted);
  });
  ctx.strokeStyle = theme.line;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  let best = -Infinity;
  let started = false;
  scores.forEach((s, i) => {
    if (Number.isFinite(s) && s > best) best = s;
    if (!Number.isFinite(best)) return;
    if (started) ctx.lineTo(px(i), py(best));
    else ctx.moveTo(px(i), py(best));
    started = true;
  });
  ctx.stroke();
}

/** The candidates no other beats on both score (higher) and size (fewer parameters). */
export function paretoFront(points) {
  const ok = points.filter((p) => Number.isFinite(p.score)).sort((a, b) => a.parameters - b.parameters || b.score - a.score);
  const front = [];
  let best = -Infinity;
  for (const p of ok) {
    if (p.score > best) {
      front.push(p);
      best = p.score;
    }
  }
  return front;
}

/**
 * Each candidate's mean CV score against its parameter count (log x), the Pareto front as a
 * step line, the selected candidate ringed. `points`: [{ candidate, parameters, score }].
 */
export function drawScoreVsSize(ctx, { dpr, cssW, cssH, theme, points, metric, selected }) {
  const plot = clear(ctx, { dpr, cssW, cssH, theme });
  const yTitle = `CV ${metric}`;
  const ok = points.filter((p) => Number.isFinite(p.score));
  if (!ok.length) {
    emptyChart(ctx, plot, { theme, xTitle: 'parameters (log)', yTitle, text: 'No candidate scored yet' });
    return;
  }
  const lx = (n) => Math.log10(Math.max(1, n));
  let x0 = Math.floor(lx(Math.min(...ok.map((p) => p.parameters))));
  let x1 = Math.ceil(lx(Math.max(...ok.map((p) => p.parameters))));
  if (x1 <= x0) x1 = x0 + 1;
  const axis = scoreAxis(ok.map((p) => p.score), plot.h);
  const xTicks = [];
  for (let k = x0; k <= x1; k += 1) xTicks.push({ value: k, label: String(10 ** k) });
  drawAxes(ctx, plot, { x0, x1, y0: axis.y0, y1: axis.y1, theme, grid: true, xTitle: 'parameters (log)', yTitle, xTicks, yTicks: axis.ticks });
  const px = (n) => plot.x + ((lx(n) - x0) / (x1 - x0)) * plot.w;
  const py = (v) => plot.y + plot.h - ((v - axis.y0) / (axis.y1 - axis.y0)) * plot.h;
  const front = paretoFront(ok);
  ctx.strokeStyle = theme.accent;
  ctx.lineWidth = 2;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  front.forEach((p, i) => {
    if (i === 0) ctx.moveTo(px(p.parameters), py(p.score));
    else {
      ctx.lineTo(px(p.parameters), py(front[i - 1].score));
      ctx.lineTo(px(p.parameters), py(p.score));
    }
  });
  ctx.stroke();
  ctx.setLineDash([]);
  for (const p of ok) dot(ctx, px(p.parameters), py(p.score), 4, theme.line, theme.bg, 1);
  for (const p of front) dot(ctx, px(p.parameters), py(p.score), 5, theme.accent, theme.bg, 1.5);
  const chosen = ok.find((p) => p.candidate === selected);
  if (chosen) {
    ctx.strokeStyle = theme.fg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(px(chosen.parameters), py(chosen.score), 9, 0, Math.PI * 2);
    ctx.stroke();
  }
}

/**
 * The rows on two features (`xs`, `ys`, in their units), filled by fold (`foldOf`, −1: held
 * out for the test score, drawn hollow) and outlined by class (`labels`, or null).
 */
export function drawFolds(ctx, { dpr, cssW, cssH, theme, xs, ys, foldOf, labels, xTitle, yTitle }) {
  const plot = clear(ctx, { dpr, cssW, cssH, theme });
  const span = (v) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of v) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    const pad = (hi - lo) * 0.06 || 1;
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = span(xs);
  const [y0, y1] = span(ys);
  drawAxes(ctx, plot, { x0, x1, y0, y1, theme, xTitle, yTitle });
  const px = (v) => plot.x + ((v - x0) / (x1 - x0)) * plot.w;
  const py = (v) => plot.y + plot.h - ((v - y0) / (y1 - y0)) * plot.h;
  const r = xs.length > 1500 ? 2.5 : 4;
  for (let i = 0; i < xs.length; i += 1) {
    const f = foldOf[i];
    const rim = labels ? classColour(labels[i]) : theme.fg;
    if (f < 0) dot(ctx, px(xs[i]), py(ys[i]), r, theme.bg, '#777777', 1.5);
    else dot(ctx, px(xs[i]), py(ys[i]), r, FOLD_RGB[f % FOLD_RGB.length], rim, 1.5);
  }
}
