// The landscape canvas: a cached heatmap (pixels computed in the core) plus overlays that are
// redrawn every frame — axes, known minima, the start point and what the strategy did.
// Draw functions take plain and typed arrays; they never call the wasm core.

import { drawAxes, haloText, clampPx, fitCanvas, mainCanvasWidth, drawScale } from './plot.js';
import { MARKS, MARK, kernels, finitePair, arrow, askedDots, pathLine, sigmaRing, strokeLinks } from './marks.js';
import { num } from '../ui/format.js';

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
  // The walk's σ label sits up and right of θ: while θ is at the start, the label goes the other way.
  if (scene.kind === 'random-walk') return [1, -1];
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
    MARK.minimum(ctx, view.px(minima[i]), view.py(minima[i + 1]));
  }
  if (scene.start && scene.kind !== 'random-global' && scene.kind !== 'grid') {
    const sx = view.px(scene.start[0]);
    const sy = view.py(scene.start[1]);
    MARK.start(ctx, sx, sy);
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
  MARK.best(ctx, x, y);
  if (label) haloText(ctx, 'best', x + 13, y + 1, { color: MARKS.best, font: '700 13px system-ui, sans-serif' });
}

function drawGradient(ctx, view, scene, plot) {
  const path = scene.path || [];
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
  pathLine(ctx, view, path, spaced);
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
  MARK.current(ctx, cx, cy);
  offMap(ctx, view, plot, p);
}

function drawGlobal(ctx, view, scene) {
  const asked = scene.asked || [];
  if (scene.sampleLayer) scene.sampleLayer.drawTo(ctx, scene.layout.dev.x, scene.layout.dev.y);
  // This step's samples stand out (only when there are few enough to tell apart).
  if (asked.length / 2 <= 200) askedDots(ctx, view, asked);
  drawBest(ctx, view, scene);
}

function drawWalk(ctx, view, scene) {
  const asked = scene.asked || [];
  if (scene.sampleLayer) scene.sampleLayer.drawTo(ctx, scene.layout.dev.x, scene.layout.dev.y);
  pathLine(ctx, view, scene.path || []);
  const p = scene.position;
  // The proposal scale: a dashed circle of radius σ around θ.
  if (p && scene.sigma > 0) {
    const rx = scene.sigma * view.sx;
    const ry = scene.sigma * view.sy;
    if (Number.isFinite(rx) && Number.isFinite(ry) && rx < 1e5 && ry < 1e5) {
      sigmaRing(ctx, view.px(p[0]), view.py(p[1]), rx, ry);
      haloText(ctx, 'σ', view.px(p[0]) + rx * 0.72 + 4, view.py(p[1]) - ry * 0.72 - 4, { font: 'italic 700 14px system-ui, sans-serif' });
    }
  }
  const shown = Math.min(asked.length / 2, 200);
  for (let i = 0; i < 2 * shown; i += 2) {
    const isTaken = scene.accepted === true && p && asked[i] === p[0] && asked[i + 1] === p[1];
    const [x, y] = [view.px(asked[i]), view.py(asked[i + 1])];
    if (isTaken) MARK.accepted(ctx, x, y);
    else MARK.rejected(ctx, x, y);
  }
  // The walk only ever moves to a better point, so θ is also the best so far.
  if (p) MARK.current(ctx, view.px(p[0]), view.py(p[1]));
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
    strokeLinks(ctx);
  }
  // The previous generation (rings) and the current one (dots), stamped in one layer.
  if (scene.populationLayer) scene.populationLayer.drawTo(ctx, scene.layout.dev.x, scene.layout.dev.y);
  const elites = Math.min(scene.eliteCount || 0, count);
  for (let i = 0; i < elites; i += 1) {
    MARK.elite(ctx, view.px(current[2 * i]), view.py(current[2 * i + 1]));
  }
  drawBest(ctx, view, scene);
}

/** A one-line read-out for the point under the pointer. */
export function describePoint(axisNames, x, y, value) {
  return `${axisNames[0]} = ${num(x)}, ${axisNames[1]} = ${num(y)}, J = ${num(value)}`;
}
