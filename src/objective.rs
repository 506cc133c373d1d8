//! What a strategy is scored on. The driver evaluates the points a strategy asks for through
//! this trait; the strategy itself never sees the objective.

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
}
