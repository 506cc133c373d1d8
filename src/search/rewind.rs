//! Going back in a run: snapshots of its state kept every few steps (thinned as it grows, so
//! memory stays bounded), so that showing an earlier step restores the nearest snapshot and
//! replays only the steps after it.

use super::driver::{Driver, Snapshot, Status};
use super::settings::StrategySettings;
use crate::Result;

/// The most snapshots a run keeps.
pub const MAX_SNAPSHOTS: usize = 200;
/// The most numbers a run's snapshots may hold together (16 MB of `f64`): a large population
/// keeps fewer snapshots, further apart, and one too large for this alone keeps none.
pub const MAX_NUMBERS: usize = 2_000_000;

/// Snapshots of a run after every `every`-th step; when no more fit, `every` doubles and the
/// snapshots between drop out, so they stay spread over the whole run.
#[derive(Debug, Clone)]
pub struct Snapshots<T> {
    every: usize,
    kept: Vec<(usize, T)>,
}

impl<T> Default for Snapshots<T> {
    fn default() -> Self {
        Snapshots {
            every: 1,
            kept: Vec::new(),
        }
    }
}

impl<T> Snapshots<T> {
    /// Offers the state after step `step`: `size` tells about how many numbers a copy holds,
    /// `take` copies it when it is due and fits (`None`: it cannot be copied now).
    pub fn offer(
        &mut self,
        step: usize,
        size: impl FnOnce() -> usize,
        take: impl FnOnce() -> Option<T>,
    ) {
        if !step.is_multiple_of(self.every)
            || self.kept.last().is_some_and(|&(last, _)| last >= step)
        {
            return;
        }
        let size = size();
        if size > MAX_NUMBERS {
            return;
        }
        let Some(snapshot) = take() else { return };
        let limit = (MAX_NUMBERS / size.max(1)).min(MAX_SNAPSHOTS);
        while self.kept.len() >= limit {
            self.every *= 2;
            let every = self.every;
            self.kept.retain(|&(kept, _)| kept.is_multiple_of(every));
        }
        if step.is_multiple_of(self.every) {
            self.kept.push((step, snapshot));
        }
    }

    /// The latest snapshot at or before step `step` that `usable` accepts.
    pub fn latest(&self, step: usize, usable: impl Fn(&T) -> bool) -> Option<&T> {
        self.kept
            .iter()
            .rev()
            .filter(|&&(kept, _)| kept <= step)
            .map(|(_, snapshot)| snapshot)
            .find(|&snapshot| usable(snapshot))
    }

    /// How many are kept, and every how many steps.
    pub fn spacing(&self) -> (usize, usize) {
        (self.kept.len(), self.every)
    }

    /// Forgets them all (the run's future changed).
    pub fn clear(&mut self) {
        *self = Snapshots::default();
    }
}

/// A run that can copy its state between steps and be put back to such a copy: a search
/// [`Driver`], a training run.
pub trait Rewind {
    /// A kept copy of its state after a whole step.
    type Snapshot;
    /// Steps taken (whole steps).
    fn steps(&self) -> usize;
    /// One step (or the rest of the one in progress).
    fn step(&mut self) -> Result<Status>;
    /// A copy of its state after its last whole step; `None` while a step is in progress.
    fn snapshot(&self) -> Option<Self::Snapshot>;
    /// About how many numbers a snapshot taken now holds.
    fn snapshot_size(&self) -> usize;
    /// Whether restoring `snapshot` (taken from this run) and stepping on to step `target`
    /// gives this run's state at `target`.
    fn can_restore(&self, snapshot: &Self::Snapshot, target: usize) -> bool;
    /// Puts the run back to `snapshot`, any step in progress dropped.
    fn restore(&mut self, snapshot: &Self::Snapshot);
    /// Applies new hyperparameters mid-run; `false` means a restart is needed.
    fn retune(&mut self, settings: &StrategySettings) -> Result<bool>;
}

impl Rewind for Driver {
    type Snapshot = Snapshot;

    fn steps(&self) -> usize {
        Driver::steps(self)
    }

    fn step(&mut self) -> Result<Status> {
        Driver::step(self)
    }

    fn snapshot(&self) -> Option<Snapshot> {
        Driver::snapshot(self)
    }

    fn snapshot_size(&self) -> usize {
        Driver::snapshot_size(self)
    }

    fn can_restore(&self, snapshot: &Snapshot, target: usize) -> bool {
        Driver::can_restore(self, snapshot, target)
    }

    fn restore(&mut self, snapshot: &Snapshot) {
        Driver::restore(self, snapshot)
    }

    fn retune(&mut self, settings: &StrategySettings) -> Result<bool> {
        Driver::retune(self, settings)
    }
}

/// A run that keeps snapshots of itself as it steps, and can go back to an earlier step. It
/// reads as the run (`Deref`); it changes only through its own methods, which keep the
/// snapshots true.
pub struct Rewindable<R: Rewind> {
    run: R,
    snapshots: Snapshots<R::Snapshot>,
    /// The run's state at its start (which is after step 0 for a training run carried on
    /// after its data changed, or from a saved model's weights): as far back as it can go.
    /// Dropped when the run is retuned (restoring it would undo the new settings).
    start: Option<R::Snapshot>,
    /// Whether the run was retuned mid-run: its snapshots since are not those of the same
    /// run from its start.
    retuned: bool,
}

impl<R: Rewind> std::ops::Deref for Rewindable<R> {
    type Target = R;

    fn deref(&self) -> &R {
        &self.run
    }
}

impl<R: Rewind> Rewindable<R> {
    /// Keeps snapshots of `run` from now on.
    pub fn new(run: R) -> Self {
        Rewindable {
            start: Self::start_of(&run),
            run,
            snapshots: Snapshots::default(),
            retuned: false,
        }
    }

    /// A copy of `run` at its start, unless it is too large to keep (see [`MAX_NUMBERS`]).
    fn start_of(run: &R) -> Option<R::Snapshot> {
        (run.snapshot_size() <= MAX_NUMBERS)
            .then(|| run.snapshot())
            .flatten()
    }

    /// Carries the run on with `work` (a whole step or a part of one), then keeps the
    /// snapshot due, if the run is between steps.
    pub fn stepping<T>(&mut self, work: impl FnOnce(&mut R) -> Result<T>) -> Result<T> {
        let done = work(&mut self.run)?;
        let run = &self.run;
        let size = || run.snapshot_size();
        self.snapshots.offer(run.steps(), size, || run.snapshot());
        Ok(done)
    }

    /// Takes up to `n` steps (fewer if the run stops), keeping the snapshots due; returns the
    /// steps taken.
    pub fn step(&mut self, n: usize) -> Result<usize> {
        let before = self.run.steps();
        for _ in 0..n {
            if self.stepping(R::step)?.is_final() {
                break;
            }
        }
        Ok(self.run.steps() - before)
    }

    /// Goes back towards step `target` (before the current step): to the latest snapshot that
    /// serves, or else to the run's start (or, once retuned, to `fresh()`: the run from step 0
    /// with the settings now in force, see [`Rewindable::restart`]). Returns the step it is at;
    /// stepping on to `target` gives the same state as the run had there. (A run that starts
    /// after `target` stops at its start.)
    pub fn rewind(&mut self, target: usize, fresh: impl FnOnce() -> Result<R>) -> Result<usize> {
        if target >= self.run.steps() {
            return Ok(self.run.steps());
        }
        let run = &self.run;
        match self
            .snapshots
            .latest(target, |s| run.can_restore(s, target))
        {
            Some(snapshot) => self.run.restore(snapshot),
            None => match &self.start {
                Some(start) => self.run.restore(start),
                None => self.restart(fresh()?),
            },
        }
        Ok(self.run.steps())
    }

    /// Starts the same run again from `run` (its start, with the settings now in force); the
    /// snapshots stay true of it unless the run was retuned on the way.
    pub fn restart(&mut self, run: R) {
        if std::mem::take(&mut self.retuned) {
            self.snapshots.clear();
        }
        self.start = Self::start_of(&run);
        self.run = run;
    }

    /// Applies new hyperparameters mid-run (see [`Rewind::retune`]); the run's future changes,
    /// so the snapshots go.
    pub fn retune(&mut self, settings: &StrategySettings) -> Result<bool> {
        let applied = self.run.retune(settings)?;
        if applied {
            self.snapshots.clear();
            self.start = None;
            self.retuned = true;
        }
        Ok(applied)
    }

    /// How many snapshots are kept, and every how many steps.
    pub fn spacing(&self) -> (usize, usize) {
        self.snapshots.spacing()
    }
}
