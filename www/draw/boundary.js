// The training canvas: the model's output over the display plane (pixels computed in the core)
// under the data points — training points filled, validation points as hollow diamonds, test
// points as hollow rings, misclassified points circled (a dark ring on a light halo) — with the axes named after the
// features. A one-feature regression shows the data as a scatter with the fitted curve on top.
// Draw functions take plain and typed arrays; they never call the wasm core.

import { haloText, strokeTwice } from './plot.js';
import { makeView, beginPlot } from './landscape.js';
import { diamondPath } from './marks.js';
import { paperColour } from './palette.js';

/** The misclassified rings: a near-black ring on a white halo, readable on every class colour. */
const MISS = '#111111';
const MISS_HALO = 'rgba(255, 255, 255, 0.95)';
const INK = 'rgba(17, 24, 39, 0.92)';

/** Point radius (CSS px) for a dataset of `n` rows: smaller when crowded. */
export function pointRadius(n) {
  if (n > 20000) return 2;
  if (n > 4000) return 3;
  if (n > 1200) return 3.8;
  return 5;
}

/**
 * Draws the points into `layer` (an offscreen canvas the size of the plot, device pixels).
 * `data`: { dpr, layout (plotLayout), domain, points (flat u, v), roles (0 train, 1 validation,
 * 2 test; empty: all training), colourOf(i) → CSS colour, radius, darkRim (a dark rim on
 * training points: for values on a light ramp), hideTest (the test rows are not drawn) }.
 */
/** `layer` sized to the plot's device pixels and cleared; its context in CSS pixels, and the view. */
function clearedLayer(layer, layout, dpr, domain) {
  if (layer.width !== layout.dev.w) layer.width = layout.dev.w;
  if (layer.height !== layout.dev.h) layer.height = layout.dev.h;
  const ctx = layer.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, layer.width, layer.height);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, view: makeView(domain, { x: 0, y: 0, w: layout.css.w, h: layout.css.h }) };
}

export function drawPointLayer(layer, data) {
  const { dpr, layout, domain, points, roles } = data;
  const { ctx, view } = clearedLayer(layer, layout, dpr, domain);
  const r = data.radius;
  const n = points.length / 2;
  // Training points first, then validation, then test on top (the held-out ones stay visible).
  for (const role of data.hideTest ? [0, 1] : [0, 1, 2]) {
    for (let i = 0; i < n; i += 1) {
      if ((roles.length ? roles[i] : 0) !== role) continue;
      const x = view.px(points[2 * i]);
      const y = view.py(points[2 * i + 1]);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const colour = data.colourOf(i);
      ctx.beginPath();
      if (role === 0) {
        ctx.arc(x, y, r, 0, Math.PI * 2);
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.lineWidth = r > 3 ? 1.4 : 1;
        ctx.strokeStyle = data.darkRim ? INK : 'rgba(255, 255, 255, 0.95)';
        ctx.stroke();
      } else {
        if (role === 1) diamondPath(ctx, x, y, r + 1.2);
        else ctx.arc(x, y, r, 0, Math.PI * 2);
        ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
        ctx.fill();
        strokeTwice(ctx, r > 3 ? 2.6 : 1.6, colour, 0.8, INK);
      }
    }
  }
}

/** The last ring layer drawn, with what it shows (see ringLayer). */
const rings = { canvas: null, misclassified: null, points: null, key: '' };

/** A stamp (a canvas, device pixels) of a ring of radius `r` (CSS px) stroked `width` wide in `colour`, at `dpr`. */
function ringStamp(r, width, colour, dpr) {
  const side = Math.ceil(2 * (r + width / 2 + 1) * dpr);
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.beginPath();
  ctx.arc(side / dpr / 2, side / dpr / 2, r, 0, Math.PI * 2);
  ctx.lineWidth = width;
  ctx.strokeStyle = colour;
  ctx.stroke();
  return canvas;
}

/**
 * The rings around the misclassified points, drawn once into an offscreen canvas the
 * size of the plot (device pixels) and reused while the mistakes, the points and the view
 * stay the same: hovering or redrawing 100 000 points costs one blit, not 66 000 arcs. Each
 * ring is stamped (a white halo under every ring, then the dark rings): far cheaper than
 * stroking thousands of arcs after each step.
 */
function ringLayer(scene) {
  const { dpr, layout, domain, points, misclassified: mis } = scene;
  const r = scene.radius + 3.5;
  const key = [dpr, layout.dev.w, layout.dev.h, layout.css.w, layout.css.h, ...domain, r].join(' ');
  if (rings.canvas && rings.misclassified === mis && rings.points === points && rings.key === key) {
    return rings.canvas;
  }
  const layer = rings.canvas || document.createElement('canvas');
  Object.assign(rings, { canvas: layer, misclassified: mis, points, key });
  const { ctx, view } = clearedLayer(layer, layout, dpr, domain);
  // Stamped unscaled at whole device pixels: the quickest copy there is.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  for (const stamp of [ringStamp(r, 5, MISS_HALO, dpr), ringStamp(r, 2.4, MISS, dpr)]) {
    const half = stamp.width / 2;
    for (let i = 0; i < mis.length; i += 1) {
      if (!mis[i]) continue;
      const x = view.px(points[2 * i]) * dpr;
      const y = view.py(points[2 * i + 1]) * dpr;
      if (Number.isFinite(x) && Number.isFinite(y)) ctx.drawImage(stamp, Math.round(x - half), Math.round(y - half));
    }
  }
  return layer;
}

/** Wraps `text` into lines of at most `width` px in the context's font. */
function wrap(ctx, text, width) {
  const lines = [];
  for (const paragraph of String(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (ctx.measureText(candidate).width > width && line) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A message card in the middle of the plot (no run yet, a table still loading…). */
function messageCard(ctx, plot, text) {
  ctx.save();
  ctx.font = '600 15px system-ui, sans-serif';
  const width = Math.min(plot.w - 40, 420);
  const lines = wrap(ctx, text, width - 28);
  const h = lines.length * 21 + 22;
  const x = plot.x + (plot.w - width) / 2;
  const y = plot.y + Math.max(12, (plot.h - h) / 2);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
  ctx.strokeStyle = '#9ca3af';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(x, y, width, h, 8);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#111827';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, x + width / 2, y + 11 + i * 21));
  ctx.restore();
}

/**
 * Draws the training canvas. `scene`:
 *  dpr, cssW, cssH, layout (plotLayout), theme, domain [u0, u1, v0, v1], axisNames [x, y],
 *  surface (canvas or null: the model's output, or a hovered neuron's) covering surfaceDomain
 *  (default: domain), pointLayer (canvas),
 *  points (flat), misclassified (Uint8Array or null), radius, curve (flat u, v or null),
 *  message (text over the plot, or ''), caption (small label at the top left, or ''),
 *  hover { px, py } or null, keyCursor { px, py } or null (the keyboard's crosshair).
 */
export function drawTraining(ctx, scene) {
  const { layout, theme } = scene;
  const plot = layout.css;
  const view = beginPlot(ctx, { ...scene, image: scene.surface, imageDomain: scene.surfaceDomain, paper: paperColour() });
  if (scene.pointLayer) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(scene.pointLayer, layout.dev.x, layout.dev.y);
    ctx.restore();
  }
  const mis = scene.misclassified;
  if (mis && mis.length) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(ringLayer(scene), layout.dev.x, layout.dev.y);
    ctx.restore();
  }
  const curve = scene.curve;
  if (curve && curve.length >= 4) {
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < curve.length; i += 2) {
      const x = view.px(curve[i]);
      const y = view.py(curve[i + 1]);
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      pen = true;
    }
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    strokeTwice(ctx, 6, 'rgba(17, 24, 39, 0.85)', 3.5, theme.accent);
  }
  if (scene.hover) {
    ctx.strokeStyle = 'rgba(17, 24, 39, 0.35)';
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(Math.round(scene.hover.px) + 0.5, plot.y);
    ctx.lineTo(Math.round(scene.hover.px) + 0.5, plot.y + plot.h);
    ctx.moveTo(plot.x, Math.round(scene.hover.py) + 0.5);
    ctx.lineTo(plot.x + plot.w, Math.round(scene.hover.py) + 0.5);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (scene.keyCursor) {
    const { px, py } = scene.keyCursor;
    ctx.beginPath();
    ctx.arc(px, py, 8, 0, Math.PI * 2);
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      ctx.moveTo(px + 4 * dx, py + 4 * dy);
      ctx.lineTo(px + 16 * dx, py + 16 * dy);
    }
    strokeTwice(ctx, 5, 'rgba(255, 255, 255, 0.95)', 2, INK);
  }
  if (scene.caption) {
    haloText(ctx, scene.caption, plot.x + 8, plot.y + 14, { font: '600 14px system-ui, sans-serif' });
  }
  ctx.restore();
  if (scene.message) messageCard(ctx, plot, scene.message);
}
