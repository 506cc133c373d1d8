// The best-so-far chart: best J found against evaluations spent. Log y axis when the values
// span more than two decades. HiDPI aware; cost is bounded by the plot width, not the run length.

import { drawAxes, valueAxis, emptyChart, dot } from './plot.js';

/**
 * Draws the chart. `data`: { dpr, cssW, cssH, theme, evaluations, best, reference }
 * (`reference`: the known global minimum J*, drawn as a dashed line when it fits).
 * Returns { log, referenceShown } so the caller can caption the chart.
 */
export function drawChart(ctx, data) {
  const { dpr, cssW, cssH, theme } = data;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, cssW, cssH);
  const plot = { x: 62, y: 10, w: Math.max(20, cssW - 62 - 26), h: Math.max(20, cssH - 10 - 48) };
  const xs = data.evaluations || [];
  const ys = data.best || [];
  const points = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i += 1) {
    if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) points.push(i);
  }
  if (points.length === 0) {
    emptyChart(ctx, plot, { theme, xTitle: 'evaluations', yTitle: 'best J', text: 'Take a step to start the curve' });
    return { log: false, referenceShown: false };
  }
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const i of points) {
    yMin = Math.min(yMin, ys[i]);
    yMax = Math.max(yMax, ys[i]);
  }
  const xMin = 0;
  const xMax = Math.max(1, xs[points[points.length - 1]]);
  const { log, tx, y0, y1, ticks: yTicks } = valueAxis(yMin, yMax, plot.h, { allowLog: true, spacing: 40, logSpacing: 36 });
  drawAxes(ctx, plot, {
    x0: xMin, x1: xMax, y0, y1, theme, grid: true, xInteger: true,
    xTitle: 'evaluations', yTitle: log ? 'best J (log)' : 'best J', yTicks,
  });
  const px = (v) => plot.x + ((v - xMin) / (xMax - xMin)) * plot.w;
  const py = (v) => plot.y + plot.h - ((tx(v) - y0) / (y1 - y0)) * plot.h;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y - 2, plot.w + 2, plot.h + 4);
  ctx.clip();
  let referenceShown = false;
  if (Number.isFinite(data.reference) && (!log || data.reference > 0)) {
    const ry = py(data.reference);
    if (ry >= plot.y && ry <= plot.y + plot.h) {
      referenceShown = true;
      ctx.save();
      ctx.setLineDash([5, 4]);
      ctx.strokeStyle = theme.muted;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(plot.x, ry);
      ctx.lineTo(plot.x + plot.w, ry);
      ctx.stroke();
      ctx.restore();
    }
  }
  // A step line (best so far only ever drops), at most ~2 vertices per pixel column.
  ctx.beginPath();
  let lastColumn = -Infinity;
  let previousY = null;
  for (let n = 0; n < points.length; n += 1) {
    const i = points[n];
    const x = px(xs[i]);
    const y = py(ys[i]);
    const isLast = n === points.length - 1;
    if (previousY === null) {
      ctx.moveTo(x, y);
    } else if (Math.floor(x) !== lastColumn || isLast) {
      ctx.lineTo(x, previousY);
      ctx.lineTo(x, y);
    } else {
      previousY = Math.min(previousY, y);
      continue;
    }
    lastColumn = Math.floor(x);
    previousY = y;
  }
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = theme.line;
  ctx.lineJoin = 'round';
  ctx.stroke();
  const last = points[points.length - 1];
  dot(ctx, px(xs[last]), py(ys[last]), 4, theme.line);
  ctx.restore();
  return { log, referenceShown };
}
