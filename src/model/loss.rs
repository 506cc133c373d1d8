//! The per-sample loss and its derivative with respect to the output pre-activations.

use super::activation::sigmoid;
use super::lanes::Real;
use super::output::Output;

/// How far a prediction is from its target; averaged over the rows of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// Half squared error ½·Σₖ(outₖ − yₖ)², with y the target in the output's coding (one-hot
    /// for softmax), so that its derivative is the error itself.
    Mse,
    /// Cross-entropy −Σₖ yₖ·ln pₖ of the predicted class probabilities (classifier outputs
    /// only), computed from the pre-activations so that it stays finite for confident
    /// predictions. A tanh output is read as the probability (1 + out)/2.
    CrossEntropy,
}

crate::named_choices!(Loss {
    "mse" => Mse,
    "cross-entropy" => CrossEntropy,
});

/// The target of a single-output head in the output's own coding: as it is for a linear
/// output, 1/0 for a sigmoid, ±1 for tanh.
pub(crate) fn coded_target(output: Output, target: f64) -> f64 {
    let positive = f64::from(u8::from(target > 0.0));
    match output {
        Output::Sigmoid => positive,
        Output::Tanh => 2.0 * positive - 1.0,
        Output::Linear | Output::Softmax { .. } => target,
    }
}

/// A single-output head under MSE: the error e = out − y (y coded as by [`coded_target`]) and
/// ½e²'s derivative with respect to the pre-activation, for one row (`f64`) or a pair of lanes.
#[inline(always)]
pub(crate) fn mse_error<T: Real>(output: Output, out: T, y: T) -> (T, T) {
    let e = out - y;
    let one = T::splat(1.0);
    let delta = match output {
        Output::Sigmoid => e * out * (one - out),
        Output::Tanh => e * (one - out * out),
        Output::Linear | Output::Softmax { .. } => e,
    };
    (e, delta)
}

/// The loss of one sample and, in `delta`, its derivative with respect to each output
/// pre-activation. `z` are the pre-activations and `out` the activated outputs.
pub(crate) fn loss_and_delta(
    output: Output,
    loss: Loss,
    z: &[f64],
    out: &[f64],
    target: f64,
    delta: &mut [f64],
) -> f64 {
    let positive = f64::from(u8::from(target > 0.0));
    match (output, loss) {
        // A linear output only ever pairs with MSE: `ModelSpec::new` refuses cross-entropy.
        (Output::Linear, _) | (Output::Sigmoid | Output::Tanh, Loss::Mse) => {
            let (e, d) = mse_error(output, out[0], coded_target(output, target));
            delta[0] = d;
            0.5 * e * e
        }
        (Output::Softmax { .. }, Loss::Mse) => {
            let class = target as usize;
            let error = |k: usize, p: f64| p - f64::from(u8::from(k == class));
            let weighted: f64 = out.iter().enumerate().map(|(k, &p)| p * error(k, p)).sum();
            let mut total = 0.0;
            for (k, (d, &p)) in delta.iter_mut().zip(out).enumerate() {
                let e = error(k, p);
                *d = p * (e - weighted);
                total += e * e;
            }
            0.5 * total
        }
        (Output::Sigmoid, Loss::CrossEntropy) => {
            delta[0] = out[0] - positive;
            softplus(z[0]) - positive * z[0]
        }
        (Output::Tanh, Loss::CrossEntropy) => {
            // (1 + tanh z)/2 = σ(2z): a logistic output on the doubled pre-activation.
            let logit = 2.0 * z[0];
            delta[0] = 2.0 * (sigmoid(logit) - positive);
            softplus(logit) - positive * logit
        }
        (Output::Softmax { .. }, Loss::CrossEntropy) => {
            let class = target as usize;
            for (k, (d, &p)) in delta.iter_mut().zip(out).enumerate() {
                *d = p - f64::from(u8::from(k == class));
            }
            log_sum_exp(z) - z[class]
        }
    }
}

/// ln(1 + eˣ) without overflow. max(x, 0) is spelled as a comparison: `f64::max` is a call
/// to `fmax` in WebAssembly (its own max differs on NaN), and the sum is the same either way
/// (NaN makes the second term NaN; −0 and +0 add alike to it, which is positive).
fn softplus(x: f64) -> f64 {
    (if x > 0.0 { x } else { 0.0 }) + (-x.abs()).exp().ln_1p()
}

/// ln Σ e^(zₖ) without overflow.
fn log_sum_exp(z: &[f64]) -> f64 {
    let max = z.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    max + z.iter().map(|&v| (v - max).exp()).sum::<f64>().ln()
}

#[cfg(test)]
mod tests {
    use super::super::lanes::{LANES, Lanes};
    use super::*;

    /// Checks the returned delta against central differences of the loss in z.
    fn check(output: Output, loss: Loss, z: &[f64], target: f64) {
        let eval = |z: &[f64], delta: &mut [f64]| {
            let mut lanes: Vec<Lanes> = z.iter().map(|&v| [v; LANES]).collect();
            output.activate(&mut lanes, 1);
            let out: Vec<f64> = lanes.iter().map(|v| v[0]).collect();
            loss_and_delta(output, loss, z, &out, target, delta)
        };
        let mut delta = vec![0.0; z.len()];
        eval(z, &mut delta);
        let mut scratch = vec![0.0; z.len()];
        for k in 0..z.len() {
            let h = 1e-6;
            let mut zp = z.to_vec();
            zp[k] += h;
            let mut zm = z.to_vec();
            zm[k] -= h;
            let numeric = (eval(&zp, &mut scratch) - eval(&zm, &mut scratch)) / (2.0 * h);
            assert!(
                (delta[k] - numeric).abs() < 1e-7,
                "{output:?} {loss:?} k={k}"
            );
        }
    }

    #[test]
    fn deltas_are_the_derivatives_of_the_losses() {
        for loss in [Loss::Mse, Loss::CrossEntropy] {
            for target in [-1.0, 0.0, 1.0] {
                check(Output::Sigmoid, loss, &[0.7], target);
                check(Output::Tanh, loss, &[-0.4], target);
            }
            check(Output::Softmax { classes: 3 }, loss, &[0.3, -1.2, 0.8], 2.0);
        }
        check(Output::Linear, Loss::Mse, &[1.3], -0.5);
    }

    #[test]
    fn cross_entropy_stays_finite_when_confidently_wrong() {
        let mut delta = [0.0];
        let loss = loss_and_delta(
            Output::Sigmoid,
            Loss::CrossEntropy,
            &[800.0],
            &[1.0],
            0.0,
            &mut delta,
        );
        assert!((loss - 800.0).abs() < 1e-9);
        let z = [900.0, 0.0];
        let mut delta = [0.0; 2];
        let softmax = Output::Softmax { classes: 2 };
        let loss = loss_and_delta(
            softmax,
            Loss::CrossEntropy,
            &z,
            &[1.0, 0.0],
            1.0,
            &mut delta,
        );
        assert!((loss - 900.0).abs() < 1e-9);
    }

    #[test]
    fn softplus_and_log_sum_exp_agree_with_the_naive_formulas() {
        assert!((softplus(0.5) - (1.0 + 0.5f64.exp()).ln()).abs() < 1e-15);
        assert!((log_sum_exp(&[0.1, 0.2]) - (0.1f64.exp() + 0.2f64.exp()).ln()).abs() < 1e-15);
    }
}
