//! Every setting of a search for a model, once: its path in the settings object, its key in a
//! share link, its label, kind, range and default. The page builds its fields, its checks'
//! hints and its link keys from this table; the core checks the values themselves.

use super::evolution::EvolutionSettings;
use super::halving::HalvingSettings;
use super::random::{MAX_CANDIDATES, RandomSettings};
use super::search::SearchSettings;
use super::space::{L2_LIMITS, LEARNING_RATE_LIMITS, MAX_EPOCHS, MAX_GRID_STEPS};
use crate::catalog::{DefaultValue, SettingKind, SettingSpec, names};
use crate::choice::Choice;
use crate::model::{Activation, MAX_HIDDEN_LAYERS, MAX_NEURONS};
use crate::search::settings::UpdateRule;
use crate::training::MAX_FOLDS;

/// A setting whose value is a non-empty subset of the names of `T`, `default` by default.
fn subset<T: Choice>(
    path: &'static str,
    key: &'static str,
    label: &'static str,
    default: &[T],
) -> SettingSpec {
    let default = DefaultValue::Names(default.iter().map(|item| item.name()).collect());
    SettingSpec::of_kind(path, key, label, SettingKind::Choices, default).with_choices(names::<T>())
}

/// The table of a search's settings, defaults from [`SearchSettings::default`] and each
/// strategy's own settings type.
pub fn search_settings_table() -> Vec<SettingSpec> {
    use SettingKind::{CountRange, Flag, LogRange};
    let d = SearchSettings::default();
    let (random, evolution, halving) = (
        RandomSettings::default(),
        EvolutionSettings::default(),
        HalvingSettings::default(),
    );
    let s = &d.space;
    let pair = |lo: usize, hi: usize| DefaultValue::Pair([lo as f64, hi as f64]);
    let grid = |path, key, label, min, steps| {
        SettingSpec::count(path, key, label, [min, MAX_GRID_STEPS], steps).only(&["grid"])
    };
    vec![
        SettingSpec::of_kind(
            "strategy.kind",
            "strategy",
            "Strategy",
            SettingKind::Choice,
            DefaultValue::Name("random"),
        )
        .with_choices(vec!["grid", "random", "evolution", "halving"]),
        SettingSpec::count(
            "strategy.candidates",
            "cand",
            "Candidates",
            [1, MAX_CANDIDATES],
            random.candidates,
        )
        .only(&["random", "evolution", "halving"]),
        SettingSpec::count(
            "strategy.population",
            "pop",
            "Population",
            [4, 50],
            evolution.population,
        )
        .only(&["evolution"]),
        SettingSpec::count(
            "strategy.tournament",
            "tour",
            "Tournament size",
            [2, 50],
            evolution.tournament,
        )
        .only(&["evolution"]),
        SettingSpec::count(
            "strategy.elitism",
            "elite",
            "Elites kept",
            [0, 49],
            evolution.elitism,
        )
        .only(&["evolution"]),
        SettingSpec::number(
            "strategy.mutationRate",
            "mrate",
            "Extra mutation chance",
            [0.0, 0.9],
            evolution.mutation_rate,
        )
        .only(&["evolution"]),
        SettingSpec::count(
            "strategy.eta",
            "eta",
            "Keep 1/η per rung",
            [2, 4],
            halving.eta,
        )
        .only(&["halving"]),
        SettingSpec::of_kind(
            "space.layers",
            "layers",
            "Hidden layers",
            CountRange,
            pair(s.layers.min, s.layers.max),
        )
        .within([0.0, MAX_HIDDEN_LAYERS as f64]),
        SettingSpec::of_kind(
            "space.neurons",
            "neurons",
            "Neurons per layer",
            CountRange,
            pair(s.neurons.min, s.neurons.max),
        )
        .within([1.0, MAX_NEURONS as f64]),
        subset::<Activation>("space.activations", "acts", "Activations", &s.activations),
        subset::<UpdateRule>("space.rules", "rules", "Update rules", &s.rules),
        SettingSpec::of_kind(
            "space.learningRate",
            "lr",
            "Learning rate α",
            LogRange,
            DefaultValue::Pair([s.learning_rate.min, s.learning_rate.max]),
        )
        .within(LEARNING_RATE_LIMITS),
        SettingSpec::of_kind(
            "space.l2",
            "l2",
            "L2 rate",
            LogRange,
            DefaultValue::Pair([s.l2.min, s.l2.max]),
        )
        .within(L2_LIMITS),
        SettingSpec::of_kind(
            "space.l2Zero",
            "l2zero",
            "Also try no L2",
            Flag,
            DefaultValue::Flag(s.l2.zero),
        )
        .within([0.0, 1.0]),
        SettingSpec::count(
            "space.epochs",
            "epochs",
            "Epochs per candidate",
            [1, MAX_EPOCHS],
            s.epochs,
        ),
        grid("space.layerSteps", "gl", "Grid: depths", 1, s.layers.steps),
        grid(
            "space.neuronSteps",
            "gn",
            "Grid: widths",
            1,
            s.neurons.steps,
        ),
        grid(
            "space.learningRateSteps",
            "glr",
            "Grid: learning rates",
            1,
            s.learning_rate.steps,
        ),
        grid("space.l2Steps", "gl2", "Grid: L2 rates", 0, s.l2.steps),
        SettingSpec::count("folds.k", "folds", "Folds k", [2, MAX_FOLDS], d.folds.k),
        SettingSpec::of_kind(
            "folds.stratified",
            "strat",
            "Stratified folds",
            Flag,
            DefaultValue::Flag(d.folds.stratified),
        )
        .within([0.0, 1.0]),
        SettingSpec::number(
            "testShare",
            "test",
            "Held-out test share",
            [0.05, 0.5],
            d.test_share,
        ),
        SettingSpec::count(
            "seed",
            "seed",
            "Seed",
            [0, u32::MAX as usize],
            d.seed as usize,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::check_table;

    #[test]
    fn every_setting_has_its_own_path_and_link_key() {
        assert_eq!(check_table(&search_settings_table()), Ok(()));
    }
}
