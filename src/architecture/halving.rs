//! Successive halving: many candidates trained briefly, the best 1/η of each rung trained η
//! times longer, rung by rung, until one is left or the full budget is reached. A rung's
//! scores are partial tells: each is a score at that rung's budget of epochs.

use super::candidate::Architecture;
use super::protocol::{ArchitectureStrategy, Proposal, check_tell};
use super::random::MAX_CANDIDATES;
use super::space::SearchSpace;
use crate::Result;
use crate::error::check_count;
use crate::ranking;
use crate::rng::Rng;

/// Successive halving's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalvingSettings {
    /// Candidates in the first rung, 2 to 1000.
    pub candidates: usize,
    /// The reduction factor η, 2 to 4: each rung keeps the best 1/η, trained η× longer.
    pub eta: usize,
}

impl Default for HalvingSettings {
    fn default() -> Self {
        HalvingSettings {
            candidates: 27,
            eta: 3,
        }
    }
}

/// The rung structure: how many candidates each rung trains and for how many epochs.
pub fn rungs(settings: HalvingSettings, full_epochs: usize) -> Vec<(usize, usize)> {
    let mut sizes = vec![settings.candidates];
    while let Some(&last) = sizes.last()
        && last / settings.eta >= 1
        && last > 1
    {
        sizes.push(last / settings.eta);
    }
    // Epochs grow η× per rung and end at the full budget (at least 1 each).
    let count = sizes.len();
    sizes
        .into_iter()
        .enumerate()
        .map(|(r, size)| {
            let shrink = (settings.eta as f64).powi((count - 1 - r) as i32);
            (
                size,
                ((full_epochs as f64 / shrink).round() as usize).max(1),
            )
        })
        .collect()
}

/// Successive halving over random draws from the space.
pub struct Halving {
    plan: Vec<(usize, usize)>,
    rung: usize,
    /// This rung's architectures with their proposal indices.
    current: Vec<(usize, Architecture)>,
    /// The proposals promoted from the last told rung (indices into `current` of that rung).
    promoted: Vec<usize>,
    proposed: usize,
    asked: usize,
    settings: HalvingSettings,
}

impl Halving {
    /// Refuses settings outside their ranges.
    pub fn new(settings: HalvingSettings) -> Result<Halving> {
        check_count("candidates", settings.candidates, 2, MAX_CANDIDATES)?;
        check_count("η (reduction factor)", settings.eta, 2, 4)?;
        Ok(Halving {
            plan: Vec::new(),
            rung: 0,
            current: Vec::new(),
            promoted: Vec::new(),
            proposed: 0,
            asked: 0,
            settings,
        })
    }

    /// The rung the next ask trains (0 first).
    pub fn rung(&self) -> usize {
        self.rung
    }

    /// Proposal indices promoted by the last told rung, best first.
    pub fn promoted(&self) -> &[usize] {
        &self.promoted
    }
}

impl ArchitectureStrategy for Halving {
    fn ask(&mut self, space: &SearchSpace, rng: &mut Rng) -> Result<Vec<Proposal>> {
        if self.plan.is_empty() {
            self.plan = rungs(self.settings, space.epochs);
            self.current = (0..self.settings.candidates)
                .map(|_| (usize::MAX, space.sample(rng)))
                .collect();
        }
        let Some(&(_, epochs)) = self.plan.get(self.rung) else {
            return Ok(Vec::new());
        };
        let first = self.proposed;
        let proposals = self
            .current
            .iter_mut()
            .enumerate()
            .map(|(i, (index, architecture))| {
                let parents = if *index == usize::MAX {
                    Vec::new()
                } else {
                    vec![*index]
                };
                *index = first + i;
                Proposal {
                    architecture: architecture.clone(),
                    epochs,
                    parents,
                }
            })
            .collect::<Vec<_>>();
        self.asked = proposals.len();
        self.proposed += proposals.len();
        Ok(proposals)
    }

    fn tell(&mut self, scores: &[f64]) -> Result<()> {
        check_tell(std::mem::take(&mut self.asked), scores.len())?;
        self.rung += 1;
        let keep = self.plan.get(self.rung).map_or(0, |&(size, _)| size);
        let order = ranking::descending(scores);
        self.current = order[..keep]
            .iter()
            .map(|&i| self.current[i].clone())
            .collect();
        self.promoted = self.current.iter().map(|(index, _)| *index).collect();
        Ok(())
    }

    fn survivors(&self) -> Vec<usize> {
        self.promoted.clone()
    }

    fn planned(&self) -> usize {
        let epochs = 1; // the sizes do not depend on the epochs
        rungs(self.settings, epochs).iter().map(|&(n, _)| n).sum()
    }
}
