//! A race on a network's weights: every lane trains the same network on the same generated
//! data with its own strategy. Lane k of every strategy uses seed `seed + k` for the split and
//! the first weights, so all strategies of a seed start from the same θ. Every strategy scores
//! its candidates on the whole training part (full batches), so one evaluation is the same
//! work for all: one training loss. That loss is never below 0, the race's J*.

use crate::Result;
use crate::data::{Dataset, generate, generator_defaults};
use crate::rng::seeded;
use crate::search::StrategySettings;
use crate::training::{BatchMode, ModelSettings, StepUnit, TrainingConfig, TrainingRun};

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

    /// The training run of `strategy` from `seed` on `dataset`: full batches, a step per
    /// update, the split and first weights drawn from `seed`.
    pub fn lane(
        &self,
        dataset: &Dataset,
        strategy: &StrategySettings,
        seed: u32,
    ) -> Result<TrainingRun> {
        let config = TrainingConfig {
            model: self.model.clone(),
            batch: BatchMode::Full,
            step_unit: StepUnit::Batch,
            strategy: strategy.clone(),
            seed,
            ..TrainingConfig::default()
        };
        TrainingRun::new(dataset, &config)
    }
}
