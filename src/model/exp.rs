//! A branch-free eˣ for the activation functions. The library `exp` is an opaque call and was
//! the hot spot of training; this one inlines into the activation loops as straight-line code,
//! for one value (`f64`) or for a pair of lanes at once ([`F2`](super::lanes::F2), SIMD where
//! the target has it), and gives the same bits either way and on every platform, native or
//! WebAssembly.
//!
//! It comes as a ratio, eˣ = m/d, because every activation divides anyway (tanh, the
//! logistic function): folding eˣ's own division into theirs leaves one division each, and the
//! ratio form lets eʳ be a Padé approximant, about half the arithmetic of a polynomial of the
//! same accuracy.

use super::lanes::Real;

/// 1.5 · 2⁵²: adding it rounds a double of magnitude below 2⁵¹ to an integer, which then sits
/// in the low bits of the sum.
const ROUNDER: f64 = 6_755_399_441_055_744.0;
/// ln 2 cut to 21 significant bits, so that k · LN2_HI is exact for every k used here.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_0000_0000);
/// ln 2 − LN2_HI.
const LN2_LO: f64 = f64::from_bits(0x3e9f_df47_3de6_af28);
/// The largest |x| for which [`exp_ratio`] may reduce x in one step (see there).
pub(crate) const SHORT_REDUCTION_BOUND: f64 = 64.0;

/// The largest |x| [`exp_ratio`] accepts: e^±700 ≈ 10^±304, beyond anything an activation
/// needs, and 2^±1010 is still a normal double.
pub(crate) const MAX_EXPONENT: f64 = 700.0;

/// eˣ as a ratio `(m, d)`, eˣ = m/d to within a few ulps, after clamping x to `[−bound, bound]`
/// (`bound` at most [`MAX_EXPONENT`]); NaN stays NaN. `d` lies in [0.7, 1.5], `m` carries the
/// magnitude.
///
/// x = k · ln 2 + r with k an integer and |r| ≤ ln 2 / 2. With `EXACT`, r = (x − k·ln2_hi) −
/// k·ln2_lo, exact to an ulp of r for every k; without it, r = x − k·ln 2 in one step, for
/// `bound` up to [`SHORT_REDUCTION_BOUND`], where the error grows to a few ulps of x (10⁻¹⁴
/// at most): two operations fewer, for callers that need eˣ only to absolute accuracy
/// relative to 1 + eˣ, like tanh. eʳ is the [6/6] Padé approximant
/// P(r)/P(−r), P(r) = 1 + r/2 + 5r²/44 + r³/66 + r⁴/792 + r⁵/15840 + r⁶/665280, whose error is
/// below 2 · 10⁻¹⁹ on this interval. P(±r) = E(r²) ± r·O(r²) share their even and odd parts.
/// Then m = 2ᵏ · P(r) and d = P(−r).
#[inline(always)]
pub(crate) fn exp_ratio<const EXACT: bool, T: Real>(x: T, bound: f64) -> (T, T) {
    let limit = if EXACT {
        MAX_EXPONENT
    } else {
        SHORT_REDUCTION_BOUND
    };
    debug_assert!(bound <= limit);
    let c = T::splat;
    let x = x.clamp(-bound, bound);
    let shifted = x * c(std::f64::consts::LOG2_E) + c(ROUNDER);
    let k = shifted - c(ROUNDER);
    let r = if EXACT {
        (x - k * c(LN2_HI)) - k * c(LN2_LO)
    } else {
        x - k * c(std::f64::consts::LN_2)
    };
    let r2 = r * r;
    let even = ((c(1.0 / 665_280.0) * r2 + c(1.0 / 792.0)) * r2 + c(5.0 / 44.0)) * r2 + c(1.0);
    let odd = r * ((c(1.0 / 15_840.0) * r2 + c(1.0 / 66.0)) * r2 + c(0.5));
    // 2ᵏ built from its exponent bits: k sits in the low bits of `shifted`, and shifting them
    // into the exponent field drops the rounder's own bits.
    let two_k = shifted.shl52_add(1023 << 52);
    (two_k * (even + odd), even - odd)
}

#[cfg(test)]
mod tests {
    use super::super::lanes::F2;
    use super::*;

    fn exp(x: f64) -> f64 {
        let (m, d) = exp_ratio::<true, _>(x, MAX_EXPONENT);
        m / d
    }

    #[test]
    fn matches_the_library_exp_to_a_few_ulps() {
        for i in -69_999..=69_999 {
            let x = f64::from(i) / 100.0 + 0.003;
            let (got, want) = (exp(x), x.exp());
            assert!(
                ((got - want) / want).abs() < 5e-16,
                "exp({x}) = {got}, want {want}"
            );
            let (m, d) = exp_ratio::<true, _>(F2::load(&[x, -x]), MAX_EXPONENT);
            let pair = (m / d).to_array();
            assert_eq!(pair[0].to_bits(), got.to_bits(), "lanes differ at {x}");
            assert_eq!(
                pair[1].to_bits(),
                exp(-x).to_bits(),
                "lanes differ at {}",
                -x
            );
        }
        assert_eq!(exp(0.0), 1.0);
    }

    #[test]
    fn clamps_outside_its_range_and_keeps_nan() {
        let (m, d) = exp_ratio::<true, _>(F2::load(&[f64::NAN, 1e6]), MAX_EXPONENT);
        let pair = (m / d).to_array();
        assert!(pair[0].is_nan() && pair[1] == exp(700.0));
        assert_eq!(exp(1e6), exp(700.0));
        assert_eq!(exp(f64::NEG_INFINITY), exp(-700.0));
        assert!(exp(-700.0) > 0.0 && exp(700.0).is_finite());
        assert!(exp(f64::NAN).is_nan());
        let (m, d) = exp_ratio::<true, _>(50.0, 10.0);
        assert_eq!(m / d, exp(10.0));
        // The one-step reduction stays within a few ulps of x of the exact one.
        for i in -6399..=6399 {
            let x = f64::from(i) / 100.0 + 0.0031;
            let (m, d) = exp_ratio::<false, _>(x, SHORT_REDUCTION_BOUND);
            let error = (m / d - x.exp()) / x.exp();
            assert!(error.abs() < 1e-14, "exp({x}): relative error {error}");
        }
    }
}
