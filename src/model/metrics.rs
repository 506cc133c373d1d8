//! Scores for a trained θ on a subset of rows: accuracy for classifiers, RMSE and R² for
//! regression.

use crate::error::{Error, Result};

use super::lanes::{self, blocks, for_each_chunk};
use super::network::Workspace;
use super::samples::Samples;
use super::spec::ModelSpec;

impl ModelSpec {
    /// The fraction of `rows` whose predicted class matches the target (classifiers only).
    pub fn accuracy(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: impl IntoIterator<Item = usize>,
    ) -> Result<f64> {
        if !self.output().is_classifier() {
            return Err(Error::setting(
                "metric",
                "accuracy needs a classifier output",
            ));
        }
        let output = self.output();
        let mut correct = 0usize;
        let count =
            self.score_rows(theta, samples, &mut rows.into_iter(), &mut |out, target| {
                correct += usize::from(output.class_of(out) == output.class_of_target(target));
            })?;
        Ok(correct as f64 / count as f64)
    }

    /// The root mean squared error of the predictions over `rows` (linear output only).
    pub fn rmse(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: impl IntoIterator<Item = usize>,
    ) -> Result<f64> {
        let (stats, count) = self.regression_stats(theta, samples, &mut rows.into_iter())?;
        Ok((stats.squared_error / count as f64).sqrt())
    }

    /// The coefficient of determination, 1 − SS_res/SS_tot, over `rows` (linear output only;
    /// the targets must not all be equal).
    pub fn r_squared(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: impl IntoIterator<Item = usize>,
    ) -> Result<f64> {
        let (stats, _) = self.regression_stats(theta, samples, &mut rows.into_iter())?;
        if stats.target_spread == 0.0 {
            return Err(Error::data("R² needs targets that are not all equal"));
        }
        Ok(1.0 - stats.squared_error / stats.target_spread)
    }

    /// Sums of squares over `rows` for the regression metrics, and the row count.
    fn regression_stats(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: &mut dyn Iterator<Item = usize>,
    ) -> Result<(RegressionStats, usize)> {
        if self.output().is_classifier() {
            return Err(Error::setting("metric", "RMSE and R² need a linear output"));
        }
        let mut stats = RegressionStats::default();
        let count = self.score_rows(theta, samples, rows, &mut |out, target| {
            stats.add(out[0], target)
        })?;
        Ok((stats, count))
    }

    /// Runs each of `rows` forward and hands its outputs and target to `score`; returns the
    /// number of rows, failing if there are none.
    fn score_rows(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: &mut dyn Iterator<Item = usize>,
        score: &mut dyn FnMut(&[f64], f64),
    ) -> Result<usize> {
        let mut workspace = self.workspace();
        self.check_buffers(theta, &workspace);
        let at = self.outputs_at();
        let count = for_each_chunk(rows, |chunk| {
            self.forward(theta, samples.features, chunk, &mut workspace);
            let Workspace {
                activations,
                row_outputs,
                ..
            } = &mut workspace;
            let s = blocks(chunk.len());
            for (j, &row) in chunk.iter().enumerate() {
                lanes::gather(&activations[at * s..], s, j, row_outputs);
                score(row_outputs, samples.target(row));
            }
        });
        if count == 0 {
            return Err(Error::data("there are no rows to score"));
        }
        Ok(count)
    }
}

/// Running sums for RMSE and R² (Welford's update for the target spread).
#[derive(Default)]
struct RegressionStats {
    count: f64,
    target_mean: f64,
    target_spread: f64,
    squared_error: f64,
}

impl RegressionStats {
    fn add(&mut self, prediction: f64, target: f64) {
        self.count += 1.0;
        let step = target - self.target_mean;
        self.target_mean += step / self.count;
        self.target_spread += step * (target - self.target_mean);
        self.squared_error += (prediction - target).powi(2);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Activation, Loss, Output, Regularization};

    use super::*;

    #[test]
    fn regression_metrics_by_hand() {
        let spec = ModelSpec::linear_regression(1).unwrap();
        let theta = [2.0, 0.0]; // predicts 2x
        let (x, y) = ([1.0, 2.0, 3.0], [2.0, 4.0, 7.0]);
        let samples = Samples::new(&x, &y, 1).unwrap();
        // Residuals 0, 0, −1; targets' mean 13/3, SS_tot = 38/3.
        assert!((spec.rmse(&theta, &samples, 0..3).unwrap() - (1.0f64 / 3.0).sqrt()).abs() < 1e-12);
        let r2 = spec.r_squared(&theta, &samples, 0..3).unwrap();
        assert!((r2 - (1.0 - 3.0 / 38.0)).abs() < 1e-12);
        assert!(spec.accuracy(&theta, &samples, 0..3).is_err());
        assert!(spec.rmse(&theta, &samples, 0..0).is_err());
        assert!(
            spec.r_squared(&theta, &samples, [0].into_iter().chain([0]))
                .is_err()
        );
    }

    #[test]
    fn accuracy_counts_matching_classes() {
        let spec = ModelSpec::new(
            1,
            &[],
            Activation::Linear,
            Output::Tanh,
            Loss::Mse,
            Regularization::None,
        )
        .unwrap();
        let theta = [1.0, 0.0]; // tanh(x): positive class when x > 0
        let (x, y) = ([1.0, -1.0, 2.0, -3.0], [1.0, -1.0, 0.0, 0.0]);
        let samples = Samples::new(&x, &y, 1).unwrap();
        assert_eq!(spec.accuracy(&theta, &samples, 0..4).unwrap(), 0.75);
        assert_eq!(spec.accuracy(&theta, &samples, [0, 1]).unwrap(), 1.0);
        assert!(spec.rmse(&theta, &samples, 0..4).is_err());
    }
}
