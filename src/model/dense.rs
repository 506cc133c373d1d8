//! The fully connected layer's kernels, forward and back, for a chunk of blocks laid out
//! neuron by neuron (see [`super::lanes`]): `input[i · blocks + b]` is input neuron `i` of
//! block `b`, one lane pair per block.
//!
//! Each kernel checks the shapes of its slices once, on entry; every index it forms after
//! that is within them by construction (the loop bounds say why, next to each loop), so
//! the loops read and write through [`at`], [`at_mut`] and [`weight`] without a bounds check
//! per access. The register tiles are spelled out (four outputs by two blocks, two outputs by
//! four inputs…), with [`F2`]'s operations inlined, so the kernels neither depend on LLVM's
//! vectoriser or unroller nor call anything, at any `opt-level`. Sums are taken in the same
//! order as plain loops would, so the results are the same bits.

use super::lanes::{F2, Lanes};

/// `values[i]` as a lane pair; the caller guarantees `i < values.len()`.
#[inline(always)]
fn at(values: &[Lanes], i: usize) -> F2 {
    debug_assert!(i < values.len());
    // SAFETY: the caller's guarantee.
    F2::load(unsafe { values.get_unchecked(i) })
}

/// The lane pair `values[i]`, to write; the caller guarantees `i < values.len()`.
#[inline(always)]
fn at_mut(values: &mut [Lanes], i: usize) -> &mut Lanes {
    debug_assert!(i < values.len());
    // SAFETY: the caller's guarantee.
    unsafe { values.get_unchecked_mut(i) }
}

/// `weights[i]` in both lanes; the caller guarantees `i < weights.len()`.
#[inline(always)]
fn weight(weights: &[f64], i: usize) -> F2 {
    debug_assert!(i < weights.len());
    // SAFETY: the caller's guarantee.
    F2::splat(unsafe { *weights.get_unchecked(i) })
}

/// A fully connected layer going forward, for `blocks` blocks: `out[o] = biases[o] +
/// Σᵢ weights[o][i]·input[i]`, the sum taken in input order. `weights` is
/// `[out neurons][input neurons]`, row by row.
///
/// Tiles of four outputs by two blocks: eight sums in flight, each input loaded once for four
/// outputs and each weight once for two blocks.
pub(crate) fn dense_forward(
    weights: &[f64],
    biases: &[f64],
    input: &[Lanes],
    out: &mut [Lanes],
    blocks: usize,
) {
    let s = blocks;
    let (n, m) = (input.len() / s, out.len() / s);
    assert!(
        input.len() == n * s
            && out.len() == m * s
            && n.checked_mul(m) == Some(weights.len())
            && biases.len() == m,
        "layer shapes disagree"
    );
    // Below: o + 3 < m, b + 1 < s and i < n, so (o + 3)·n + i < m·n, i·s + b + 1 < n·s and
    // (o + 3)·s + b + 1 < m·s.
    let mut o = 0;
    while o + 4 <= m {
        let (w0, w1, w2, w3) = (o * n, (o + 1) * n, (o + 2) * n, (o + 3) * n);
        let bias = [biases[o], biases[o + 1], biases[o + 2], biases[o + 3]].map(F2::splat);
        let mut b = 0;
        while b + 2 <= s {
            let [mut z0, mut z1, mut z2, mut z3] = bias;
            let [mut y0, mut y1, mut y2, mut y3] = bias;
            let (mut i, mut x) = (0, b);
            while i < n {
                let (a, c) = (at(input, x), at(input, x + 1));
                let (v0, v1) = (weight(weights, w0 + i), weight(weights, w1 + i));
                let (v2, v3) = (weight(weights, w2 + i), weight(weights, w3 + i));
                z0 = z0 + v0 * a;
                y0 = y0 + v0 * c;
                z1 = z1 + v1 * a;
                y1 = y1 + v1 * c;
                z2 = z2 + v2 * a;
                y2 = y2 + v2 * c;
                z3 = z3 + v3 * a;
                y3 = y3 + v3 * c;
                i += 1;
                x += s;
            }
            z0.store(at_mut(out, o * s + b));
            z1.store(at_mut(out, (o + 1) * s + b));
            z2.store(at_mut(out, (o + 2) * s + b));
            z3.store(at_mut(out, (o + 3) * s + b));
            y0.store(at_mut(out, o * s + b + 1));
            y1.store(at_mut(out, (o + 1) * s + b + 1));
            y2.store(at_mut(out, (o + 2) * s + b + 1));
            y3.store(at_mut(out, (o + 3) * s + b + 1));
            b += 2;
        }
        if b < s {
            let [mut z0, mut z1, mut z2, mut z3] = bias;
            let (mut i, mut x) = (0, b);
            while i < n {
                let a = at(input, x);
                z0 = z0 + weight(weights, w0 + i) * a;
                z1 = z1 + weight(weights, w1 + i) * a;
                z2 = z2 + weight(weights, w2 + i) * a;
                z3 = z3 + weight(weights, w3 + i) * a;
                i += 1;
                x += s;
            }
            z0.store(at_mut(out, o * s + b));
            z1.store(at_mut(out, (o + 1) * s + b));
            z2.store(at_mut(out, (o + 2) * s + b));
            z3.store(at_mut(out, (o + 3) * s + b));
        }
        o += 4;
    }
    // The last outputs one at a time: o < m, b < s, i < n.
    while o < m {
        let bias = F2::splat(biases[o]);
        let mut b = 0;
        while b < s {
            let mut z = bias;
            let (mut i, mut x) = (0, b);
            while i < n {
                z = z + weight(weights, o * n + i) * at(input, x);
                i += 1;
                x += s;
            }
            z.store(at_mut(out, o * s + b));
            b += 1;
        }
        o += 1;
    }
}

/// A fully connected layer going back, for `blocks` blocks: adds `delta[o]·input[i]` to the
/// lane gradients `gradient[o][i]` and `delta[o]` to `bias_gradient[o]`, block after block,
/// and, when `back` is given, sets `back[i] = Σₒ weights[o][i]·delta[o]` (summed in output
/// order), the deltas of the layer's inputs before the activation's derivative.
///
/// The gradient goes in tiles of two outputs by four inputs, eight running sums over the
/// blocks; the back pass in tiles of four inputs by two blocks, eight sums over the outputs
/// sharing each weight.
pub(crate) fn dense_backward(
    weights: &[f64],
    delta: &[Lanes],
    input: &[Lanes],
    gradient: &mut [Lanes],
    bias_gradient: &mut [Lanes],
    back: Option<&mut [Lanes]>,
    blocks: usize,
) {
    let s = blocks;
    let (n, m) = (input.len() / s, delta.len() / s);
    assert!(
        input.len() == n * s
            && delta.len() == m * s
            && n.checked_mul(m) == Some(weights.len())
            && gradient.len() == weights.len()
            && bias_gradient.len() == m,
        "layer shapes disagree"
    );
    // o < m, b < s: o·s + b < m·s.
    let mut o = 0;
    while o < m {
        let mut sum = F2::load(&bias_gradient[o]);
        let mut b = 0;
        while b < s {
            sum = sum + at(delta, o * s + b);
            b += 1;
        }
        sum.store(&mut bias_gradient[o]);
        o += 1;
    }
    // i + 3 < n, o + 1 < m, b < s: (i + 3)·s + b < n·s, (o + 1)·s + b < m·s and
    // (o + 1)·n + i + 3 < m·n.
    let mut i = 0;
    while i + 4 <= n {
        let (x0, x1, x2, x3) = (i * s, (i + 1) * s, (i + 2) * s, (i + 3) * s);
        let mut o = 0;
        while o + 2 <= m {
            let (d, e) = (o * s, (o + 1) * s);
            let (g, h) = (o * n + i, (o + 1) * n + i);
            let (mut g0, mut g1) = (at(gradient, g), at(gradient, g + 1));
            let (mut g2, mut g3) = (at(gradient, g + 2), at(gradient, g + 3));
            let (mut h0, mut h1) = (at(gradient, h), at(gradient, h + 1));
            let (mut h2, mut h3) = (at(gradient, h + 2), at(gradient, h + 3));
            let mut b = 0;
            while b < s {
                let (db, eb) = (at(delta, d + b), at(delta, e + b));
                let (a0, a1) = (at(input, x0 + b), at(input, x1 + b));
                let (a2, a3) = (at(input, x2 + b), at(input, x3 + b));
                g0 = g0 + db * a0;
                h0 = h0 + eb * a0;
                g1 = g1 + db * a1;
                h1 = h1 + eb * a1;
                g2 = g2 + db * a2;
                h2 = h2 + eb * a2;
                g3 = g3 + db * a3;
                h3 = h3 + eb * a3;
                b += 1;
            }
            g0.store(at_mut(gradient, g));
            g1.store(at_mut(gradient, g + 1));
            g2.store(at_mut(gradient, g + 2));
            g3.store(at_mut(gradient, g + 3));
            h0.store(at_mut(gradient, h));
            h1.store(at_mut(gradient, h + 1));
            h2.store(at_mut(gradient, h + 2));
            h3.store(at_mut(gradient, h + 3));
            o += 2;
        }
        if o < m {
            let (d, g) = (o * s, o * n + i);
            let (mut g0, mut g1) = (at(gradient, g), at(gradient, g + 1));
            let (mut g2, mut g3) = (at(gradient, g + 2), at(gradient, g + 3));
            let mut b = 0;
            while b < s {
                let db = at(delta, d + b);
                g0 = g0 + db * at(input, x0 + b);
                g1 = g1 + db * at(input, x1 + b);
                g2 = g2 + db * at(input, x2 + b);
                g3 = g3 + db * at(input, x3 + b);
                b += 1;
            }
            g0.store(at_mut(gradient, g));
            g1.store(at_mut(gradient, g + 1));
            g2.store(at_mut(gradient, g + 2));
            g3.store(at_mut(gradient, g + 3));
        }
        i += 4;
    }
    // The last inputs one at a time, four outputs at a time: i < n, o + 3 < m, b < s.
    while i < n {
        let x = i * s;
        let mut o = 0;
        while o + 4 <= m {
            let (d0, d1, d2, d3) = (o * s, (o + 1) * s, (o + 2) * s, (o + 3) * s);
            let (g0, g1, g2, g3) = (o * n + i, (o + 1) * n + i, (o + 2) * n + i, (o + 3) * n + i);
            let (mut s0, mut s1) = (at(gradient, g0), at(gradient, g1));
            let (mut s2, mut s3) = (at(gradient, g2), at(gradient, g3));
            let mut b = 0;
            while b < s {
                let a = at(input, x + b);
                s0 = s0 + at(delta, d0 + b) * a;
                s1 = s1 + at(delta, d1 + b) * a;
                s2 = s2 + at(delta, d2 + b) * a;
                s3 = s3 + at(delta, d3 + b) * a;
                b += 1;
            }
            s0.store(at_mut(gradient, g0));
            s1.store(at_mut(gradient, g1));
            s2.store(at_mut(gradient, g2));
            s3.store(at_mut(gradient, g3));
            o += 4;
        }
        while o < m {
            let (d, g) = (o * s, o * n + i);
            let mut sum = at(gradient, g);
            let mut b = 0;
            while b < s {
                sum = sum + at(delta, d + b) * at(input, x + b);
                b += 1;
            }
            sum.store(at_mut(gradient, g));
            o += 1;
        }
        i += 1;
    }
    let Some(back) = back else {
        return;
    };
    assert!(back.len() == n * s, "layer shapes disagree");
    // Two blocks at a time, b and c = b + 1 < s, or the last one alone (then c = b, written
    // twice); i + 3 < n and o < m: o·s + c < m·s, o·n + i + 3 < m·n, (i + 3)·s + c < n·s.
    let mut b = 0;
    while b < s {
        let c = if b + 1 < s { b + 1 } else { b };
        let mut i = 0;
        while i + 4 <= n {
            let zero = F2::splat(0.0);
            let [mut p0, mut p1, mut p2, mut p3] = [zero; 4];
            let [mut q0, mut q1, mut q2, mut q3] = [zero; 4];
            let (mut o, mut w, mut d) = (0, i, 0);
            while o < m {
                let (db, dc) = (at(delta, d + b), at(delta, d + c));
                let (v0, v1) = (weight(weights, w), weight(weights, w + 1));
                let (v2, v3) = (weight(weights, w + 2), weight(weights, w + 3));
                p0 = p0 + v0 * db;
                q0 = q0 + v0 * dc;
                p1 = p1 + v1 * db;
                q1 = q1 + v1 * dc;
                p2 = p2 + v2 * db;
                q2 = q2 + v2 * dc;
                p3 = p3 + v3 * db;
                q3 = q3 + v3 * dc;
                o += 1;
                w += n;
                d += s;
            }
            p0.store(at_mut(back, i * s + b));
            p1.store(at_mut(back, (i + 1) * s + b));
            p2.store(at_mut(back, (i + 2) * s + b));
            p3.store(at_mut(back, (i + 3) * s + b));
            q0.store(at_mut(back, i * s + c));
            q1.store(at_mut(back, (i + 1) * s + c));
            q2.store(at_mut(back, (i + 2) * s + c));
            q3.store(at_mut(back, (i + 3) * s + c));
            i += 4;
        }
        // i < n, o < m.
        while i < n {
            let (mut p, mut q) = (F2::splat(0.0), F2::splat(0.0));
            let (mut o, mut w, mut d) = (0, i, 0);
            while o < m {
                let v = weight(weights, w);
                p = p + v * at(delta, d + b);
                q = q + v * at(delta, d + c);
                o += 1;
                w += n;
                d += s;
            }
            p.store(at_mut(back, i * s + b));
            q.store(at_mut(back, i * s + c));
            i += 1;
        }
        b += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kernels against plain loops, for widths and block counts around their tiles.
    #[test]
    fn dense_kernels_match_plain_loops() {
        let value = |k: usize| ((k * 37 % 23) as f64 - 11.0) / 7.0;
        for (n, m, s) in [
            (1, 1, 1),
            (2, 8, 5),
            (8, 8, 3),
            (3, 5, 2),
            (9, 6, 1),
            (5, 1, 4),
            (4, 7, 8),
            (8, 1, 5),
        ] {
            let weights: Vec<f64> = (0..n * m).map(value).collect();
            let biases: Vec<f64> = (0..m).map(|k| value(k + 100)).collect();
            let input: Vec<Lanes> = (0..n * s)
                .map(|k| [value(k + 200), value(k + 300)])
                .collect();
            let delta: Vec<Lanes> = (0..m * s)
                .map(|k| [value(k + 400), value(k + 500)])
                .collect();

            let mut out = vec![[0.0; 2]; m * s];
            dense_forward(&weights, &biases, &input, &mut out, s);
            for (o, b, lane) in (0..m * s * 2).map(|k| (k / (2 * s), k / 2 % s, k % 2)) {
                let mut z = biases[o];
                for i in 0..n {
                    z += weights[o * n + i] * input[i * s + b][lane];
                }
                assert_eq!(out[o * s + b][lane], z, "forward {n}x{m}x{s} o={o}");
            }

            let mut gradient = vec![[1.0, -1.0]; n * m];
            let mut bias_gradient = vec![[0.5, 0.25]; m];
            let mut back = vec![[9.0; 2]; n * s];
            dense_backward(
                &weights,
                &delta,
                &input,
                &mut gradient,
                &mut bias_gradient,
                Some(&mut back),
                s,
            );
            for lane in 0..2 {
                for o in 0..m {
                    let mut want = [0.5, 0.25][lane];
                    for b in 0..s {
                        want += delta[o * s + b][lane];
                    }
                    assert_eq!(bias_gradient[o][lane], want);
                    for i in 0..n {
                        let mut want = [1.0, -1.0][lane];
                        for b in 0..s {
                            want += delta[o * s + b][lane] * input[i * s + b][lane];
                        }
                        assert_eq!(gradient[o * n + i][lane], want, "gradient {n}x{m}x{s}");
                    }
                }
                for (i, b) in (0..n * s).map(|k| (k / s, k % s)) {
                    let mut sum = 0.0;
                    for o in 0..m {
                        sum += weights[o * n + i] * delta[o * s + b][lane];
                    }
                    assert_eq!(back[i * s + b][lane], sum, "back {n}x{m}x{s} i={i}");
                }
            }
            let before = gradient.clone();
            let (g, bg) = (&mut gradient, &mut bias_gradient);
            dense_backward(&weights, &delta, &input, g, bg, None, s);
            assert_ne!(before, gradient);
        }
    }

    #[test]
    #[should_panic(expected = "layer shapes disagree")]
    fn shapes_are_checked_on_entry() {
        let mut out = vec![[0.0; 2]; 4];
        dense_forward(&[1.0; 3], &[0.0; 2], &[[0.0; 2]; 4], &mut out, 2);
    }
}
