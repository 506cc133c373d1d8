// Shared drawing helpers: HiDPI canvas sizing, nice tick values, axes and labels with a halo.
// Pure canvas code; nothing here knows about the wasm core.

import { num, powerOfTen } from '../ui/format.js';

/**
 * The drawing scale at `node`: the root font size over 16 px (the shadow host's in an embed) —
 * 1 up to 1920 px wide, 2 at 3840 px, more in projector mode (style.css sets the root size
 * from the viewport width and the projector flag). The one place canvas sizes come from: a
 * canvas draws in units of `scale` CSS pixels (see fitCanvas), so its text, lines, dots and
 * margins all grow with the page's text.
 */
export function drawScale(node) {
  const root = node && typeof node.getRootNode === 'function' ? node.getRootNode() : null;
  const element = root && root.host ? root.host : document.documentElement;
  const size = parseFloat(getComputedStyle(element).fontSize);
  return Number.isFinite(size) && size > 0 ? size / 16 : 1;
}

/**
 * Sizes a canvas for crisp drawing: cssW × cssH CSS pixels on the page, its backing store
 * that many device pixels. Returns { dpr, scale, width, height, cssW, cssH } and whether it
 * changed: width and height in device pixels; cssW, cssH and dpr in drawing units (see
 * drawScale: cssW / scale wide, scale · devicePixelRatio device pixels per unit), which is
 * what the draw functions lay out in.
 */
export function fitCanvas(canvas, cssW, cssH) {
  const scale = drawScale(canvas);
  const dpr = Math.max(1, Math.min(4, globalThis.devicePixelRatio || 1));
  const width = Math.max(1, Math.round(cssW * dpr));
  const height = Math.max(1, Math.round(cssH * dpr));
  const changed = canvas.width !== width || canvas.height !== height;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.style.width = `${cssW}px`;
  canvas.style.height = `${cssH}px`;
  return { dpr: dpr * scale, scale, width, height, cssW: cssW / scale, cssH: cssH / scale, changed };
}

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min, max, count) {
  if (!(Number.isFinite(min) && Number.isFinite(max)) || max <= min) return [];
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
  const ticks = [];
  const first = Math.ceil(min / step - 1e-9) * step;
  for (let v = first; v <= max + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    if (ticks.length > 50) break;
  }
  return ticks;
}

/**
 * Evenly spaced tick values with labels that carry enough significant digits to tell
 * neighbours apart (ticks 157.56, 157.57… do not all read "158"): [{ value, label }].
 */
export function labelTicks(ticks) {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 0;
  const largest = Math.max(0, ...ticks.map(Math.abs));
  const digits = step > 0 && largest > 0
    ? Math.min(12, Math.max(3, Math.floor(Math.log10(largest)) - Math.floor(Math.log10(step)) + 1))
    : 3;
  return ticks.map((v) => ({ value: v, label: num(v, digits) }));
}

/** The tick labels' font size, in drawing units (× drawScale CSS px on the page). */
export const TICK_FONT = 13;

/** Text with a dark halo so it reads on any background colour. */
export function haloText(ctx, text, x, y, { color = '#fff', halo = 'rgba(0,0,0,0.85)', font = '600 13px system-ui, sans-serif', align = 'left', baseline = 'middle', width = 3 } = {}) {
  ctx.save();
  ctx.font = font;
  ctx.textAlign = align;
  ctx.textBaseline = baseline;
  ctx.lineJoin = 'round';
  ctx.lineWidth = width;
  ctx.strokeStyle = halo;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
  ctx.restore();
}

/**
 * Strokes the current path twice: `underWidth` wide in `underStyle`, then `overWidth` wide in
 * `overStyle` on top (a line with a contrasting rim).
 */
export function strokeTwice(ctx, underWidth, underStyle, overWidth, overStyle) {
  ctx.lineWidth = underWidth;
  ctx.strokeStyle = underStyle;
  ctx.stroke();
  ctx.lineWidth = overWidth;
  ctx.strokeStyle = overStyle;
  ctx.stroke();
}

/** A filled dot at (x, y), with a `rim` line `rimWidth` wide around it when given. */
export function dot(ctx, x, y, r, fill, rim = null, rimWidth = 1.5) {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
  if (rim) {
    ctx.lineWidth = rimWidth;
    ctx.strokeStyle = rim;
    ctx.stroke();
  }
}

/** Keeps a coordinate within a range the canvas draws reliably (far-off points stay off-screen). */
export function clampPx(v) {
  if (!Number.isFinite(v)) return NaN;
  return Math.max(-1e5, Math.min(1e5, v));
}

/**
 * Draws tick marks and labels on the left and bottom of `plot` ({x, y, w, h} in CSS px),
 * for data ranges [x0, x1] and [y0, y1], with optional axis titles.
 * `yTicks` / `xTicks` may be given as [{ value, label }] to override (log axes).
 */
export function drawAxes(ctx, plot, { x0, x1, y0, y1, xTitle, yTitle, theme, xTicks, yTicks, grid = false, xInteger = false }) {
  const fg = theme.fg;
  ctx.save();
  ctx.font = `${TICK_FONT}px system-ui, sans-serif`;
  ctx.fillStyle = theme.muted;
  ctx.strokeStyle = theme.axis;
  ctx.lineWidth = 1;
  const xs = xTicks || labelTicks(niceTicks(x0, x1, Math.max(2, Math.round(plot.w / 80))).filter((v) => !xInteger || Number.isInteger(v)));
  const ys = yTicks || labelTicks(niceTicks(y0, y1, Math.max(2, Math.round(plot.h / 60))));
  const px = (v) => plot.x + ((v - x0) / (x1 - x0)) * plot.w;
  const py = (v) => plot.y + plot.h - ((v - y0) / (y1 - y0)) * plot.h;
  ctx.beginPath();
  for (const t of xs) {
    const x = Math.round(px(t.value)) + 0.5;
    ctx.moveTo(x, plot.y + plot.h);
    ctx.lineTo(x, plot.y + plot.h + 5);
  }
  for (const t of ys) {
    const y = Math.round(py(t.value)) + 0.5;
    ctx.moveTo(plot.x - 5, y);
    ctx.lineTo(plot.x, y);
  }
  ctx.stroke();
  if (grid) {
    ctx.strokeStyle = theme.grid;
    ctx.beginPath();
    for (const t of ys) {
      const y = Math.round(py(t.value)) + 0.5;
      ctx.moveTo(plot.x, y);
      ctx.lineTo(plot.x + plot.w, y);
    }
    ctx.stroke();
  }
  ctx.strokeStyle = theme.axis;
  ctx.strokeRect(Math.round(plot.x) - 0.5, Math.round(plot.y) - 0.5, Math.round(plot.w) + 1, Math.round(plot.h) + 1);
  ctx.fillStyle = fg;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of xs) ctx.fillText(t.label, px(t.value), plot.y + plot.h + 7);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  let labelWidth = 0;
  for (const t of ys) {
    ctx.fillText(t.label, plot.x - 8, py(t.value));
    labelWidth = Math.max(labelWidth, ctx.measureText(t.label).width);
  }
  ctx.font = '600 13px system-ui, sans-serif';
  if (xTitle) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(xTitle, plot.x + plot.w / 2, plot.y + plot.h + 42);
  }
  if (yTitle) {
    ctx.save();
    // Just left of the widest tick label, but never cut by the canvas's left edge.
    ctx.translate(Math.max(plot.x - 14 - labelWidth, 16), plot.y + plot.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(yTitle, 0, 0);
    ctx.restore();
  }
  ctx.restore();
}

/** The page's colours, read once from CSS custom properties (with fallbacks). */
export function readTheme(element) {
  const css = getComputedStyle(element);
  const pick = (name, fallback) => (css.getPropertyValue(name) || '').trim() || fallback;
  return {
    bg: pick('--canvas-bg', '#ffffff'),
    fg: pick('--fg', '#1b1f24'),
    muted: pick('--muted', '#4b5563'),
    axis: pick('--axis', '#6b7280'),
    grid: pick('--grid', '#e5e7eb'),
    accent: pick('--accent', '#d9480f'),
    line: pick('--chart-line', '#1d4ed8'),
  };
}

/**
 * A log₁₀ y axis for values in [lo, hi] (both > 0) on a plot `height` px tall, with a tick
 * about every `spacing` px: { tx (value → log₁₀), y0, y1 (whole decades), ticks [{ value, label }] }.
 */
function logAxis(lo, hi, height, spacing) {
  const tx = (v) => Math.log10(Math.max(v, 1e-300));
  const y0 = Math.floor(tx(lo));
  let y1 = Math.ceil(tx(hi));
  if (y1 === y0) y1 += 1;
  const stride = Math.max(1, Math.ceil((y1 - y0) / Math.max(2, Math.round(height / spacing))));
  const ticks = [];
  for (let k = y0; k <= y1; k += stride) ticks.push({ value: k, label: powerOfTen(k) });
  return { tx, y0, y1, ticks };
}

/**
 * The y axis of a chart of values in [lo, hi] on a plot `height` px tall. Log₁₀ (a tick about
 * every `logSpacing` px, see logAxis) when `allowLog` and the values are positive and span more
 * than two decades; else linear with a tick about every `spacing` px and 6 % room above and
 * below — none at an end of `fixed` ([lo, hi], e.g. accuracy's [0, 1]) that the values do not
 * pass. Returns { log, tx (value → axis), y0, y1, ticks [{ value, label }] }.
 */
export function valueAxis(lo, hi, height, { allowLog, spacing, logSpacing, fixed = null }) {
  if (allowLog && lo > 0 && hi / lo > 100) return { log: true, ...logAxis(lo, hi, height, logSpacing) };
  const a = fixed ? Math.min(lo, fixed[0]) : lo;
  const b = fixed ? Math.max(hi, fixed[1]) : hi;
  const pad = b > a ? 0.06 * (b - a) : Math.max(1e-9, Math.abs(b) * 0.1 || 1);
  const y0 = fixed && a >= fixed[0] ? a : a - pad;
  const y1 = fixed && b <= fixed[1] ? b : b + pad;
  const ticks = labelTicks(niceTicks(y0, y1, Math.max(2, Math.round(height / spacing))));
  return { log: false, tx: (v) => v, y0, y1, ticks };
}

/** Empty axes with a centred hint, for a chart with nothing to draw yet. */
export function emptyChart(ctx, plot, { theme, xTitle, yTitle, text }) {
  drawAxes(ctx, plot, { x0: 0, x1: 1, y0: 0, y1: 1, xTitle, yTitle, theme, xTicks: [], yTicks: [] });
  ctx.fillStyle = theme.muted;
  ctx.font = '14px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // Too wide for the plot (large text, a narrow chart): two lines, split at the middle space.
  const middle = text.indexOf(' ', Math.floor(text.length / 2) - 1);
  const lines = ctx.measureText(text).width > plot.w - 8 && middle > 0 ? [text.slice(0, middle), text.slice(middle + 1)] : [text];
  const lineHeight = 18;
  lines.forEach((line, i) => ctx.fillText(line, plot.x + plot.w / 2, plot.y + plot.h / 2 + (i - (lines.length - 1) / 2) * lineHeight));
}

/**
 * The width of a view's main square canvas in `wrap`: as large as the column allows, with its
 * x axis still above the fold. The status strip (`strip`) grows when a message is long: it
 * counts as one line, so the canvas keeps its size whatever the status says. Small wobbles
 * (sub-pixel offsets, a line of text) keep the `previous` width, and so the computed pixels.
 * Returns 0 while the column has no width.
 */
export function mainCanvasWidth(wrap, strip, previous) {
  const available = wrap.clientWidth;
  if (!available) return 0;
  // Embed mode: the column's box is what is left of the embed's height (see embed/layout.js).
  if (wrap.closest('.pg-embed')) return Math.floor(Math.max(120, Math.min(available, wrap.clientHeight + 8)));
  const scale = drawScale(wrap);
  const top = wrap.getBoundingClientRect().top + (window.scrollY || 0) - strip.offsetHeight + 40 * scale;
  const room = Math.max(360, window.innerHeight - top - 16 * scale);
  let cssW = Math.floor(Math.max(300, Math.min(available, room + 8)));
  if (previous && Math.abs(cssW - previous) < 8 && previous <= available) cssW = previous;
  return cssW;
}
