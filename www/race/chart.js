// The race chart: per strategy, the median best-so-far (a line) and the min–max band over seeds
// (translucent), against evaluations on an axis that ends at the common budget. The y axis is
// the gap to the known minimum, J − J* (on a network's weights: the training loss, J* = 0), on a
// log scale when it spans more than two decades.
// Cost is bounded by the plot's width, not by the budget.

import { drawAxes, valueAxis, emptyChart } from '../draw/plot.js';

/** Colour-blind-safe series colours (Okabe–Ito) and dashes, one per strategy. */
export const SERIES_STYLES = [
  { color: '#0072b2', dash: [] },
  { color: '#d55e00', dash: [7, 3] },
  { color: '#009e73', dash: [2, 3] },
  { color: '#cc79a7', dash: [9, 3, 2, 3] },
];

/** Gaps below this are drawn at it on a log axis (a lane that hit J* exactly). */
const FLOOR = 1e-12;

/**
 * Draws the chart. `data`: { dpr, cssW, cssH, theme, budget, series: [{ median, min, max }],
 * quantity } (arrays of J − J* after evaluations 1, 2, …; `quantity` names them, by default
 * 'best J − J*'). Returns { lines, bands, log }: how many median
 * lines and bands were drawn.
 */
export function drawRaceChart(ctx, data) {
  const { dpr, cssW, cssH, theme, budget, series, quantity = 'best J − J*' } = data;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, cssW, cssH);
  const plot = { x: 62, y: 10, w: Math.max(20, cssW - 62 - 20), h: Math.max(20, cssH - 10 - 46) };
  const xTitle = 'evaluations (each lane)';
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const list of [s.min, s.max]) {
      for (const v of list) {
        if (Number.isFinite(v)) {
          lo = Math.min(lo, Math.max(v, FLOOR));
          hi = Math.max(hi, v);
        }
      }
    }
  }
  if (!(hi >= lo)) {
    emptyChart(ctx, plot, { theme, xTitle, yTitle: quantity, text: 'Press Play or Step to start the race' });
    return { lines: 0, bands: 0, log: false };
  }
  const axis = valueAxis(lo, hi, plot.h, { allowLog: true, spacing: 40, logSpacing: 34 });
  const { log, tx, y0, y1, ticks } = axis;
  drawAxes(ctx, plot, { x0: 0, x1: budget, y0, y1, theme, grid: true, xInteger: true, xTitle, yTitle: log ? `${quantity} (log)` : quantity, yTicks: ticks });
  const px = (e) => plot.x + (e / budget) * plot.w;
  const py = (v) => plot.y + plot.h - ((tx(log ? Math.max(v, FLOOR) : v) - y0) / (y1 - y0)) * plot.h;
  // One vertex per pixel column: best-so-far never rises, so a column's last value is its lowest.
  const columns = (list) => {
    const out = [];
    const stride = Math.max(1, Math.floor(budget / plot.w));
    for (let i = 0; i < list.length; i += 1) {
      if ((i + 1) % stride === 0 || i === list.length - 1) {
        if (Number.isFinite(list[i])) out.push([px(i + 1), py(list[i])]);
      }
    }
    return out;
  };
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y - 2, plot.w + 2, plot.h + 4);
  ctx.clip();
  let lines = 0;
  let bands = 0;
  series.forEach((s, k) => {
    const style = SERIES_STYLES[k % SERIES_STYLES.length];
    const top = columns(s.max);
    const bottom = columns(s.min);
    if (top.length && bottom.length) {
      ctx.beginPath();
      top.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      for (let i = bottom.length - 1; i >= 0; i -= 1) ctx.lineTo(bottom[i][0], bottom[i][1]);
      ctx.closePath();
      ctx.globalAlpha = 0.16;
      ctx.fillStyle = style.color;
      ctx.fill();
      ctx.globalAlpha = 1;
      bands += 1;
    }
    const middle = columns(s.median);
    if (middle.length) {
      ctx.beginPath();
      middle.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      ctx.setLineDash(style.dash);
      ctx.lineWidth = 2.5;
      ctx.lineJoin = 'round';
      ctx.strokeStyle = style.color;
      ctx.stroke();
      ctx.setLineDash([]);
      lines += 1;
    }
  });
  ctx.restore();
  return { lines, bands, log };
}

/**
 * Strategy `index`'s legend sample: a small canvas (sized 2.2 × 0.9 em by the style sheet) with
 * its band and its median line in the chart's own dash, so the curves differ by more than colour.
 */
export function legendSample(index) {
  const style = SERIES_STYLES[index % SERIES_STYLES.length];
  const [w, h] = [44, 18];
  const dpr = Math.max(1, Math.min(4, globalThis.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.className = 'race-sample';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.width = w * dpr;
  canvas.height = h * dpr;
  const ctx = canvas.getContext('2d');
  ctx.scale(dpr, dpr);
  ctx.globalAlpha = 0.16;
  ctx.fillStyle = style.color;
  ctx.fillRect(0, 0, w, h);
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.moveTo(0, h / 2);
  ctx.lineTo(w, h / 2);
  ctx.setLineDash(style.dash.map((d) => d * 1.2));
  ctx.lineWidth = 3;
  ctx.strokeStyle = style.color;
  ctx.stroke();
  return canvas;
}
