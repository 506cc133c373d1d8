//! Random search: independent uniform draws from the space (log-uniform for the rates), one
//! per step, until the budget of candidates is spent.

use super::protocol::{ArchitectureStrategy, Proposal, check_tell};
use super::space::SearchSpace;
use crate::Result;
use crate::error::check_count;
use crate::rng::Rng;

/// Most candidates a random or evolutionary search may train.
pub const MAX_CANDIDATES: usize = 1_000;

/// Random search's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RandomSettings {
    /// Candidates to draw and score.
    pub candidates: usize,
}

impl Default for RandomSettings {
    fn default() -> Self {
        RandomSettings { candidates: 30 }
    }
}

/// Draws `candidates` architectures, one per step.
pub struct RandomSearch {
    candidates: usize,
    drawn: usize,
    asked: usize,
}

impl RandomSearch {
    /// Refuses a budget of candidates outside 1 to [`MAX_CANDIDATES`].
    pub fn new(settings: RandomSettings) -> Result<RandomSearch> {
        check_count("candidates", settings.candidates, 1, MAX_CANDIDATES)?;
        Ok(RandomSearch {
            candidates: settings.candidates,
            drawn: 0,
            asked: 0,
        })
    }
}

impl ArchitectureStrategy for RandomSearch {
    fn ask(&mut self, space: &SearchSpace, rng: &mut Rng) -> Result<Vec<Proposal>> {
        if self.drawn == self.candidates {
            return Ok(Vec::new());
        }
        self.drawn += 1;
        self.asked = 1;
        Ok(vec![Proposal {
            architecture: space.sample(rng),
            epochs: space.epochs,
            parents: Vec::new(),
        }])
    }

    fn tell(&mut self, scores: &[f64]) -> Result<()> {
        check_tell(std::mem::take(&mut self.asked), scores.len())
    }

    fn planned(&self) -> usize {
        self.candidates
    }
}
