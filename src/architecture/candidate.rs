//! One point of the search space: a network's shape and how it is trained.

use crate::choice::Choice;
use crate::model::Activation;
use crate::search::settings::UpdateRule;
use crate::search::{StrategyKind, StrategySettings};
use crate::text::Num;
use crate::training::{
    BatchMode, FitSettings, InputMode, ModelSettings, RegularizationKind, StepUnit, TrainingConfig,
};

/// Rows per mini-batch when a candidate trains.
pub const CANDIDATE_BATCH_SIZE: usize = 10;

/// A candidate architecture with its training hyperparameters. Variable length: `hidden`
/// holds one width per hidden layer (empty: a linear or logistic model).
#[derive(Debug, Clone, PartialEq)]
pub struct Architecture {
    /// Neurons per hidden layer.
    pub hidden: Vec<usize>,
    /// The hidden activation.
    pub activation: Activation,
    /// The gradient-descent update rule.
    pub rule: UpdateRule,
    /// The learning rate α.
    pub learning_rate: f64,
    /// The L2 penalty rate (0: none).
    pub l2: f64,
}

impl Architecture {
    /// How this candidate is trained for `epochs` epochs of mini-batch gradient descent.
    pub fn fit_settings(&self, epochs: usize) -> FitSettings {
        let config = self.training_config(0);
        FitSettings {
            search: config.weight_search(),
            model: config.model,
            steps: epochs,
        }
    }

    /// The Train a model view's settings that train this candidate as the search trains it
    /// (the same network, penalty, update rule, rate and mini-batches, a step per epoch) on a
    /// dataset of `features` columns: every column when there are more than two.
    pub fn training_config(&self, features: usize) -> TrainingConfig {
        let defaults = TrainingConfig::default();
        let penalized = self.l2 > 0.0;
        TrainingConfig {
            inputs: if features > 2 {
                InputMode::All
            } else {
                InputMode::Display
            },
            model: ModelSettings {
                hidden: self.hidden.clone(),
                activation: self.activation,
                regularization: if penalized {
                    RegularizationKind::L2
                } else {
                    RegularizationKind::None
                },
                // Without a penalty the rate is unused: the view keeps its default in the field.
                regularization_rate: if penalized {
                    self.l2
                } else {
                    defaults.model.regularization_rate
                },
                ..defaults.model.clone()
            },
            batch: BatchMode::Mini,
            batch_size: CANDIDATE_BATCH_SIZE,
            step_unit: StepUnit::Epoch,
            strategy: StrategySettings {
                kind: StrategyKind::Gradient,
                rule: self.rule,
                learning_rate: self.learning_rate,
                ..Default::default()
            },
            ..defaults
        }
    }

    /// The layer sizes from inputs to outputs, e.g. `[2, 8, 8, 1]`.
    pub fn layer_sizes(&self, inputs: usize, outputs: usize) -> Vec<usize> {
        std::iter::once(inputs)
            .chain(self.hidden.iter().copied())
            .chain(std::iter::once(outputs))
            .collect()
    }

    /// The number of weights and biases of the network.
    pub fn parameter_count(&self, inputs: usize, outputs: usize) -> usize {
        self.layer_sizes(inputs, outputs)
            .windows(2)
            .map(|w| (w[0] + 1) * w[1])
            .sum()
    }

    /// A one-line name, e.g. `2-8-8-1 tanh · adam lr 0.03 · L2 0.001` (a model without hidden
    /// layers has no activation, and no penalty reads "no L2").
    pub fn describe(&self, inputs: usize, outputs: usize) -> String {
        let shape = self
            .layer_sizes(inputs, outputs)
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("-");
        let activation = if self.hidden.is_empty() {
            String::new()
        } else {
            format!(" {}", self.activation.name())
        };
        let l2 = if self.l2 > 0.0 {
            format!("L2 {}", Num(self.l2))
        } else {
            "no L2".to_string()
        };
        format!(
            "{shape}{activation} · {} lr {} · {l2}",
            self.rule.name(),
            Num(self.learning_rate)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_architecture_names_itself_and_counts_its_parameters() {
        let a = Architecture {
            hidden: vec![8, 8],
            activation: Activation::Tanh,
            rule: UpdateRule::Adam,
            learning_rate: 0.03,
            l2: 0.001,
        };
        assert_eq!(a.describe(2, 1), "2-8-8-1 tanh · adam lr 0.03 · L2 0.001");
        // (2+1)·8 + (8+1)·8 + (8+1)·1
        assert_eq!(a.parameter_count(2, 1), 24 + 72 + 9);
        let linear = Architecture {
            hidden: vec![],
            l2: 0.0,
            ..a
        };
        assert_eq!(linear.describe(4, 3), "4-3 · adam lr 0.03 · no L2");
        assert_eq!(linear.parameter_count(4, 3), 15);
    }
}
