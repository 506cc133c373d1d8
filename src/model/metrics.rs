//! Scores for a trained θ on a subset of rows: accuracy for classifiers, RMSE and R² for
//! regression.

use crate::error::{Error, Result};

use super::lanes::{self, CHUNK, blocks, for_each_chunk};
use super::network::Workspace;
use super::output::Output;
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
        Ok(self
            .score_rows(theta, samples, &mut rows.into_iter())?
            .accuracy())
    }

    /// The root mean squared error of the predictions over `rows` (linear output only).
    pub fn rmse(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: impl IntoIterator<Item = usize>,
    ) -> Result<f64> {
        Ok(self
            .regression_tally(theta, samples, &mut rows.into_iter())?
            .rmse())
    }

    /// The coefficient of determination, 1 − SS_res/SS_tot, over `rows` (linear output only;
    /// the targets must not all be equal).
    pub fn r_squared(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: impl IntoIterator<Item = usize>,
    ) -> Result<f64> {
        self.regression_tally(theta, samples, &mut rows.into_iter())?
            .r_squared()
            .ok_or_else(|| Error::data("R² needs targets that are not all equal"))
    }

    /// The regression sums over `rows`.
    fn regression_tally(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: &mut dyn Iterator<Item = usize>,
    ) -> Result<Tally> {
        if self.output().is_classifier() {
            return Err(Error::setting("metric", "RMSE and R² need a linear output"));
        }
        self.score_rows(theta, samples, rows)
    }

    /// Runs each of `rows` forward and tallies its outputs against its target, failing if
    /// there are no rows.
    fn score_rows(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: &mut dyn Iterator<Item = usize>,
    ) -> Result<Tally> {
        let mut workspace = self.workspace();
        self.check_buffers(theta, &workspace);
        let mut tally = Tally::default();
        for_each_chunk(rows, |chunk| {
            self.score_chunk(theta, samples, chunk, &mut workspace, &mut tally, None)
        });
        if tally.count == 0 {
            return Err(Error::data("there are no rows to score"));
        }
        Ok(tally)
    }

    /// Runs a chunk of rows forward and adds each row's outputs and target to `tally`,
    /// flagging in `misses` (indexed by row) the rows a classifier gets wrong.
    fn score_chunk(
        &self,
        theta: &[f64],
        samples: &Samples<'_>,
        chunk: &[usize],
        workspace: &mut Workspace,
        tally: &mut Tally,
        mut misses: Option<&mut [u8]>,
    ) {
        self.forward(theta, samples.features, chunk, workspace);
        let Workspace {
            activations,
            row_outputs,
            ..
        } = workspace;
        let (s, at, output) = (blocks(chunk.len()), self.outputs_at(), self.output());
        for (j, &row) in chunk.iter().enumerate() {
            lanes::gather(&activations[at * s..], s, j, row_outputs);
            let miss = tally.add(output, row_outputs, samples.target(row));
            if let Some(misses) = misses.as_deref_mut() {
                misses[row] = u8::from(miss);
            }
        }
    }
}

/// Scores of a model over some rows, worked out a few chunks of rows at a time: the same
/// sums in the same order as [`ModelSpec::accuracy`], [`ModelSpec::rmse`] and
/// [`ModelSpec::r_squared`] at once, so the same bits.
#[derive(Debug, Clone, Default)]
pub struct ScorePass {
    done: usize,
    tally: Tally,
}

impl ScorePass {
    /// Carries the pass of `theta` over `rows` (at least one) of `samples` on for about
    /// `budget` units (a row times a parameter), at least one chunk of rows, taking them off
    /// `budget`; flags in `misses` (indexed by row) the rows a classifier gets wrong. Returns
    /// the tally once the last row is done, leaving the pass ready for the next one. Panics
    /// if `rows` is empty, a row is out of range, or θ or `workspace` do not fit the model.
    #[allow(clippy::too_many_arguments)]
    pub fn resume(
        &mut self,
        spec: &ModelSpec,
        theta: &[f64],
        samples: &Samples<'_>,
        rows: &[usize],
        workspace: &mut Workspace,
        mut misses: Option<&mut [u8]>,
        budget: &mut usize,
    ) -> Option<Tally> {
        assert!(!rows.is_empty(), "a pass needs at least one row");
        if self.done == 0 {
            self.tally = Tally::default();
            spec.check_buffers(theta, workspace);
        }
        let per_row = spec.n_params().max(1);
        loop {
            let end = (self.done + CHUNK).min(rows.len());
            let chunk = &rows[self.done..end];
            spec.score_chunk(
                theta,
                samples,
                chunk,
                workspace,
                &mut self.tally,
                misses.as_deref_mut(),
            );
            *budget = budget.saturating_sub(chunk.len().saturating_mul(per_row));
            self.done = end;
            if end == rows.len() {
                self.done = 0;
                return Some(std::mem::take(&mut self.tally));
            }
            if *budget == 0 {
                return None;
            }
        }
    }
}

/// What scoring some rows adds up: the rows whose class is right (classifiers), or running
/// sums for RMSE and R² (regression).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    count: usize,
    correct: usize,
    stats: RegressionStats,
}

impl Tally {
    /// Adds a row's outputs and target; returns whether a classifier got it wrong.
    fn add(&mut self, output: Output, outputs: &[f64], target: f64) -> bool {
        self.count += 1;
        if !output.is_classifier() {
            self.stats.add(outputs[0], target);
            return false;
        }
        let right = output.class_of(outputs) == output.class_of_target(target);
        self.correct += usize::from(right);
        !right
    }

    /// The fraction of rows whose class is right (a classifier's).
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.count as f64
    }

    /// The root mean squared error (a regression's).
    pub fn rmse(&self) -> f64 {
        (self.stats.squared_error / self.count as f64).sqrt()
    }

    /// 1 − SS_res/SS_tot (a regression's); `None` when the targets are all equal.
    pub fn r_squared(&self) -> Option<f64> {
        (self.stats.target_spread != 0.0)
            .then(|| 1.0 - self.stats.squared_error / self.stats.target_spread)
    }
}

/// Running sums for RMSE and R² (Welford's update for the target spread).
#[derive(Debug, Clone, Default)]
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
