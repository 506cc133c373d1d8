//! The hidden-layer activation functions and their derivatives.

use super::exp::{MAX_EXPONENT, exp_ratio};
use super::lanes::{self, F2, Lanes, Real};

/// The nonlinearity applied by every hidden neuron.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// max(0, z) (a NaN stays NaN, so divergence still shows).
    Relu,
    /// tanh(z).
    Tanh,
    /// 1 / (1 + e^(−z)).
    Sigmoid,
    /// z (a hidden layer that only mixes its inputs linearly).
    Linear,
}

crate::named_choices!(Activation {
    "relu" => Relu,
    "tanh" => Tanh,
    "sigmoid" => Sigmoid,
    "linear" => Linear,
});

impl Activation {
    /// Replaces each pre-activation in `values` by the activation's output.
    pub(crate) fn apply(self, values: &mut [Lanes]) {
        match self {
            Activation::Relu => lanes::map(values, |v| v.relu()),
            Activation::Tanh => tanh_in_place(values),
            Activation::Sigmoid => sigmoid_in_place(values),
            Activation::Linear => {}
        }
    }

    /// Multiplies each back-propagated delta by the activation's derivative, which every
    /// supported activation can express through its own `outputs`.
    pub(crate) fn scale_by_derivative(self, deltas: &mut [Lanes], outputs: &[Lanes]) {
        let one = F2::splat(1.0);
        match self {
            Activation::Relu => lanes::scale(deltas, outputs, |a| a.step()),
            Activation::Tanh => lanes::scale(deltas, outputs, |a| one - a * a),
            Activation::Sigmoid => lanes::scale(deltas, outputs, |a| a * (one - a)),
            Activation::Linear => {}
        }
    }
}

/// Replaces every lane by its tanh (one loop for the hidden layers and the output layer).
pub(crate) fn tanh_in_place(values: &mut [Lanes]) {
    let mut i = 0;
    while i < values.len() {
        tanh(F2::load(&values[i])).store(&mut values[i]);
        i += 1;
    }
}

/// Replaces every lane by its logistic function.
pub(crate) fn sigmoid_in_place(values: &mut [Lanes]) {
    let mut i = 0;
    while i < values.len() {
        sigmoid(F2::load(&values[i])).store(&mut values[i]);
        i += 1;
    }
}

/// tanh(z) = (e^(2z) − 1)/(e^(2z) + 1) = (m − d)/(m + d) for e^(2z) = m/d, accurate to about
/// 2·10⁻¹⁶ (absolute) and saturating to ±1. 2z is clamped to ±40, where tanh is already ±1 to
/// the last bit; the short reduction's error in e^(2z) (below 10⁻¹⁴, relative) moves tanh by
/// at most that times (1 − tanh²)/2, far below tanh's own rounding.
#[inline(always)]
pub(crate) fn tanh<T: Real>(z: T) -> T {
    let (m, d) = exp_ratio::<false, _>(T::splat(2.0) * z, 40.0);
    (m - d) / (m + d)
}

/// The logistic function 1/(1 + e^(−z)) = d/(d + m) for e^(−z) = m/d, saturating to 0 and 1.
#[inline(always)]
pub(crate) fn sigmoid<T: Real>(z: T) -> T {
    let (m, d) = exp_ratio::<true, _>(T::splat(0.0) - z, MAX_EXPONENT);
    d / (d + m)
}

#[cfg(test)]
mod tests {
    use super::super::lanes::{F2, LANES};
    use super::*;

    const ALL: [Activation; 4] = [
        Activation::Relu,
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Linear,
    ];

    #[test]
    fn derivative_from_output_matches_finite_differences() {
        for activation in ALL {
            for z in [-2.0, -0.3, 0.4, 1.7] {
                let f = |x: f64| {
                    let mut v = [[x; LANES]];
                    activation.apply(&mut v);
                    v[0][0]
                };
                let h = 1e-6;
                let numeric = (f(z + h) - f(z - h)) / (2.0 * h);
                let mut delta = [[1.0; LANES]];
                activation.scale_by_derivative(&mut delta, &[[f(z); LANES]]);
                assert!(
                    (delta[0][0] - numeric).abs() < 1e-8,
                    "{activation:?} at {z}"
                );
            }
        }
    }

    #[test]
    fn tanh_and_sigmoid_match_the_library_and_saturate() {
        for i in -400..=400 {
            let z = f64::from(i) / 40.0;
            assert!((tanh(z) - z.tanh()).abs() < 1e-15, "{z}");
            assert!((sigmoid(z) - 1.0 / (1.0 + (-z).exp())).abs() < 1e-15, "{z}");
        }
        // Densely, past where tanh saturates, in single values and in lane pairs.
        for i in -5000..=5000 {
            let z = f64::from(i) / 200.0 + 0.0007;
            let pair = tanh(F2::load(&[z, -z])).to_array();
            assert!((tanh(z) - z.tanh()).abs() < 5e-16, "{z}");
            assert_eq!(pair, [tanh(z), tanh(-z)]);
        }
        assert_eq!(tanh(1000.0), 1.0);
        assert_eq!(tanh(-1000.0), -1.0);
        assert!(tanh(1e-300).abs() < 1e-15);
    }

    #[test]
    fn nan_passes_through_every_activation() {
        for activation in ALL {
            let mut v = [[f64::NAN; LANES]];
            activation.apply(&mut v);
            assert!(v[0][0].is_nan(), "{activation:?}");
        }
    }

    #[test]
    fn sigmoid_is_stable_at_the_extremes() {
        assert!(sigmoid(-1000.0) < 1e-300);
        assert_eq!(sigmoid(1000.0), 1.0);
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-15);
    }
}
