//! Loss and score curves of a training run, one entry per step.

use serde::Serialize;

/// Curves per step: loss and score (accuracy, or R²) on each part of the data, plus RMSE
/// for regression and the best / mean fitness of each generation for population strategies.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct History {
    /// The step number of each entry.
    pub steps: Vec<f64>,
    /// Mean training loss (with the weight penalty).
    pub train_loss: Vec<f64>,
    /// Mean validation loss (empty without validation rows).
    pub validation_loss: Vec<f64>,
    /// Mean test loss.
    pub test_loss: Vec<f64>,
    /// Training accuracy, or R² for regression.
    pub train_score: Vec<f64>,
    /// Validation accuracy or R².
    pub validation_score: Vec<f64>,
    /// Test accuracy or R².
    pub test_score: Vec<f64>,
    /// Regression: training RMSE in the target's units.
    pub train_rmse: Vec<f64>,
    /// Regression: test RMSE in the target's units.
    pub test_rmse: Vec<f64>,
    /// Population strategies: the best value of each step's candidates.
    pub generation_best: Vec<f64>,
    /// Population strategies: the mean finite value of each step's candidates.
    pub generation_mean: Vec<f64>,
    /// The steps at which the data changed mid-run (a point added or removed by hand): the
    /// run carried on from the weights it had, and the curves jump there.
    pub data_changes: Vec<f64>,
}

impl History {
    /// Drops the entries of the steps after `step` (each curve is aligned at its end with
    /// `steps`), as the curves were right after that step.
    pub(crate) fn truncate_to(&mut self, step: usize) {
        let keep = self.steps.partition_point(|&s| s <= step as f64);
        let dropped = self.steps.len() - keep;
        for curve in self.curves_mut() {
            curve.truncate(curve.len().saturating_sub(dropped));
        }
    }

    /// Every curve per step (the data changes apart), mutably.
    pub(crate) fn curves_mut(&mut self) -> [&mut Vec<f64>; 11] {
        [
            &mut self.steps,
            &mut self.train_loss,
            &mut self.validation_loss,
            &mut self.test_loss,
            &mut self.train_score,
            &mut self.validation_score,
            &mut self.test_score,
            &mut self.train_rmse,
            &mut self.test_rmse,
            &mut self.generation_best,
            &mut self.generation_mean,
        ]
    }
}
