//! The ask/tell protocol shared by every strategy.

use super::settings::StrategySettings;
use crate::rng::Rng;
use crate::{Error, Result};

/// What a strategy shows about its last step, for drawing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepMarks {
    /// Random walk: whether the last proposal was accepted.
    pub accepted: Option<bool>,
    /// GA: for each individual of the current population, its two parents' indices in the
    /// previous population (an elite lists itself twice). Flat: 2 per individual.
    pub parents: Vec<u32>,
    /// GA: the first `elite_count` individuals of the population are elites.
    pub elite_count: usize,
}

/// A search strategy over θ ∈ ℝᵈ, driven by ask/tell.
pub trait Strategy {
    /// The dimension of θ.
    fn dim(&self) -> usize;
    /// Whether `tell` needs the gradient of every asked point.
    fn wants_gradient(&self) -> bool;
    /// Proposes the next candidates, row-major (count × dim). Asking twice without a tell
    /// in between is a protocol error.
    fn ask(&mut self, rng: &mut Rng) -> Result<&[f64]>;
    /// Does part of the work of the next `ask` ahead of it, spending at most about `budget`
    /// units (a unit: one parameter of one row, as evaluations count them); `true` when the
    /// next `ask` is ready to answer at once. The candidates are the same either way, bit for
    /// bit. Most strategies have nothing to prepare.
    fn prepare(&mut self, _rng: &mut Rng, _budget: &mut usize) -> bool {
        true
    }
    /// The candidates of the last ask, for a strategy that keeps them unchanged until its
    /// tell: the driver then copies a large population a part at a time rather than at once.
    fn asked(&self) -> Option<&[f64]> {
        None
    }
    /// While `prepare` has work left: the candidates made so far, and how many the ask has.
    fn preparation(&self) -> Option<(usize, usize)> {
        None
    }
    /// Reports the values (and, when wanted, the gradients, count × dim) of the last ask.
    fn tell(&mut self, values: &[f64], gradients: &[f64]) -> Result<()>;
    /// Whether the strategy has nothing left to ask (a grid whose every point is scored); the
    /// driver then stops the run.
    fn exhausted(&self) -> bool {
        false
    }
    /// Where the strategy stands: GD's θ, the walk's position, the GA's best individual.
    fn position(&self) -> &[f64];
    /// The update formula of the last step with its numbers filled in.
    fn explain(&self) -> String;
    /// Drawing marks of the last step.
    fn marks(&self) -> StepMarks;
    /// Applies hyperparameters that can change mid-run (rates, σ, β…). Returns `false` when
    /// the change needs a fresh strategy (another kind, another population size…).
    fn retune(&mut self, settings: &StrategySettings) -> bool;
    /// A copy of the strategy's whole state (a run's kept snapshot).
    fn snapshot(&self) -> Box<dyn Strategy>;
}

impl Clone for Box<dyn Strategy> {
    fn clone(&self) -> Self {
        self.snapshot()
    }
}

/// Bookkeeping for one outstanding ask: enforces ask → tell order and batch sizes.
#[derive(Debug, Default, Clone)]
pub struct Pending {
    asked: Option<usize>,
}

impl Pending {
    /// Records an ask of `count` candidates; fails if the previous ask was never told.
    pub fn ask(&mut self, count: usize) -> Result<()> {
        if self.asked.is_some() {
            return Err(Error::protocol(
                "ask called twice without a tell in between".into(),
            ));
        }
        self.asked = Some(count);
        Ok(())
    }

    /// Checks a tell against the outstanding ask and clears it.
    pub fn tell(
        &mut self,
        values: usize,
        gradients: usize,
        dim: usize,
        wants_gradient: bool,
    ) -> Result<()> {
        let Some(count) = self.asked else {
            return Err(Error::protocol(
                "tell called without a preceding ask".into(),
            ));
        };
        if values != count {
            return Err(Error::protocol(format!(
                "tell got {values} values for {count} asked candidates"
            )));
        }
        if wants_gradient && gradients != count * dim {
            return Err(Error::protocol(format!(
                "tell got {gradients} gradient entries, expected {} ({count} × {dim})",
                count * dim
            )));
        }
        self.asked = None;
        Ok(())
    }

    /// Forgets the outstanding ask (used when a run is abandoned mid-step).
    pub fn clear(&mut self) {
        self.asked = None;
    }
}
