//! The Race view's own settings, once (see [`crate::catalog`]): the problem, the surface (the
//! Landscapes view's rows) or the data and network of a race on weights, the space and folds of
//! a race on architectures (the Search view's rows, under their own link keys), how many strategies,
//! seeds per strategy, the evaluation budget and the first seed. Each strategy's settings are
//! in [`crate::search::catalog`].

use super::weights::FIRST_DATA;
use super::{BUDGET_RANGE, Problem, RaceSettings, SEEDS_RANGE, STRATEGIES_RANGE};
use crate::architecture::catalog::{EPOCHS, FOLDS, LAYERS, NEURONS};
use crate::catalog::{DefaultValue, Row, SettingKind, SettingSpec, name, tables, whole};
use crate::data::{GENERATOR_IDS, MAX_NOISE, MAX_POINTS, MIN_POINTS};
use crate::landscape::catalog::{SURFACE_ROWS, seed_row};
use crate::model::{Activation, MAX_HIDDEN_LAYERS, MAX_NEURONS};

fn d() -> RaceSettings {
    RaceSettings::default()
}

/// A setting of a race on weights only.
const fn weights(row: Row) -> Row {
    row.requires("problem", &["weights"])
}

/// A setting of the data of a race on weights or on architectures.
const fn data(row: Row) -> Row {
    row.requires("problem", &["weights", "architecture"])
}

/// A setting of a race on architectures only.
const fn architecture(row: Row) -> Row {
    row.requires("problem", &["architecture"])
}

/// What the race searches.
static PROBLEM_ROWS: &[Row] = &[Row::choice::<Problem>(
    "problem",
    "problem",
    "Problem",
    || name(d().problem),
)];

/// The data of a race on weights or architectures and the network of one on weights, in
/// link order.
static WEIGHTS_ROWS: &[Row] = &[
    data(
        Row::of_kind("weights.data", "data", "Data", SettingKind::Choice, || {
            DefaultValue::Name(FIRST_DATA)
        })
        .with_choices(|| GENERATOR_IDS.to_vec())
        .named("data"),
    ),
    data(
        Row::count(
            "weights.points",
            "points",
            "Points",
            [MIN_POINTS, MAX_POINTS],
            || whole(d().weights.points),
        )
        .named("points"),
    ),
    data(
        Row::number("weights.noise", "noise", "Noise", [0.0, MAX_NOISE], || {
            DefaultValue::Number(d().weights.noise)
        })
        .named("noise"),
    ),
    data(seed_row("weights.dataSeed", "dseed", "Data seed").named("data seed"))
        .defaulting(|| DefaultValue::Number(d().weights.data_seed as f64)),
    weights(
        Row::count(
            "weights.model.hidden",
            "layers",
            "Hidden layers",
            [0, MAX_HIDDEN_LAYERS],
            || DefaultValue::Counts(d().weights.model.hidden),
        )
        .named("hidden layers"),
    ),
    weights(
        Row::count(
            "weights.model.hidden.*",
            "neurons",
            "Layer {n}: neurons",
            [1, MAX_NEURONS],
            || whole(d().weights.model.hidden[0]),
        )
        .named("neurons in layer {n}")
        .unlinked(),
    ),
    weights(Row::choice::<Activation>(
        "weights.model.activation",
        "act",
        "Activation",
        || name(d().weights.model.activation),
    )),
];

/// The space and folds of a race on architectures: the Search view's rows, in link order.
static ARCHITECTURE_ROWS: &[Row] = &[
    architecture(
        LAYERS
            .at("architecture.space.layers", "alayers")
            .named("hidden layers"),
    ),
    architecture(
        NEURONS
            .at("architecture.space.neurons", "aneurons")
            .named("neurons per layer"),
    ),
    architecture(
        EPOCHS
            .at("architecture.space.epochs", "aepochs")
            .named("epochs per candidate"),
    ),
    architecture(
        FOLDS
            .at("architecture.folds", "afolds")
            .named("folds")
            .defaulting(|| whole(d().architecture.folds)),
    ),
];

/// The race's rows after the surface's, in link order.
static ROWS: &[Row] = &[
    Row::count("strategies", "n", "Strategies", STRATEGIES_RANGE, || {
        whole(d().strategies.len())
    })
    .named("strategies")
    .unlinked(),
    Row::count("seeds", "seeds", "Seeds per strategy", SEEDS_RANGE, || {
        whole(d().seeds)
    })
    .named("seeds"),
    Row::count(
        "budget",
        "budget",
        "Evaluation budget",
        BUDGET_RANGE,
        || whole(d().budget),
    )
    .named("evaluation budget"),
    seed_row("seed", "seed", "First seed").defaulting(|| DefaultValue::Number(d().seed as f64)),
];

/// The Race view's table: the problem, the surface's rows, the weights' rows, the
/// architectures' rows, then the race's, defaults from [`RaceSettings::default`].
pub fn race_settings_table() -> Vec<SettingSpec> {
    tables(&[
        PROBLEM_ROWS,
        SURFACE_ROWS,
        WEIGHTS_ROWS,
        ARCHITECTURE_ROWS,
        ROWS,
    ])
}
