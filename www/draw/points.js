// Many small dots, cheaply: each dot is an anti-aliased disc (with a rim) stamped into an
// ImageData buffer at device resolution, then the buffer is drawn as one image. Vector arcs
// cost the canvas rasteriser dearly when thousands overlap (a random walk with a small σ piles
// 20 000 proposals on a few pixels); stamping costs the same however they overlap.

/**
 * A disc of `radius` device pixels: `fill` inside, `rim` (`rimWidth` px) around it.
 * Colours are [r, g, b, a] with a in 0..1 (a fill alpha of 0 gives a ring).
 */
export function makeKernel(radius, fill, rim, rimWidth) {
  const half = Math.ceil(radius + 1);
  const size = 2 * half + 1;
  const data = new Float32Array(size * size * 4);
  const inner = Math.max(0, radius - rimWidth);
  for (let j = 0; j < size; j += 1) {
    for (let i = 0; i < size; i += 1) {
      const d = Math.hypot(i - half, j - half);
      const fillCover = Math.max(0, Math.min(1, inner + 0.5 - d));
      const rimCover = Math.max(0, Math.min(1, radius + 0.5 - d)) - fillCover;
      const af = fill[3] * fillCover;
      const ar = rim[3] * rimCover;
      const a = af + ar;
      const k = 4 * (j * size + i);
      if (a > 0) {
        data[k] = (fill[0] * af + rim[0] * ar) / a;
        data[k + 1] = (fill[1] * af + rim[1] * ar) / a;
        data[k + 2] = (fill[2] * af + rim[2] * ar) / a;
        data[k + 3] = Math.min(1, a);
      }
    }
  }
  return { half, size, data };
}

/** An offscreen RGBA layer the size of the plot, in device pixels. */
export class PointLayer {
  constructor() {
    this.canvas = document.createElement('canvas');
    this.ctx = this.canvas.getContext('2d');
    this.image = null;
    this.width = 0;
    this.height = 0;
    this.dirty = false;
    this.count = 0;
    /** What the stamps show (set by the caller, which redraws when it changes). */
    this.key = null;
  }

  /** Sizes the layer; returns true (and clears it) when the size changed. */
  resize(width, height) {
    if (width === this.width && height === this.height && this.image) return false;
    this.width = width;
    this.height = height;
    this.canvas.width = width;
    this.canvas.height = height;
    this.image = this.ctx.createImageData(width, height);
    this.count = 0;
    this.dirty = true;
    return true;
  }

  clear() {
    if (this.image) this.image.data.fill(0);
    this.count = 0;
    this.dirty = true;
  }

  /** Composites `kernel` ("over") centred on device pixel (x, y) of the layer. */
  stamp(kernel, x, y) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const cx = Math.round(x);
    const cy = Math.round(y);
    const { half, size, data } = kernel;
    if (cx + half < 0 || cy + half < 0 || cx - half >= this.width || cy - half >= this.height) return;
    const out = this.image.data;
    const w = this.width;
    for (let j = 0; j < size; j += 1) {
      const py = cy - half + j;
      if (py < 0 || py >= this.height) continue;
      for (let i = 0; i < size; i += 1) {
        const px = cx - half + i;
        if (px < 0 || px >= w) continue;
        const k = 4 * (j * size + i);
        const as = data[k + 3];
        if (as === 0) continue;
        const o = 4 * (py * w + px);
        const ad = out[o + 3] / 255;
        const a = as + ad * (1 - as);
        const keep = (ad * (1 - as)) / a;
        const take = as / a;
        out[o] = data[k] * take + out[o] * keep;
        out[o + 1] = data[k + 1] * take + out[o + 1] * keep;
        out[o + 2] = data[k + 2] * take + out[o + 2] * keep;
        out[o + 3] = a * 255;
      }
    }
    this.dirty = true;
  }

  /**
   * Stamps points `from`..`to` of flat (x, y) pairs; `toX`, `toY` map domain coordinates to
   * device pixels of the layer.
   */
  stampAll(kernel, flat, toX, toY, from = 0, to = flat.length / 2) {
    for (let i = from; i < to; i += 1) this.stamp(kernel, toX(flat[2 * i]), toY(flat[2 * i + 1]));
  }

  /** Draws the layer onto `ctx` at device-pixel position (x, y). */
  drawTo(ctx, x, y) {
    if (!this.image) return;
    if (this.dirty) {
      this.ctx.putImageData(this.image, 0, 0);
      this.dirty = false;
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.canvas, x, y);
    ctx.restore();
  }
}
