//! Search strategies over a real vector θ, all speaking one ask/tell protocol, and the
//! [`Driver`] that steps them against an [`Objective`](crate::objective::Objective).
//!
//! A strategy proposes candidates (`ask`), the driver evaluates them, the strategy learns
//! from the values (`tell`). The strategy never calls the objective, so the page can draw
//! what was asked before it is scored, and every algorithm is a resumable state machine.

pub mod catalog;
pub mod driver;
pub mod explain;
pub mod genetic;
pub mod gradient;
pub mod grid;
pub mod protocol;
pub mod random;
pub mod rewind;
pub mod settings;
pub mod trace;

pub use driver::{Driver, Snapshot, Status, StopRules};
pub use protocol::{Pending, StepMarks, Strategy};
pub use rewind::{Rewind, Rewindable};
pub use settings::{StrategyKind, StrategySettings};

use crate::Result;

/// Builds the strategy described by `settings`, starting from `start` inside `bounds`.
pub fn build(
    settings: &StrategySettings,
    start: &[f64],
    bounds: &[(f64, f64)],
) -> Result<Box<dyn Strategy>> {
    settings.validate()?;
    Ok(match settings.kind {
        StrategyKind::Gradient => Box::new(gradient::GradientDescent::new(settings, start)),
        StrategyKind::RandomGlobal => {
            Box::new(random::GlobalSampling::new(settings, start, bounds))
        }
        StrategyKind::RandomWalk => Box::new(random::LocalWalk::new(settings, start, bounds)),
        StrategyKind::Genetic => Box::new(genetic::Genetic::new(settings, start, bounds)),
        StrategyKind::Grid => Box::new(grid::GridSearch::new(settings, start, bounds)?),
    })
}
