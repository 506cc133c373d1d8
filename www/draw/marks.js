// The landscape's marks — known minima, the start, the path, θ and −∇J, samples, proposals,
// the population — each drawn by one function, which the map and its legend both call, so the
// legend shows exactly what the map draws.

import { strokeTwice, dot } from './plot.js';
import { makeKernel, PointLayer } from './points.js';

/** Overlay colours, chosen to read on every part of the heatmap (each mark has a dark rim). */
export const MARKS = {
  rim: 'rgba(10, 12, 16, 0.9)',
  path: '#ffffff',
  current: '#ff6b1a',
  best: '#ffd21f',
  minimum: '#ffffff',
  start: '#ffffff',
  sample: 'rgba(255, 255, 255, 0.55)',
  asked: '#ffffff',
  accepted: '#27e07a',
  rejected: '#ff4d5e',
  ghost: 'rgba(235, 235, 245, 0.55)',
  link: 'rgba(255, 255, 255, 0.35)',
  elite: '#ffd21f',
  arrow: '#ffffff',
};

/** The radius of a population member's dot, in drawing units (see fitCanvas). */
export const POPULATION_DOT = 3.6;

/** Dot stamps for a device-pixel ratio (cached: built once per ratio). */
export function kernels(dpr) {
  const cache = kernels.cache || (kernels.cache = new Map());
  if (!cache.has(dpr)) {
    const dark = [10, 12, 16];
    cache.set(dpr, {
      sample: makeKernel(2.4 * dpr, [255, 255, 255, 0.75], [...dark, 0.55], 1 * dpr),
      ghost: makeKernel(3 * dpr, [255, 255, 255, 0], [235, 235, 245, 0.7], 1.2 * dpr),
      member: makeKernel(POPULATION_DOT * dpr, [255, 255, 255, 1], [...dark, 0.95], 1.4 * dpr),
      memberSmall: makeKernel(2.6 * dpr, [255, 255, 255, 1], [...dark, 0.9], 1 * dpr),
    });
  }
  return cache.get(dpr);
}

/** Whether flat pair i (x at i, y at i + 1) is finite. */
export function finitePair(a, i) {
  return Number.isFinite(a[i]) && Number.isFinite(a[i + 1]);
}

function ring(ctx, x, y, r, color, width = 2.5) {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  strokeTwice(ctx, width + 2, MARKS.rim, width, color);
}

function starPath(ctx, x, y, r) {
  ctx.beginPath();
  for (let i = 0; i < 10; i += 1) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.45;
    const px = x + rr * Math.cos(a);
    const py = y + rr * Math.sin(a);
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}

function star(ctx, x, y, r, fill) {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  starPath(ctx, x, y, r);
  ctx.lineJoin = 'round';
  ctx.lineWidth = 4;
  ctx.strokeStyle = MARKS.rim;
  ctx.stroke();
  if (fill) {
    ctx.fillStyle = fill;
    ctx.fill();
  } else {
    ctx.lineWidth = 2;
    ctx.strokeStyle = MARKS.minimum;
    ctx.stroke();
  }
}

/** Adds a diamond centred on (x, y), half-diagonal `r`, to the current path. */
export function diamondPath(ctx, x, y, r) {
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
}

function diamond(ctx, x, y, r, fill) {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  ctx.beginPath();
  diamondPath(ctx, x, y, r);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = MARKS.rim;
  ctx.stroke();
}

/** A polyline through flat (x, y) pairs, with a dark rim under a light line. */
function polyline(ctx, view, flat, color, width) {
  const n = flat.length / 2;
  if (n < 2) return;
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < n; i += 1) {
    if (!finitePair(flat, 2 * i)) {
      pen = false;
      continue;
    }
    const x = view.px(flat[2 * i]);
    const y = view.py(flat[2 * i + 1]);
    if (pen) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
    pen = true;
  }
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  strokeTwice(ctx, width + 2.5, MARKS.rim, width, color);
}

/** Many small dots in one path (fast for thousands of samples). */
function dots(ctx, view, flat, r, fill, rim, from = 0, to = flat.length / 2) {
  ctx.beginPath();
  for (let i = from; i < to; i += 1) {
    if (!finitePair(flat, 2 * i)) continue;
    const x = view.px(flat[2 * i]);
    const y = view.py(flat[2 * i + 1]);
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
  if (rim) {
    ctx.lineWidth = 1;
    ctx.strokeStyle = rim;
    ctx.stroke();
  }
  ctx.fillStyle = fill;
  ctx.fill();
}

/** An arrow from (x, y) to (ex, ey) in `color`, over a dark rim. */
export function arrow(ctx, x, y, ex, ey, color) {
  const angle = Math.atan2(ey - y, ex - x);
  const head = 11;
  const draw = (stroke, width) => {
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(ex - Math.cos(angle) * head * 0.6, ey - Math.sin(angle) * head * 0.6);
    ctx.lineWidth = width;
    ctx.strokeStyle = stroke;
    ctx.lineCap = 'round';
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(ex, ey);
    ctx.lineTo(ex - head * Math.cos(angle - 0.42), ey - head * Math.sin(angle - 0.42));
    ctx.lineTo(ex - head * Math.cos(angle + 0.42), ey - head * Math.sin(angle + 0.42));
    ctx.closePath();
    ctx.fillStyle = stroke;
    ctx.fill();
  };
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.shadowColor = MARKS.rim;
  ctx.shadowBlur = 0;
  // rim: draw the arrow slightly fatter in the rim colour, then the arrow itself
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(ex - Math.cos(angle) * head * 0.6, ey - Math.sin(angle) * head * 0.6);
  ctx.lineWidth = 6;
  ctx.strokeStyle = MARKS.rim;
  ctx.lineCap = 'round';
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(ex + 2 * Math.cos(angle), ey + 2 * Math.sin(angle));
  ctx.lineTo(ex - (head + 3) * Math.cos(angle - 0.45), ey - (head + 3) * Math.sin(angle - 0.45));
  ctx.lineTo(ex - (head + 3) * Math.cos(angle + 0.45), ey - (head + 3) * Math.sin(angle + 0.45));
  ctx.closePath();
  ctx.fillStyle = MARKS.rim;
  ctx.fill();
  draw(color, 3);
  ctx.restore();
}

/** A × of half-width `r` at (x, y) in `colour` with a dark rim: a rejected proposal (apart from an accepted dot by shape, not only colour). */
function cross(ctx, x, y, r, colour) {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.save();
  ctx.lineCap = 'round';
  strokeTwice(ctx, 5, MARKS.rim, 2.5, colour);
  ctx.restore();
}

/** One mark each, at (x, y) in drawing units, as the map draws it. */
export const MARK = {
  minimum: (ctx, x, y) => star(ctx, x, y, 10, null),
  start: (ctx, x, y) => diamond(ctx, x, y, 7, MARKS.start),
  best: (ctx, x, y) => star(ctx, x, y, 11, MARKS.best),
  current: (ctx, x, y) => dot(ctx, x, y, 7, MARKS.current, MARKS.rim, 2.5),
  accepted: (ctx, x, y) => dot(ctx, x, y, 4.5, MARKS.accepted, MARKS.rim, 1.5),
  rejected: (ctx, x, y) => cross(ctx, x, y, 4.5, MARKS.rejected),
  elite: (ctx, x, y) => ring(ctx, x, y, 7.5, MARKS.elite, 2),
};

/** Many points as this step's samples (white dots with a dark rim). */
export function askedDots(ctx, view, flat) {
  dots(ctx, view, flat, 4, MARKS.asked, MARKS.rim);
}

/** The path through flat (x, y) pairs; `steps` (flat pairs too) get a dot each. */
export function pathLine(ctx, view, flat, steps) {
  polyline(ctx, view, flat, MARKS.path, 2);
  if (steps) dots(ctx, view, steps, 2.6, MARKS.path, MARKS.rim);
}

/** The proposal scale: a dashed ellipse of radii (rx, ry) around (x, y). */
export function sigmaRing(ctx, x, y, rx, ry) {
  ctx.save();
  ctx.setLineDash([5, 4]);
  ctx.beginPath();
  ctx.ellipse(x, y, rx, ry, 0, 0, Math.PI * 2);
  strokeTwice(ctx, 3, MARKS.rim, 1.5, '#ffffff');
  ctx.restore();
}

/** Strokes the current path as parent → child links. */
export function strokeLinks(ctx) {
  ctx.lineWidth = 1;
  ctx.strokeStyle = MARKS.link;
  ctx.stroke();
}

/** Size of a legend sample, in drawing units. */
const SAMPLE_W = 36;
const SAMPLE_H = 26;

/** What each legend sample draws, centred on (x, y), beyond the single marks. */
const SAMPLES = {
  ...MARK,
  asked: (ctx, x, y) => askedDots(ctx, SAME, [x, y]),
  path: (ctx, x, y) => pathLine(ctx, SAME, [x - 14, y + 4, x, y - 3, x + 14, y + 2], [x, y - 3]),
  arrow: (ctx, x, y) => arrow(ctx, x - 13, y + 5, x + 14, y - 4, MARKS.arrow),
  sigma: (ctx, x, y) => sigmaRing(ctx, x, y, 10, 10),
  link: (ctx, x, y) => {
    ctx.beginPath();
    ctx.moveTo(x - 14, y + 7);
    ctx.lineTo(x + 14, y - 7);
    strokeLinks(ctx);
  },
};

/** The marks stamped into a layer (as the map's many samples and population are). */
const STAMPED = { sample: 'sample', ghost: 'ghost', member: 'member' };

/** A view that leaves coordinates as they are (a legend sample draws in its own units). */
const SAME = { px: (v) => v, py: (v) => v };

/**
 * A legend sample: a small canvas showing mark `name` as the map draws it, on a strip of the
 * heatmap's colours (`ramp`: RGBA pixels, low J to high, from the core); `scale` is the page's
 * drawing scale (see drawScale), for a sharp picture.
 */
export function legendSample(name, ramp, scale = 1) {
  const dpr = Math.max(1, Math.min(4, globalThis.devicePixelRatio || 1)) * scale;
  const canvas = document.createElement('canvas');
  canvas.className = 'pg-mark';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.width = Math.round(SAMPLE_W * dpr);
  canvas.height = Math.round(SAMPLE_H * dpr);
  // In rem: the sample grows with the page's text (projector mode, 4K), as the map's marks do.
  canvas.style.width = `${SAMPLE_W / 16}rem`;
  canvas.style.height = `${SAMPLE_H / 16}rem`;
  const ctx = canvas.getContext('2d');
  const n = ramp.length / 4;
  const ground = ctx.createLinearGradient(0, 0, canvas.width, 0);
  for (let i = 0; i < n; i += 1) {
    ground.addColorStop(i / Math.max(1, n - 1), `rgba(${ramp[4 * i]}, ${ramp[4 * i + 1]}, ${ramp[4 * i + 2]}, ${ramp[4 * i + 3] / 255})`);
  }
  ctx.fillStyle = ground;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (STAMPED[name]) {
    const layer = new PointLayer();
    layer.resize(canvas.width, canvas.height);
    layer.stamp(kernels(dpr)[STAMPED[name]], canvas.width / 2, canvas.height / 2);
    layer.drawTo(ctx, 0, 0);
  } else {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    SAMPLES[name](ctx, SAMPLE_W / 2, SAMPLE_H / 2);
  }
  return canvas;
}
