// The "Train a model" view's network card: the network drawn with its weights (links coloured
// by sign, as thick as their size; a large network's links stroked a part per frame), small
// pictures of every neuron's output when cheap enough, and the neuron under the pointer or the
// keyboard's focus (arrows move between neurons), whose output the plot then shows.

import { el } from '../ui/dom.js';
import { num } from '../ui/format.js';
import { fitCanvas, drawScale } from '../draw/plot.js';
import { heatmapLayer } from '../draw/landscape.js';
import { labelLines, layoutNetwork, nodeAt, outputNames, thetaOffsets } from '../draw/network.js';
import { NetworkPicture } from '../draw/network-layer.js';
import { nextNeuron } from './plot-keys.js';

/** Stroking the network's links: ms per frame, and at least this much in a frame already full. */
const NET_MS = 8;
const NET_MIN_MS = 2;
const HINT = 'Orange: positive weight, blue: negative; thicker = larger |w|. Point at a neuron to see its own output on the plot.';

/** The names of the network's inputs for the run's state `st` and configuration `config`. */
export function inputNames(st, config) {
  const data = st.data;
  if (!data) return ['x', 'y'];
  if (data.features === 1) return [data.featureNames[0]];
  if (config.inputs === 'all') return data.featureNames;
  return config.display === 'pca' ? ['PC 1', 'PC 2'] : st.axisLabels;
}

export class NetworkCard {
  /**
   * `view`: the Train a model view, whose run it draws (it reads its `st`, `config`, `theta`,
   * `runKey`, `session`, `dpr`, `sideW`, `theme`, `playing`, `lost`, `classes()` and
   * `surface.pxCost()`), and which it tells when the neuron shown changes (`hoverChanged()`);
   * `modelRow`: the Save / Load model row, under the drawing.
   */
  constructor(view, modelRow) {
    this.view = view;
    this.canvas = el('canvas', { class: 'tr-network', tabindex: '0', role: 'img', 'aria-label': 'The network: links coloured by the sign of their weight, as thick as its size. Arrow keys choose a neuron: the plot shows its output' });
    this.picture = new NetworkPicture(this.canvas);
    this.note = el('p', { class: 'pg-note', 'aria-live': 'polite' });
    this.element = el('section', { class: 'pg-card tr-net' }, el('h2', { class: 'pg-card-title' }, 'The network'), this.canvas, this.note, modelRow);
    /** The neuron shown on the plot ({ layer, index }), or null: the model's output. */
    this.hoverNode = null;
    this.thumbs = new Map();
    this.thumbsKey = '';
    this.thumbsAt = 0;
  }

  /** Listens, with `on(target, type, fn)`, for the keyboard and the pointer on the drawing. */
  listen(on) {
    const st = () => this.view.st;
    on(this.canvas, 'keydown', (e) => this.keyDown(e));
    on(this.canvas, 'focus', () => {
      if (this.canvas.matches(':focus-visible') && !this.hoverNode && st().ready) this.setHoverNode({ layer: Math.min(1, st().layerSizes.length - 1), index: 0 });
    });
    on(this.canvas, 'blur', () => this.setHoverNode(null));
    on(this.canvas, 'pointermove', (e) => this.move(e));
    on(this.canvas, 'pointerleave', () => this.setHoverNode(null));
  }

  /** The run was built again: a neuron it no longer has is no longer shown, the pictures are redrawn. */
  runChanged() {
    const node = this.hoverNode;
    const sizes = this.view.st.layerSizes;
    if (node && !(node.layer < sizes.length && node.index < sizes[node.layer])) this.hoverNode = null;
    this.thumbsKey = '';
  }

  inputNames() {
    return inputNames(this.view.st, this.view.config);
  }

  outputNames() {
    return outputNames(this.view.classes());
  }

  /** The drawing's keys: arrows move between neurons, Escape goes back to the output. */
  keyDown(event) {
    const st = this.view.st;
    if (event.altKey || event.ctrlKey || event.metaKey || !st.ready) return;
    if (event.key === 'Escape') {
      this.setHoverNode(null);
      return;
    }
    const next = nextNeuron(this.hoverNode || { layer: 0, index: 0 }, event.key, st.layerSizes);
    if (!next) return;
    event.preventDefault();
    this.setHoverNode(next);
  }

  setHoverNode(node) {
    const same = (a, b) => (a === b) || (a && b && a.layer === b.layer && a.index === b.index);
    if (same(node, this.hoverNode)) return;
    this.hoverNode = node ? { layer: node.layer, index: node.index } : null;
    this.note.textContent = node ? this.describeNode(node) : HINT;
    this.view.hoverChanged();
  }

  move(event) {
    if (!this.layout) return;
    const rect = this.canvas.getBoundingClientRect();
    const scale = this.size.scale;
    this.setHoverNode(nodeAt(this.layout, (event.clientX - rect.left) / scale, (event.clientY - rect.top) / scale));
  }

  describeNode(node) {
    const sizes = this.view.st.layerSizes;
    const L = sizes.length - 1;
    if (node.layer === 0) return `Input ${node.index + 1} (${this.inputNames()[node.index] || ''}), over the plane, standardized: shown on the plot.`;
    const { offsets } = thetaOffsets(sizes);
    const bias = this.view.theta[offsets[node.layer - 1].biases + node.index];
    const where = node.layer === L ? `Output ${node.index + 1}` : `Neuron ${node.index + 1} of hidden layer ${node.layer}`;
    return `${where}: bias ${num(bias)}; its output over the plane is on the plot (blue < 0 < orange).`;
  }

  /** Sizes the drawing to the side column's width and lays the neurons out (when anything changed). */
  fit() {
    const st = this.view.st;
    const sideW = this.view.sideW;
    const sizes = st.ready ? st.layerSizes : [];
    const most = sizes.length ? Math.max(...sizes) : 2;
    const scale = drawScale(this.canvas);
    const netH = Math.round(scale * Math.max(170, Math.min(380, most * 26 + 40)));
    const inputs = this.inputNames();
    const outputs = this.outputNames();
    const key = `${sideW}x${netH}x${scale}|${sizes.join(',')}|${inputs.join('\u0000')}|${outputs.join('\u0000')}`;
    if (key === this.key) return;
    this.key = key;
    this.size = fitCanvas(this.canvas, sideW, netH);
    // Room for the names beside the first and last columns, within reason.
    const ctx = this.canvas.getContext('2d');
    ctx.font = '12px system-ui, sans-serif';
    const { cssW, cssH } = this.size;
    const roomMost = 0.26 * cssW - 14;
    const widest = (name) => Math.max(...labelLines(name, ctx, roomMost).map((line) => ctx.measureText(line).width));
    const room = (names) => 14 + Math.min(roomMost, Math.max(0, ...names.map(widest)));
    this.layout = layoutNetwork(sizes, cssW, cssH, { left: room(inputs), right: room(outputs) });
    this.thumbsKey = '';
  }

  /** Draws the network as it is now; false when its neurons' pictures wait for a later frame (while playing). */
  draw(now) {
    const st = this.view.st;
    this.fit();
    if (!this.size) return true;
    const sizes = st.ready ? st.layerSizes : [];
    const thumbsDone = this.updateThumbs(now, sizes);
    const layout = this.layout;
    const gap = layout.nodes.length > 1 && sizes.length > 1 ? (layout.nodes[layout.nodes.length - 1].x - layout.nodes[0].x) / (sizes.length - 1) : 100;
    const wide = gap > 58;
    const headers = sizes.map((n, l) => (l === 0 ? (wide ? 'inputs' : 'in') : l === sizes.length - 1 ? (wide ? 'output' : 'out') : wide ? `layer ${l}` : `${l}`));
    this.picture.show({
      ...this.size, theme: this.view.theme, sizes, theta: this.view.theta, layout,
      inputNames: this.inputNames(), outputNames: this.outputNames(), headers,
      thumbs: this.thumbs, hover: this.hoverNode,
    });
    if (!this.hoverNode && this.note.textContent !== HINT) this.note.textContent = HINT;
    return thumbsDone;
  }

  /**
   * Strokes a part of a large network's links: this frame's share (less when `full`, the
   * frame already spent). Returns whether there is more to stroke in later frames.
   */
  work(full) {
    if (this.picture.busy) this.picture.work(full ? NET_MIN_MS : NET_MS);
    return this.picture.busy;
  }

  /** Small pictures of every neuron's output, when cheap enough (fewer while playing); false: try again later. */
  updateThumbs(now, sizes) {
    const view = this.view;
    const layout = this.layout;
    const key = `${view.runKey}|${view.st.step}|${this.key}`;
    if (!sizes.length || !layout || key === this.thumbsKey || view.lost) return true;
    const side = Math.round(layout.node * view.dpr);
    const count = layout.nodes.length;
    const cost = count * side * side * view.surface.pxCost() * 1.5;
    if (layout.node < 14 || cost > 60 || (view.playing && (cost > 8 || now - this.thumbsAt < 500))) {
      if (layout.node < 14 || cost > 60) this.thumbs.clear();
      return !view.playing;
    }
    this.thumbsKey = key;
    this.thumbsAt = now;
    const thumbs = new Map();
    for (const n of layout.nodes) {
      const rgba = view.session.neuron(n.layer, n.index, side, side);
      thumbs.set(`${n.layer}:${n.index}`, heatmapLayer(rgba, side, side));
    }
    this.thumbs = thumbs;
    return true;
  }

  /** What state() reports of the drawing: its neurons' places and the neuron shown. */
  state() {
    return {
      networkNodes: this.layout ? this.layout.nodes.map(({ layer, index, x, y }) => ({ layer, index, x, y })) : [],
      hoverNode: this.hoverNode ? { ...this.hoverNode } : null,
    };
  }
}
