// Keyboard ways into the Train a model view's pictures: on the plot, the arrow keys move a
// crosshair (a place on the plot as fractions of its width and height) and Enter adds a point
// there; on the network drawing, the arrow keys move from neuron to neuron.

/** The share of the plot one arrow press moves the crosshair; with Shift, a jump. */
const STEP = 1 / 40;
const JUMP = 1 / 8;

/** How each arrow moves: [across, up]. */
const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

const clamp01 = (x) => Math.min(1, Math.max(0, x));

/**
 * The crosshair `{ fx, fy }` (fractions of the plot from its left and its bottom) after `key`
 * (`shift`: a jump), kept on the plot; null when the key is not an arrow.
 */
export function moveCursor(cursor, key, shift) {
  const arrow = ARROWS[key];
  if (!arrow) return null;
  const d = shift ? JUMP : STEP;
  // Whole steps from the middle, so the crosshair comes back to the same places.
  const snap = (x) => Math.round(x / STEP) * STEP;
  return { fx: clamp01(snap(cursor.fx + arrow[0] * d)), fy: clamp01(snap(cursor.fy + arrow[1] * d)) };
}

/**
 * The neuron after `key` from `node` in a network of layer sizes `sizes` (inputs first):
 * ← → the layer before or after (the same place in it, or its last neuron), ↑ ↓ the neuron
 * above or below; null when the key is not an arrow.
 */
export function nextNeuron(node, key, sizes) {
  const arrow = ARROWS[key];
  if (!arrow || !sizes.length) return null;
  const layer = Math.min(sizes.length - 1, Math.max(0, node.layer + arrow[0]));
  const index = Math.min(sizes[layer] - 1, Math.max(0, node.index - arrow[1]));
  return { layer, index };
}
