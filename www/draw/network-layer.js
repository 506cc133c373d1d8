// The network picture of a view that must never block: its links (thousands of curves for a
// deep network) are stroked into a cached layer a part per frame, and the canvas shows the
// last complete picture until the next one is ready. Rasterising 5 000 curves takes about
// 70 ms; a part is sized from the measured links per ms to fit the frame's share.

import { drawNetwork, hasNetwork, networkLinks, strokeLinks } from './network.js';

/** The first part's size, in links (before any speed was measured). */
const FIRST_PART = 200;

export class NetworkPicture {
  /** `canvas`: where the picture shows (sized by the caller). */
  constructor(canvas) {
    this.canvas = canvas;
    this.layer = document.createElement('canvas');
    this.layerCtx = null;
    this.linksPerMs = 0;
    /** The picture being drawn: { data, links, at }, or null. */
    this.job = null;
    /** What to draw once the job in progress is complete (a newer model), or null. */
    this.next = null;
  }

  /** Whether a picture is still being drawn (call `work` in later frames). */
  get busy() {
    return this.job !== null;
  }

  /**
   * Asks for `data` (drawNetwork's data) to be shown. A job in progress is finished first when
   * only θ changed (so a fast run still shows pictures); anything else starts afresh.
   */
  show(data) {
    if (this.job && sameFrame(this.job.data, data)) {
      this.next = data;
      return;
    }
    this.next = null;
    this.start(data);
  }

  start(data) {
    if (!hasNetwork(data)) {
      this.job = null;
      drawNetwork(this.canvas.getContext('2d'), data);
      return;
    }
    const { dpr, cssW, cssH } = data;
    const width = Math.max(1, Math.round(cssW * dpr));
    const height = Math.max(1, Math.round(cssH * dpr));
    if (this.layer.width !== width || this.layer.height !== height || !this.layerCtx) {
      this.layer.width = width;
      this.layer.height = height;
      // Read back one pixel per part: the part is rasterised within the frame it was drawn in.
      this.layerCtx = this.layer.getContext('2d', { willReadFrequently: true });
    }
    this.layerCtx.setTransform(1, 0, 0, 1, 0, 0);
    this.layerCtx.clearRect(0, 0, width, height);
    this.layerCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.job = { data, links: networkLinks(data), at: 0 };
  }

  /** Carries the picture on for about `ms` ms; shows it when complete. Returns whether complete. */
  work(ms) {
    const t0 = performance.now();
    while (this.job) {
      const job = this.job;
      const left = ms - (performance.now() - t0);
      if (left <= 0) return false;
      const part = this.linksPerMs > 0 ? Math.max(16, Math.floor(this.linksPerMs * left)) : FIRST_PART;
      const p0 = performance.now();
      strokeLinks(this.layerCtx, job.links, job.at, job.at + part);
      this.layerCtx.getImageData(0, 0, 1, 1);
      const drawn = Math.min(part, job.links.length - job.at);
      job.at += drawn;
      const speed = drawn / Math.max(0.05, performance.now() - p0);
      if (drawn >= 16) this.linksPerMs = this.linksPerMs > 0 ? 0.5 * this.linksPerMs + 0.5 * speed : speed;
      if (job.at < job.links.length) continue;
      drawNetwork(this.canvas.getContext('2d'), job.data, this.layer);
      this.job = null;
      if (this.next) {
        const next = this.next;
        this.next = null;
        this.start(next);
      }
    }
    return true;
  }
}

/** Whether two pictures differ in θ (and what follows from it) only. */
function sameFrame(a, b) {
  const hover = (h) => (h ? `${h.layer}:${h.index}` : '');
  return a.layout === b.layout && a.dpr === b.dpr && a.theme === b.theme && hover(a.hover) === hover(b.hover) && a.sizes.join() === b.sizes.join();
}
