// The page's data colours, from the core's one palette (src/render/boundary.rs), installed once
// the wasm is loaded: class colours and the diverging value ramp (the regression pictures'
// colour rule, sampled as a strip). Nothing here restates a colour or a colour formula.

/** Samples of the value ramp kept for point colours (odd: the middle one is 0, the paper). */
const VALUE_SHADES = 257;

let classes = null;
let rgbs = null;
let values = null;

/** Keeps the core's palette (called once the wasm is loaded): `core` has classColours and valueBar. */
export function installPalette(core) {
  const flat = core.classColours();
  rgbs = [];
  for (let k = 0; k + 2 < flat.length; k += 3) rgbs.push([flat[k], flat[k + 1], flat[k + 2]]);
  classes = rgbs.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`);
  const strip = core.valueBar(VALUE_SHADES);
  values = [];
  for (let i = 0; i < strip.length; i += 4) values.push(`rgb(${strip[i]}, ${strip[i + 1]}, ${strip[i + 2]})`);
}

function loaded() {
  if (!classes) throw new Error('the palette is not loaded yet');
}

/** Index of class `k`'s colour (the palette repeats beyond its end). */
function slot(k) {
  loaded();
  const n = classes.length;
  return ((Math.trunc(k) % n) + n) % n;
}

/** CSS colour of class `k`. */
export function classColour(k) {
  return classes[slot(k)];
}

/** [r, g, b] of class `k`. */
export function classRgb(k) {
  return rgbs[slot(k)];
}

/** CSS colour of `t` on the value ramp, −1 (full low colour) … 0 (paper) … +1 (full high colour), clamped. */
export function rampColour(t) {
  loaded();
  const u = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  return values[Math.round(((u + 1) / 2) * (VALUE_SHADES - 1))];
}

/** The paper under the pictures: the value ramp's colour at 0. */
export function paperColour() {
  return rampColour(0);
}
