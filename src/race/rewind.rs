//! Going back in a race ([`Rewind`] for [`Race`], kept by a [`crate::search::Rewindable`]): a
//! snapshot holds every lane's own (a driver's on a surface, a trainer's on weights), the
//! step, and how far to cut the best-so-far curves and the bands back to. A race on
//! architectures keeps none (its folds train in workers): it replays from its start.

use super::{Problem, Race, Runner};
use crate::Result;
use crate::search::{Rewind, Snapshot, Status, StrategySettings};
use crate::training::TrainerSnapshot;

/// A lane's runner as kept.
enum RunnerSnapshot {
    Surface(Snapshot),
    Weights(TrainerSnapshot),
    /// A lane not built yet: its strategy's index and its seed (it stays unbuilt).
    Unbuilt(usize, u32),
}

/// A kept copy of a race's state after a whole step: restoring it and stepping on gives the
/// same race, bit for bit.
pub struct RaceSnapshot {
    /// Per lane: its runner and the length of its best-so-far curve.
    lanes: Vec<(RunnerSnapshot, usize)>,
    /// The step (the bands are cut back to it: they hold evaluations 1..=step).
    step: usize,
}

impl RunnerSnapshot {
    /// A copy of `runner` between its steps (`None` mid-step, or a search lane).
    fn of(runner: &Runner) -> Option<RunnerSnapshot> {
        match runner {
            Runner::Surface(driver) => driver.snapshot().map(RunnerSnapshot::Surface),
            Runner::Weights(trainer) => trainer.snapshot().map(RunnerSnapshot::Weights),
            Runner::Unbuilt(s, seed) => Some(RunnerSnapshot::Unbuilt(*s, *seed)),
            Runner::Search(_) => None,
        }
    }

    /// Whether `runner` can be put back to it: the same kind, its drawn path still holding
    /// what stepping on from it cannot record again (a lane on weights keeps no path), or a
    /// lane that was not built yet.
    fn fits(&self, runner: &Runner) -> bool {
        match (self, runner) {
            (RunnerSnapshot::Surface(kept), Runner::Surface(driver)) => {
                // The snapshot's own step asks the most of the path (any later target less).
                driver.can_restore(kept, kept.step())
            }
            (RunnerSnapshot::Weights(_), Runner::Weights(_)) | (RunnerSnapshot::Unbuilt(..), _) => {
                true
            }
            _ => false,
        }
    }

    /// Puts `runner` back to it (see [`RunnerSnapshot::fits`]).
    fn restore(&self, runner: &mut Runner) {
        match (self, runner) {
            (RunnerSnapshot::Surface(kept), Runner::Surface(driver)) => driver.restore(kept),
            (RunnerSnapshot::Weights(kept), Runner::Weights(trainer)) => trainer.restore(kept),
            (&RunnerSnapshot::Unbuilt(s, seed), runner) => *runner = Runner::Unbuilt(s, seed),
            // `fits` refused it: a rewind does not use such a snapshot.
            _ => {}
        }
    }
}

impl Rewind for Race {
    type Snapshot = RaceSnapshot;

    fn steps(&self) -> usize {
        self.step
    }

    fn step(&mut self) -> Result<Status> {
        Race::step(self, 1)?;
        Ok(self.status())
    }

    /// `None` while a step is in progress, and always on architectures.
    fn snapshot(&self) -> Option<RaceSnapshot> {
        if self.partway || self.settings.problem == Problem::Architecture {
            return None;
        }
        let mut lanes = Vec::with_capacity(self.lanes.len());
        for lane in &self.lanes {
            lanes.push((RunnerSnapshot::of(&lane.runner)?, lane.curve.len()));
        }
        Some(RaceSnapshot {
            lanes,
            step: self.step,
        })
    }

    fn snapshot_size(&self) -> usize {
        let mut size = self.lanes.len();
        for lane in &self.lanes {
            size += match &lane.runner {
                Runner::Surface(driver) => driver.snapshot_size(),
                Runner::Weights(trainer) => trainer.snapshot_size(),
                Runner::Search(_) | Runner::Unbuilt(..) => 0,
            };
        }
        size
    }

    fn can_restore(&self, snapshot: &RaceSnapshot, target: usize) -> bool {
        snapshot.step <= target
            && target <= self.step
            && snapshot.lanes.len() == self.lanes.len()
            && (snapshot.lanes.iter().zip(&self.lanes))
                .all(|((kept, _), lane)| kept.fits(&lane.runner))
    }

    /// Puts the race back to `snapshot`, any step in progress dropped, the curves and bands
    /// cut back to its step.
    fn restore(&mut self, snapshot: &RaceSnapshot) {
        for ((kept, length), lane) in snapshot.lanes.iter().zip(&mut self.lanes) {
            kept.restore(&mut lane.runner);
            lane.curve.truncate(*length);
        }
        self.step = snapshot.step;
        for bands in &mut self.bands {
            bands.truncate(snapshot.step);
        }
        self.partway = false;
        self.jobs.clear();
    }

    /// A race's strategies are fixed: a change of settings is a new race.
    fn retune(&mut self, _: &StrategySettings) -> Result<bool> {
        Ok(false)
    }
}
