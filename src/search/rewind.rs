//! Going back in a run: snapshots of its state kept every few steps (thinned as it grows, so
//! memory stays bounded), so that showing an earlier step restores the nearest snapshot and
//! replays only the steps after it.

use super::driver::{Driver, Snapshot};
use super::settings::StrategySettings;
use crate::Result;

/// The most snapshots a run keeps.
pub const MAX_SNAPSHOTS: usize = 200;
/// The most numbers a run's snapshots may hold together (16 MB of `f64`): a large population
/// keeps fewer snapshots, further apart.
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
    /// Offers the state after step `step`: `take` copies it when it is due (`None`: it cannot
    /// be copied now), `size` tells about how many numbers a copy holds.
    pub fn offer(
        &mut self,
        step: usize,
        take: impl FnOnce() -> Option<T>,
        size: impl Fn(&T) -> usize,
    ) {
        if !step.is_multiple_of(self.every)
            || self.kept.last().is_some_and(|&(last, _)| last >= step)
        {
            return;
        }
        let Some(snapshot) = take() else { return };
        let limit = (MAX_NUMBERS / size(&snapshot).max(1)).clamp(1, MAX_SNAPSHOTS);
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

/// A driver that keeps snapshots of its run as it steps, and can go back to an earlier step.
pub struct Rewindable {
    driver: Driver,
    snapshots: Snapshots<Snapshot>,
}

impl Rewindable {
    /// Keeps snapshots of `driver`'s run from now on.
    pub fn new(driver: Driver) -> Self {
        Rewindable {
            driver,
            snapshots: Snapshots::default(),
        }
    }

    /// The run.
    pub fn driver(&self) -> &Driver {
        &self.driver
    }

    /// Takes up to `n` steps (fewer if the run stops), keeping the snapshots due; returns the
    /// steps taken.
    pub fn step(&mut self, n: usize) -> Result<usize> {
        let before = self.driver.steps();
        for _ in 0..n {
            let status = self.driver.step()?;
            let driver = &self.driver;
            self.snapshots
                .offer(driver.steps(), || driver.snapshot(), Snapshot::size);
            if status.is_final() {
                break;
            }
        }
        Ok(self.driver.steps() - before)
    }

    /// Goes back towards step `target` (before the current step): to the latest snapshot that
    /// serves, or else to `fresh()`, the same run from its start (the snapshots, still true of
    /// it, are kept). Returns the step it is at; stepping on to `target` gives the same state
    /// and trace as the run had there.
    pub fn rewind(
        &mut self,
        target: usize,
        fresh: impl FnOnce() -> Result<Driver>,
    ) -> Result<usize> {
        if target >= self.driver.steps() {
            return Ok(self.driver.steps());
        }
        let driver = &self.driver;
        match self
            .snapshots
            .latest(target, |s| driver.can_restore(s, target))
        {
            Some(snapshot) => self.driver.restore(snapshot),
            None => self.driver = fresh()?,
        }
        Ok(self.driver.steps())
    }

    /// Starts the same run again from `driver` (its start); the snapshots stay true of it.
    pub fn restart(&mut self, driver: Driver) {
        self.driver = driver;
    }

    /// Applies new hyperparameters mid-run (see [`Driver::retune`]); the run's future changes,
    /// so the snapshots go.
    pub fn retune(&mut self, settings: &StrategySettings) -> Result<bool> {
        let applied = self.driver.retune(settings)?;
        if applied {
            self.snapshots.clear();
        }
        Ok(applied)
    }

    /// How many snapshots are kept, and every how many steps.
    pub fn spacing(&self) -> (usize, usize) {
        self.snapshots.spacing()
    }
}
