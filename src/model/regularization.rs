//! Weight penalties that pull the network towards small weights (biases are never penalised).

use crate::error::{Result, check_range};

/// The largest regularization rate accepted.
pub const MAX_RATE: f64 = 10.0;

/// A penalty on the weights, added once to the batch-averaged loss.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Regularization {
    /// No penalty.
    None,
    /// rate · Σ|w| (lasso); its gradient is rate · sign(w), taken as 0 at w = 0.
    L1(f64),
    /// rate · ½Σw² (weight decay); its gradient is rate · w.
    L2(f64),
}

impl Regularization {
    /// Checks that the rate lies in `[0, MAX_RATE]`.
    pub(crate) fn validate(self) -> Result<Self> {
        match self {
            Regularization::None => {}
            Regularization::L1(rate) | Regularization::L2(rate) => {
                check_range("regularization rate", rate, 0.0, MAX_RATE)?;
            }
        }
        Ok(self)
    }

    /// The penalty on `weights`; adds its gradient to `gradient` when one is given.
    pub(crate) fn apply(self, weights: &[f64], gradient: Option<&mut [f64]>) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1(rate) => {
                if let Some(gradient) = gradient {
                    for (g, &w) in gradient.iter_mut().zip(weights) {
                        if w != 0.0 {
                            *g += rate * w.signum();
                        }
                    }
                }
                rate * weights.iter().map(|w| w.abs()).sum::<f64>()
            }
            Regularization::L2(rate) => {
                if let Some(gradient) = gradient {
                    for (g, &w) in gradient.iter_mut().zip(weights) {
                        *g += rate * w;
                    }
                }
                0.5 * rate * weights.iter().map(|w| w * w).sum::<f64>()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penalties_and_gradients() {
        let w = [2.0, -1.0, 0.0];
        let mut g = [0.0; 3];
        assert_eq!(Regularization::L1(0.5).apply(&w, Some(&mut g)), 1.5);
        assert_eq!(g, [0.5, -0.5, 0.0]);
        let mut g = [0.0; 3];
        assert_eq!(Regularization::L2(0.5).apply(&w, Some(&mut g)), 1.25);
        assert_eq!(g, [1.0, -0.5, 0.0]);
        assert_eq!(Regularization::None.apply(&w, None), 0.0);
    }

    #[test]
    fn rates_are_range_checked() {
        let err = Regularization::L2(-0.1).validate().unwrap_err();
        assert_eq!(
            err.to_string(),
            "regularization rate: must be a number from 0 to 10 (got -0.1)"
        );
        assert!(Regularization::L1(f64::NAN).validate().is_err());
        assert!(Regularization::L1(0.0).validate().is_ok());
    }
}
