// The landscape canvas: a cached heatmap (pixels computed in the core) plus overlays that are
// redrawn every frame — axes, known minima, the start point and what the strategy did.
// Draw functions take plain and typed arrays; they never call the wasm core.

import { drawAxes, haloText, clampPx, fitCanvas, mainCanvasWidth, strokeTwice, dot, drawScale } from './plot.js';
import { makeKernel } from './points.js';
import { num } from '../ui/format.js';

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

/**
 * Where the heatmap goes inside a canvas of cssW × cssH CSS pixels, aligned to whole device
 * pixels so the heatmap (computed at device resolution) is drawn 1:1.
 * Returns { dev: {x, y, w, h}, css: {x, y, w, h} }.
 */
export function plotLayout(cssW, cssH, dpr) {
  const margin = { left: 58, right: 14, top: 12, bottom: 50 };
  const dx = Math.round(margin.left * dpr);
  const dy = Math.round(margin.top * dpr);
  const dw = Math.max(16, Math.round((cssW - margin.left - margin.right) * dpr));
  const dh = Math.max(16, Math.round((cssH - margin.top - margin.bottom) * dpr));
  return {
    dev: { x: dx, y: dy, w: dw, h: dh },
    css: { x: dx / dpr, y: dy / dpr, w: dw / dpr, h: dh / dpr },
  };
}

/**
 * Sizes a view's main plot canvas (square but for the x axis) to its column `wrap` (see
 * mainCanvasWidth). Returns { dpr, cssW, cssH, plot (plotLayout) } in drawing units (see
 * fitCanvas; `previousW` too), or null while the column has no width.
 */
export function fitMainPlot(canvas, wrap, strip, previousW) {
  const pageW = mainCanvasWidth(wrap, strip, previousW && Math.round(previousW * drawScale(canvas)));
  if (!pageW) return null;
  const { dpr, cssW, cssH } = fitCanvas(canvas, pageW, pageW - 8);
  return { dpr, cssW, cssH, plot: plotLayout(cssW, cssH, dpr) };
}

/** Turns core RGBA pixels into a canvas that can be drawn quickly every frame. */
export function heatmapLayer(rgba, width, height) {
  const layer = document.createElement('canvas');
  layer.width = width;
  layer.height = height;
  const pixels = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, width * height * 4);
  layer.getContext('2d').putImageData(new ImageData(pixels, width, height), 0, 0);
  return layer;
}

/** The radius of a population member's dot, in drawing units (see fitCanvas). */
export const POPULATION_DOT = 3.6;

/** Dot stamps for a device-pixel ratio (cached: built once per ratio). */
function kernels(dpr) {
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

/** Domain → device pixels inside the plot rectangle (the layers' coordinates). */
function layerMapping(domain, dev) {
  const [x0, x1, y0, y1] = domain;
  return {
    x: (x) => ((x - x0) / (x1 - x0)) * dev.w,
    y: (y) => dev.h - ((y - y0) / (y1 - y0)) * dev.h,
  };
}

/** More samples than the core ever keeps: "all of them". */
const ALL_SAMPLES = 0xffffffff;

/**
 * Keeps the faded-samples layer in step with the run: stamps only the samples evaluated since
 * the last call (all of them after a reset, a resize or another landscape), copying only those
 * out of the core. `run`: { key, evaluations, newest(count) → the newest `count` samples as flat
 * (x, y) pairs }, where `key` changes whenever the picture must restart.
 */
export function updateSampleLayer(layer, { dpr, layout, domain }, run) {
  const resized = layer.resize(layout.dev.w, layout.dev.h);
  const restart = resized || layer.key !== run.key || run.evaluations < layer.count;
  if (restart) {
    layer.clear();
    layer.key = run.key;
    layer.count = 0;
  }
  const unseen = restart ? ALL_SAMPLES : run.evaluations - layer.count;
  if (unseen > 0) {
    const fresh = run.newest(unseen);
    const map = layerMapping(domain, layout.dev);
    layer.stampAll(kernels(dpr).sample, fresh, map.x, map.y, 0, fresh.length / 2);
  }
  layer.count = run.evaluations;
}

/**
 * Redraws the GA layer (the previous generation as rings, the current one as dots) when `key`
 * (run and step) or the size has changed since the last call; a hover alone does not.
 */
export function updatePopulationLayer(layer, { dpr, layout, domain }, key, previous, current) {
  const resized = layer.resize(layout.dev.w, layout.dev.h);
  if (!resized && layer.key === key) return;
  layer.key = key;
  layer.clear();
  const map = layerMapping(domain, layout.dev);
  const k = kernels(dpr);
  layer.stampAll(k.ghost, previous, map.x, map.y);
  layer.stampAll(current.length / 2 > 600 ? k.memberSmall : k.member, current, map.x, map.y);
}

/** Maps between domain coordinates and CSS pixels of the plot. */
export function makeView(domain, plot) {
  const [x0, x1, y0, y1] = domain;
  const sx = plot.w / (x1 - x0);
  const sy = plot.h / (y1 - y0);
  return {
    sx,
    sy,
    px: (x) => clampPx(plot.x + (x - x0) * sx),
    py: (y) => clampPx(plot.y + plot.h - (y - y0) * sy),
    x: (px) => x0 + (px - plot.x) / sx,
    y: (py) => y0 + (plot.y + plot.h - py) / sy,
    inside: (px, py) => px >= plot.x && px <= plot.x + plot.w && py >= plot.y && py <= plot.y + plot.h,
  };
}

/**
 * Where a pointer event falls on a plot canvas: { px, py } in drawing units (see fitCanvas),
 * the domain point { x, y } and whether it is `inside` the plot.
 */
export function pointerOnPlot(event, canvas, domain, plot) {
  const rect = canvas.getBoundingClientRect();
  const scale = drawScale(canvas);
  const px = (event.clientX - rect.left) / scale;
  const py = (event.clientY - rect.top) / scale;
  const view = makeView(domain, plot);
  return { px, py, x: view.x(px), y: view.y(py), inside: view.inside(px, py) };
}

function finitePair(a, i) {
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

function arrow(ctx, x, y, ex, ey, color) {
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

/**
 * Starts a plot: clears the canvas to the theme's background, fills the plot with `paper` (a
 * CSS colour, optional), draws `image` (a canvas of pixels computed over `imageDomain`,
 * default the whole `domain`, at device resolution), the axes named `axisNames`, and clips to
 * the plot. Returns the view (domain ↔ CSS pixels); the caller ends with `ctx.restore()`.
 * `frame`: { dpr, layout (plotLayout), theme, domain, axisNames, image, imageDomain, paper }.
 */
export function beginPlot(ctx, frame) {
  const { dpr, layout, theme, domain, image } = frame;
  const d = layout.dev;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (frame.paper) {
    ctx.fillStyle = frame.paper;
    ctx.fillRect(d.x, d.y, d.w, d.h);
  }
  if (image) {
    const [a0, a1, b0, b1] = domain;
    const [s0, s1, t0, t1] = frame.imageDomain || domain;
    const x = Math.round(d.x + ((s0 - a0) / (a1 - a0)) * d.w);
    const y = Math.round(d.y + ((b1 - t1) / (b1 - b0)) * d.h);
    const w = Math.round(((s1 - s0) / (a1 - a0)) * d.w);
    const h = Math.round(((t1 - t0) / (b1 - b0)) * d.h);
    ctx.imageSmoothingEnabled = image.width !== w || image.height !== h;
    ctx.drawImage(image, x, y, w, h);
    ctx.imageSmoothingEnabled = true;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const plot = layout.css;
  const [x0, x1, y0, y1] = domain;
  drawAxes(ctx, plot, { x0, x1, y0, y1, xTitle: frame.axisNames[0], yTitle: frame.axisNames[1], theme });
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.w, plot.h);
  ctx.clip();
  return makeView(domain, plot);
}

/**
 * The direction, in canvas pixels, in which the run leaves its start: along the path's first
 * segment (longer than 2 px), or at step 0 of gradient descent along −∇J (the arrow drawn
 * there). Null when there is none (a GA's centre).
 */
function leavingDirection(view, scene, [sx, sy]) {
  const path = scene.path || [];
  for (let i = 2; i + 1 < path.length && i < 400; i += 2) {
    const dx = view.px(path[i]) - sx;
    const dy = view.py(path[i + 1]) - sy;
    if (Math.hypot(dx, dy) > 2) return [dx, dy];
  }
  const g = scene.gradient;
  const atStart = scene.position && scene.position[0] === scene.start[0] && scene.position[1] === scene.start[1];
  if (scene.kind === 'gradient' && g && atStart && Math.hypot(g[0], g[1]) > 0) return [-g[0], g[1]];
  return null;
}

/**
 * Where the start's label goes, in canvas pixels: on the side away from `leaving` (the
 * direction in which the run leaves `start`, or null: then up and right), so that it does not
 * cover the path; flipped sideways when it would leave `plot`. `width` and `height` are the
 * text's. Returns { x, y, align, baseline } for the text and its `box` { x0, y0, x1, y1 }.
 */
export function startLabelPlacement({ start: [sx, sy], leaving, width, height, plot }) {
  let [ux, uy] = [Math.SQRT1_2, -Math.SQRT1_2];
  const length = leaving ? Math.hypot(leaving[0], leaving[1]) : 0;
  if (length > 0) [ux, uy] = [-leaving[0] / length, -leaving[1] / length];
  const gap = 11;
  let x = sx + ux * gap;
  let y = sy + uy * gap;
  // The text extends away from the start: rightwards from x when the label sits to the right.
  let align = ux > 0.38 ? 'left' : ux < -0.38 ? 'right' : 'center';
  let baseline = uy > 0.38 ? 'top' : uy < -0.38 ? 'bottom' : 'middle';
  if (align === 'left' && x + width > plot.x + plot.w) [x, align] = [sx - gap, 'right'];
  else if (align === 'right' && x - width < plot.x) [x, align] = [sx + gap, 'left'];
  if (baseline === 'top' && y + height > plot.y + plot.h) [y, baseline] = [sy - gap, 'bottom'];
  else if (baseline === 'bottom' && y - height < plot.y) [y, baseline] = [sy + gap, 'top'];
  const x0 = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
  const y0 = baseline === 'top' ? y : baseline === 'bottom' ? y - height : y - height / 2;
  return { x, y, align, baseline, box: { x0, y0, x1: x0 + width, y1: y0 + height } };
}

/**
 * Draws the whole landscape canvas. `scene`:
 *  dpr, cssW, cssH, layout (from plotLayout), theme, heatmap (canvas or null),
 *  domain [x0, x1, y0, y1], axisNames [x, y], minima (flat x, y, J triples), start [x, y],
 *  kind (strategy), path, asked, previousAsked (flat pairs), parents (Uint32Array),
 *  eliteCount, accepted (bool|null), position [x, y], bestPoint [x, y]|null,
 *  gradient [gx, gy]|null (at position), sigma (walk), learningRate (GD), hover {px, py}|null.
 */
export function drawLandscape(ctx, scene) {
  const { layout } = scene;
  const plot = layout.css;
  const view = beginPlot(ctx, { ...scene, image: scene.heatmap });

  // Known minima (☆) and the start point (◆).
  const minima = scene.minima || [];
  for (let i = 0; i + 2 < minima.length; i += 3) {
    star(ctx, view.px(minima[i]), view.py(minima[i + 1]), 10, null);
  }
  if (scene.start && scene.kind !== 'random-global' && scene.kind !== 'grid') {
    const sx = view.px(scene.start[0]);
    const sy = view.py(scene.start[1]);
    diamond(ctx, sx, sy, 7, MARKS.start);
    const label = scene.kind === 'genetic' ? 'centre' : 'start';
    const font = '600 12px system-ui, sans-serif';
    ctx.save();
    ctx.font = font;
    const width = ctx.measureText(label).width;
    ctx.restore();
    const leaving = leavingDirection(view, scene, [sx, sy]);
    const { x, y, align, baseline } = startLabelPlacement({ start: [sx, sy], leaving, width, height: 12, plot });
    haloText(ctx, label, x, y, { font, align, baseline });
  }

  const drawers = { gradient: drawGradient, 'random-global': drawGlobal, grid: drawGlobal, 'random-walk': drawWalk, genetic: drawGenetic };
  (drawers[scene.kind] || drawGradient)(ctx, view, scene, plot);
  ctx.restore();

  if (scene.hover && view.inside(scene.hover.px, scene.hover.py)) {
    ctx.save();
    ctx.strokeStyle = 'rgba(255,255,255,0.7)';
    ctx.setLineDash([4, 4]);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(scene.hover.px, plot.y);
    ctx.lineTo(scene.hover.px, plot.y + plot.h);
    ctx.moveTo(plot.x, scene.hover.py);
    ctx.lineTo(plot.x + plot.w, scene.hover.py);
    ctx.stroke();
    ctx.restore();
  }
}

/** When θ has left the map (a diverging run), a marker on the edge points at where it went. */
function offMap(ctx, view, plot, p) {
  if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return;
  const x = view.px(p[0]);
  const y = view.py(p[1]);
  if (view.inside(x, y)) return;
  const cx = plot.x + plot.w / 2;
  const cy = plot.y + plot.h / 2;
  const dx = x - cx;
  const dy = y - cy;
  const t = Math.min((plot.w / 2 - 14) / Math.max(Math.abs(dx), 1e-9), (plot.h / 2 - 14) / Math.max(Math.abs(dy), 1e-9));
  const ex = cx + dx * t;
  const ey = cy + dy * t;
  const len = Math.hypot(dx, dy);
  const bx = ex - (dx / len) * 34;
  const by = ey - (dy / len) * 34;
  arrow(ctx, bx, by, ex, ey, MARKS.current);
  const align = ex > cx ? 'right' : 'left';
  haloText(ctx, 'θ is off the map', bx + (align === 'right' ? -6 : 6), by + (ey > cy ? -12 : 12), { color: '#ffffff', align, font: '700 13px system-ui, sans-serif' });
}

function drawBest(ctx, view, scene, label = true) {
  const b = scene.bestPoint;
  if (!b || !Number.isFinite(b[0]) || !Number.isFinite(b[1])) return;
  const x = view.px(b[0]);
  const y = view.py(b[1]);
  star(ctx, x, y, 11, MARKS.best);
  if (label) haloText(ctx, 'best', x + 13, y + 1, { color: MARKS.best, font: '700 13px system-ui, sans-serif' });
}

function drawGradient(ctx, view, scene, plot) {
  const path = scene.path || [];
  polyline(ctx, view, path, MARKS.path, 2);
  // A dot per step, skipped where steps are too close to tell apart.
  const n = path.length / 2;
  const spaced = [];
  let lastX = Infinity;
  let lastY = Infinity;
  for (let i = Math.max(1, n - 600); i < n - 1; i += 1) {
    if (!finitePair(path, 2 * i)) continue;
    const x = view.px(path[2 * i]);
    const y = view.py(path[2 * i + 1]);
    if (Math.hypot(x - lastX, y - lastY) >= 7) {
      spaced.push(path[2 * i], path[2 * i + 1]);
      lastX = x;
      lastY = y;
    }
  }
  dots(ctx, view, spaced, 2.6, MARKS.path, MARKS.rim);
  const p = scene.position;
  if (!p) return;
  const cx = view.px(p[0]);
  const cy = view.py(p[1]);
  const g = scene.gradient;
  if (view.inside(cx, cy) && g && Number.isFinite(g[0]) && Number.isFinite(g[1]) && (g[0] !== 0 || g[1] !== 0)) {
    // −∇J on screen; its length is the plain step α‖∇J‖, kept between 30 px and 30% of the plot.
    const alpha = scene.learningRate || 0;
    const dx = -g[0] * view.sx;
    const dy = g[1] * view.sy;
    const screenNorm = Math.hypot(dx, dy);
    if (screenNorm > 0 && Number.isFinite(screenNorm)) {
      const wanted = alpha * screenNorm;
      const length = Math.max(30, Math.min(0.3 * plot.w, Number.isFinite(wanted) ? wanted : 0));
      const ex = cx + (dx / screenNorm) * length;
      const ey = cy + (dy / screenNorm) * length;
      arrow(ctx, cx, cy, ex, ey, MARKS.arrow);
      const lx = Math.max(plot.x + 16, Math.min(plot.x + plot.w - 16, ex + (dx / screenNorm) * 14));
      const ly = Math.max(plot.y + 10, Math.min(plot.y + plot.h - 10, ey + (dy / screenNorm) * 14));
      haloText(ctx, '−∇J', lx, ly, { font: '700 14px system-ui, sans-serif', align: 'center' });
    }
  }
  dot(ctx, cx, cy, 7, MARKS.current, MARKS.rim, 2.5);
  offMap(ctx, view, plot, p);
}

function drawGlobal(ctx, view, scene) {
  const asked = scene.asked || [];
  if (scene.sampleLayer) scene.sampleLayer.drawTo(ctx, scene.layout.dev.x, scene.layout.dev.y);
  // This step's samples stand out (only when there are few enough to tell apart).
  if (asked.length / 2 <= 200) dots(ctx, view, asked, 4, MARKS.asked, MARKS.rim);
  drawBest(ctx, view, scene);
}

function drawWalk(ctx, view, scene) {
  const asked = scene.asked || [];
  if (scene.sampleLayer) scene.sampleLayer.drawTo(ctx, scene.layout.dev.x, scene.layout.dev.y);
  polyline(ctx, view, scene.path || [], MARKS.path, 2);
  const p = scene.position;
  // The proposal scale: a dashed circle of radius σ around θ.
  if (p && scene.sigma > 0) {
    const rx = scene.sigma * view.sx;
    const ry = scene.sigma * view.sy;
    if (Number.isFinite(rx) && Number.isFinite(ry) && rx < 1e5 && ry < 1e5) {
      ctx.save();
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.ellipse(view.px(p[0]), view.py(p[1]), rx, ry, 0, 0, Math.PI * 2);
      strokeTwice(ctx, 3, MARKS.rim, 1.5, '#ffffff');
      ctx.restore();
      haloText(ctx, 'σ', view.px(p[0]) + rx * 0.72 + 4, view.py(p[1]) - ry * 0.72 - 4, { font: 'italic 700 14px system-ui, sans-serif' });
    }
  }
  const shown = Math.min(asked.length / 2, 200);
  for (let i = 0; i < 2 * shown; i += 2) {
    const isTaken = scene.accepted === true && p && asked[i] === p[0] && asked[i + 1] === p[1];
    const [x, y] = [view.px(asked[i]), view.py(asked[i + 1])];
    if (isTaken) dot(ctx, x, y, 4.5, MARKS.accepted, MARKS.rim, 1.5);
    else cross(ctx, x, y, 4.5, MARKS.rejected);
  }
  // The walk only ever moves to a better point, so θ is also the best so far.
  if (p) dot(ctx, view.px(p[0]), view.py(p[1]), 7, MARKS.current, MARKS.rim, 2.5);
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

/** At most this many parent → child links are drawn (evenly chosen), so big populations stay legible. */
const MAX_LINKS = 400;

function drawGenetic(ctx, view, scene) {
  const current = scene.asked || [];
  const previous = scene.previousAsked || [];
  const parents = scene.parents || [];
  const m = previous.length / 2;
  const count = current.length / 2;
  // Parent → child links for this generation (an elite copied unchanged lists itself twice).
  if (m > 0 && parents.length >= 2 * count) {
    const stride = Math.max(1, Math.ceil(count / MAX_LINKS));
    ctx.beginPath();
    for (let i = 0; i < count; i += stride) {
      if (!finitePair(current, 2 * i)) continue;
      const cx = view.px(current[2 * i]);
      const cy = view.py(current[2 * i + 1]);
      const a = parents[2 * i];
      const b = parents[2 * i + 1];
      for (const p of a === b ? [a] : [a, b]) {
        if (p >= m || !finitePair(previous, 2 * p)) continue;
        ctx.moveTo(view.px(previous[2 * p]), view.py(previous[2 * p + 1]));
        ctx.lineTo(cx, cy);
      }
    }
    ctx.lineWidth = 1;
    ctx.strokeStyle = MARKS.link;
    ctx.stroke();
  }
  // The previous generation (rings) and the current one (dots), stamped in one layer.
  if (scene.populationLayer) scene.populationLayer.drawTo(ctx, scene.layout.dev.x, scene.layout.dev.y);
  const elites = Math.min(scene.eliteCount || 0, count);
  for (let i = 0; i < elites; i += 1) {
    ring(ctx, view.px(current[2 * i]), view.py(current[2 * i + 1]), 7.5, MARKS.elite, 2);
  }
  drawBest(ctx, view, scene);
}

/** A one-line read-out for the point under the pointer. */
export function describePoint(axisNames, x, y, value) {
  return `${axisNames[0]} = ${num(x)}, ${axisNames[1]} = ${num(y)}, J = ${num(value)}`;
}
