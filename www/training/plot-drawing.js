// The "Train a model" view's plot as drawn in a frame: the surface (surface.js) under the data's
// points (kept in a layer that is drawn again only when the points, the layout or the display
// change), the misclassified rings, a one-feature regression's fitted curve, the caption of the
// neuron shown, the pointer's and the keyboard's crosshairs, and what the plot waits for.

import { drawTraining, drawPointLayer, pointRadius } from '../draw/boundary.js';
import { rowColours } from './plot-legend.js';

export class PlotDrawing {
  /**
   * `view`: the Train a model view whose plot this is (it reads its `canvas`, `plot`, `dpr`,
   * `cssW`, `cssH`, `theme`, `st`, `points`, `roles`, `targets`, `curve`, `show`, `source`,
   * `surface`, `network`, `hand`, `domain()`, `classes()` and `ringed()`).
   */
  constructor(view) {
    this.view = view;
    this.pointLayer = document.createElement('canvas');
  }

  /** Draws the plot; with `points`, the points' layer is drawn again first. */
  draw(points) {
    const view = this.view;
    const st = view.st;
    const curve = Boolean(view.curve && view.curve.length);
    const radius = pointRadius(view.points.length / 2);
    if (points) {
      drawPointLayer(this.pointLayer, {
        dpr: view.dpr, layout: view.plot, domain: view.domain(), points: view.points, roles: view.roles,
        colourOf: rowColours({ classes: view.classes(), targets: view.targets, roles: view.roles, curve }), radius, hideTest: !view.show.testData,
        darkRim: !view.classes() && !curve,
      });
    }
    const node = view.network.hoverNode;
    let caption = '';
    if (node && st.ready) {
      const L = st.layerSizes.length - 1;
      caption = node.layer === 0 ? `Input: ${view.network.inputNames()[node.index] || ''}` : node.layer === L ? `Output ${node.index + 1}` : `Layer ${node.layer}, neuron ${node.index + 1}`;
    }
    let message = '';
    if (view.source.loading) message = view.source.loading;
    else if (!st.ready) message = st.message;
    drawTraining(view.canvas.getContext('2d'), {
      dpr: view.dpr, cssW: view.cssW, cssH: view.cssH, layout: view.plot, theme: view.theme,
      domain: view.domain(), surfaceDomain: st.bounds, axisNames: st.axisLabels.map((label, i) => label || (i === 1 ? '' : 'x')),
      surface: view.surface.image, pointLayer: this.pointLayer, points: view.points,
      misclassified: node ? null : view.ringed(), radius,
      curve: st.ready && !node ? view.curve : null, message, caption, hover: view.hand.hover,
      keyCursor: view.hand.shownKeyCursor(),
    });
  }
}
