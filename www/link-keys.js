// Keys the page itself reads from a link, beside each view's own: `lesson=` (lessons.js) and
// `step=` (open the run already at that step). They are taken off before the view reads the
// rest, and written back after it.

/** The most steps a link may ask the page to take before it is shown. */
export const MAX_LINK_STEPS = 1_000_000;

function decodePart(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Takes `key=` off `hash`: `{ hash, value, rest }` — `hash` without it (keeping a leading '#'),
 * `value` its decoded text (the last one, or undefined), `rest` the other parts.
 */
export function takeKey(hash, key) {
  const text = String(hash || '');
  const lead = text.startsWith('#') ? '#' : '';
  const body = lead ? text.slice(1) : text;
  const rest = [];
  let value;
  for (const part of body.split('&')) {
    if (part.startsWith(`${key}=`)) value = decodePart(part.slice(key.length + 1));
    else if (part !== '') rest.push(part);
  }
  return { hash: `${lead}${rest.join('&')}`, value, rest };
}

/** Takes `step=` off `hash`: `{ hash, step, problem }` (step 0 when absent or refused). */
export function takeStep(hash) {
  const { hash: rest, value } = takeKey(hash, 'step');
  if (value === undefined) return { hash: rest, step: 0 };
  const step = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!(step <= MAX_LINK_STEPS)) {
    return { hash: rest, step: 0, problem: `step = "${value.slice(0, 20)}" is not a whole number from 0 to ${MAX_LINK_STEPS}` };
  }
  return { hash: rest, step };
}

/**
 * `url` with `step=` set to `step` at the end of its hash (the link of a run at that step), or
 * without one at step 0 (or past what a link may ask for).
 */
export function withStep(url, step) {
  const text = String(url);
  const cut = text.indexOf('#');
  const base = cut < 0 ? text : text.slice(0, cut);
  const { hash } = takeKey(cut < 0 ? '' : text.slice(cut + 1), 'step');
  const parts = [hash];
  if (Number.isInteger(step) && step > 0 && step <= MAX_LINK_STEPS) parts.push(`step=${step}`);
  const joined = parts.filter((p) => p !== '').join('&');
  return joined ? `${base}#${joined}` : base;
}
