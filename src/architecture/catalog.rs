//! Every setting of a search for a model, once: its path in the settings object, its key in a
//! share link, its label, kind, range and default. The page builds its fields, its checks'
//! hints and its link keys from this table; the core checks the values themselves.

use super::evolution::EvolutionSettings;
use super::halving::HalvingSettings;
use super::random::{MAX_CANDIDATES, RandomSettings};
use super::search::SearchSettings;
use super::space::{L2_LIMITS, LEARNING_RATE_LIMITS, MAX_EPOCHS, MAX_GRID_STEPS};
use crate::catalog::{DefaultValue, Row, SettingKind, SettingSpec, names, table, whole};
use crate::choice::Choice;
use crate::model::{Activation, MAX_HIDDEN_LAYERS, MAX_NEURONS};
use crate::search::settings::UpdateRule;
use crate::training::MAX_FOLDS;

/// The defaults.
fn d() -> SearchSettings {
    SearchSettings::default()
}

/// The names of `items`, as a default.
fn names_of<T: Choice>(items: &[T]) -> DefaultValue {
    DefaultValue::Names(items.iter().map(|item| item.name()).collect())
}

/// `[lo, hi]` of whole numbers, as a default.
fn pair(lo: usize, hi: usize) -> DefaultValue {
    DefaultValue::Pair([lo as f64, hi as f64])
}

/// A setting whose value is a non-empty subset of the names of `T`.
const fn subset<T: Choice>(
    path: &'static str,
    key: &'static str,
    label: &'static str,
    default: fn() -> DefaultValue,
) -> Row {
    Row::of_kind(path, key, label, SettingKind::Choices, default).with_choices(names::<T>)
}

/// A grid's number of steps (grid search only).
const fn grid(
    path: &'static str,
    key: &'static str,
    label: &'static str,
    min: usize,
    steps: fn() -> DefaultValue,
) -> Row {
    Row::count(path, key, label, [min, MAX_GRID_STEPS], steps).only(&["grid"])
}

/// A whole-number range setting `[min, max]` within `[0, most]`.
const fn count_range(
    path: &'static str,
    key: &'static str,
    label: &'static str,
    default: fn() -> DefaultValue,
    within: [f64; 2],
) -> Row {
    Row::of_kind(path, key, label, SettingKind::CountRange, default).within(within)
}

/// The range of hidden layers (the Race view's too).
pub const LAYERS: Row = count_range(
    "space.layers",
    "layers",
    "Hidden layers",
    || pair(d().space.layers.min, d().space.layers.max),
    [0.0, MAX_HIDDEN_LAYERS as f64],
);

/// The range of neurons per layer (the Race view's too).
pub const NEURONS: Row = count_range(
    "space.neurons",
    "neurons",
    "Neurons per layer",
    || pair(d().space.neurons.min, d().space.neurons.max),
    [1.0, MAX_NEURONS as f64],
);

/// Epochs per candidate (the Race view's too).
pub const EPOCHS: Row = Row::count(
    "space.epochs",
    "epochs",
    "Epochs per candidate",
    [1, MAX_EPOCHS],
    || whole(d().space.epochs),
);

/// Folds k (the Race view's too).
pub const FOLDS: Row = Row::count("folds.k", "folds", "Folds k", [2, MAX_FOLDS], || {
    whole(d().folds.k)
});

/// A search's rows, in link order.
static ROWS: &[Row] = &[
    Row::of_kind(
        "strategy.kind",
        "strategy",
        "Strategy",
        SettingKind::Choice,
        || DefaultValue::Name("random"),
    )
    .with_choices(|| vec!["grid", "random", "evolution", "halving"]),
    Row::count(
        "strategy.candidates",
        "cand",
        "Candidates",
        [1, MAX_CANDIDATES],
        || whole(RandomSettings::default().candidates),
    )
    .only(&["random", "evolution", "halving"]),
    Row::count("strategy.population", "pop", "Population", [4, 50], || {
        whole(EvolutionSettings::default().population)
    })
    .only(&["evolution"]),
    Row::count(
        "strategy.tournament",
        "tour",
        "Tournament size",
        [2, 50],
        || whole(EvolutionSettings::default().tournament),
    )
    .only(&["evolution"]),
    Row::count("strategy.elitism", "elite", "Elites kept", [0, 49], || {
        whole(EvolutionSettings::default().elitism)
    })
    .only(&["evolution"]),
    Row::number(
        "strategy.mutationRate",
        "mrate",
        "Extra mutation chance",
        [0.0, 0.9],
        || DefaultValue::Number(EvolutionSettings::default().mutation_rate),
    )
    .only(&["evolution"]),
    Row::count("strategy.eta", "eta", "Keep 1/η per rung", [2, 4], || {
        whole(HalvingSettings::default().eta)
    })
    .only(&["halving"]),
    LAYERS,
    NEURONS,
    subset::<Activation>("space.activations", "acts", "Activations", || {
        names_of(&d().space.activations)
    }),
    subset::<UpdateRule>("space.rules", "rules", "Update rules", || {
        names_of(&d().space.rules)
    }),
    Row::of_kind(
        "space.learningRate",
        "lr",
        "Learning rate α",
        SettingKind::LogRange,
        || {
            let r = d().space.learning_rate;
            DefaultValue::Pair([r.min, r.max])
        },
    )
    .within(LEARNING_RATE_LIMITS),
    Row::of_kind("space.l2", "l2", "L2 rate", SettingKind::LogRange, || {
        let r = d().space.l2;
        DefaultValue::Pair([r.min, r.max])
    })
    .within(L2_LIMITS),
    Row::of_kind(
        "space.l2Zero",
        "l2zero",
        "Also try no L2",
        SettingKind::Flag,
        || DefaultValue::Flag(d().space.l2.zero),
    )
    .within([0.0, 1.0]),
    EPOCHS,
    grid("space.layerSteps", "gl", "Grid: depths", 1, || {
        whole(d().space.layers.steps)
    }),
    grid("space.neuronSteps", "gn", "Grid: widths", 1, || {
        whole(d().space.neurons.steps)
    }),
    grid(
        "space.learningRateSteps",
        "glr",
        "Grid: learning rates",
        1,
        || whole(d().space.learning_rate.steps),
    ),
    grid("space.l2Steps", "gl2", "Grid: L2 rates", 0, || {
        whole(d().space.l2.steps)
    }),
    FOLDS,
    Row::of_kind(
        "folds.stratified",
        "strat",
        "Stratified folds",
        SettingKind::Flag,
        || DefaultValue::Flag(d().folds.stratified),
    )
    .within([0.0, 1.0]),
    Row::number(
        "testShare",
        "test",
        "Held-out test share",
        [0.05, 0.5],
        || DefaultValue::Number(d().test_share),
    ),
    Row::count("seed", "seed", "Seed", [0, u32::MAX as usize], || {
        DefaultValue::Number(d().seed as f64)
    }),
];

/// The table of a search's settings, defaults from [`SearchSettings::default`] and each
/// strategy's own settings type.
pub fn search_settings_table() -> Vec<SettingSpec> {
    table(ROWS)
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
