//! Every setting of a parameter strategy, once (see [`crate::catalog`]): paths relative to the
//! strategy's settings object, ranges from the constants [`StrategySettings::validate`] checks.
//! Every rate applies mid-run; the strategy, its update rule and the population restart it.

use super::StrategyKind;
use super::grid::POINTS_RANGE;
use super::settings::{
    BETA1_RANGE, BETA2_RANGE, BLEND_RANGE, EPSILON_RANGE, LEARNING_RATE_RANGE, MIN_TOURNAMENT,
    MOMENTUM_RANGE, MUTATION_RATE_RANGE, MUTATION_SIGMA_RANGE, POPULATION_RANGE, RHO_RANGE,
    SAMPLES_RANGE, SIGMA_RANGE, SPREAD_RANGE, StrategySettings,
};
use super::settings::{Crossover, UpdateRule};
use crate::catalog::{DefaultValue, Row, SettingSpec, name, table, whole};

/// The defaults.
fn d() -> StrategySettings {
    StrategySettings::default()
}

/// A rate of the strategy `kind` ("gradient" or "genetic"): it applies mid-run.
const fn rate(
    kind: &'static [&'static str],
    path: &'static str,
    key: &'static str,
    label: &'static str,
    name: &'static str,
    range: [f64; 2],
    default: fn() -> DefaultValue,
) -> Row {
    Row::number(path, key, label, range, default)
        .named(name)
        .only(kind)
        .mid_run()
}

const GRADIENT: &[&str] = &["gradient"];
const GENETIC: &[&str] = &["genetic"];

/// A count of the genetic algorithm.
const fn count(
    path: &'static str,
    key: &'static str,
    label: &'static str,
    name: &'static str,
    range: [usize; 2],
    default: fn() -> DefaultValue,
) -> Row {
    Row::count(path, key, label, range, default)
        .named(name)
        .only(&["genetic"])
}

/// The strategy settings' rows, in link order.
static ROWS: &[Row] = &[
    Row::choice::<StrategyKind>("kind", "strategy", "Strategy", || name(d().kind)),
    Row::choice::<UpdateRule>("rule", "rule", "Update rule", || name(d().rule)).only(&["gradient"]),
    rate(
        GRADIENT,
        "learningRate",
        "alpha",
        "Learning rate α",
        "learning rate α",
        LEARNING_RATE_RANGE,
        || DefaultValue::Number(d().learning_rate),
    ),
    rate(
        GRADIENT,
        "momentum",
        "mu",
        "Momentum μ",
        "momentum μ",
        MOMENTUM_RANGE,
        || DefaultValue::Number(d().momentum),
    )
    .requires("rule", &["momentum", "nesterov"]),
    rate(
        GRADIENT,
        "rho",
        "rho",
        "Decay ρ",
        "decay ρ",
        RHO_RANGE,
        || DefaultValue::Number(d().rho),
    )
    .requires("rule", &["rmsprop"]),
    rate(
        GRADIENT,
        "beta1",
        "beta1",
        "β₁ (1st moment)",
        "β₁",
        BETA1_RANGE,
        || DefaultValue::Number(d().beta1),
    )
    .requires("rule", &["adam"]),
    rate(
        GRADIENT,
        "beta2",
        "beta2",
        "β₂ (2nd moment)",
        "β₂",
        BETA2_RANGE,
        || DefaultValue::Number(d().beta2),
    )
    .requires("rule", &["adam"]),
    rate(
        GRADIENT,
        "epsilon",
        "eps",
        "ε (small constant)",
        "ε",
        EPSILON_RANGE,
        || DefaultValue::Number(d().epsilon),
    )
    .requires("rule", &["adagrad", "rmsprop", "adam"]),
    Row::count(
        "samplesPerStep",
        "samples",
        "Samples per step",
        SAMPLES_RANGE,
        || whole(d().samples_per_step),
    )
    .named("samples per step")
    .only(&["random-global", "random-walk", "grid"])
    .mid_run(),
    Row::count(
        "gridPoints",
        "grid",
        "Grid points per axis",
        POINTS_RANGE,
        || whole(d().grid.grid_points),
    )
    .named("grid points per axis")
    .only(&["grid"]),
    Row::number("sigma", "sigma", "Step size σ", SIGMA_RANGE, || {
        DefaultValue::Number(d().sigma)
    })
    .named("step size σ")
    .only(&["random-walk"])
    .mid_run(),
    count(
        "population",
        "pop",
        "Population",
        "population",
        POPULATION_RANGE,
        || whole(d().population),
    ),
    count(
        "tournament",
        "k",
        "Tournament size k",
        "tournament size",
        [MIN_TOURNAMENT, POPULATION_RANGE[1]],
        || whole(d().tournament),
    )
    .max_from("population", 0.0)
    .mid_run(),
    Row::choice::<Crossover>("crossover", "crossover", "Crossover", || {
        name(d().crossover)
    })
    .only(&["genetic"])
    .mid_run(),
    rate(
        GENETIC,
        "blendAlpha",
        "blend",
        "Blend α",
        "blend α",
        BLEND_RANGE,
        || DefaultValue::Number(d().blend_alpha),
    )
    .requires("crossover", &["blend"]),
    rate(
        GENETIC,
        "mutationRate",
        "mrate",
        "Mutation rate",
        "mutation rate",
        MUTATION_RATE_RANGE,
        || DefaultValue::Number(d().mutation_rate),
    ),
    rate(
        GENETIC,
        "mutationSigma",
        "msigma",
        "Mutation σ",
        "mutation σ",
        MUTATION_SIGMA_RANGE,
        || DefaultValue::Number(d().mutation_sigma),
    ),
    count(
        "elitism",
        "elite",
        "Elitism (kept best)",
        "elitism",
        [0, POPULATION_RANGE[1] - 1],
        || whole(d().elitism),
    )
    .max_from("population", -1.0)
    .mid_run(),
    rate(
        GENETIC,
        "initialSpread",
        "spread",
        "Initial spread",
        "initial spread",
        SPREAD_RANGE,
        || DefaultValue::Number(d().initial_spread),
    ),
];

/// The strategy settings' table, in link order, defaults from [`StrategySettings::default`].
pub fn strategy_settings_table() -> Vec<SettingSpec> {
    table(ROWS)
}
