//! Training one model on given rows, one step at a time, with nothing for display: the
//! model's inputs and targets go in, θ comes out. [`TrainingRun`](super::TrainingRun) draws on
//! top of it; [`fit`](super::fit) runs it to a budget for cross-validation.

use super::config::{BatchMode, ModelSettings, StepUnit};
use crate::data::Target;
use crate::model::{Batching, Loss, ModelObjective, ModelSpec, Output};
use crate::objective::Objective;
use crate::search::{self, Driver, Status, StopRules, StrategyKind, StrategySettings};
use crate::{Error, Result};

/// How the weights are searched: the strategy, its batches and what one step is.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightSearch {
    /// The strategy over θ and its hyperparameters.
    pub strategy: StrategySettings,
    /// Gradient batches.
    pub batch: BatchMode,
    /// Rows per mini-batch.
    pub batch_size: usize,
    /// What one step of gradient descent is.
    pub step_unit: StepUnit,
}

/// The network for `model` on `inputs` columns whose output and loss suit `target`: sigmoid
/// for two classes, softmax for more, a linear output with squared error for values.
pub fn model_spec(model: &ModelSettings, inputs: usize, target: &Target) -> Result<ModelSpec> {
    model.validate()?;
    let output = match target.n_classes() {
        Some(classes) if classes > 2 => Output::Softmax { classes },
        Some(_) => Output::Sigmoid,
        None => Output::Linear,
    };
    let loss = match output {
        Output::Linear => Loss::Mse,
        _ => model.loss,
    };
    ModelSpec::new(
        inputs,
        &model.hidden,
        model.activation,
        output,
        loss,
        model.regularization()?,
    )
}

/// Targets as the model sees them: class indices as numbers, or values standardized with the
/// mean and scale of the training rows (so one learning rate suits every unit).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetCoding {
    /// Subtracted from a value before scaling (0 for classes).
    pub mean: f64,
    /// A value's unit in the model (1 for classes).
    pub scale: f64,
}

impl TargetCoding {
    /// The coding learnt from the training `rows` of `target`.
    pub fn fit(target: &Target, rows: &[usize]) -> TargetCoding {
        match target {
            Target::Classes { .. } => TargetCoding {
                mean: 0.0,
                scale: 1.0,
            },
            Target::Values(values) => {
                let count = rows.len().max(1) as f64;
                let mean = rows.iter().map(|&r| values[r]).sum::<f64>() / count;
                let var = rows
                    .iter()
                    .map(|&r| (values[r] - mean).powi(2))
                    .sum::<f64>()
                    / count;
                let scale = if var > 0.0 { var.sqrt() } else { 1.0 };
                TargetCoding { mean, scale }
            }
        }
    }

    /// Every row's target as the model sees it.
    pub fn encode(&self, target: &Target) -> Vec<f64> {
        match target {
            Target::Classes { labels, .. } => labels.iter().map(|&l| l as f64).collect(),
            Target::Values(values) => values
                .iter()
                .map(|v| (v - self.mean) / self.scale)
                .collect(),
        }
    }

    /// A model output back in the target's units.
    pub fn decode(&self, value: f64) -> f64 {
        value * self.scale + self.mean
    }
}

/// Most driver steps and evaluations one training may take; the page's own stop.
const STOP_RULES: StopRules = StopRules {
    max_evaluations: 200_000_000,
    max_steps: 2_000_000,
    target: None,
    patience: 2_000,
    gradient_tolerance: 1e-9,
    explosion_factor: 1e8,
};

/// One model learning from its training rows, a step at a time. A step is an epoch or one
/// batch of gradient descent (as [`WeightSearch::step_unit`] says), one GA generation or
/// one batch of random samples.
pub struct Trainer {
    driver: Driver,
    steps_per_unit: usize,
    steps: usize,
}

impl Trainer {
    /// A trainer for `spec` on row-major `inputs` (its training rows only) and their encoded
    /// `targets`, starting from `theta`; `seed` fixes the batches and the strategy's draws.
    pub fn new(
        spec: ModelSpec,
        inputs: &[f64],
        targets: &[f64],
        search: &WeightSearch,
        theta: &[f64],
        seed: u64,
    ) -> Result<Trainer> {
        search.strategy.validate()?;
        crate::error::check_count("batch size", search.batch_size, 1, 100_000)?;
        let rows = targets.len();
        if rows == 0 {
            return Err(Error::data("there are no training rows"));
        }
        let batch_size = match search.batch {
            BatchMode::Full => rows,
            BatchMode::Mini => search.batch_size.clamp(1, rows),
            BatchMode::Sgd => 1,
        };
        let batching = if batch_size == rows {
            Batching::Full
        } else {
            Batching::MiniBatch(batch_size)
        };
        let objective = ModelObjective::new(spec, inputs, targets, batching, seed)?;
        let strategy = search::build(&search.strategy, theta, &objective.bounds())?;
        let gradient = search.strategy.kind == StrategyKind::Gradient;
        let steps_per_unit = if gradient && search.step_unit == StepUnit::Epoch {
            rows.div_ceil(batch_size)
        } else {
            1
        };
        let driver = Driver::new(strategy, Box::new(objective), seed, STOP_RULES).without_trace();
        Ok(Trainer {
            driver,
            steps_per_unit,
            steps: 0,
        })
    }

    /// Takes one step; does nothing once the search has stopped.
    pub fn step(&mut self) -> Result<Status> {
        if self.driver.status().is_final() {
            return Ok(self.driver.status());
        }
        for _ in 0..self.steps_per_unit {
            if self.driver.step()?.is_final() {
                break;
            }
        }
        self.steps += 1;
        Ok(self.driver.status())
    }

    /// Steps taken.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// The driver's updates per step (an epoch's batches, else 1).
    pub fn updates_per_step(&self) -> usize {
        self.steps_per_unit
    }

    /// Where the search stands: GD's θ, the walk's θ, the GA's best individual.
    pub fn theta(&self) -> &[f64] {
        self.driver.position()
    }

    /// The search driver (status, counters, explanation, population).
    pub fn driver(&self) -> &Driver {
        &self.driver
    }

    /// Applies strategy settings that can change mid-run; `false` means a restart is needed.
    pub fn retune(&mut self, settings: &StrategySettings) -> Result<bool> {
        self.driver.retune(settings)
    }
}
