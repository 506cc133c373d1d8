//! What a strategy is scored on. The driver evaluates the points a strategy asks for through
//! this trait; the strategy itself never sees the objective.

use std::any::Any;

/// A function J(θ) to minimise over a box of real vectors.
pub trait Objective {
    /// The length of θ.
    fn dim(&self) -> usize;
    /// The box the search samples from: `(low, high)` per coordinate.
    fn bounds(&self) -> Vec<(f64, f64)>;
    /// J(θ). May be non-finite; the driver turns that into the "diverged" state.
    fn value(&mut self, theta: &[f64]) -> f64;
    /// J(θ), writing ∇J(θ) into `gradient` (same length as θ). An objective that samples
    /// mini-batches may advance to the next batch on each call.
    fn value_and_gradient(&mut self, theta: &[f64], gradient: &mut [f64]) -> f64;

    /// Evaluates θ — with its gradient, written into `gradient`, when one is given — doing
    /// about `budget` units of work and taking them off it; returns the value once the
    /// evaluation is complete, `None` when it needs more calls (with the same θ and buffer).
    /// Every call does some work, and the value and gradient are the same bits whether the
    /// evaluation is done at once or in parts. A unit is the objective's own measure (a row
    /// times a parameter for a model); by default an evaluation is done at once and costs 1.
    fn evaluate_part(
        &mut self,
        theta: &[f64],
        gradient: Option<&mut [f64]>,
        budget: &mut usize,
    ) -> Option<f64> {
        *budget = budget.saturating_sub(1);
        Some(match gradient {
            Some(gradient) => self.value_and_gradient(theta, gradient),
            None => self.value(theta),
        })
    }

    /// A copy of what the objective itself changes as it is evaluated (a mini-batch stream's
    /// order, position and generator), for a run's kept snapshot; `None` (the default) when
    /// its values depend on θ alone.
    fn state(&self) -> Option<Box<dyn Any>> {
        None
    }

    /// Puts back a `state` this objective gave, dropping any evaluation in progress.
    fn set_state(&mut self, _state: &dyn Any) {}
}
