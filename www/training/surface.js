// The "Train a model" view's surface: the model's output (or the shown neuron's) over the plot,
// under the points. It is computed at a resolution the frame can afford (coarser while the run
// plays or when the network is large, from the measured cost per pixel and parameter), and once
// the run rests a coarse picture is sharpened to full device resolution a band of rows per
// frame, shown when complete.

import { Stepper } from '../ui/runbar.js';
import { heatmapLayer } from '../draw/landscape.js';

/** Stepping budget of the main surface while playing, in ms per frame. */
const SURFACE_MS = 6;
/** The surface at full device resolution is computed at once below this cost, in ms (above it, it sharpens a band at a time). */
const SURFACE_NOW_MS = 25;
/** Sharpening the resting surface to full resolution: ms per frame (a band of rows at a time). */
const SHARPEN_MS = 12;

export class PlotSurface {
  /**
   * `view`: the Train a model view whose model it pictures (it reads its `session`, `st`,
   * `plot`, `domain()`, `runKey`, `show`, `network.hoverNode`, `playing`, `lost` and
   * `source.loading`; it marks `dirty.canvas`, and calls `schedule()`, `later()` and
   * `refreshModel()`).
   */
  constructor(view) {
    this.view = view;
    /** The picture on screen (a canvas layer), or null. */
    this.image = null;
    /** What the picture on screen shows (see content()); '' to compute it again. */
    this.key = '';
    /** How much coarser than the device pixels the picture on screen is (1: sharp). */
    this.factor = 0;
    /** How long the last picture took, in ms, and how many pictures were made. */
    this.ms = undefined;
    this.renders = 0;
    this.timer = 0;
    // Drawing cost in ms per pixel and parameter (a pixel through the model costs about its
    // parameters), so a change of network does not mislead the estimate.
    this.unitCost = 1e-6;
    /** The resting surface being sharpened a band at a time: { content, w, h, ms }, or null. */
    this.sharpening = null;
    this.sharpener = new Stepper(null, 1, (budget) => this.view.session.advancePicture(budget));
  }

  /** The picture is computed again at the next update (the run, its size or the neuron shown changed). */
  invalidate() {
    this.key = '';
  }

  /** The estimated cost of one pixel of a picture of the model, in ms. */
  pxCost() {
    return this.unitCost * Math.max(1, this.view.st.parameters || 0);
  }

  /** The device-pixel size of the run's bounds inside the plot. */
  size() {
    const [x0, x1, y0, y1] = this.view.domain();
    const b = this.view.st.bounds;
    const { w, h } = this.view.plot.dev;
    return { w: Math.max(8, Math.round((w * (b[1] - b[0])) / (x1 - x0))), h: Math.max(8, Math.round((h * (b[3] - b[2])) / (y1 - y0))) };
  }

  /** What the surface shows now (run, step, neuron, device size): its key and size. */
  content() {
    const { w, h } = this.size();
    const node = this.view.network.hoverNode;
    const output = this.view.show.discretize ? 'regions' : 'out';
    return { content: `${this.view.runKey}|${this.view.st.step}|${node ? `${node.layer}:${node.index}` : output}|${w}x${h}`, w, h };
  }

  /** The surface: the model's output, or the hovered neuron's, at a resolution the frame can afford. */
  update() {
    const view = this.view;
    if (view.lost) return; // nothing more is asked of a lost core: the last picture stays
    if (!view.st.ready || view.source.loading) {
      this.image = null;
      return;
    }
    const { content, w, h } = this.content();
    const cost = (factor) => (w / factor) * (h / factor) * this.pxCost();
    if (content !== this.key) {
      let factor;
      if (view.playing) factor = Math.max(1, Math.min(8, Math.ceil(Math.sqrt(cost(1) / SURFACE_MS))));
      else factor = cost(1) <= SURFACE_NOW_MS ? 1 : Math.max(2, Math.ceil(Math.sqrt(cost(1) / SURFACE_MS)));
      this.sharpening = null; // a sharper picture of what was on screen is no use now
      this.compute(content, factor);
    }
    if (this.factor > 1 && !view.playing && !this.timer && !this.sharpening) {
      // Sharpen a coarse picture once the run rests: at full device resolution, computed a
      // band of rows per frame (see sharpen), shown when complete.
      this.timer = view.later(() => this.startSharpening(), 160);
    }
  }

  /** Starts sharpening the surface on screen, if it is coarse and shows the model as it is now. */
  startSharpening() {
    const view = this.view;
    this.timer = 0;
    if (view.playing || view.lost || this.sharpening || !view.st.ready || this.factor <= 1) return;
    const { content, w, h } = this.content();
    if (content !== this.key) {
      // The run moved on meanwhile: its coarse picture comes first (and sets the next timer).
      view.dirty.canvas = true;
    } else {
      const node = view.network.hoverNode;
      view.session.startPicture(w, h, node ? node.layer : undefined, node ? node.index : undefined, view.show.discretize);
      this.sharpening = { content, w, h, ms: 0 };
    }
    view.schedule();
  }

  /**
   * Carries the resting surface's sharpening on for this frame's share of time; when it is
   * complete it replaces the coarse picture. Dropped when the run plays or what the surface
   * shows changes (a step, a hovered neuron, a new size).
   */
  sharpen() {
    const view = this.view;
    const job = this.sharpening;
    if (!job) return;
    if (view.playing || view.lost || view.source.loading || !view.st.ready || this.content().content !== job.content) {
      // What is on screen changed: its own picture comes next (and sharpens in turn).
      this.sharpening = null;
      view.dirty.canvas = true;
      view.schedule();
      return;
    }
    const t0 = performance.now();
    const done = this.sharpener.slice(SHARPEN_MS);
    job.ms += performance.now() - t0;
    if (!done) {
      view.schedule();
      return;
    }
    this.sharpening = null;
    this.unitCost = 0.7 * this.unitCost + 0.3 * Math.max(1e-9, job.ms / (job.w * job.h * Math.max(1, view.st.parameters)));
    this.image = heatmapLayer(view.session.pictureRgba(), job.w, job.h);
    this.ms = job.ms;
    this.factor = 1;
    this.renders += 1;
    view.dirty.canvas = true;
    view.schedule();
  }

  /** Computes the picture of `content` at once, `factor` times coarser than the device pixels. */
  compute(content, factor) {
    const view = this.view;
    const { w, h } = this.size();
    const rw = Math.max(8, Math.round(w / factor));
    const rh = Math.max(8, Math.round(h / factor));
    const node = view.network.hoverNode;
    const t0 = performance.now();
    const rgba = node ? view.session.neuron(node.layer, node.index, rw, rh) : view.session.boundary(rw, rh, view.show.discretize);
    const spent = performance.now() - t0;
    this.ms = spent;
    this.unitCost = 0.7 * this.unitCost + 0.3 * Math.max(1e-9, spent / (rw * rh * Math.max(1, view.st.parameters)));
    this.image = heatmapLayer(rgba, rw, rh);
    this.key = content;
    this.factor = factor;
    this.renders += 1;
    if (`${view.runKey}|${view.st.step}` !== view.modelStep) view.refreshModel();
  }
}
