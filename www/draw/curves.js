// Line charts of per-step curves (loss, accuracy, R², RMSE, fitness) with a hover cursor.
// HiDPI aware; long runs are thinned to a minimum and a maximum per pixel column, so the cost
// follows the chart's width, not the run's length.

import { drawAxes, valueAxis, emptyChart, dot } from './plot.js';

/**
 * Colours of the curves: the rows trained on, validation, test; a population's best and mean.
 * Mid-lightness, so that each line keeps 3 : 1 contrast on the light and on the dark theme.
 */
export const SERIES = { train: '#3b82f6', validation: '#8b5cf6', test: '#ea580c', best: '#059669', mean: '#6b7280' };

/** Colour of the marks where the data changed (points added by hand), readable on both themes. */
export const MARK = '#7b8594';

/** Where the plot sits in a chart of cssW × cssH. */
export function curvesPlot(cssW, cssH) {
  return { x: 58, y: 10, w: Math.max(20, cssW - 58 - 14), h: Math.max(20, cssH - 10 - 44) };
}

/** The visible y range of the series (finite values only); null when there are none. */
function range(series, transform) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const v of s.values) {
      const t = transform(v);
      if (Number.isFinite(t)) {
        if (t < lo) lo = t;
        if (t > hi) hi = t;
      }
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * Draws the chart. `data`: { dpr, cssW, cssH, theme, steps (x of entry i), series: [{ values,
 * colour, dash?, offset? (values[j] belongs to steps[offset + j]) }], yTitle, fixed: [lo, hi] or
 * null (e.g. accuracy 0..1), floor (lowest value shown, or undefined), allowLog, cursor (entry index or null), empty (text when nothing
 * to draw), marks (steps at which the data changed: a dotted vertical line each), xTitle
 * (default 'step') }. Returns
 * { plot, log, indexAt(px) } for hover.
 */
export function drawCurves(ctx, data) {
  const { dpr, cssW, cssH, theme, steps } = data;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, cssW, cssH);
  const plot = curvesPlot(cssW, cssH);
  const n = steps.length;
  const xMax = Math.max(1, n ? steps[n - 1] : 1);
  const xMin = n ? steps[0] : 0;
  const indexAt = (px) => {
    if (!n) return null;
    const x = xMin + ((px - plot.x) / plot.w) * (xMax - xMin);
    // Steps are increasing: binary search for the nearest entry.
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (steps[mid] < x) lo = mid;
      else hi = mid;
    }
    return Math.abs(steps[lo] - x) <= Math.abs(steps[hi] - x) ? lo : hi;
  };
  const found = range(data.series, (v) => v);
  if (!found || n === 0) {
    emptyChart(ctx, plot, { theme, xTitle: data.xTitle || 'step', yTitle: data.yTitle, text: data.empty || 'Take a step to start the curves' });
    return { plot, log: false, indexAt };
  }
  let [lo, hi] = found;
  // A floor keeps a wild start (R² of −50) from flattening the rest of the curve.
  if (Number.isFinite(data.floor) && lo < data.floor) lo = Math.min(data.floor, hi - 1e-9);
  const { log, tx, y0, y1, ticks: yTicks } = valueAxis(lo, hi, plot.h, { allowLog: data.allowLog, spacing: 34, logSpacing: 32, fixed: data.fixed });
  drawAxes(ctx, plot, {
    x0: xMin, x1: xMax, y0, y1, theme, grid: true, xInteger: true,
    xTitle: data.xTitle || 'step', yTitle: log ? `${data.yTitle} (log)` : data.yTitle, yTicks,
  });
  const px = (v) => plot.x + ((v - xMin) / (xMax - xMin || 1)) * plot.w;
  const py = (v) => {
    const y = plot.y + plot.h - ((tx(v) - y0) / (y1 - y0)) * plot.h;
    return Math.max(-1e5, Math.min(1e5, y));
  };
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x - 1, plot.y - 2, plot.w + 3, plot.h + 4);
  ctx.clip();
  if (data.marks && data.marks.length) {
    ctx.strokeStyle = MARK;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([2, 3]);
    ctx.beginPath();
    for (const step of data.marks) {
      const x = Math.round(px(step)) + 0.5;
      ctx.moveTo(x, plot.y);
      ctx.lineTo(x, plot.y + plot.h);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
  for (const s of data.series) {
    const offset = s.offset || 0;
    const values = s.values;
    ctx.beginPath();
    let pen = false;
    let column = NaN;
    let cMin = 0;
    let cMax = 0;
    const flush = (x) => {
      if (cMax !== cMin) {
        ctx.lineTo(x, py(cMin));
        ctx.lineTo(x, py(cMax));
      }
    };
    for (let j = 0; j < values.length; j += 1) {
      const v = values[j];
      if (!Number.isFinite(tx(v))) {
        pen = false;
        continue;
      }
      const x = px(steps[offset + j]);
      const c = Math.round(x);
      if (pen && c === column) {
        cMin = Math.min(cMin, v);
        cMax = Math.max(cMax, v);
        continue;
      }
      if (pen) {
        flush(column);
        ctx.lineTo(x, py(v));
      } else {
        ctx.moveTo(x, py(v));
      }
      pen = true;
      column = c;
      cMin = v;
      cMax = v;
    }
    if (pen) flush(column);
    ctx.setLineDash(s.dash || []);
    ctx.lineJoin = 'round';
    ctx.lineWidth = s.width || 2.5;
    ctx.strokeStyle = s.colour;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  const cursor = data.cursor;
  if (cursor !== null && cursor !== undefined && cursor >= 0 && cursor < n) {
    const x = Math.round(px(steps[cursor])) + 0.5;
    ctx.strokeStyle = data.theme.muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, plot.y);
    ctx.lineTo(x, plot.y + plot.h);
    ctx.stroke();
    for (const s of data.series) {
      const v = s.values[cursor - (s.offset || 0)];
      if (v === undefined || !Number.isFinite(tx(v))) continue;
      dot(ctx, x, py(v), 4, s.colour, '#ffffff', 1.5);
    }
  }
  ctx.restore();
  return { plot, log, indexAt };
}
