//! A race on a network's weights: every lane trains the same network on the same generated
//! data with its own strategy. Lane k of every strategy uses seed `seed + k` for the split and
//! the first weights, so all strategies of a seed start from the same θ. Every strategy scores
//! its candidates on the whole training part (full batches), so one evaluation is the same
//! work for all: one training loss. That loss is never below 0, the race's J*. A lane is a
//! [`Trainer`] alone: it scores nothing but what it trains on; the first seed's training run,
//! never stepped, shows the drawn lanes' models over its plane.

use crate::data::{Dataset, generate, generator_defaults};
use crate::rng::seeded;
use crate::search::{StrategyKind, StrategySettings};
use crate::training::{BatchMode, ModelSettings, StepUnit, Trainer, TrainingConfig, TrainingRun};
use crate::{Error, Result};

/// The most numbers the candidates of all the lanes of a race on weights may hold at once
/// (256 MB of `f64`): beyond, the race is refused before anything is built.
pub const MAX_RACE_NUMBERS: usize = 32_000_000;

/// The data a race on weights starts with.
pub const FIRST_DATA: &str = "spiral";

/// The data and the network of a race on weights.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct WeightsProblem {
    /// The generator's id (see [`crate::data::GENERATOR_IDS`]).
    pub data: String,
    /// Its number of points.
    pub points: usize,
    /// Its noise.
    pub noise: f64,
    /// Its seed: the data are the same for every lane.
    pub data_seed: u32,
    /// The network.
    pub model: ModelSettings,
}

impl Default for WeightsProblem {
    fn default() -> Self {
        let (points, noise) = generator_defaults(FIRST_DATA);
        WeightsProblem {
            data: FIRST_DATA.into(),
            points,
            noise,
            data_seed: 1,
            model: ModelSettings::default(),
        }
    }
}

impl WeightsProblem {
    /// A strategy's settings before its own fields: the Train view's (its learning rate).
    pub fn strategy_defaults() -> StrategySettings {
        TrainingConfig::default().strategy
    }

    /// The generated rows (a bad setting's error names it).
    pub fn dataset(&self) -> Result<Dataset> {
        let mut rng = seeded(self.data_seed as u64);
        generate(&self.data, self.points, self.noise, &mut rng)
    }

    /// Checks that `seeds` lanes of every one of `strategies` on a network of `params` weights
    /// fit in memory: each holds its candidates (a GA's population, a batch of random samples,
    /// else one θ) twice over (the next batch is made beside the last).
    pub fn check_size(strategies: &[StrategySettings], seeds: usize, params: usize) -> Result<()> {
        let held = |s: &StrategySettings| match s.kind {
            StrategyKind::Genetic => s.population,
            StrategyKind::RandomGlobal | StrategyKind::RandomWalk => s.samples_per_step,
            _ => 1,
        };
        let candidates: usize = strategies.iter().map(held).sum();
        let numbers = candidates
            .saturating_mul(seeds)
            .saturating_mul(params)
            .saturating_mul(2);
        if numbers > MAX_RACE_NUMBERS {
            return Err(Error::setting(
                "race size",
                format!(
                    "{seeds} seeds of candidates ({candidates} per seed over the strategies) on \
                     {params} weights would hold {numbers} numbers at once; at most \
                     {MAX_RACE_NUMBERS} fit in the page: use fewer seeds, a smaller population \
                     or a smaller network"
                ),
            ));
        }
        Ok(())
    }

    /// The configuration of `strategy`'s training from `seed`: full batches, a step per
    /// update, the split and first weights drawn from `seed`.
    fn config(&self, strategy: &StrategySettings, seed: u32) -> TrainingConfig {
        TrainingConfig {
            model: self.model.clone(),
            batch: BatchMode::Full,
            step_unit: StepUnit::Batch,
            strategy: strategy.clone(),
            seed,
            ..TrainingConfig::default()
        }
    }

    /// The lane of `strategy` from `seed` on `dataset`: the trainer of its training run (see
    /// [`WeightsProblem::shown`]), which trains and scores its training loss, nothing else.
    pub fn lane(
        &self,
        dataset: &Dataset,
        strategy: &StrategySettings,
        seed: u32,
    ) -> Result<Trainer> {
        TrainingRun::trainer_only(dataset, &self.config(strategy, seed))
    }

    /// The training run of `strategy` from `seed` on `dataset`, never stepped: its display
    /// plane, training points and pictures show the models of the lanes of `seed` (every
    /// strategy's has the same split, inputs and first weights).
    pub fn shown(
        &self,
        dataset: &Dataset,
        strategy: &StrategySettings,
        seed: u32,
    ) -> Result<TrainingRun> {
        TrainingRun::new(dataset, &self.config(strategy, seed))
    }
}
