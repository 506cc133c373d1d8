//! The settings of a training run, as the page sends them.

use crate::Result;
use crate::error::{check_count, check_range};
use crate::model::{Activation, Loss, MAX_HIDDEN_LAYERS, MAX_NEURONS, MAX_RATE, Regularization};
use crate::search::StrategySettings;
use serde::Serialize;

/// How the rows are placed in the 2-D display plane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisplayMode {
    /// Two chosen features (by default the two most informative).
    Pair,
    /// The two leading principal components of the standardized features.
    Pca,
}

crate::named_choices!(DisplayMode {
    "pair" => Pair,
    "pca" => Pca,
});

/// Which columns the model sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    /// The two displayed coordinates (the decision boundary is exact on screen).
    Display,
    /// Every feature (the display shows a slice or projection).
    All,
}

crate::named_choices!(InputMode {
    "display" => Display,
    "all" => All,
});

/// The most rows a mini-batch may hold.
pub const MAX_BATCH_SIZE: usize = 100_000;

/// Gradient batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchMode {
    /// All training rows per gradient.
    Full,
    /// `batch_size` rows per gradient.
    Mini,
    /// One row per gradient.
    Sgd,
}

crate::named_choices!(BatchMode {
    "full" => Full,
    "mini" => Mini,
    "sgd" => Sgd,
});

/// What one press of "step" does for gradient descent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepUnit {
    /// A pass over every training row.
    Epoch,
    /// One gradient update.
    Batch,
}

crate::named_choices!(StepUnit {
    "epoch" => Epoch,
    "batch" => Batch,
});

/// L1 / L2 / none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegularizationKind {
    /// No penalty.
    None,
    /// rate · Σ|w|.
    L1,
    /// rate · Σw².
    L2,
}

crate::named_choices!(RegularizationKind {
    "none" => None,
    "l1" => L1,
    "l2" => L2,
});

/// The model's architecture and loss.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelSettings {
    /// Neurons per hidden layer; empty = linear / logistic regression.
    pub hidden: Vec<usize>,
    /// Hidden activation.
    pub activation: Activation,
    /// The loss of a classifier (regression always uses MSE).
    pub loss: Loss,
    /// Weight penalty.
    pub regularization: RegularizationKind,
    /// Its rate.
    pub regularization_rate: f64,
}

impl Default for ModelSettings {
    fn default() -> Self {
        ModelSettings {
            hidden: vec![6, 6],
            activation: Activation::Tanh,
            loss: Loss::CrossEntropy,
            regularization: RegularizationKind::None,
            regularization_rate: 0.001,
        }
    }
}

impl ModelSettings {
    /// The penalty with its validated rate.
    pub fn regularization(&self) -> Result<Regularization> {
        let rate = check_range(
            "regularization rate",
            self.regularization_rate,
            0.0,
            MAX_RATE,
        )?;
        Ok(match self.regularization {
            RegularizationKind::None => Regularization::None,
            RegularizationKind::L1 => Regularization::L1(rate),
            RegularizationKind::L2 => Regularization::L2(rate),
        })
    }

    /// Checks the layer count and the neurons of each layer.
    pub fn validate(&self) -> Result<()> {
        check_count("hidden layers", self.hidden.len(), 0, MAX_HIDDEN_LAYERS)?;
        for (i, &n) in self.hidden.iter().enumerate() {
            check_count(&format!("neurons in layer {}", i + 1), n, 1, MAX_NEURONS)?;
        }
        self.regularization()?;
        Ok(())
    }
}

/// Everything that defines a training run on a given dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingConfig {
    /// Share of rows held out for the test score.
    pub test_share: f64,
    /// Share of rows held out for validation.
    pub validation_share: f64,
    /// How rows are placed on screen.
    pub display: DisplayMode,
    /// The two features shown in `Pair` mode; `None` picks the most informative pair.
    pub display_features: Option<[usize; 2]>,
    /// Which columns the model sees.
    pub inputs: InputMode,
    /// Architecture and loss.
    pub model: ModelSettings,
    /// Gradient batches.
    pub batch: BatchMode,
    /// Rows per mini-batch.
    pub batch_size: usize,
    /// What a gradient-descent step is.
    pub step_unit: StepUnit,
    /// The search strategy over the weights.
    pub strategy: StrategySettings,
    /// Seed of the split, the initial weights and the strategy.
    pub seed: u32,
}

impl TrainingConfig {
    /// How the weights are searched: the strategy, its batches and what one step is.
    pub fn weight_search(&self) -> super::WeightSearch {
        super::WeightSearch {
            strategy: self.strategy.clone(),
            batch: self.batch,
            batch_size: self.batch_size,
            step_unit: self.step_unit,
        }
    }

    /// What one step of a run is called, singular and plural (see
    /// [`WeightSearch::step_noun`](super::WeightSearch::step_noun)).
    pub fn step_noun(&self) -> (&'static str, &'static str) {
        self.weight_search().step_noun()
    }
}

impl Default for TrainingConfig {
    fn default() -> Self {
        TrainingConfig {
            test_share: 0.3,
            validation_share: 0.0,
            display: DisplayMode::Pair,
            display_features: None,
            inputs: InputMode::Display,
            model: ModelSettings::default(),
            batch: BatchMode::Mini,
            batch_size: 10,
            step_unit: StepUnit::Epoch,
            strategy: StrategySettings {
                learning_rate: 0.1,
                ..Default::default()
            },
            seed: 1,
        }
    }
}
