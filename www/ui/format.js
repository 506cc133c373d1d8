// Number formatting for the page: like a blackboard (3 significant digits, a true minus
// sign, scientific notation for very large or very small magnitudes).

const SUPERSCRIPT = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

/**
 * Computed values smaller than this in magnitude are zero up to rounding, and read 0: the
 * core's rule for its formulas (ZERO_BELOW in src/text.rs), applied to what the page shows.
 */
const ZERO_BELOW = 1e-12;

/** A computed number for display; non-finite values read as "∞", "−∞" or "NaN". */
export function num(x, digits = 3) {
  if (x === null || x === undefined) return '—';
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return 'NaN';
    return x > 0 ? '∞' : '−∞';
  }
  const m = Math.abs(x);
  let text;
  if (m < ZERO_BELOW) {
    text = '0';
  } else if (m < 1e-3 || m >= 1e5) {
    const [mant, exp] = x.toExponential(digits - 1).split('e');
    text = `${trimZeros(mant)}e${Number(exp)}`;
  } else {
    const decimals = Math.min(6, Math.max(0, digits - 1 - Math.floor(Math.log10(m))));
    text = trimZeros(x.toFixed(decimals));
  }
  return text.replace(/-/g, '−');
}

function trimZeros(s) {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** A point as "(a, b)". */
export function vec(v, digits = 3) {
  if (!v || v.length === 0) return '—';
  return `(${Array.from(v, (x) => num(x, digits)).join(', ')})`;
}

/** 10^k with a superscript exponent, e.g. 10⁻³. */
export function powerOfTen(k) {
  return `10${String(k).split('').map((c) => SUPERSCRIPT[c] || c).join('')}`;
}

/** A range bound for hints: 1000000 → "10⁶", 0.999 → "0.999". */
export function bound(x) {
  if (x !== 0 && Number.isFinite(x)) {
    const k = Math.log10(Math.abs(x));
    if (Number.isInteger(k) && Math.abs(k) >= 4) return `${x < 0 ? '−' : ''}${powerOfTen(k)}`;
    if (Number.isInteger(x)) return String(x).replace('-', '−');
  }
  return num(x, 6);
}
