// The model behind the regression landscape: the data points and the line y = w·x + b for the
// current θ = (w, b), with the least-squares line for comparison.

import { drawAxes, labelTicks, niceTicks } from './plot.js';

/**
 * `data`: { dpr, cssW, cssH, theme, xs, ys, w, b, fit: [w*, b*] | null }.
 */
export function drawRegression(ctx, data) {
  const { dpr, cssW, cssH, theme, xs, ys } = data;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, cssW, cssH);
  if (!xs || xs.length === 0) return;
  const plot = { x: 62, y: 10, w: Math.max(20, cssW - 62 - 14), h: Math.max(20, cssH - 10 - 48) };
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  const padX = 0.08 * (x1 - x0 || 1);
  const padY = 0.15 * (y1 - y0 || 1);
  x0 -= padX;
  x1 += padX;
  y0 -= padY;
  y1 += padY;
  const yTicks = labelTicks(niceTicks(y0, y1, Math.max(2, Math.round(plot.h / 40))));
  drawAxes(ctx, plot, { x0, x1, y0, y1, xTitle: 'x', yTitle: 'y', theme, yTicks, grid: true });
  const px = (v) => plot.x + ((v - x0) / (x1 - x0)) * plot.w;
  const py = (v) => plot.y + plot.h - ((v - y0) / (y1 - y0)) * plot.h;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.w, plot.h);
  ctx.clip();
  const line = (w, b, color, width, dash) => {
    if (!Number.isFinite(w) || !Number.isFinite(b)) return;
    const a = py(w * x0 + b);
    const c = py(w * x1 + b);
    if (!Number.isFinite(a) || !Number.isFinite(c) || Math.abs(a) > 1e6 || Math.abs(c) > 1e6) return;
    ctx.save();
    ctx.setLineDash(dash || []);
    ctx.beginPath();
    ctx.moveTo(px(x0), a);
    ctx.lineTo(px(x1), c);
    ctx.lineWidth = width;
    ctx.strokeStyle = color;
    ctx.stroke();
    ctx.restore();
  };
  if (data.fit) line(data.fit[0], data.fit[1], theme.muted, 1.5, [6, 5]);
  // Residuals of the current line, then the points, then the line itself.
  if (Number.isFinite(data.w) && Number.isFinite(data.b)) {
    ctx.beginPath();
    for (let i = 0; i < xs.length; i += 1) {
      const yHat = data.w * xs[i] + data.b;
      ctx.moveTo(px(xs[i]), py(ys[i]));
      ctx.lineTo(px(xs[i]), Math.max(-1e5, Math.min(1e5, py(yHat))));
    }
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgba(217, 72, 15, 0.45)';
    ctx.stroke();
  }
  ctx.beginPath();
  for (let i = 0; i < xs.length; i += 1) {
    ctx.moveTo(px(xs[i]) + 4.5, py(ys[i]));
    ctx.arc(px(xs[i]), py(ys[i]), 4.5, 0, Math.PI * 2);
  }
  ctx.fillStyle = theme.line;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  line(data.w, data.b, theme.accent, 3);
  ctx.restore();
}
