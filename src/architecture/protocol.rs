//! The ask/tell protocol of the searches over architectures. Like the strategies over θ, a
//! strategy never trains anything: it proposes, the search scores, the strategy learns.

use super::candidate::Architecture;
use super::space::SearchSpace;
use crate::Result;
use crate::rng::Rng;

/// One candidate to evaluate: an architecture and how many epochs to train it.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// What to train.
    pub architecture: Architecture,
    /// Its training budget in epochs.
    pub epochs: usize,
    /// The candidates it came from, as indices into everything proposed so far (in order):
    /// an evolved child's parents, a promoted candidate's earlier rung; empty for a fresh one.
    pub parents: Vec<usize>,
}

/// A search over architectures, one step at a time. A step asks a batch: one candidate
/// (grid, random), one generation (evolution) or one rung (successive halving).
pub trait ArchitectureStrategy {
    /// The next batch to evaluate, every proposal inside `space`; empty once the search is over.
    fn ask(&mut self, space: &SearchSpace, rng: &mut Rng) -> Result<Vec<Proposal>>;
    /// The score of each proposal of the last ask, in order (higher is better; NaN: the
    /// candidate failed). With successive halving a tell is partial: a score at a rung's budget.
    fn tell(&mut self, scores: &[f64]) -> Result<()>;
    /// How many proposals the whole search makes, when known in advance.
    fn planned(&self) -> usize;
    /// The proposals (by index) that go on after the last tell: evolution's elites, the
    /// candidates successive halving promoted; none for the others.
    fn survivors(&self) -> Vec<usize> {
        Vec::new()
    }
}

/// Checks a tell against the number of proposals asked.
pub(super) fn check_tell(asked: usize, told: usize) -> Result<()> {
    if asked == told {
        Ok(())
    } else {
        Err(crate::Error::protocol(format!(
            "tell got {told} scores for {asked} proposals"
        )))
    }
}
