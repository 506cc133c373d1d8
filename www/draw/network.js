// The network as a graph, like TensorFlow Playground: one column of nodes per layer (inputs,
// hidden layers, outputs), a link per weight — orange for a positive weight, blue for a negative
// one, as thick as |w| — and in each node a thumbnail of that neuron's output over the plane
// (when there is room and the caller has one).
//
// θ is laid out layer by layer: the `out × in` weights row by row (w[o][i] at o·in + i), then
// the layer's `out` biases.

import { classRgb } from './palette.js';

/** The colour of a weight or bias's sign: positive as class 0, negative as class 1. */
const signRgb = (v) => classRgb(v >= 0 ? 0 : 1);

/** Where each layer's weights and biases start in θ. */
export function thetaOffsets(sizes) {
  const offsets = [];
  let at = 0;
  for (let l = 1; l < sizes.length; l += 1) {
    const weights = at;
    at += sizes[l - 1] * sizes[l];
    offsets.push({ weights, biases: at });
    at += sizes[l];
  }
  return { offsets, total: at };
}

/**
 * Node positions for layer sizes `sizes` in a cssW × cssH canvas (room on the left for the
 * input names): [{ layer, index, x, y, size }] with (x, y) the node's centre.
 */
export function layoutNetwork(sizes, cssW, cssH, { left = 86, right = 56, top = 26, bottom = 8 } = {}) {
  const L = sizes.length;
  const nodes = [];
  if (L < 2) return { nodes, node: 0 };
  const most = Math.max(...sizes);
  const tall = cssH - top - bottom;
  const node = Math.max(5, Math.min(30, Math.floor(tall / most) - 4, Math.floor((cssW - left - right) / (L * 1.8))));
  const gap = (cssW - left - right - node) / (L - 1);
  for (let l = 0; l < L; l += 1) {
    const n = sizes[l];
    const pitch = n > 1 ? Math.min(node + 14, (tall - node) / (n - 1)) : 0;
    const span = pitch * (n - 1);
    for (let i = 0; i < n; i += 1) {
      nodes.push({ layer: l, index: i, x: left + node / 2 + l * gap, y: top + tall / 2 - span / 2 + i * pitch, size: node });
    }
  }
  return { nodes, node };
}

/** The node under CSS point (x, y), or null. */
export function nodeAt(layout, x, y) {
  for (const n of layout.nodes) {
    const h = n.size / 2 + 3;
    if (Math.abs(x - n.x) <= h && Math.abs(y - n.y) <= h) return n;
  }
  return null;
}

function rgba(c, a) {
  return `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${a})`;
}

/** `text` cut to fit `width` with "…": a binary search on the length (O(log n) measurements). */
function clip(text, ctx, width) {
  if (ctx.measureText(text).width <= width) return text;
  const fits = (k) => ctx.measureText(`${text.slice(0, k)}…`).width <= width;
  let lo = 1;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  // Never cut a character in two (a UTF-16 surrogate pair).
  const code = text.charCodeAt(lo - 1);
  const k = lo > 1 && code >= 0xd800 && code <= 0xdbff ? lo - 1 : lo;
  return `${text.slice(0, k)}…`;
}

/**
 * A name beside a node in at most two lines of `width`: broken at the last space that lets
 * the first line fit, the rest cut with "…" when it is still too long.
 */
export function labelLines(text, ctx, width) {
  if (ctx.measureText(text).width <= width) return [text];
  for (let at = text.lastIndexOf(' '); at > 0; at = text.lastIndexOf(' ', at - 1)) {
    const head = text.slice(0, at);
    if (ctx.measureText(head).width <= width) return [head, clip(text.slice(at + 1), ctx, width)];
  }
  return [clip(text, ctx, width)];
}

/** Writes `lines` centred on y (line height 13 px). */
function fillLines(ctx, lines, x, y) {
  lines.forEach((line, i) => ctx.fillText(line, x, y + (i - (lines.length - 1) / 2) * 13));
}

/** The names of a network's outputs: ŷ for values, P(second class) for two, else the classes. */
export function outputNames(classNames) {
  if (!classNames) return ['ŷ'];
  if (classNames.length === 2) return [`P(${classNames[1]})`];
  return classNames;
}

/** The nodes by layer and index, and the largest |w| (a link's width is |w| / that). */
function geometry(data) {
  const { sizes, theta, layout } = data;
  const { offsets } = thetaOffsets(sizes);
  const byLayer = [];
  for (const n of layout.nodes) (byLayer[n.layer] ||= [])[n.index] = n;
  let wMax = 1e-9;
  for (let l = 1; l < sizes.length; l += 1) {
    const { weights, biases } = offsets[l - 1];
    for (let k = weights; k < biases; k += 1) if (Number.isFinite(theta[k])) wMax = Math.max(wMax, Math.abs(theta[k]));
  }
  return { offsets, byLayer, wMax };
}

/** Whether `data` has a model to draw (layers and θ). */
export function hasNetwork(data) {
  return data.sizes.length >= 2 && Boolean(data.theta) && data.theta.length > 0;
}

/**
 * Every link of the network to stroke, thin and faint first (so the strong ones read on top):
 * { x0, y0, x1, y1, width, style }. Links off the hovered node are faint.
 */
export function networkLinks(data) {
  const { sizes, theta, hover } = data;
  const { offsets, byLayer, wMax } = geometry(data);
  const links = [];
  for (let l = 1; l < sizes.length; l += 1) {
    const { weights } = offsets[l - 1];
    const fanIn = sizes[l - 1];
    for (let o = 0; o < sizes[l]; o += 1) {
      const to = byLayer[l][o];
      for (let i = 0; i < fanIn; i += 1) {
        const w = theta[weights + o * fanIn + i];
        if (!Number.isFinite(w)) continue;
        const from = byLayer[l - 1][i];
        const t = Math.min(1, Math.abs(w) / wMax);
        const lit = hover && ((hover.layer === l && hover.index === o) || (hover.layer === l - 1 && hover.index === i));
        const alpha = hover && !lit ? 0.12 : 0.25 + 0.7 * t;
        links.push({
          x0: from.x + from.size / 2, y0: from.y, x1: to.x - to.size / 2, y1: to.y,
          width: 0.4 + 5.6 * t, alpha, style: linkStyle(w >= 0, alpha),
        });
      }
    }
  }
  return links.sort((a, b) => a.alpha - b.alpha || a.width - b.width);
}

/** The stroke style of a link of `positive` sign at `alpha` (to 1/1000), made once. */
const STYLES = new Map();
function linkStyle(positive, alpha) {
  const key = Math.round(alpha * 1000) * 2 + (positive ? 1 : 0);
  let style = STYLES.get(key);
  if (style === undefined) STYLES.set(key, (style = rgba(signRgb(positive ? 1 : -1), Math.round(alpha * 1000) / 1000)));
  return style;
}

/** Strokes `links[from..to)` (from networkLinks) as curves, in CSS pixels of ctx's transform. */
export function strokeLinks(ctx, links, from, to) {
  ctx.lineCap = 'butt';
  let current = null;
  for (let k = from; k < Math.min(to, links.length); k += 1) {
    const { x0, y0, x1, y1, width, style } = links[k];
    if (style !== current) ctx.strokeStyle = current = style;
    ctx.lineWidth = width;
    const mid = (x0 + x1) / 2;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.bezierCurveTo(mid, y0, mid, y1, x1, y1);
    ctx.stroke();
  }
}

/**
 * Draws the network. `data`: { dpr, cssW, cssH, theme, sizes, theta, layout (layoutNetwork),
 * inputNames, outputNames, headers [text per layer], thumbs (Map "layer:index" → canvas),
 * hover (node or null) }. `linkLayer`: a canvas of the links already stroked for `data`
 * (device pixels, transparent elsewhere), or null to stroke them here.
 */
export function drawNetwork(ctx, data, linkLayer = null) {
  const { dpr, cssW, cssH, theme, sizes, theta, layout } = data;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, cssW, cssH);
  const L = sizes.length;
  if (!hasNetwork(data)) {
    ctx.fillStyle = theme.muted;
    ctx.font = '14px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText('No model yet', cssW / 2, cssH / 2);
    return;
  }
  const { offsets, byLayer, wMax } = geometry(data);
  const hover = data.hover;
  if (linkLayer) ctx.drawImage(linkLayer, 0, 0, cssW, cssH);
  else {
    const links = networkLinks(data);
    strokeLinks(ctx, links, 0, links.length);
  }
  // Nodes: the neuron's thumbnail, or its bias as a colour.
  for (const n of layout.nodes) {
    const s = n.size;
    const x = n.x - s / 2;
    const y = n.y - s / 2;
    const thumb = data.thumbs && data.thumbs.get(`${n.layer}:${n.index}`);
    if (thumb) {
      ctx.drawImage(thumb, x, y, s, s);
    } else {
      let fill = '#ffffff';
      if (n.layer > 0) {
        const b = theta[offsets[n.layer - 1].biases + n.index];
        if (Number.isFinite(b)) fill = rgba(signRgb(b), 0.15 + 0.6 * Math.min(1, Math.abs(b) / wMax));
      }
      ctx.fillStyle = fill;
      ctx.fillRect(x, y, s, s);
    }
    const isHover = hover && hover.layer === n.layer && hover.index === n.index;
    // In the theme's text colour, so the outlines read on a dark page too.
    ctx.lineWidth = isHover ? 3 : 1.2;
    ctx.strokeStyle = theme.fg;
    ctx.globalAlpha = isHover ? 1 : 0.75;
    ctx.strokeRect(x, y, s, s);
    ctx.globalAlpha = 1;
  }
  // Names of the inputs and outputs, and a header per layer.
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = theme.fg;
  ctx.textBaseline = 'middle';
  const first = byLayer[0];
  if (first && first.length && first[0].size >= 9) {
    ctx.textAlign = 'right';
    for (const n of first) fillLines(ctx, labelLines(data.inputNames[n.index] || `x${n.index + 1}`, ctx, n.x - n.size / 2 - 6), n.x - n.size / 2 - 5, n.y);
  }
  const last = byLayer[L - 1];
  if (last && last[0].size >= 9) {
    ctx.textAlign = 'left';
    for (const n of last) fillLines(ctx, labelLines(data.outputNames[n.index] || 'ŷ', ctx, cssW - n.x - n.size / 2 - 6), n.x + n.size / 2 + 5, n.y);
  }
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = theme.muted;
  for (let l = 0; l < L; l += 1) {
    const n = byLayer[l][0];
    ctx.fillText(data.headers[l] || '', n.x, 4);
  }
}
