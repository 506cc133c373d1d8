// The race's small multiples: one picture per strategy, showing what its first seed's lane has
// done so far: on a surface its path, population or samples, drawn with the Landscapes view's
// pieces; on a network's weights its model over the data; on architectures its best candidate.

import { el, replaceChildren } from '../ui/dom.js';
import { fitCanvas } from '../draw/plot.js';
import { plotLayout, heatmapLayer, drawLandscape, updateSampleLayer } from '../draw/landscape.js';
import { PointLayer } from '../draw/points.js';
import { samplesBox } from '../ui/fields.js';
import { num } from '../ui/format.js';
import { legendSample } from './chart.js';
import { drawWeightsLane } from './weights.js';
import { architectureCaption, drawArchitectureLane } from './architecture.js';

/** A lane as the core copies it out (RaceSession.lane): numbers, then four lists of pairs. */
export function parseLane(flat) {
  if (!flat || flat.length < 14) return null;
  const lengths = [10, 11, 12, 13].map((i) => flat[i]);
  let at = 14;
  const [path, samples, asked, previousAsked] = lengths.map((n) => {
    const list = flat.subarray(at, at + n);
    at += n;
    return list;
  });
  const finite = (v) => Number.isFinite(v);
  return {
    start: [flat[0], flat[1]],
    position: [flat[2], flat[3]],
    bestPoint: finite(flat[6]) ? [flat[4], flat[5]] : null,
    bestValue: finite(flat[6]) ? flat[6] : null,
    evaluations: flat[7],
    eliteCount: flat[8],
    accepted: finite(flat[9]) ? flat[9] === 1 : null,
    path, samples, asked, previousAsked,
  };
}

export class RacePictures {
  constructor() {
    this.element = el('div', { class: 'race-pictures' });
    this.cards = [];
  }

  /** One card per strategy, titled `labels[i]`. */
  setStrategies(labels) {
    this.cards = labels.map((label, i) => {
      const canvas = el('canvas', { role: 'img', 'aria-label': `${label}: the first seed's lane` });
      const caption = el('figcaption', { class: 'pg-note' });
      const figure = el('figure', { class: 'race-picture' }, el('h3', { class: 'race-picture-title' }, legendSample(i), label), canvas, caption);
      return { label, canvas, caption, figure, samples: new PointLayer(), dots: {} };
    });
    replaceChildren(this.element, this.cards.map((c) => c.figure));
  }

  /**
   * Draws every card. `frame`: { theme, domain, minima, seed, step (the race's), heatmap(w, h) →
   * layer canvas, key (the race: changes on a new race, a reset or a rewind), lanes: [{ kind, lane
   * (parseLane), settings }] }; on weights also `training` (parseTrainingPoints) and
   * `image(s, w, h)` → lane s's model as RGBA, of at most `pixels` pixels; on architectures
   * `bests` (each strategy's first-seed best so far, its fold picture and the picture's size).
   */
  draw(frame) {
    this.cards.forEach((card, i) => {
      const item = frame.lanes[i];
      const cssW = Math.floor(card.figure.clientWidth);
      if (!item || !item.lane || !cssW) return;
      const cssH = Math.round(cssW * 0.9);
      if (frame.bests) {
        // A model over the plane needs two features; on others the card is its caption.
        card.canvas.hidden = frame.training.bounds.length !== 4;
        if (!card.canvas.hidden) drawArchitectureLane(card.canvas, this.layerOf(card), cssW, cssH, { best: frame.bests[i], training: frame.training, theme: frame.theme });
        const text = architectureCaption(frame.bests[i], frame.seed);
        if (card.caption.textContent !== text) card.caption.textContent = text;
        return;
      }
      if (frame.training) {
        drawWeightsLane(card.canvas, this.layerOf(card), card.dots, cssW, cssH, { image: (w, h) => frame.image(i, w, h), pixels: frame.pixels, training: frame.training });
        this.caption(card, frame, item.lane, 'training loss');
        return;
      }
      const fit = fitCanvas(card.canvas, cssW, cssH);
      const { dpr } = fit;
      const layout = plotLayout(fit.cssW, fit.cssH, dpr);
      const { kind, lane, settings } = item;
      const sampling = samplesBox(kind) || kind === 'random-walk';
      if (sampling) {
        updateSampleLayer(card.samples, { dpr, layout, domain: frame.domain }, {
          key: frame.key,
          evaluations: lane.samples.length / 2,
          newest: (count) => lane.samples.subarray(Math.max(0, lane.samples.length - 2 * count)),
        });
      }
      drawLandscape(card.canvas.getContext('2d'), {
        dpr, cssW: fit.cssW, cssH: fit.cssH, layout, theme: frame.theme,
        heatmap: frame.heatmap(layout.dev.w, layout.dev.h),
        domain: frame.domain, axisNames: ['x', 'y'], minima: frame.minima,
        start: lane.start, kind,
        sampleLayer: sampling ? card.samples : null,
        path: kind === 'gradient' || kind === 'random-walk' ? lane.path : null,
        asked: lane.asked, previousAsked: kind === 'genetic' ? lane.previousAsked : null, parents: null,
        eliteCount: lane.eliteCount, accepted: lane.accepted, position: lane.position,
        bestPoint: lane.bestPoint, gradient: null,
        sigma: settings.sigma, learningRate: settings.learningRate, hover: null,
      });
      this.caption(card, frame, lane, 'J');
    });
  }

  /** The card's off-screen canvas for its model's picture (made on first use). */
  layerOf(card) {
    if (!card.layer) card.layer = document.createElement('canvas');
    return card.layer;
  }

  /** The card's line: the first seed's best `quantity` so far and its evaluations. */
  caption(card, frame, lane, quantity) {
    const best = lane.bestValue === null ? '—' : num(lane.bestValue, 4);
    const stopped = lane.evaluations < frame.step ? ' (it stopped by itself and keeps its best)' : '';
    const text = `seed ${frame.seed}: best ${quantity} = ${best} after ${lane.evaluations} evaluations${stopped}`;
    if (card.caption.textContent !== text) card.caption.textContent = text;
  }
}
