//! The hidden-layer activation functions and their derivatives.

/// The nonlinearity applied by every hidden neuron.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// max(0, z).
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
    pub(crate) fn apply(self, values: &mut [f64]) {
        match self {
            Activation::Relu => values.iter_mut().for_each(|v| *v = v.max(0.0)),
            Activation::Tanh => values.iter_mut().for_each(|v| *v = v.tanh()),
            Activation::Sigmoid => values.iter_mut().for_each(|v| *v = sigmoid(*v)),
            Activation::Linear => {}
        }
    }

    /// Multiplies each back-propagated `delta` by the activation's derivative, which every
    /// supported activation can express through its own `outputs`.
    pub(crate) fn scale_by_derivative(self, deltas: &mut [f64], outputs: &[f64]) {
        let pairs = deltas.iter_mut().zip(outputs);
        match self {
            Activation::Relu => pairs.for_each(|(d, &a)| {
                if a <= 0.0 {
                    *d = 0.0;
                }
            }),
            Activation::Tanh => pairs.for_each(|(d, &a)| *d *= 1.0 - a * a),
            Activation::Sigmoid => pairs.for_each(|(d, &a)| *d *= a * (1.0 - a)),
            Activation::Linear => {}
        }
    }
}

/// The logistic function, computed without overflow for large |z|.
pub(crate) fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

#[cfg(test)]
mod tests {
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
                    let mut v = [x];
                    activation.apply(&mut v);
                    v[0]
                };
                let h = 1e-6;
                let numeric = (f(z + h) - f(z - h)) / (2.0 * h);
                let mut delta = [1.0];
                activation.scale_by_derivative(&mut delta, &[f(z)]);
                assert!((delta[0] - numeric).abs() < 1e-8, "{activation:?} at {z}");
            }
        }
    }

    #[test]
    fn sigmoid_is_stable_at_the_extremes() {
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-15);
    }
}
