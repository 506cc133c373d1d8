// The "Train a model" view's population card, for the strategies that search the weights with
// a population (genetic, evolution strategies, random search): the best and mean loss of each
// generation (a chart of charts.js) and the step's candidates as small pictures of their
// output, best first, each labelled with its training loss.

import { el, replaceChildren } from '../ui/dom.js';
import { num } from '../ui/format.js';

/** Population thumbnails: how many, how big (device pixels), how often while playing. */
const THUMBS = 12;
const THUMB_SIZE = 64;
/** The most time all the thumbnails may take in one frame, in ms. */
const THUMBS_MS = 30;
const THUMB_EVERY_MS = 350;

export class PopulationCard {
  /** `chart`: the generations' chart and its legend (nodes shown above the pictures). */
  constructor(...chart) {
    this.title = el('h2', { class: 'pg-card-title' }, 'The population');
    this.note = el('p', { class: 'pg-note' });
    this.grid = el('div', { class: 'tr-thumbs', 'aria-label': 'The population, best first' });
    this.element = el('section', { class: 'pg-card tr-pop', hidden: true }, this.title, ...chart, this.note, this.grid);
    this.key = '';
    this.at = 0;
  }

  /** Shown for population strategies only (`kind`: the strategy's kind), titled after it. */
  showFor(kind) {
    this.element.hidden = kind === 'gradient';
    this.title.textContent = kind === 'genetic' ? 'The population, best first' : 'This step\'s samples, best first';
  }

  /** The pictures are drawn again at the next update (the run changed). */
  invalidate() {
    this.key = '';
  }

  /**
   * Draws the candidates of `session`'s step when the card shows, there is a model (`ready`)
   * and `key` (run and step) is new: while `playing`, at most every THUMB_EVERY_MS (returns
   * false when it waited: ask again later). `pxCost`: the cost of one pixel of a picture of the
   * model, in ms; `classes`: whether the data has classes.
   */
  update(now, { session, ready, key, playing, pxCost, classes }) {
    if (this.element.hidden || !ready || key === this.key) return true;
    if (playing && now - this.at < THUMB_EVERY_MS) return false;
    this.key = key;
    this.at = now;
    const values = session.thumbnailValues(THUMBS);
    // As sharp as THUMBS_MS allows at the surface's cost per pixel: a huge network gets
    // coarser thumbnails (scaled up on screen) rather than a frame that blocks the page.
    const side = Math.max(12, Math.min(THUMB_SIZE, Math.floor(Math.sqrt(THUMBS_MS / (THUMBS * pxCost)))));
    const rgba = values.length ? session.thumbnails(THUMBS, side) : new Uint8Array(0);
    const per = side * side * 4;
    const figures = [];
    for (let k = 0; k < values.length; k += 1) {
      const canvas = el('canvas', { width: String(side), height: String(side), class: 'tr-thumb' });
      const pixels = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset + k * per, per);
      canvas.getContext('2d').putImageData(new ImageData(pixels, side, side), 0, 0);
      figures.push(el('figure', { class: k === 0 ? 'tr-best' : null }, canvas, el('figcaption', {}, `${k === 0 ? 'best' : `#${k + 1}`} · ${num(values[k], 3)}`)));
    }
    replaceChildren(this.grid, figures);
    this.note.textContent = values.length
      ? `Each square is one candidate's ${classes ? 'decision boundary' : 'output'} with its training loss (lower is better).`
      : 'Take a step: the candidates of the step show here.';
    return true;
  }

  /** How many candidates the card shows for `session` (`ready`: there is a model). */
  count(session, ready) {
    return this.element.hidden || !ready ? 0 : session.thumbnailValues(THUMBS).length;
  }
}
