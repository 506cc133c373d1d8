//! The hidden-layer activation functions and their derivatives.

use super::exp::exp;
use super::lanes::{self, Lanes};

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

impl Activation {
    /// Replaces each pre-activation in `values` by the activation's output.
    pub(crate) fn apply(self, values: &mut [Lanes]) {
        match self {
            Activation::Relu => values
                .iter_mut()
                .for_each(|v| lanes::map(v, |z| if z < 0.0 { 0.0 } else { z })),
            Activation::Tanh => values.iter_mut().for_each(|v| lanes::map(v, tanh)),
            Activation::Sigmoid => values.iter_mut().for_each(|v| lanes::map(v, sigmoid)),
            Activation::Linear => {}
        }
    }

    /// Multiplies each back-propagated delta by the activation's derivative, which every
    /// supported activation can express through its own `outputs`.
    pub(crate) fn scale_by_derivative(self, deltas: &mut [Lanes], outputs: &[Lanes]) {
        let pairs = deltas.iter_mut().zip(outputs);
        match self {
            Activation::Relu => {
                pairs.for_each(|(d, a)| lanes::scale(d, a, |a| if a > 0.0 { 1.0 } else { 0.0 }));
            }
            Activation::Tanh => pairs.for_each(|(d, a)| lanes::scale(d, a, |a| 1.0 - a * a)),
            Activation::Sigmoid => pairs.for_each(|(d, a)| lanes::scale(d, a, |a| a * (1.0 - a))),
            Activation::Linear => {}
        }
    }
}

/// tanh(z) as 1 − 2/(e^(2z) + 1), accurate to about 10⁻¹⁶ (absolute) and saturating to ±1.
#[inline(always)]
pub(crate) fn tanh(z: f64) -> f64 {
    1.0 - 2.0 / (exp(2.0 * z) + 1.0)
}

/// The logistic function 1/(1 + e^(−z)), saturating to 0 and 1.
#[inline(always)]
pub(crate) fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + exp(-z))
}

#[cfg(test)]
mod tests {
    use super::super::lanes::LANES;
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
