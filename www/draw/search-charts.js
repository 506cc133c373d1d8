// The search view's pictures: the best CV score so far against candidates scored, each
// candidate's score against its parameter count with the Pareto front, and the rows coloured
// by the fold that scores them. Pure canvas code on numbers the core computed.

import { drawAxes, valueAxis, emptyChart, dot } from './plot.js';
import { num } from '../ui/format.js';
import { classColour } from './palette.js';

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

/** The x axis of the best-so-far chart: candidates scored, or their compute time. */
export const BEST_AXES = [
  { id: 'candidates', label: 'candidates scored', title: 'candidates scored' },
  { id: 'time', label: 'compute time (all folds summed)', title: 'compute time (s, all folds summed)' },
];

/**
 * Best mean CV score so far (`scores`: each candidate's mean, null when it failed), with every
 * candidate as a faint dot, against candidates scored or, given `seconds` (each candidate's
 * compute time: its folds' training times summed, whichever worker ran them), against the
 * compute time spent when it was scored.
 */
export function drawBestSoFar(ctx, { dpr, cssW, cssH, theme, scores, metric, seconds }) {
  const plot = clear(ctx, { dpr, cssW, cssH, theme });
  const yTitle = `CV ${metric}`;
  const xTitle = BEST_AXES[seconds ? 1 : 0].title;
  if (!scores.some(Number.isFinite)) {
    emptyChart(ctx, plot, { theme, xTitle, yTitle, text: 'Step or play to score candidates' });
    return;
  }
  const axis = scoreAxis(scores, plot.h);
  let xs = scores.map((_, i) => i + 1);
  if (seconds) {
    let spent = 0;
    xs = seconds.map((s) => (spent += s));
  }
  const x0 = seconds ? 0 : 1;
  const x1 = seconds ? Math.max(1e-3, xs[xs.length - 1]) : Math.max(2, scores.length);
  drawAxes(ctx, plot, { x0, x1, y0: axis.y0, y1: axis.y1, theme, grid: true, xInteger: !seconds, xTitle, yTitle, yTicks: axis.ticks });
  const px = (i) => plot.x + ((xs[i] - x0) / (x1 - x0)) * plot.w;
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
 * The rows on two features (`xs`, `ys`, in their units, within `bounds` when given), filled
 * by fold (`foldOf`, −1: held out for the test score, drawn hollow) and outlined by class
 * (`labels`, or null).
 */
export function drawFolds(ctx, { dpr, cssW, cssH, theme, xs, ys, foldOf, labels, xTitle, yTitle, bounds }) {
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
  const [x0, x1, y0, y1] = bounds && bounds.length === 4 ? bounds : [...span(xs), ...span(ys)];
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

/**
 * A model's picture (`rgba`, `size` pixels square, or `imageWidth` × `imageHeight`, over `bounds`) scaled
 * to the canvas, with the rows it was scored on (`rows`: indices into `xs`, `ys`, `labels`) as
 * dots of their class. `layer`: an off-screen canvas to reuse (a new one by default). `dots`: a
 * cache object (`{}` at first) when the same rows are drawn frame after frame: the dots are then
 * drawn once on an off-screen canvas of the canvas's size, again only when the size or the rows
 * change, and put over the picture.
 */
export function drawFoldPicture(ctx, { dpr, cssW, cssH, rgba, size, imageWidth = size, imageHeight = size, layer = document.createElement('canvas'), dots = null, bounds, xs, ys, labels, rows }) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (layer.width !== imageWidth || layer.height !== imageHeight) {
    layer.width = imageWidth;
    layer.height = imageHeight;
  }
  layer.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba), imageWidth, imageHeight), 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(layer, 0, 0, cssW, cssH);
  const points = { dpr, cssW, cssH, bounds, xs, ys, labels, rows };
  if (!dots) {
    drawRowDots(ctx, points);
    return;
  }
  const { width, height } = ctx.canvas;
  const same = dots.canvas && dots.canvas.width === width && dots.canvas.height === height
    && Object.keys(points).every((key) => dots.points[key] === points[key]);
  if (!same) {
    dots.canvas = dots.canvas || document.createElement('canvas');
    dots.canvas.width = width;
    dots.canvas.height = height;
    const dotsCtx = dots.canvas.getContext('2d');
    dotsCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawRowDots(dotsCtx, points);
    dots.points = points;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(dots.canvas, 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
}

/** The rows as dots of their class over a `cssW` × `cssH` picture of `bounds`. */
function drawRowDots(ctx, { cssW, cssH, bounds, xs, ys, labels, rows }) {
  const [x0, x1, y0, y1] = bounds;
  for (const i of rows) {
    const px = ((xs[i] - x0) / (x1 - x0)) * cssW;
    const py = cssH - ((ys[i] - y0) / (y1 - y0)) * cssH;
    dot(ctx, px, py, 2.5, labels ? classColour(labels[i]) : '#333333', '#ffffff', 1);
  }
}

/** A candidate's value on each hyperparameter axis (numbers; sets by their index). */
export const HYPER_AXES = [
  { id: 'layers', label: 'hidden layers', short: 'layers', value: (c) => c.hidden.length },
  { id: 'neurons', label: 'neurons per layer (mean)', short: 'neurons', value: (c) => (c.hidden.length ? c.hidden.reduce((a, b) => a + b, 0) / c.hidden.length : 0) },
  { id: 'activation', label: 'activation', short: 'activation', set: true, value: (c) => c.activation },
  { id: 'rule', label: 'update rule', short: 'rule', set: true, value: (c) => c.rule },
  { id: 'learningRate', label: 'learning rate α (log)', short: 'α (log)', log: true, value: (c) => c.learningRate },
  { id: 'l2', label: 'L2 rate (log; 0 at the left)', short: 'L2 (log)', log: true, zero: true, value: (c) => c.l2 },
];

/** Positions (0 … 1) of every candidate on `axis`, and the axis's tick labels. */
function axisScale(axis, candidates) {
  const raw = candidates.map(axis.value);
  if (axis.set) {
    const names = [...new Set(raw)].sort();
    const at = (v) => (names.length > 1 ? names.indexOf(v) / (names.length - 1) : 0.5);
    return { pos: raw.map(at), ticks: names.map((n) => ({ t: at(n), label: n })) };
  }
  const tx = (v) => (axis.log ? Math.log10(v) : v);
  const finite = raw.filter((v) => !(axis.zero && v === 0)).map(tx);
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 1;
  const room = axis.zero && raw.some((v) => v === 0) ? 0.12 : 0;
  const at = (v) => {
    if (axis.zero && v === 0) return 0;
    return hi > lo ? room + (1 - room) * (tx(v) - lo) / (hi - lo) : 0.5 + room / 2;
  };
  const label = (v) => (axis.log ? num(10 ** v, 2) : num(v, 2));
  const ticks = hi > lo ? [{ t: room, label: label(lo) }, { t: 1, label: label(hi) }] : [{ t: 0.5 + room / 2, label: label(lo) }];
  if (room) ticks.unshift({ t: 0, label: '0' });
  return { pos: raw.map(at), ticks };
}

/**
 * Parallel coordinates: one vertical axis per hyperparameter and one for the CV score; each
 * candidate a line across them, coloured from pale (low score) to deep (high), failed ones
 * dashed grey, the chosen one thick.
 */
export function drawParallel(ctx, { dpr, cssW, cssH, theme, candidates, metric, selected }) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, cssW, cssH);
  const axes = [...HYPER_AXES, { id: 'score', short: `CV ${metric}`, value: (c) => c.mean }];
  // Tick labels sit right of their axis (room for the last axis's on the right); axis names
  // take two staggered rows when the axes are too close for one.
  const staggered = (cssW - 76) / (axes.length - 1) < 90;
  const top = staggered ? 44 : 30;
  const plot = { x: 28, y: top, w: cssW - 76, h: cssH - top - 30 };
  const scores = candidates.map((c) => c.mean).filter(Number.isFinite);
  const lo = scores.length ? Math.min(...scores) : 0;
  const hi = scores.length ? Math.max(...scores) : 1;
  const scales = axes.map((axis) => (axis.id === 'score'
    ? { pos: candidates.map((c) => (Number.isFinite(c.mean) ? (hi > lo ? (c.mean - lo) / (hi - lo) : 0.5) : 0)), ticks: [{ t: 0, label: num(lo) }, { t: 1, label: num(hi) }] }
    : axisScale(axis, candidates)));
  const ax = (k) => plot.x + (k / (axes.length - 1)) * plot.w;
  const ay = (t) => plot.y + plot.h - t * plot.h;
  const order = candidates.map((_, i) => i).sort((a, b) => (candidates[a].mean ?? -Infinity) - (candidates[b].mean ?? -Infinity));
  for (const i of order) {
    const c = candidates[i];
    const t = Number.isFinite(c.mean) && hi > lo ? (c.mean - lo) / (hi - lo) : 0.5;
    ctx.strokeStyle = c.failed ? '#9ca3af' : `rgba(59, 130, 246, ${0.2 + 0.8 * t})`;
    ctx.lineWidth = c.candidate === selected ? 4 : 1.5;
    ctx.setLineDash(c.failed ? [4, 4] : []);
    ctx.beginPath();
    scales.forEach((scale, k) => {
      if (k === 0) ctx.moveTo(ax(k), ay(scale.pos[i]));
      else ctx.lineTo(ax(k), ay(scale.pos[i]));
    });
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.font = '12px system-ui, sans-serif';
  axes.forEach((axis, k) => {
    ctx.strokeStyle = theme.axis;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(ax(k), plot.y);
    ctx.lineTo(ax(k), plot.y + plot.h);
    ctx.stroke();
    ctx.fillStyle = theme.fg;
    ctx.textAlign = k === 0 ? 'left' : k === axes.length - 1 ? 'right' : 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(axis.short, ax(k) + (k === axes.length - 1 ? 20 : 0), plot.y - 8 - (staggered && k % 2 === 1 ? 15 : 0));
    ctx.fillStyle = theme.muted;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (const tick of scales[k].ticks) ctx.fillText(tick.label, ax(k) + 4, ay(tick.t));
  });
}

/**
 * Each candidate's CV score against one hyperparameter (`axis`, one of HYPER_AXES): a
 * scatter, the chosen candidate ringed.
 */
export function drawScoreAgainst(ctx, { dpr, cssW, cssH, theme, candidates, metric, selected, axis }) {
  const plot = clear(ctx, { dpr, cssW, cssH, theme });
  const ok = candidates.filter((c) => Number.isFinite(c.mean));
  const yTitle = `CV ${metric}`;
  if (!ok.length) {
    emptyChart(ctx, plot, { theme, xTitle: axis.label, yTitle, text: 'No candidate scored yet' });
    return;
  }
  const scale = axisScale(axis, ok);
  const y = scoreAxis(ok.map((c) => c.mean), plot.h);
  drawAxes(ctx, plot, { x0: -0.05, x1: 1.05, y0: y.y0, y1: y.y1, theme, grid: true, xTitle: axis.label, yTitle, xTicks: scale.ticks.map((t) => ({ value: t.t, label: t.label })), yTicks: y.ticks });
  const px = (t) => plot.x + ((t + 0.05) / 1.1) * plot.w;
  const py = (v) => plot.y + plot.h - ((v - y.y0) / (y.y1 - y.y0)) * plot.h;
  ok.forEach((c, i) => dot(ctx, px(scale.pos[i]), py(c.mean), 4, theme.line, theme.bg, 1));
  const chosen = ok.findIndex((c) => c.candidate === selected);
  if (chosen >= 0) {
    ctx.strokeStyle = theme.fg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(px(scale.pos[chosen]), py(ok[chosen].mean), 9, 0, Math.PI * 2);
    ctx.stroke();
  }
}

/**
 * Generation by generation (evolution) or rung by rung (successive halving): one row per step,
 * each candidate a cell (its first fold model's picture, or a chip shaded by its score),
 * lines from parents to children, survivors (elites, promoted) ringed. `rows`: [{ label,
 * cells: [{ candidate, score, picture, parents }] }]; `survivors`: a Set of candidates.
 */
export function drawGenerations(ctx, { dpr, cssW, cssH, theme, rows, survivors, pictureSize, cell, selected }) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, cssW, cssH);
  const left = 96;
  const gap = 6;
  const where = new Map();
  rows.forEach((row, r) => row.cells.forEach((c, i) => where.set(c.candidate, { x: left + i * (cell + gap), y: 8 + r * (cell + 18) })));
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  for (const row of rows) {
    for (const c of row.cells) {
      const to = where.get(c.candidate);
      for (const p of c.parents) {
        const from = where.get(p);
        if (!from) continue;
        ctx.beginPath();
        ctx.moveTo(from.x + cell / 2, from.y + cell);
        ctx.lineTo(to.x + cell / 2, to.y);
        ctx.stroke();
      }
    }
  }
  const scores = rows.flatMap((r) => r.cells.map((c) => c.score)).filter(Number.isFinite);
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  const layer = document.createElement('canvas');
  layer.width = pictureSize;
  layer.height = pictureSize;
  const layerCtx = layer.getContext('2d');
  rows.forEach((row, r) => {
    ctx.fillStyle = theme.fg;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(row.label, 4, 8 + r * (cell + 18) + cell / 2);
    for (const c of row.cells) {
      const { x, y } = where.get(c.candidate);
      if (c.picture) {
        layerCtx.putImageData(new ImageData(new Uint8ClampedArray(c.picture), pictureSize, pictureSize), 0, 0);
        ctx.drawImage(layer, x, y, cell, cell);
      } else {
        const t = Number.isFinite(c.score) && hi > lo ? (c.score - lo) / (hi - lo) : 0.5;
        ctx.fillStyle = Number.isFinite(c.score) ? `rgba(59, 130, 246, ${0.2 + 0.8 * t})` : '#d1d5db';
        ctx.fillRect(x, y, cell, cell);
      }
      if (cell >= 28) {
        ctx.fillStyle = theme.muted;
        ctx.textAlign = 'center';
        ctx.fillText(Number.isFinite(c.score) ? num(c.score, 2) : 'failed', x + cell / 2, y + cell + 8);
      }
      if (survivors.has(c.candidate) || c.candidate === selected) {
        ctx.strokeStyle = c.candidate === selected ? theme.fg : theme.accent;
        ctx.lineWidth = 3;
        ctx.strokeRect(x - 1.5, y - 1.5, cell + 3, cell + 3);
      }
    }
  });
}
