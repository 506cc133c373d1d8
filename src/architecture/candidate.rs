//! One point of the search space: a network's shape and how it is trained.

use crate::choice::Choice;
use crate::model::Activation;
use crate::search::settings::UpdateRule;
use crate::search::{StrategyKind, StrategySettings};
use crate::text::Num;
use crate::training::{
    BatchMode, FitSettings, ModelSettings, RegularizationKind, StepUnit, WeightSearch,
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
        FitSettings {
            model: ModelSettings {
                hidden: self.hidden.clone(),
                activation: self.activation,
                regularization: if self.l2 > 0.0 {
                    RegularizationKind::L2
                } else {
                    RegularizationKind::None
                },
                regularization_rate: self.l2,
                ..Default::default()
            },
            search: WeightSearch {
                strategy: StrategySettings {
                    kind: StrategyKind::Gradient,
                    rule: self.rule,
                    learning_rate: self.learning_rate,
                    ..Default::default()
                },
                batch: BatchMode::Mini,
                batch_size: CANDIDATE_BATCH_SIZE,
                step_unit: StepUnit::Epoch,
            },
            steps: epochs,
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
