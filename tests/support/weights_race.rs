//! A small race on a network's weights, shared by the race tests.

use automl_playground::race::{Problem, RaceSettings, WeightsProblem};
use automl_playground::search::settings::UpdateRule;
use automl_playground::search::{StrategyKind, StrategySettings};
use automl_playground::training::ModelSettings;

/// GD, Adam and a GA of 12 on a 4-neuron network's weights (the xor data), 3 seeds from
/// `seed`, `budget` evaluations each.
pub fn small_weights_race(seed: u32, budget: usize) -> RaceSettings {
    let rate = |rule, learning_rate| StrategySettings {
        rule,
        learning_rate,
        ..Default::default()
    };
    RaceSettings {
        problem: Problem::Weights,
        weights: WeightsProblem {
            data: "xor".into(),
            points: 80,
            model: ModelSettings {
                hidden: vec![4],
                ..Default::default()
            },
            ..Default::default()
        },
        strategies: vec![
            rate(UpdateRule::Plain, 0.3),
            rate(UpdateRule::Adam, 0.05),
            StrategySettings {
                kind: StrategyKind::Genetic,
                population: 12,
                ..Default::default()
            },
        ],
        seeds: 3,
        budget,
        seed,
        ..Default::default()
    }
}
